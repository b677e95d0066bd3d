// File > Export of the GUI (see gui_export.hpp). The same steps as `lernraum report` and
// `lernraum export-research` in cmd_report.cpp, for the one open session.

#include "app/gui_export.hpp"

#include "app/research_key.hpp"
#include "report/report.hpp"
#include "report/research_export.hpp"
#include "store/session_file.hpp"
#include "ui/i18n.hpp"
#include "ui/retro_library.hpp"
#include "ui/shell.hpp"

#include <filesystem>
#include <exception>
#include <stdexcept>

namespace lernraum::app {

namespace fs = std::filesystem;

std::string exportReportFile(const core::Session& session, const std::string& path, std::string_view format,
                             std::string_view lang) {
    report::ReportOptions options;
    const auto parsedFormat = report::parseReportFormat(format);
    const auto parsedLanguage = report::parseLanguage(lang);
    if (!parsedFormat || !parsedLanguage) return path + ": error: unknown report format or language";
    options.format = *parsedFormat;
    options.language = *parsedLanguage;
    options.library = &ui::retroLibrary();
    std::string text;
    try {
        text = report::renderReport({session}, options);
    } catch (const std::exception& e) { // the ODT package could not be built
        return path + ": error: " + e.what();
    }
    store::SaveOptions save;
    save.keepBackup = false;
    if (const auto error = store::writeFileAtomically(path, text, save)) return error->toString();
    return {};
}

ui::ResearchExportOutcome exportResearchDirectory(const core::Session& session, const std::string& dir) {
    ui::ResearchExportOutcome outcome;
    if (!session.researchConsent) {
        outcome.error = _("This workshop has no research consent. Only sessions whose participants agreed to the "
                          "research use are exported.");
        return outcome;
    }
    const fs::path keyPath = defaultResearchKeyFile();
    outcome.keyFile = keyPath.string();
    const ResearchKey key = loadOrCreateResearchKey(keyPath, dir);
    if (key.key.empty()) {
        outcome.error = keyPath.string() + ": " + key.error;
        return outcome;
    }
    outcome.keyCreated = key.created;
    outcome.warning = key.warning;

    report::ExportOptions options;
    options.key = key.key;
    options.sessionSchemaVersion = store::kSchemaVersion;
    for (const auto& f : ui::retroLibrary().formats) options.knownFormatIds.push_back(f.id);
    report::ResearchExport result;
    try {
        result = report::exportResearch({{"session", session}}, options);
    } catch (const std::invalid_argument& e) {
        outcome.error = e.what();
        return outcome;
    }
    if (result.exportedSessions == 0) {
        outcome.error = result.skipped.empty() ? std::string("nothing exported") : result.skipped.front().reason;
        return outcome;
    }
    const auto files = result.files();
    if (const auto error = writeExportDirectory(dir, files)) {
        outcome.error = dir + ": error: " + *error;
        return outcome;
    }
    outcome.files = static_cast<int>(files.size());
    return outcome;
}

void addExportServices(ui::ShellServices& services) {
    services.exportReport = exportReportFile;
    services.exportResearch = exportResearchDirectory;
}

} // namespace lernraum::app
