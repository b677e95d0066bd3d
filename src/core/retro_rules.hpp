#pragma once
// Facilitation rules of a retrospective on top of the basic commands in commands.hpp: the room's
// dot budget, grouping (drag an item onto another item or into a named group, rename, ungroup),
// phase steps, voting results, and turning an item or group into an action, an experiment draft
// or a board card in one undo step. Pure functions of the session, like commands.hpp.

#include "commands.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::core {

namespace refusal {
inline constexpr std::string_view VoteBudgetSpent = "vote-budget-spent"; // {1} total dots, {2} voters, {3} per person
inline constexpr std::string_view SameItem = "same-item";                // an item dropped onto itself
inline constexpr std::string_view NoPhase = "no-phase";                  // already at the first/last phase
} // namespace refusal

// ---------------------------------------------------------------------------------------------
// Dot budget. The room has voters x budgetPerParticipant dots in total; who placed a dot is never
// recorded, so the budget is enforced for the room, not per person. Voters are the recorded
// participants who are not facilitators. With no voters recorded the budget is not limited.

int voterCount(const Session& s);
int votesCast(const Retrospective& retro);              // item + group votes
std::optional<int> voteBudget(const Session& s, const Retrospective& retro); // nullopt = unlimited
std::optional<int> votesLeft(const Session& s, const Retrospective& retro);  // nullopt = unlimited

// addVote (voting open, per item limit) plus the room's budget: refused with "vote-budget-spent".
CommandResult castVote(const Session& s, const Id& retroId, const Id& targetId);

// The tally of one item or group typed in by the facilitator (hands counted in the room): one
// undo step. Voting must be open; refused above the per item limit ("vote-limit-reached") and
// when raising it would exceed the room's budget ("vote-budget-spent"). Lowering is always fine.
CommandResult setVotes(const Session& s, const Id& retroId, const Id& targetId, int votes);

// ---------------------------------------------------------------------------------------------
// Phases

// One step forward or back. The agenda follows in the same undo step: when the new phase has an
// agenda item that is not done, it becomes the current item (core::currentAgendaItem, the one the
// workshop timer counts down) because the open items before it are marked done. Going back, the
// new phase's first item becomes current again: it and the done items after it up to the old
// current item are opened again.
CommandResult advancePhase(const Session& s, const Id& retroId); // refused with "no-phase" at Close
CommandResult previousPhase(const Session& s, const Id& retroId); // refused at SetTheStage
// Straight to any phase (a click on the phase bar), with the same agenda rule; a no-op change when
// the retrospective is already there.
CommandResult goToPhase(const Session& s, const Id& retroId, Phase phase);
// Planned minutes of a phase: the sum of the timeboxes of the agenda items of that phase.
int plannedMinutes(const Session& s, Phase phase);

// ---------------------------------------------------------------------------------------------
// Grouping. Groups live in the retrospective; an item belongs to at most one (RetroItem::groupId).

CommandResult addRetroGroup(const Session& s, const Id& retroId, const Id& groupId, std::string title);
CommandResult renameRetroGroup(const Session& s, const Id& retroId, const Id& groupId, std::string title);
// Drag `itemId` onto `ontoItemId`: when the target is in a group, the item joins it; otherwise a
// new group `newGroupId` titled `title` (the target's text when blank, shortened) holds both.
CommandResult groupOnto(const Session& s, const Id& retroId, const Id& itemId, const Id& ontoItemId,
                        const Id& newGroupId, std::string title = {});
// Moves the item into the group; groupId empty = out of any group. A group left empty stays
// (it can be renamed or dissolved).
CommandResult moveToGroup(const Session& s, const Id& retroId, const Id& itemId, const Id& groupId);
// Dissolves a group: its items become ungrouped and the group (with its votes) is removed, in one
// step. Refused while an action or experiment refers to the group.
CommandResult ungroup(const Session& s, const Id& retroId, const Id& groupId);

// Duplicates: the card `mergedId` says the same as `keepId`. One undo step: the kept card gets
// the merged card's votes added, actions and experiment links pointing at the merged card point
// at the kept one, and the merged card is removed. (Grouping is for cards on one topic that stay
// separate cards; merging is for the same card written twice.)
CommandResult mergeRetroItems(const Session& s, const Id& retroId, const Id& keepId, const Id& mergedId);

// ---------------------------------------------------------------------------------------------
// Results

struct VoteResult {
    Id id;            // group or ungrouped item
    std::string text; // group title or item text
    int votes = 0;    // group: its own votes plus its items' votes
    bool isGroup = false;
    int itemCount = 1;
};
// Groups and ungrouped, revealed items, most votes first (ties keep the model's order).
std::vector<VoteResult> voteResults(const Retrospective& retro);

int hiddenCount(const Retrospective& retro, const Id& promptId); // face-down items of one prompt
int hiddenCount(const Retrospective& retro);                     // all prompts

// The text of an item or group ("" when neither exists).
std::string sourceText(const Retrospective& retro, const Id& sourceId);

// ---------------------------------------------------------------------------------------------
// From an item or group to follow-up work, one undo step each. `text` blank = the source's text.

CommandResult turnIntoAction(const Session& s, const Id& retroId, const Id& sourceId, const Id& actionId,
                             std::string text, std::optional<Role> ownerRole, Date due);
// An experiment in status Idea titled after the source, linked back to it.
CommandResult turnIntoExperiment(const Session& s, const Id& retroId, const Id& sourceId, const Id& experimentId,
                                 std::string title = {});
// A card in the board's first column (first lane) plus an action that links source and card.
CommandResult turnIntoCard(const Session& s, const Id& retroId, const Id& sourceId, const Id& boardId,
                           const Id& cardId, const Id& actionId, Timestamp now, std::string title = {});

// ---------------------------------------------------------------------------------------------
// Check-in and ROTI: a 1..5 scale the room answers; the facilitator counts hands (+1 / -1).

enum class Scale { CheckIn, Roti };
CommandResult countAnswer(const Session& s, const Id& retroId, Scale scale, int value, int delta); // value 1..5
CommandResult setScaleQuestion(const Session& s, const Id& retroId, Scale scale, std::string question);
// All answers of the scale back to zero (e.g. after the question changed), one undo step.
CommandResult clearAnswers(const Session& s, const Id& retroId, Scale scale);
// Every dot on cards and groups back to zero, for a second round of voting; one undo step
// (a no-op change when nothing has votes).
CommandResult resetVotes(const Session& s, const Id& retroId);
int answerCount(const ScaleQuestion& q); // all answers

// Every English text these commands produce (labels, refusal patterns), for catalogues and tests.
std::span<const std::string_view> retroRuleTexts();

} // namespace lernraum::core
