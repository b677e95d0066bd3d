#pragma once
// Translated display names of the model's enums (German-first; machine names live in core).

#include "core/types.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace lernraum::ui {

const char* label(core::SessionKind v);
const char* label(core::Role v);
const char* label(core::Phase v);
const char* label(core::ActionStatus v);
const char* label(core::ExperimentStatus v);
const char* label(core::ExperimentResult v);
const char* label(core::EvidenceStrength v);
const char* label(core::Decision v);

// "22.11.2026" in German, "2026-11-22" in English; "" when not set.
std::string formatDate(const core::Date& date);
// What a user types as a date, in either language: "2026-12-16" or "16.12.2026" / "1.2.2027"
// (four-digit years only); "" = not set. nullopt when it is not a calendar date.
std::optional<core::Date> parseDate(std::string_view text);
// "09:30" style clock text for a minute offset; "m:ss" for seconds.
std::string formatClock(int minutes);
std::string formatSeconds(int seconds);
// A number with one decimal in the UI language: "3,5" in German, "3.5" in English.
std::string formatDecimal(double value);

} // namespace lernraum::ui
