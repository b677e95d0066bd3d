// Subcommand follow-up: the next workshop's file made from the current one, carrying open work
// forward (see core/follow_up.hpp for what is carried).

#include "cli.hpp"

#include "core/follow_up.hpp"
#include "core/ids.hpp"
#include "core/validate.hpp"
#include "store/session_file.hpp"
#include "ui/i18n.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lernraum::app {

namespace fs = std::filesystem;

namespace {

core::Date today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
    return core::Date::fromDaysSinceEpoch(static_cast<int>(days));
}

std::optional<core::SessionKind> parseKind(const std::string& name) {
    if (name.empty()) return std::nullopt;
    return core::parseEnum<core::SessionKind>(name);
}

int countArchived(const core::Session& s) {
    int n = 0;
    for (const auto& b : s.boards)
        for (const auto& c : b.cards) n += c.archived ? 1 : 0;
    return n;
}

} // namespace

void registerFollowUpCommand(CLI::App& app, CliContext& ctx) {
    struct Args {
        std::string input, output, date, title, kind;
        bool force = false, noIdeas = false;
    };
    auto args = std::make_shared<Args>();
    std::vector<std::string> kinds;
    for (int i = 0; i < static_cast<int>(core::SessionKind::Count); ++i)
        kinds.emplace_back(core::toName(static_cast<core::SessionKind>(i)));

    auto* cmd = app.add_subcommand("follow-up", _("Create the next workshop's file from FILE, carrying open work forward"));
    cmd->add_option("FILE", args->input, _("The current workshop's session file"))->required();
    cmd->add_option("-o,--output", args->output, _("File to create for the next workshop"))->required();
    cmd->add_option("--date", args->date,
                    _("Date of the next workshop, YYYY-MM-DD (default: FILE's next review, else today but not "
                    "before FILE's date)"));
    cmd->add_option("--title", args->title, _("Title of the next workshop (default: Lernraum and kind)"));
    cmd->add_option("--kind", args->kind, _("Kind of the next workshop (default: the next in the Lernraum lifecycle)"))
        ->check(CLI::IsMember(kinds));
    cmd->add_flag("--no-ideas", args->noIdeas, _("Leave experiments in status 'idea' behind"));
    cmd->add_flag("--force", args->force, _("Overwrite an existing NEXT file"));
    cmd->callback([args, &ctx] {
        ctx.exitCode = kExitFailed;
        core::FollowUpOptions options;
        if (!args->date.empty()) {
            const auto date = core::Date::parse(args->date);
            if (!date || !date->isValid()) {
                printError("", "--date must be a calendar date like 2026-12-16 (is '" + args->date + "')");
                ctx.exitCode = kExitUsage;
                return;
            }
            options.date = *date;
        }
        options.title = args->title;
        options.kind = parseKind(args->kind);
        options.carryIdeas = !args->noIdeas;

        std::error_code ec;
        if (!args->force && fs::exists(args->output, ec)) {
            printError(args->output, "the file already exists (use --force to overwrite it)");
            return;
        }
        if (fs::exists(args->output, ec) && fs::exists(args->input, ec) && fs::equivalent(args->input, args->output, ec)) {
            printError(args->output, "the follow-up must not overwrite the session it is made from");
            return;
        }

        const auto loaded = store::loadSession(args->input);
        if (!loaded) {
            printLine(loaded.error->toString());
            return;
        }
        const core::Session& previous = *loaded.session;
        // No date given and no next review planned: today, but never before the previous workshop.
        if (!options.date.isSet() && !previous.nextReview.isValid()) {
            options.date = today();
            if (previous.date.isValid() && options.date < previous.date) options.date = previous.date;
        }

        auto ids = core::IdGenerator::fromRandomDevice();
        const core::Session next = core::makeFollowUp(previous, options, ids);
        if (const auto problems = core::validate(next); !problems.empty()) {
            printError(args->output, "internal error: the follow-up is not valid: " + problems.front().toString());
            return;
        }
        if (const auto error = store::saveSession(next, args->output)) {
            printLine(error->toString());
            return;
        }
        const std::size_t actions = next.retrospectives.empty() ? 0 : next.retrospectives.front().actions.size();
        std::printf("%s: created (follow-up of %s on %s: %zu experiments and %zu open actions carried, %d cards "
                    "archived)\n",
                    args->output.c_str(), previous.id.c_str(), next.date.toString().c_str(), next.experiments.size(),
                    actions, countArchived(next) - countArchived(previous));
        ctx.exitCode = kExitOk;
    });
}

} // namespace lernraum::app
