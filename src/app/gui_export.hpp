#pragma once
// File > Export of the GUI: wires ShellServices::exportReport / exportResearch to the report
// functions (src/report), the key file helpers (research_key.hpp) and the store's atomic writes.

#include "core/model.hpp"
#include "ui/export_menu.hpp"

#include <string>
#include <string_view>

namespace lernraum::ui {
struct ShellServices;
}

namespace lernraum::app {

// The transfer report of one session ("html"/"md"/"odt", "de"/"en") written to path; error text or "".
std::string exportReportFile(const core::Session& session, const std::string& path, std::string_view format,
                             std::string_view lang, const ui::ReportHead& head = {});

// File > Export > Open / print report: the HTML report written to $XDG_CACHE_HOME/lernraum (0600),
// handed to xdg-open (or $LERNRAUM_OPEN_COMMAND) as a child process that is never waited for in
// the frame. Error text or "".
std::string openReportInBrowser(const core::Session& session, std::string_view lang, const ui::ReportHead& head);

// The research data set of one session written into dir, pseudonym key at defaultResearchKeyFile().
ui::ResearchExportOutcome exportResearchDirectory(const core::Session& session, const std::string& dir);

// Sets services.exportReport and services.exportResearch to the functions above.
void addExportServices(ui::ShellServices& services);

} // namespace lernraum::app
