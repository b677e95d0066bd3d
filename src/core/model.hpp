#pragma once
// The Lernraum domain model, schema version 1. One Session is one workshop (one .lernraum file).
// Plain value types: copyable, comparable, no behaviour beyond small queries. Rules live in
// free functions (validate.hpp, board.hpp, ...). Every object carries a stable Id.

#include "types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lernraum::core {

struct Participant {
    Id id;
    std::string displayName; // optional; never leaves the machine through the research export
    Role role = Role::Employee;
    std::string department; // optional
    friend bool operator==(const Participant&, const Participant&) = default;
};

struct AgendaItem {
    Id id;
    std::string title;
    std::string description;
    Phase phase = Phase::SetTheStage;
    int timeboxMinutes = 0; // planned
    int usedSeconds = 0;    // measured by the timer
    bool done = false;
    std::string activityId; // activity library entry it came from, optional
    friend bool operator==(const AgendaItem&, const AgendaItem&) = default;
};

// ---------------------------------------------------------------------------------------------
// Kanban

struct Column {
    Id id;
    std::string title;
    ColumnKind kind = ColumnKind::Todo; // lead/cycle time: InProgress starts a cycle, Done ends it
    int wipLimit = 0;                   // 0 = no limit
    WipMode wipMode = WipMode::Soft;
    friend bool operator==(const Column&, const Column&) = default;
};

struct Lane { // swimlane (row), e.g. per team or per role
    Id id;
    std::string title;
    friend bool operator==(const Lane&, const Lane&) = default;
};

struct ChecklistItem {
    Id id;
    std::string text;
    bool done = false;
    friend bool operator==(const ChecklistItem&, const ChecklistItem&) = default;
};

struct ColumnVisit { // one entry of a card's column history
    Id columnId;
    Timestamp enteredAt;
    friend bool operator==(const ColumnVisit&, const ColumnVisit&) = default;
};

struct Card {
    Id id;
    std::string title;
    std::string description;
    std::optional<Role> ownerRole;
    std::vector<std::string> tags;
    CardColour colour = CardColour::None;
    Date due;
    std::vector<ChecklistItem> checklist;
    Id columnId;
    Id laneId; // empty = no swimlane
    bool archived = false;
    Timestamp createdAt;
    std::vector<ColumnVisit> history; // chronological; last entry = current column
    friend bool operator==(const Card&, const Card&) = default;
};

struct Board {
    Id id;
    std::string title;
    std::vector<Column> columns; // left to right
    std::vector<Lane> lanes;     // top to bottom; empty = no swimlanes
    std::vector<Card> cards;     // order within a column/lane = order in this vector
    friend bool operator==(const Board&, const Board&) = default;
};

// ---------------------------------------------------------------------------------------------
// Retrospective

struct Prompt { // a question of the format, e.g. "Was lief gut?"
    Id id;
    std::string text;
    friend bool operator==(const Prompt&, const Prompt&) = default;
};

struct RetroItem {
    Id id;
    Id promptId;
    std::string text;
    Id authorId; // participant id; empty = anonymous (the default)
    bool hidden = false; // written face-down, not yet revealed
    Id groupId;          // empty = ungrouped
    int votes = 0;       // a count; who voted is never recorded
    Timestamp createdAt;
    friend bool operator==(const RetroItem&, const RetroItem&) = default;
};

struct RetroGroup {
    Id id;
    std::string title;
    int votes = 0;
    friend bool operator==(const RetroGroup&, const RetroGroup&) = default;
};

struct Action { // Maßnahme
    Id id;
    std::string text;
    std::optional<Role> ownerRole;
    Date due;
    ActionStatus status = ActionStatus::Open;
    Id sourceId;       // retro item or group it came from, optional
    Id cardId;         // linked board card, optional
    Id experimentId;   // linked experiment, optional
    Id carriedFromSessionId; // set when carried over from a previous workshop
    std::string outcome;     // what became of it (for carried actions)
    friend bool operator==(const Action&, const Action&) = default;
};

struct VotingSettings {
    int budgetPerParticipant = 3;
    int perItemLimit = 0; // 0 = no limit
    bool hiddenUntilClosed = false;
    bool open = false;
    friend bool operator==(const VotingSettings&, const VotingSettings&) = default;
};

// A 1..5 scale answered by the room; counts only, no names.
struct ScaleQuestion {
    std::string question;
    std::array<int, 5> counts{}; // counts[0] = answers "1", ..., counts[4] = answers "5"
    friend bool operator==(const ScaleQuestion&, const ScaleQuestion&) = default;
};

struct Retrospective {
    Id id;
    std::string title;
    std::string formatId; // e.g. "start-stop-continue", "custom"
    Phase phase = Phase::SetTheStage; // current phase
    std::vector<Prompt> prompts;
    std::vector<RetroItem> items;
    std::vector<RetroGroup> groups;
    std::vector<Action> actions;
    VotingSettings voting;
    ScaleQuestion checkIn;
    ScaleQuestion roti; // return on time invested
    friend bool operator==(const Retrospective&, const Retrospective&) = default;
};

// ---------------------------------------------------------------------------------------------
// Experiments (Praxisexperimente)

struct Observation {
    Id id;
    Date date;
    std::string text;
    friend bool operator==(const Observation&, const Observation&) = default;
};

// A reference to the object an experiment came from. sessionId empty = this session; otherwise the
// object lives in an earlier workshop's file (kept when a follow-up carries the experiment).
struct Link {
    Id targetId;
    Id sessionId;
    std::string label; // the target's text when the link was made, so it reads well on its own
    friend bool operator==(const Link&, const Link&) = default;
};

struct Experiment {
    Id id;
    std::string title;
    std::string hypothesis;       // "Wir glauben, dass ..."
    std::string method;           // what we will do
    std::string measure;          // Messgröße
    std::string successCriterion; // Erfolgskriterium
    std::optional<Role> ownerRole;
    std::vector<Role> participantRoles;
    Date startDate;
    Date reviewDate;
    ExperimentStatus status = ExperimentStatus::Idea;
    std::vector<Observation> observations; // dated log
    ExperimentResult result = ExperimentResult::None;
    EvidenceStrength evidence = EvidenceStrength::None;
    std::string learning;
    Decision decision = Decision::None;
    std::string transferRecommendation; // which units could adopt it, what they need
    std::vector<Link> links;            // retro items, actions, cards it came from
    Id originSessionId;                 // workshop where it was created (kept across follow-ups)
    friend bool operator==(const Experiment&, const Experiment&) = default;
};

// ---------------------------------------------------------------------------------------------

struct Session {
    Id id;
    std::string title;
    Date date;
    std::string lernraum;  // name of the Lernraum (series)
    std::string orgUnit;   // organisation unit
    SessionKind kind = SessionKind::Other;
    std::string language = "de"; // "de" or "en"
    std::string facilitator;     // name of the facilitator
    std::string goal;
    bool researchConsent = false;
    Id previousSessionId; // empty for the first workshop
    Date nextReview;      // date of the next review / workshop, optional
    std::string startTime; // "HH:MM" when the workshop starts, optional ("": agenda shows relative times)
    std::vector<Participant> participants;
    std::vector<AgendaItem> agenda;
    std::vector<Board> boards;
    std::vector<Retrospective> retrospectives;
    std::vector<Experiment> experiments;
    friend bool operator==(const Session&, const Session&) = default;
};

} // namespace lernraum::core
