// Facilitator commands of the participants' room as text lines; see room_commands.hpp.

#include "room_commands.hpp"

#include "core/commands.hpp"
#include "core/retro_rules.hpp"
#include "core/room_rules.hpp"

#include <sys/random.h>

#include <cstdio>
#include <sstream>

namespace lernraum::app {

std::uint64_t randomSeed() {
    std::uint64_t seed = 0;
    while (getrandom(&seed, sizeof seed, 0) != static_cast<ssize_t>(sizeof seed)) {}
    return seed;
}

FacilitatorCommand parseFacilitatorCommand(std::string_view line, const core::Session& session, const core::Id& retroId,
                                           std::uint64_t seed) {
    using Kind = FacilitatorCommand::Kind;
    std::istringstream in{std::string(line)};
    std::string verb, arg;
    in >> verb >> arg;
    FacilitatorCommand out;
    if (verb.empty()) return out;
    const core::Retrospective* retro = room::roomRetro(session, retroId);
    auto change = [&](core::CommandResult result, std::string done) {
        out.kind = Kind::Change;
        out.change = std::move(result);
        out.done = std::move(done);
        return out;
    };
    auto error = [&](std::string message) {
        out.kind = Kind::Error;
        out.error = std::move(message);
        return out;
    };
    if (verb == "quit" || verb == "exit") {
        out.kind = Kind::Quit;
    } else if (verb == "status") {
        out.kind = Kind::Status;
    } else if (verb == "timing") {
        out.kind = Kind::Timing;
    } else if (verb == "save") {
        out.kind = Kind::Save;
    } else if (verb == "close") {
        out.kind = Kind::Close;
    } else if (!retro) {
        return error("the session has no retrospective for the room");
    } else if (verb == "phase") {
        int n = 0;
        try {
            n = std::stoi(arg);
        } catch (const std::exception&) {
        }
        if (n < 1 || n > 5) return error("phase needs a number from 1 to 5");
        return change(core::goToPhase(session, retroId, static_cast<core::Phase>(n - 1)), "phase: " + std::to_string(n));
    } else if (verb == "reveal") {
        const int hidden = core::hiddenCount(*retro);
        return change(core::revealShuffled(session, retroId, seed), "revealed: " + std::to_string(hidden));
    } else if (verb == "voting" && (arg == "open" || arg == "close")) {
        auto voting = retro->voting;
        voting.open = arg == "open";
        return change(core::setVotingSettings(session, retroId, voting),
                      std::string("voting: ") + (voting.open ? "open" : "closed"));
    } else {
        return error("unknown command '" + std::string(line) +
                     "' (phase N, reveal, voting open, voting close, status, timing, save, close, quit)");
    }
    return out;
}

std::string roomStatusLine(const room::Room& room, const core::Session& session) {
    const auto c = room.counts(session);
    const auto* r = room::roomRetro(session, room.retroId());
    std::string line = "status: devices=" + std::to_string(c.devices) + " hidden=" + std::to_string(c.hiddenCards);
    if (r) {
        line += " cards=" + std::to_string(r->items.size()) + " voters=" + std::to_string(c.voters) +
                " dots=" + std::to_string(core::votesCast(*r)) + " phase=" + std::to_string(static_cast<int>(r->phase) + 1) +
                " voting=" + (r->voting.open ? "open" : "closed");
    }
    return line + " room=" + (room.isOpen() ? "open" : "closed");
}

std::string roomTimingLine(const room::Room& room) {
    const auto t = room.answerTimes();
    char buf[128];
    std::snprintf(buf, sizeof buf, "timing: answers=%d median=%.1f p95=%.1f max=%.1f ms", t.count, t.median, t.p95, t.max);
    return buf;
}

} // namespace lernraum::app
