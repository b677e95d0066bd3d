#pragma once
// The transfer report (Transferbericht): one session or a series of sessions of a Lernraum as
// Markdown or as one self-contained HTML file (inline CSS with an A4 print stylesheet, inline SVG
// charts, no scripts, no external resources). A pure function: the same sessions and options give
// the same bytes (no clock, no locale; the "as of" date is the latest session date).

#include "core/model.hpp"
#include "strings.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::report {

enum class ReportFormat { Markdown, Html };

struct ReportOptions {
    ReportFormat format = ReportFormat::Markdown;
    Language language = Language::German;
    bool includeNames = false; // participant and facilitator names; off by default (privacy)
};

// Sessions are ordered by date (then id); several sessions give one report over time.
std::string renderReport(const std::vector<core::Session>& series, const ReportOptions& options);

// "md" / "markdown" / "html"; "de" / "en". std::nullopt for anything else.
std::optional<ReportFormat> parseReportFormat(std::string_view name);
std::optional<Language> parseLanguage(std::string_view name);

} // namespace lernraum::report
