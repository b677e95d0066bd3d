#pragma once
// The facilitator's side of a participants' room as text lines, one command a line: what
// `lernraum room` reads on stdin and what the GUI reads with `--room-commands` (scripted load
// tests drive the real window this way). Parsing only: a change comes back as the same core
// command the Retrospective tab's buttons submit, and the caller applies it through its history.
//
//   phase N (1-5) · reveal · voting open · voting close · status · timing · save · close · quit

#include "core/change.hpp"
#include "core/model.hpp"
#include "room/room.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lernraum::app {

struct FacilitatorCommand {
    enum class Kind { Empty, Change, Status, Timing, Save, Close, Quit, Error };
    Kind kind = Kind::Empty;
    std::optional<core::CommandResult> change; // Kind::Change (may be a refusal)
    std::string done;  // Kind::Change: the line to print once applied ("revealed: 12")
    std::string error; // Kind::Error: what was wrong with the line
};

// `seed` shuffles the reveal (the reveal order is never the order of writing).
FacilitatorCommand parseFacilitatorCommand(std::string_view line, const core::Session& session, const core::Id& retroId,
                                           std::uint64_t seed);

// "status: devices=N hidden=N cards=N voters=N dots=N phase=N voting=open|closed room=open|closed"
std::string roomStatusLine(const room::Room& room, const core::Session& session);

// "timing: answers=N median=M p95=P max=X ms" (room::AnswerTimes)
std::string roomTimingLine(const room::Room& room);

// A seed from the system's random source.
std::uint64_t randomSeed();

} // namespace lernraum::app
