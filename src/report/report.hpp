#pragma once
// The transfer report (Transferbericht): one session or a series of sessions of a Lernraum as
// Markdown, as one self-contained HTML file (inline CSS with an A4 print stylesheet and page
// numbers, inline SVG charts, no scripts, no external resources) or as an OpenDocument text (.odt,
// the charts as PNG). A pure function: the same sessions and options give the same bytes (no
// clock, no locale; the "as of" date is the latest session date).

#include "core/formats.hpp"
#include "document.hpp"
#include "core/model.hpp"
#include "strings.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::report {

enum class ReportFormat { Markdown, Html, Odt };

struct ReportOptions {
    ReportFormat format = ReportFormat::Markdown;
    Language language = Language::German;
    // Participant and facilitator names; off by default (privacy). Without it, names of the
    // participants and the facilitator of every session in the report, e-mail addresses and phone
    // numbers are also scrubbed from free text (cards, items, actions, observations, ...).
    bool includeNames = false;
    // The retrospective formats, for their names ("4L: Gemocht / ..."); without it the id is shown.
    const core::RetroLibrary* library = nullptr;
    // Organisation, file number (Aktenzeichen), author, status ("Entwurf"): shown under the title
    // and (HTML print, ODT) in the page header. Typed by the user; not scrubbed.
    ReportHeader header{};
};

// Sessions are ordered by date (then id); several sessions give one report over time.
// Markdown and HTML give text; ODT gives the bytes of a zip package (write them in binary).
std::string renderReport(const std::vector<core::Session>& series, const ReportOptions& options);

// "md" / "markdown" / "html" / "odt"; "de" / "en". std::nullopt for anything else.
std::optional<ReportFormat> parseReportFormat(std::string_view name);
std::optional<Language> parseLanguage(std::string_view name);

} // namespace lernraum::report
