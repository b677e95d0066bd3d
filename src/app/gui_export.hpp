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
                             std::string_view lang);

// The research data set of one session written into dir, pseudonym key at defaultResearchKeyFile().
ui::ResearchExportOutcome exportResearchDirectory(const core::Session& session, const std::string& dir);

// Sets services.exportReport and services.exportResearch to the functions above.
void addExportServices(ui::ShellServices& services);

} // namespace lernraum::app
