// Subcommands that turn session files into documents for others: report (transfer report) and
// export-research (anonymized research data set). The work itself is done by the pure functions
// in src/report; this file only reads files, handles the key file and writes results.

#include "cli.hpp"
#include "research_key.hpp"

#include "core/generate.hpp"
#include "report/bench_export.hpp"
#include "report/report.hpp"
#include "report/research_export.hpp"
#include "store/assets_file.hpp"
#include "store/session_file.hpp"
#include "ui/base_dirs.hpp"
#include "ui/i18n.hpp"

#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

namespace lernraum::app {

namespace fs = std::filesystem;

namespace {

std::string loadErrorLine(const store::LoadError& error) { return error.toString(); }

// The retrospective formats (names for the report, known ids for the export); empty when the
// assets are not found (the report then shows format ids).
const core::RetroLibrary& retroLibrary() {
    static const core::RetroLibrary library = [] {
        std::error_code ec;
        const auto exe = fs::read_symlink("/proc/self/exe", ec);
        return store::findRetroLibrary(ec ? fs::path{} : exe.parent_path()).library;
    }();
    return library;
}

} // namespace

// Sorted, so the order never depends on the file system.
std::vector<fs::path> collectSessionFiles(const std::vector<std::string>& paths, std::vector<std::string>& missing) {
    std::vector<fs::path> files;
    for (const auto& p : paths) {
        std::error_code ec;
        const auto status = fs::status(p, ec);
        if (ec || !fs::exists(status)) {
            missing.push_back(p);
            continue;
        }
        if (!fs::is_directory(status)) {
            files.emplace_back(p);
            continue;
        }
        std::vector<fs::path> found;
        for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            std::error_code fileEc;
            if (it->path().extension() == ".lernraum" && it->is_regular_file(fileEc)) found.push_back(it->path());
        }
        if (ec) missing.push_back(p + " (" + ec.message() + ")");
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

fs::path defaultResearchKeyFile() {
    // A relative XDG_CONFIG_HOME is invalid (XDG Base Directory spec) and ignored (base_dirs.hpp).
    if (const auto dir = ui::configDirectory(); !dir.empty()) return dir / "research-export.key";
    return "research-export.key";
}

namespace {

// Creates a new random key file readable only by the user (0600); never overwrites one.
bool createKeyFile(const fs::path& path, std::string& error) {
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = std::string("cannot create the key file: ") + std::strerror(errno);
        return false;
    }
    const std::string key = report::makeKey();
    const bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        error = "cannot write the key file";
        fs::remove(path, ec);
        return false;
    }
    return true;
}

bool isInside(const fs::path& file, const fs::path& dir) {
    std::error_code ec;
    const auto f = fs::weakly_canonical(fs::absolute(file, ec), ec);
    const auto d = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    const auto [dEnd, fIt] = std::mismatch(d.begin(), d.end(), f.begin(), f.end());
    return dEnd == d.end();
}

} // namespace

std::optional<std::string> writeExportDirectory(const fs::path& output, const std::map<std::string, std::string>& files) {
    std::error_code ec;
    const fs::path target = output.has_filename() ? output : output.parent_path();
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const bool exists = fs::exists(fs::symlink_status(target, ec));
    if (exists) {
        if (!fs::is_directory(fs::symlink_status(target, ec))) return "exists and is not a directory";
        const bool earlierExport = fs::exists(target / "manifest.json", ec);
        if (!earlierExport && !fs::is_empty(target, ec)) return "the output directory exists and is not an earlier research export";
    }
    fs::create_directories(parent, ec);
    if (ec) return "cannot create the output directory: " + ec.message();
    const std::string stem = "." + target.filename().string() + ".export-" + std::to_string(::getpid());
    const fs::path temp = parent / (stem + ".tmp");
    fs::remove_all(temp, ec);
    if (!fs::create_directory(temp, ec) || ec) return "cannot create a temporary folder next to the output: " + ec.message();
    auto fail = [&](const std::string& why) {
        std::error_code ignored;
        fs::remove_all(temp, ignored);
        return std::optional<std::string>(why);
    };
    store::SaveOptions save;
    save.keepBackup = false;
    for (const auto& [name, bytes] : files) {
        if (const auto error = store::writeFileAtomically(temp / name, bytes, save))
            return fail(name + ": " + error->message + " (nothing was changed)");
    }
    if (!exists) {
        fs::rename(temp, target, ec);
        if (ec) return fail("cannot move the export into place: " + ec.message() + " (nothing was changed)");
        return std::nullopt;
    }
    const fs::path old = parent / (stem + ".old");
    fs::remove_all(old, ec);
    fs::rename(target, old, ec);
    if (ec) return fail("cannot replace the earlier export: " + ec.message() + " (nothing was changed)");
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::rename(old, target, ignored);
        return fail("cannot move the export into place: " + ec.message() + " (the earlier export is unchanged)");
    }
    fs::remove_all(old, ec);
    return std::nullopt;
}

ResearchKey loadOrCreateResearchKey(const fs::path& keyPath, const fs::path& outputDir) {
    ResearchKey result;
    if (isInside(keyPath, outputDir)) {
        result.error = "the key file must not be inside the output directory (it would be passed on with the data)";
        result.usageError = true;
        return result;
    }
    std::error_code ec;
    if (!fs::exists(keyPath, ec)) {
        if (!createKeyFile(keyPath, result.error)) return result;
        result.created = true;
    }
    std::ifstream in(keyPath, std::ios::binary);
    std::string contents(1024, '\0');
    in.read(contents.data(), static_cast<std::streamsize>(contents.size()));
    if (in.bad() || !in.is_open()) {
        result.error = "cannot read the key file";
        return result;
    }
    contents.resize(static_cast<std::size_t>(in.gcount()));
    result.key = report::parseKey(contents);
    if (result.key.empty()) {
        result.error = "not a key file (expected 32 random bytes or 64 hex digits)";
        return result;
    }
    struct stat st {};
    if (::stat(keyPath.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
        result.warning = "the key file is readable by others (chmod 600 it)";
    return result;
}

namespace {

int runReport(const std::vector<std::string>& files, const std::string& format, const std::string& lang,
              const std::string& output, bool includeNames, const report::ReportHeader& header) {
    std::vector<core::Session> sessions;
    bool failed = false;
    for (const auto& file : files) {
        auto result = store::loadSession(file);
        if (!result) {
            printLine(loadErrorLine(*result.error));
            failed = true;
            continue;
        }
        sessions.push_back(std::move(*result.session));
    }
    if (failed) return kExitFailed;

    report::ReportOptions options;
    options.format = *report::parseReportFormat(format);
    options.language = *report::parseLanguage(lang);
    options.includeNames = includeNames;
    options.library = &retroLibrary();
    options.header = header;
    if (options.format == report::ReportFormat::Odt && (output.empty() || output == "-") && ::isatty(STDOUT_FILENO)) {
        printError("", "an ODT report is a binary file: write it with -o FILE.odt (or redirect standard output)");
        return kExitUsage;
    }
    const std::string text = report::renderReport(sessions, options);

    if (output.empty() || output == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
        return kExitOk;
    }
    store::SaveOptions save;
    save.keepBackup = false;
    if (const auto error = store::writeFileAtomically(output, text, save)) {
        printError(error->file, error->message);
        return kExitFailed;
    }
    return kExitOk;
}

struct ExportArgs {
    std::vector<std::string> paths;
    std::string output, keyFile, formats = "csv";
    int k = report::kDefaultK;
    bool includeText = false;
    int threads = 0; // 0: $LERNRAUM_THREADS, else one per core
};

constexpr int kMaxThreads = 256;

// --threads, else $LERNRAUM_THREADS, else 0 (one per core). -1: the variable is not a number 1..256.
int requestedThreads(int option) {
    if (option > 0) return option;
    const char* env = std::getenv("LERNRAUM_THREADS");
    if (env == nullptr || *env == '\0') return 0;
    int value = 0;
    const auto [end, ec] = std::from_chars(env, env + std::strlen(env), value);
    if (ec != std::errc{} || *end != '\0' || value < 1 || value > kMaxThreads) return -1;
    return value;
}

// Loads every file, on `threads` threads; results in the order of `files`.
std::vector<store::LoadResult> loadSessionFiles(const std::vector<fs::path>& files, int threads) {
    std::vector<store::LoadResult> results(files.size());
    report::forEachIndex(files.size(), report::exportThreads(threads),
                         [&](std::size_t i) { results[i] = store::loadSession(files[i]); });
    return results;
}

int runExport(const ExportArgs& args) {
    report::ResearchFormats formats;
    if (std::string unknown; !report::parseResearchFormats(args.formats, formats, unknown)) {
        printError("", "--formats: unknown format '" + unknown + "' (expected csv, sav, dta, comma-separated)");
        return kExitUsage;
    }
    const int threads = requestedThreads(args.threads);
    if (threads < 0) {
        printError("LERNRAUM_THREADS", "must be a whole number from 1 to " + std::to_string(kMaxThreads));
        return kExitUsage;
    }
    // The key first: without it nothing can be pseudonymized.
    const fs::path keyPath = args.keyFile.empty() ? defaultResearchKeyFile() : fs::path(args.keyFile);
    const auto key = loadOrCreateResearchKey(keyPath, args.output);
    if (key.key.empty()) {
        printError(keyPath.string(), key.error);
        return key.usageError ? kExitUsage : kExitFailed;
    }
    if (key.created)
        std::fprintf(stderr,
                     "lernraum: %s: created a new pseudonym key (readable only by you). Keep it private and use it for "
                     "every later export, so that pseudonyms stay the same; never pass it on with the data.\n",
                     terminalSafe(keyPath.string()).c_str());
    if (!key.warning.empty())
        std::fprintf(stderr, "lernraum: %s: warning: %s\n", terminalSafe(keyPath.string()).c_str(), key.warning.c_str());

    std::vector<std::string> missing;
    const auto files = collectSessionFiles(args.paths, missing);
    for (const auto& m : missing) printError(m, "no such file or directory (skipped)");

    std::vector<report::LoadedSession> sessions;
    int unreadable = static_cast<int>(missing.size());
    auto loaded = loadSessionFiles(files, threads);
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto& result = loaded[i];
        if (!result) {
            printLine(loadErrorLine(*result.error) + " (skipped)");
            ++unreadable;
            continue;
        }
        sessions.push_back({files[i].string(), std::move(*result.session)});
    }
    loaded.clear();

    report::ExportOptions options;
    options.key = key.key;
    options.k = args.k;
    options.includeText = args.includeText;
    options.unreadableFiles = unreadable;
    options.formats = formats;
    options.sessionSchemaVersion = store::kSchemaVersion;
    options.threads = threads;
    for (const auto& f : retroLibrary().formats) options.knownFormatIds.push_back(f.id);
    const auto result = report::exportResearch(sessions, options);
    for (const auto& s : result.skipped) printLine(s.source + ": skipped: " + s.reason);

    if (result.exportedSessions == 0) {
        printError(args.output, "nothing exported: no readable session with research consent");
        return kExitFailed;
    }
    if (const auto error = writeExportDirectory(args.output, result.files())) {
        printError(args.output, *error);
        return kExitFailed;
    }
    std::printf("exported %d session(s) to %s (%zu skipped, %d unreadable)%s\n", result.exportedSessions,
                args.output.c_str(), result.skipped.size(), unreadable, args.includeText ? ", with scrubbed free text" : "");
    return kExitOk;
}

} // namespace

} // namespace lernraum::app

namespace lernraum::report {

ExportBenchFigures benchResearchExport(int count, int threads) {
    namespace fs = std::filesystem;
    using Clock = std::chrono::steady_clock;
    auto seconds = [](Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); };

    ExportBenchFigures figures;
    figures.sessions = count;
    figures.threads = exportThreads(threads);
    std::error_code ec;
    const fs::path dir = fs::temp_directory_path() / ("lernraum-bench-export-" + std::to_string(::getpid()));
    fs::remove_all(dir, ec);
    fs::create_directories(dir / "in", ec);
    for (int i = 0; i < count; ++i) { // a typical workshop: 40 cards, 30 retro items, 5 experiments
        core::GenerateOptions g;
        g.seed = static_cast<std::uint64_t>(i + 1);
        g.cards = 40;
        g.retroItems = 30;
        g.experiments = 5;
        auto session = core::generateSession(g);
        session.researchConsent = true;
        const std::string json = store::serializeSession(session, core::Timestamp{1'800'000'000});
        figures.inputBytes += json.size();
        std::ofstream(dir / "in" / ("session-" + std::to_string(i) + ".lernraum"), std::ios::binary) << json;
    }

    auto start = Clock::now();
    std::vector<std::string> missing;
    std::vector<LoadedSession> sessions;
    const auto files = app::collectSessionFiles({(dir / "in").string()}, missing);
    auto loaded = app::loadSessionFiles(files, threads);
    for (std::size_t i = 0; i < files.size(); ++i)
        if (loaded[i]) sessions.push_back({files[i].string(), std::move(*loaded[i].session)});
    loaded.clear();
    figures.loadSeconds = seconds(start);

    start = Clock::now();
    ExportOptions options;
    options.key = std::string(kKeyBytes, 'k');
    options.includeText = true;
    options.threads = threads;
    const auto result = exportResearch(sessions, options);
    figures.exportSeconds = seconds(start);

    start = Clock::now();
    store::SaveOptions save;
    save.keepBackup = false;
    fs::create_directories(dir / "out", ec);
    for (const auto& [name, bytes] : result.files()) {
        figures.outputBytes += bytes.size();
        (void)store::writeFileAtomically(dir / "out" / name, bytes, save);
    }
    figures.writeSeconds = seconds(start);
    fs::remove_all(dir, ec);
    return figures;
}

double benchResearchExportSeconds(int sessions, int threads) { return benchResearchExport(sessions, threads).totalSeconds(); }

} // namespace lernraum::report

namespace lernraum::app {

void registerReportCommands(CLI::App& app, CliContext& ctx) {
    // report ---------------------------------------------------------------------------------------
    {
        struct Args {
            std::vector<std::string> files;
            std::string format = "md", lang = "de", output;
            bool includeNames = false;
            report::ReportHeader header;
        };
        auto args = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("report", _("Write a transfer report (Markdown, self-contained HTML or OpenDocument text) "
                                                 "for one session or a series of sessions"));
        cmd->add_option("FILE", args->files, _("Session files (several files: one report over the series)"))->required();
        cmd->add_option("--format", args->format, _("md (default), html or odt (OpenDocument text for LibreOffice and Word; needs -o)"))
            ->check(CLI::IsMember({"md", "markdown", "html", "odt"}));
        cmd->add_option("--lang", args->lang, _("Report language: de (default) or en"))->check(CLI::IsMember({"de", "en"}));
        cmd->add_option("-o,--output", args->output, _("Output file (default: standard output)"));
        cmd->add_flag("--include-names", args->includeNames,
                      _("Show participant and facilitator names (off by default: roles only)"));
        cmd->add_option("--org", args->header.organisation, _("Organisation shown in the report's head and page header"));
        cmd->add_option("--file-number", args->header.fileNumber, _("File number (Aktenzeichen) shown in the head and page header"));
        cmd->add_option("--author", args->header.author, _("Author shown in the head (and the ODT document's metadata)"));
        cmd->add_option("--status", args->header.status, _("Document status shown in the head and page header, e.g. Entwurf"));
        cmd->callback([args, &ctx] {
            try {
                ctx.exitCode = runReport(args->files, args->format, args->lang, args->output, args->includeNames, args->header);
            } catch (const std::exception& e) {
                printError("", e.what());
                ctx.exitCode = kExitFailed;
            }
        });
    }
    // export-research ------------------------------------------------------------------------------
    {
        auto args = std::make_shared<ExportArgs>();
        auto* cmd = app.add_subcommand("export-research",
                                       _("Export an anonymized research data set (CSV tables, datapackage.json, codebook.md, "
                                       "codebook.de.md, manifest.json; SPSS / Stata files on request)"));
        cmd->add_option("PATH", args->paths, _("Session files or directories (searched recursively for *.lernraum)"))->required();
        cmd->add_option("-o,--output", args->output, _("Output directory"))->required();
        cmd->add_option("--k", args->k, _("Minimum size of a published role group (default 5)"))->check(CLI::Range(1, 1000));
        cmd->add_flag("--include-text", args->includeText,
                      _("Include free text, with names, org unit, e-mail addresses, phone numbers and URLs replaced"));
        cmd->add_option("--formats", args->formats,
                        _("csv (default), or csv,sav,dta: also SPSS .sav / Stata .dta files with labels (English and German)"));
        cmd->add_option("--key-file", args->keyFile,
                        _("Pseudonym key (created with a random key if missing; default $XDG_CONFIG_HOME/lernraum/research-export.key)"));
        cmd->add_option("--threads", args->threads,
                        _("Threads for loading and exporting (default: $LERNRAUM_THREADS, else one per core); the output is "
                        "the same for every number"))
            ->check(CLI::Range(1, kMaxThreads));
        cmd->callback([args, &ctx] {
            try {
                ctx.exitCode = runExport(*args);
            } catch (const std::exception& e) {
                printError("", e.what());
                ctx.exitCode = kExitFailed;
            }
        });
    }
}

} // namespace lernraum::app
