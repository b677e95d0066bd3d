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

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>
#include <exception>
#include <stdexcept>

namespace lernraum::app {

namespace fs = std::filesystem;

namespace {

report::ReportHeader toHeader(const ui::ReportHead& head) {
    return {head.organisation, head.fileNumber, head.author, head.status};
}

// $XDG_CACHE_HOME/lernraum (absolute only, XDG spec), else ~/.cache/lernraum, else the temp dir.
fs::path reportCacheDir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "lernraum";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "lernraum";
    return fs::temp_directory_path() / "lernraum";
}

} // namespace

namespace {

std::string writeReport(const core::Session& session, const std::string& path, std::string_view format, std::string_view lang,
                        const ui::ReportHead& head, unsigned mode) {
    report::ReportOptions options;
    options.header = toHeader(head);
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
    save.newFileMode = mode;
    if (const auto error = store::writeFileAtomically(path, text, save)) return error->toString();
    return {};
}

} // namespace

std::string exportReportFile(const core::Session& session, const std::string& path, std::string_view format,
                             std::string_view lang, const ui::ReportHead& head) {
    return writeReport(session, path, format, lang, head, 0666);
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

std::string openReportInBrowser(const core::Session& session, std::string_view lang, const ui::ReportHead& head) {
    std::error_code ec;
    const fs::path dir = reportCacheDir();
    fs::create_directories(dir, ec);
    if (ec) return dir.string() + ": error: " + ec.message();
    fs::permissions(dir, fs::perms::owner_all, ec); // the report may name the workshop: private
    // Reports opened more than a day ago (by this or an earlier run) have been read: remove them.
    const auto dayAgo = fs::file_time_type::clock::now() - std::chrono::hours(24);
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code fileEc;
        if (name.starts_with("transferbericht-") && name.ends_with(".html") && it->is_regular_file(fileEc) &&
            it->last_write_time(fileEc) < dayAgo && !fileEc)
            fs::remove(it->path(), fileEc);
    }
    // One file per process, replaced on every open (the browser has read it by the next one).
    const std::string path = (dir / ("transferbericht-" + std::to_string(::getpid()) + ".html")).string();
    fs::remove(path, ec); // a new file gets mode 0600 (an existing one would keep its own)
    if (std::string error = writeReport(session, path, "html", lang, head, 0600); !error.empty()) return error;
    // The desktop's opener; LERNRAUM_OPEN_COMMAND replaces it (tests, other desktops).
    const char* custom = std::getenv("LERNRAUM_OPEN_COMMAND");
    const std::string opener = custom && *custom ? custom : "xdg-open";
    std::vector<char*> argv{const_cast<char*>(opener.c_str()), const_cast<char*>(path.c_str()), nullptr};
    pid_t pid = 0;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    const int rc = ::posix_spawnp(&pid, opener.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return opener + ": error: " + std::strerror(rc) + " (the report is at " + path + ")";
    // Never wait in the frame: a detached thread reaps the opener whenever it ends.
    std::thread([pid] {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }).detach();
    return {};
}

void addExportServices(ui::ShellServices& services) {
    services.exportReport = exportReportFile;
    services.openReport = openReportInBrowser;
    services.exportResearch = exportResearchDirectory;
}

} // namespace lernraum::app
