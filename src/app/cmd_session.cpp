// Subcommands that create and check session files: new, validate, generate.

#include "cli.hpp"

#include "core/demo.hpp"
#include "core/generate.hpp"
#include "core/templates.hpp"
#include "store/session_file.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>

namespace lernraum::app {

namespace fs = std::filesystem;

namespace {

core::Date today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
    return core::Date::fromDaysSinceEpoch(static_cast<int>(days));
}

// Files made from fixed content (templates, generated sessions) get a fixed "saved_at", so the same
// command always writes the same bytes.
core::Timestamp fixedSavedAt(const core::Session& s) {
    const core::Date d = s.date.isValid() ? s.date : core::Date{2026, 1, 1};
    return core::Timestamp{static_cast<std::int64_t>(d.daysSinceEpoch()) * 86400 + 18 * 3600};
}

bool refuseOverwrite(const std::string& file, bool force) {
    std::error_code ec;
    if (!force && fs::exists(file, ec)) {
        printError(file, "the file already exists (use --force to overwrite it)");
        return true;
    }
    return false;
}

int save(const core::Session& session, const std::string& file, core::Timestamp savedAt) {
    if (const auto problems = core::validate(session); !problems.empty()) {
        printError(file, "internal error: the new session is not valid: " + problems.front().toString());
        return kExitFailed;
    }
    store::SaveOptions options;
    options.savedAt = savedAt;
    if (const auto error = store::saveSession(session, file, options)) {
        printLine(error->toString());
        return kExitFailed;
    }
    return kExitOk;
}

} // namespace

void registerSessionCommands(CLI::App& app, CliContext& ctx) {
    // new ----------------------------------------------------------------------------------------
    {
        struct Args {
            std::string output, title = "Neue Sitzung", templ = "empty";
            bool force = false;
        };
        auto args = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("new", "Create a new session file");
        cmd->add_option("-o,--output", args->output, "File to create")->required();
        cmd->add_option("--title", args->title, "Title of the workshop");
        cmd->add_option("--template", args->templ, "empty (default) or demo")->check(CLI::IsMember(core::templateNames()));
        cmd->add_flag("--force", args->force, "Overwrite an existing file");
        cmd->callback([args, &ctx] {
            if (refuseOverwrite(args->output, args->force)) {
                ctx.exitCode = kExitFailed;
                return;
            }
            if (args->templ == "demo") {
                const auto session = core::makeDemoSession();
                ctx.exitCode = save(session, args->output, fixedSavedAt(session));
                return;
            }
            auto ids = core::IdGenerator::fromRandomDevice();
            const auto session = core::makeEmptySession(args->title, today(), ids);
            ctx.exitCode = save(session, args->output, {});
            if (ctx.exitCode == kExitOk) std::printf("%s: created\n", args->output.c_str());
        });
    }

    // validate -----------------------------------------------------------------------------------
    {
        struct Args {
            std::vector<std::string> files;
            bool all = false;
            bool quiet = false;
        };
        auto args = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("validate", "Check session files; exit 0 when every file loads and validates");
        cmd->add_option("FILE", args->files, "Session files")->required();
        cmd->add_flag("--all", args->all, "List every problem of an invalid file, not only the first");
        cmd->add_flag("-q,--quiet", args->quiet, "Print nothing for valid files");
        cmd->callback([args, &ctx] {
            ctx.exitCode = kExitOk;
            for (const auto& file : args->files) {
                const auto result = store::loadSession(file);
                if (!result) {
                    printLine(result.error->toString());
                    if (args->all && result.error->problems.size() > 1)
                        for (const auto& p : result.error->problems) std::fprintf(stderr, "  %s\n", terminalSafe(p.toString()).c_str());
                    ctx.exitCode = kExitFailed;
                    continue;
                }
                if (!args->quiet) {
                    const auto& s = *result.session;
                    std::size_t cards = 0, items = 0;
                    for (const auto& b : s.boards) cards += b.cards.size();
                    for (const auto& r : s.retrospectives) items += r.items.size();
                    std::printf("%s: ok (%zu participants, %zu cards, %zu retrospective items, %zu experiments)\n",
                                file.c_str(), s.participants.size(), cards, items, s.experiments.size());
                }
            }
        });
    }

    // generate -----------------------------------------------------------------------------------
    {
        struct Args {
            std::string output;
            core::GenerateOptions options;
            bool force = false;
        };
        auto args = std::make_shared<Args>();
        auto* cmd = app.add_subcommand("generate", "Write a deterministic synthetic session (for tests and benchmarks)");
        cmd->add_option("-o,--output", args->output, "File to create")->required();
        cmd->add_option("--cards", args->options.cards, "Number of board cards")->check(CLI::Range(0, 200000));
        cmd->add_option("--retro-items", args->options.retroItems, "Number of retrospective items")->check(CLI::Range(0, 200000));
        cmd->add_option("--experiments", args->options.experiments, "Number of experiments")->check(CLI::Range(0, 100000));
        cmd->add_option("--seed", args->options.seed, "Random seed (same seed, same session)");
        cmd->add_flag("--force", args->force, "Overwrite an existing file");
        cmd->callback([args, &ctx] {
            if (refuseOverwrite(args->output, args->force)) {
                ctx.exitCode = kExitFailed;
                return;
            }
            const auto session = core::generateSession(args->options);
            ctx.exitCode = save(session, args->output, fixedSavedAt(session));
        });
    }
}

} // namespace lernraum::app
