#pragma once
// Commands: every change a view can make to a session. Each command is a pure function of the
// current session and its arguments; it returns a Change (apply it with History::apply) or a
// Refusal with a stable code and an English reason. Commands never modify the session.
//
//   auto r = core::moveCard(session, board.id, card.id, column.id, lane.id, 0, core::Timestamp{now});
//   if (!history.apply(session, r) && !r) toast(r.refusal().message());
//
// Conventions
// - New objects get their id from the caller (use IdGenerator::next with the prefixes below);
//   a command refuses an empty id or one already used anywhere in the session ("duplicate-id").
//   Prefixes: part, agenda, board, col, lane, card, check, retro, prompt, item, group, action,
//   exp, obs.
// - Timestamps and dates are passed in by the caller: core has no clock.
// - Indices are clamped to the valid range; std::size_t(-1) (kAtEnd) means "append".
// - Whole-object updates (updateCard, updateExperiment, ...) merge consecutive edits of the same
//   single field of the same object into one undo step (merge key "<kind>/<id>/<field>").
// - Texts are checked like validate() does: valid UTF-8, at most kMaxTextBytes, no control
//   characters other than tab and newline, and required titles/texts not blank.
// - A board has at most kMaxColumns columns, a retrospective at most kMaxPrompts prompts
//   ("limit-reached").

#include "change.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::core {

class IdGenerator;

inline constexpr std::size_t kAtEnd = static_cast<std::size_t>(-1);

// Refusal codes (Refusal::code). Stable: the UI may key behaviour on them. For display use
// Refusal::message(translate): patterns are full English sentences (gettext msgids); arguments
// marked in Refusal::termArgs (field and object names, {1} of not-found, invalid-value, empty-text,
// text-too-long, invalid-utf8, control-character) are English terms translated the same way. docs/undo.md lists them.
namespace refusal {
inline constexpr std::string_view NotFound = "not-found";             // {1} kind, {2} id
inline constexpr std::string_view DuplicateId = "duplicate-id";       // {1} id
inline constexpr std::string_view InvalidId = "invalid-id";           // {1} id
inline constexpr std::string_view EmptyText = "empty-text";           // {1} field
inline constexpr std::string_view TextTooLong = "text-too-long";      // {1} field, {2} bytes, {3} max
inline constexpr std::string_view InvalidUtf8 = "invalid-utf8";       // {1} field
inline constexpr std::string_view ControlCharacter = "control-character"; // {1} field, {2} "U+0000"
// {1} the limit (kMaxColumns, kMaxPrompts); one pattern per kind of list
inline constexpr std::string_view LimitReached = "limit-reached";
inline constexpr std::string_view InvalidValue = "invalid-value";     // {1} field, {2} value
inline constexpr std::string_view WipLimitReached = "wip-limit-reached"; // {1} column, {2} count, {3} limit
inline constexpr std::string_view VotingClosed = "voting-closed";
inline constexpr std::string_view VoteLimitReached = "vote-limit-reached"; // {1} limit
inline constexpr std::string_view NoVotes = "no-votes";
// {1} status machine name, {2} missing field names ("decision, transfer recommendation"), {3} title
inline constexpr std::string_view ExperimentIncomplete = "experiment-incomplete";
inline constexpr std::string_view StillReferenced = "still-referenced"; // {1} object text, {2} action/experiment text
inline constexpr std::string_view CardArchived = "card-archived";       // {1} card title
inline constexpr std::string_view NeedsTarget = "needs-target";         // {1} column
} // namespace refusal

// ---------------------------------------------------------------------------------------------
// Session header

enum class SessionField { Title, Lernraum, OrgUnit, Facilitator, Goal, Date, Kind, Language, ResearchConsent, NextReview, StartTime };

CommandResult setSessionTitle(const Session& s, std::string title);
// `value` as text: dates "YYYY-MM-DD" or "" (not set), kind a machine name ("planning"),
// language "de"/"en", research consent "true"/"false", start time "9:00"/"09:00" or "" (stored as
// "HH:MM"). Merge key "session/<field>".
CommandResult setSessionField(const Session& s, SessionField field, std::string_view value);
// Whole header replacement (side panel); id and previousSessionId cannot change.
CommandResult updateSessionHeader(const Session& s, const SessionHeader& header);
// The workshop-data dialog: header and the whole participant list in one undo step. Participants
// are matched by id: missing ones are removed (their retro items become anonymous, as with
// removeParticipant), changed ones updated, new ones (with fresh ids) added; the list order of
// `participants` becomes the session's. A no-op when nothing changed.
CommandResult updateWorkshopData(const Session& s, const SessionHeader& header, const std::vector<Participant>& participants);

// ---------------------------------------------------------------------------------------------
// Participants

CommandResult addParticipant(const Session& s, Participant participant);
CommandResult updateParticipant(const Session& s, const Participant& participant);
// Removing a participant makes the retro items they wrote anonymous (authorId cleared) in the
// same undo step, so a person can always be removed and undo brings the authorship back.
CommandResult removeParticipant(const Session& s, const Id& participantId);

// ---------------------------------------------------------------------------------------------
// Agenda

CommandResult addAgendaItem(const Session& s, AgendaItem item, std::size_t atIndex = kAtEnd);
CommandResult updateAgendaItem(const Session& s, const AgendaItem& item);
CommandResult removeAgendaItem(const Session& s, const Id& itemId);
CommandResult moveAgendaItem(const Session& s, const Id& itemId, std::size_t toIndex);
CommandResult setAgendaItemDone(const Session& s, const Id& itemId, bool done);
// Timer: adds (or with a negative value removes) seconds, clamped to 0..kMaxCount. Consecutive
// calls for the same item merge into one undo step.
CommandResult addUsedSeconds(const Session& s, const Id& itemId, int seconds);

// ---------------------------------------------------------------------------------------------
// Boards

// A new board with the three usual columns (To do / In progress / Done, German when language is
// "de"), ids from `ids`. Use with addBoard.
Board makeBoard(IdGenerator& ids, std::string title, std::string_view language);

// The board may come with columns and lanes but no cards (use addCard).
CommandResult addBoard(const Session& s, Board board, std::size_t atIndex = kAtEnd);
CommandResult renameBoard(const Session& s, const Id& boardId, std::string title);
// Refused while an action or experiment refers to one of its cards.
CommandResult removeBoard(const Session& s, const Id& boardId);

CommandResult addColumn(const Session& s, const Id& boardId, Column column, std::size_t atIndex = kAtEnd);
CommandResult renameColumn(const Session& s, const Id& boardId, const Id& columnId, std::string title);
// limit 0 = no limit. Lowering a limit below the current count is allowed (the column shows as
// over its limit); a hard limit only refuses cards entering the column.
CommandResult setColumnWip(const Session& s, const Id& boardId, const Id& columnId, int limit, WipMode mode);
CommandResult moveColumn(const Session& s, const Id& boardId, const Id& columnId, std::size_t toIndex);
// The column's cards (archived ones too) move to targetColumnId, with a history entry at `now`.
// targetColumnId may be empty when the column has no cards. Refused when the target's hard WIP
// limit would be exceeded.
CommandResult removeColumn(const Session& s, const Id& boardId, const Id& columnId, const Id& targetColumnId,
                           Timestamp now);

CommandResult addLane(const Session& s, const Id& boardId, Lane lane, std::size_t atIndex = kAtEnd);
CommandResult renameLane(const Session& s, const Id& boardId, const Id& laneId, std::string title);
CommandResult moveLane(const Session& s, const Id& boardId, const Id& laneId, std::size_t toIndex);
// The lane's cards (archived ones too) stay in their columns and go to the row without a lane.
CommandResult removeLane(const Session& s, const Id& boardId, const Id& laneId);

// Cards. A "cell" is one column x one lane (laneId empty = no swimlane). Positions (atIndex,
// toIndex) count the not archived cards of the target cell, top to bottom.
CommandResult addCard(const Session& s, const Id& boardId, const Id& cardId, const Id& columnId, const Id& laneId,
                      std::string title, std::size_t atIndex, Timestamp now);
// Takes the editable fields (title, description, ownerRole, tags, colour, due, checklist) from
// `card`; column, lane, archived, createdAt and history stay as they are (use moveCard etc.).
CommandResult updateCard(const Session& s, const Id& boardId, const Card& card);
// Appends a ColumnVisit{toColumnId, now} when the column changes. Refused with
// "wip-limit-reached" when the target column has a hard limit and is full.
CommandResult moveCard(const Session& s, const Id& boardId, const Id& cardId, const Id& toColumnId, const Id& toLaneId,
                       std::size_t toIndex, Timestamp now);
CommandResult archiveCard(const Session& s, const Id& boardId, const Id& cardId);
CommandResult restoreCard(const Session& s, const Id& boardId, const Id& cardId); // WIP rule applies
// Refused while an action or an experiment link refers to the card (archive it instead).
CommandResult deleteCard(const Session& s, const Id& boardId, const Id& cardId);

// Queries for views.
int wipCount(const Board& board, const Id& columnId); // not archived cards in the column, all lanes
bool isOverWipLimit(const Board& board, const Column& column);
// Indices into board.cards of the not archived cards of one cell, in display order.
std::vector<std::size_t> cellCards(const Board& board, const Id& columnId, const Id& laneId);

// ---------------------------------------------------------------------------------------------
// Retrospectives

CommandResult addRetrospective(const Session& s, Retrospective retro); // without items/actions
CommandResult setRetroPhase(const Session& s, const Id& retroId, Phase phase);
CommandResult setVotingSettings(const Session& s, const Id& retroId, const VotingSettings& voting);

CommandResult addRetroItem(const Session& s, const Id& retroId, const Id& itemId, const Id& promptId, std::string text,
                           Timestamp now, bool hidden = false, const Id& authorId = {});
CommandResult editRetroItemText(const Session& s, const Id& retroId, const Id& itemId, std::string text);
CommandResult setItemHidden(const Session& s, const Id& retroId, const Id& itemId, bool hidden);
CommandResult revealAll(const Session& s, const Id& retroId); // one undo step; no-op when none hidden
// Refused while an action or experiment link refers to the item.
CommandResult removeRetroItem(const Session& s, const Id& retroId, const Id& itemId);

// Dot voting on a retro item or group (targetId). Refused when voting is not open
// (VotingSettings::open) or the target has perItemLimit votes already. Votes are counts only.
CommandResult addVote(const Session& s, const Id& retroId, const Id& targetId);
CommandResult removeVote(const Session& s, const Id& retroId, const Id& targetId);

CommandResult addAction(const Session& s, const Id& retroId, Action action);
// A changed owner role or due date is copied to the linked board card (Action::cardId) in the
// same undo step.
CommandResult updateAction(const Session& s, const Id& retroId, const Action& action);
// Refused with "still-referenced" while an experiment links the action.
CommandResult removeAction(const Session& s, const Id& retroId, const Id& actionId);

// ---------------------------------------------------------------------------------------------
// Experiments

// Status rules (also checked by add/updateExperiment when the status or these fields change):
//   Evaluated   needs result != None
//   Transferred needs decision != None and a non-blank transferRecommendation
std::vector<std::string> missingForStatus(const Experiment& e, ExperimentStatus status); // field names

// originSessionId defaults to the session's id.
CommandResult addExperiment(const Session& s, Experiment experiment);
CommandResult updateExperiment(const Session& s, const Experiment& experiment);
CommandResult setExperimentStatus(const Session& s, const Id& experimentId, ExperimentStatus status);
// Refused with "still-referenced" while an action links the experiment (Action::experimentId).
CommandResult removeExperiment(const Session& s, const Id& experimentId);
CommandResult addObservation(const Session& s, const Id& experimentId, Observation observation);

// ---------------------------------------------------------------------------------------------
// Helpers

// True when `id` is used by any object of the session (all object kinds share one id space).
bool idInUse(const Session& s, const Id& id);

// Every English text commands produce, so catalogues (assets/po) and tests can check them all:
// Change::label values, Refusal::pattern values, and the term arguments (Refusal::termArgs).
// Kept complete by the unit tests.
std::span<const std::string_view> commandLabels();
std::span<const std::string_view> refusalPatterns();
std::span<const std::string_view> refusalTerms();

} // namespace lernraum::core
