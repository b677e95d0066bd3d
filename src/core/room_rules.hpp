#pragma once
// Rules of the participants' room (participants write, vote and answer from their own phones):
// pure decisions over the session and one device's own bookkeeping. Who a device is, its token
// and its counters live in memory in src/room (never in the Session); core only sees the numbers
// a rule needs, so every rule here is a plain function with plain tests.

#include "commands.hpp"
#include "retro_rules.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace lernraum::core {

namespace refusal {
inline constexpr std::string_view DeviceBudgetSpent = "device-budget-spent"; // {1} dots per device
inline constexpr std::string_view Revealed = "revealed";                     // own card already revealed
} // namespace refusal

// Scale results and vote tallies are shown only when at least this many answers exist, so a
// small group cannot read off one person's answer.
inline constexpr int kMinAnswersShown = 3;
constexpr bool mayShowAggregate(int answers) { return answers >= kMinAnswersShown; }

// What one device has placed so far (counted by the room, never stored in the session).
struct DeviceVotes {
    int spent = 0;    // all dots of the device in this retrospective
    int onTarget = 0; // dots of the device on the target
};

// A dot from one device: voting open, the target is a revealed item or a group, the device's own
// budget (VotingSettings::budgetPerParticipant; <= 0 = unlimited) and the per-item limit
// (perItemLimit dots of one device on one item; 0 = no limit). These per-device rules replace the
// room-wide budget and per-item total of castVote/addVote. Labels "Vote" / "Remove vote".
CommandResult castDeviceVote(const Session& s, const Id& retroId, const Id& targetId, const DeviceVotes& mine);
// Takes one of the device's own dots back (refused when it has none there or voting is closed).
CommandResult removeDeviceVote(const Session& s, const Id& retroId, const Id& targetId, const DeviceVotes& mine);

// A device may edit or delete its own card only while the card is still face-down.
bool mayChangeOwnCard(const Retrospective& retro, const Id& itemId);
// editRetroItemText / removeRetroItem guarded by mayChangeOwnCard (refused with "revealed").
CommandResult editOwnCard(const Session& s, const Id& retroId, const Id& itemId, std::string text);
CommandResult removeOwnCard(const Session& s, const Id& retroId, const Id& itemId);

// A permutation of 0..n-1 from a seed (Fisher-Yates over a SplitMix64 stream). The room seeds it
// from the operating system's random source, so the order says nothing about who wrote when.
std::vector<std::size_t> shuffledOrder(std::size_t n, std::uint64_t seed);

// Reveals every face-down card of the retrospective and puts the revealed cards in a shuffled
// order (in the slots they occupied among the other cards), one undo step ("Reveal all cards").
// A no-op change when no card is hidden.
CommandResult revealShuffled(const Session& s, const Id& retroId, std::uint64_t seed);

// The scale the participants answer in the current phase: check-in while setting the stage,
// ROTI while closing, none otherwise.
std::optional<Scale> scaleOfPhase(Phase phase);
// Writing cards is open while the retrospective gathers data.
constexpr bool writingOpen(Phase phase) { return phase == Phase::GatherData; }
// Participants may propose board cards while the retrospective decides what to do.
constexpr bool proposingOpen(Phase phase) { return phase == Phase::DecideWhatToDo; }

// The English texts these rules add (refusal patterns), for catalogues and tests.
std::span<const std::string_view> roomRuleTexts();

} // namespace lernraum::core
