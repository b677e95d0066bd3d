// Subcommands that create and check session files: new, validate, generate.

#include "cli.hpp"

#include "core/demo.hpp"
#include "core/commands.hpp"
#include "core/generate.hpp"
#include "core/participants.hpp"
#include "core/text.hpp"
#include "core/templates.hpp"
#include "store/session_file.hpp"
#include "ui/i18n.hpp"

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

// "2026-12-16" or "16.12.2026"; an empty optional when it is neither (or not a calendar date).
std::optional<core::Date> parseUserDate(const std::string& text) {
    if (auto iso = core::Date::parse(text); iso && iso->isValid()) return iso;
    int d = 0, m = 0, y = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%d.%d.%d%c", &d, &m, &y, &tail) == 3 && y >= 1000) {
        const core::Date date{y, m, d};
        if (date.isValid()) return date;
    }
    return std::nullopt;
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
            std::string date, kind, lernraum, orgUnit, facilitator, goal, nextReview, language, startTime, participants;
            bool researchConsent = false;
            bool force = false;
        };
        auto args = std::make_shared<Args>();
        std::vector<std::string> kinds;
        for (int i = 0; i < static_cast<int>(core::SessionKind::Count); ++i)
            kinds.emplace_back(core::toName(static_cast<core::SessionKind>(i)));
        auto* cmd = app.add_subcommand("new", _("Create a new session file"));
        cmd->add_option("-o,--output", args->output, _("File to create"))->required();
        cmd->add_option("--title", args->title, _("Title of the workshop"));
        cmd->add_option("--template", args->templ, _("empty (default) or demo"))->check(CLI::IsMember(core::templateNames()));
        cmd->add_option("--date", args->date, _("Date of the workshop, YYYY-MM-DD or DD.MM.YYYY (default: today)"));
        cmd->add_option("--start", args->startTime, _("Time the workshop starts, HH:MM (the agenda shows clock times)"));
        cmd->add_option("--kind", args->kind, _("Kind of workshop"))->check(CLI::IsMember(kinds));
        cmd->add_option("--lernraum", args->lernraum, _("Name of the Lernraum (series)"));
        cmd->add_option("--org-unit", args->orgUnit, _("Organisation unit"));
        cmd->add_option("--facilitator", args->facilitator, _("Name of the facilitator"));
        cmd->add_option("--goal", args->goal, _("Goal of the workshop"));
        cmd->add_option("--next-review", args->nextReview, _("Date of the next review or workshop"));
        cmd->add_option("--language", args->language, _("Language of the session's texts: de (default) or en"))
            ->check(CLI::IsMember({"de", "en"}));
        cmd->add_option("--participants", args->participants,
                        _("Anonymous participants by role, e.g. \"fuehrungskraft=3,beschaeftigte=6,personalrat=2\" "
                        "(roles: manager/fuehrungskraft, employee/beschaeftigte, staff_council/personalrat, "
                        "facilitator/moderation, external/extern)"));
        cmd->add_flag("--research-consent", args->researchConsent, _("Record the team's consent to research use"));
        cmd->add_flag("--force", args->force, _("Overwrite an existing file"));
        cmd->callback([args, &ctx] {
            if (args->templ == "demo") {
                if (refuseOverwrite(args->output, args->force)) {
                    ctx.exitCode = kExitFailed;
                    return;
                }
                const auto session = core::makeDemoSession();
                ctx.exitCode = save(session, args->output, fixedSavedAt(session));
                return;
            }
            auto ids = core::IdGenerator::fromRandomDevice();
            core::Date date = today();
            if (!args->date.empty()) {
                const auto parsed = parseUserDate(args->date);
                if (!parsed || !parsed->isSet()) {
                    printError("", "--date must be a calendar date like 2026-12-16 or 16.12.2026 (is '" + args->date + "')");
                    ctx.exitCode = kExitUsage;
                    return;
                }
                date = *parsed;
            }
            core::Session session = core::makeEmptySession(args->title, date, ids);
            // Every other field through the same command the workshop-data dialog uses.
            core::SessionHeader header = core::headerOf(session);
            if (!args->kind.empty()) header.kind = *core::parseEnum<core::SessionKind>(args->kind);
            header.lernraum = args->lernraum;
            header.orgUnit = args->orgUnit;
            header.facilitator = args->facilitator;
            header.goal = args->goal;
            header.researchConsent = args->researchConsent;
            if (!args->language.empty()) header.language = args->language;
            if (!args->nextReview.empty()) {
                const auto parsed = parseUserDate(args->nextReview);
                if (!parsed) {
                    printError("", "--next-review must be a calendar date like 2026-12-16 (is '" + args->nextReview + "')");
                    ctx.exitCode = kExitUsage;
                    return;
                }
                header.nextReview = *parsed;
            }
            if (!args->startTime.empty()) {
                const int minutes = core::parseTimeOfDay(args->startTime);
                if (minutes < 0) {
                    printError("", "--start must be a time of day like 09:00 (is '" + args->startTime + "')");
                    ctx.exitCode = kExitUsage;
                    return;
                }
                header.startTime = core::formatTimeOfDay(minutes);
            }
            const core::RoleCountsParse counts = core::parseRoleCounts(args->participants);
            if (!counts.counts) {
                printError("", "--participants: '" + counts.badPart +
                                   "' is not a role and a count like 'personalrat=2'");
                ctx.exitCode = kExitUsage;
                return;
            }
            const auto people = core::anonymousParticipants(session, *counts.counts, ids);
            const core::CommandResult result = core::updateWorkshopData(session, header, people);
            if (!result.ok()) {
                printError("", result.refusal().message());
                ctx.exitCode = kExitUsage;
                return;
            }
            core::applyAfter(session, result.change());
            if (refuseOverwrite(args->output, args->force)) {
                ctx.exitCode = kExitFailed;
                return;
            }
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
        auto* cmd = app.add_subcommand("validate", _("Check session files; exit 0 when every file loads and validates"));
        cmd->add_option("FILE", args->files, _("Session files"))->required();
        cmd->add_flag("--all", args->all, _("List every problem of an invalid file, not only the first"));
        cmd->add_flag("-q,--quiet", args->quiet, _("Print nothing for valid files"));
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
        auto* cmd = app.add_subcommand("generate", _("Write a deterministic synthetic session (for tests and benchmarks)"));
        cmd->add_option("-o,--output", args->output, _("File to create"))->required();
        cmd->add_option("--cards", args->options.cards, _("Number of board cards"))->check(CLI::Range(0, 200000));
        cmd->add_option("--retro-items", args->options.retroItems, _("Number of retrospective items"))->check(CLI::Range(0, 200000));
        cmd->add_option("--experiments", args->options.experiments, _("Number of experiments"))->check(CLI::Range(0, 100000));
        cmd->add_option("--seed", args->options.seed, _("Random seed (same seed, same session)"));
        cmd->add_flag("--force", args->force, _("Overwrite an existing file"));
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
