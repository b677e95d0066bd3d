#pragma once
// Translated display names of the model's enums (German-first; machine names live in core).

#include "core/types.hpp"

#include <string>

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
// "09:30" style clock text for a minute offset; "m:ss" for seconds.
std::string formatClock(int minutes);
std::string formatSeconds(int seconds);

} // namespace lernraum::ui
