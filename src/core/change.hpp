#pragma once
// A Change is what a command produces and the undo history stores: the before and after state of
// only the parts of a Session the command touched ("scopes"), so one undo step on a 10,000-card
// board costs about one card, not one board. See docs/undo.md.
//
//   command (pure)          history                       session
//   moveCard(s, ...) ---->  History::apply(s, change) --> after-states written into s
//                           History::undo(s)          --> before-states written back
//
// Adding a command never needs a new scope kind unless it touches a new kind of list: build the
// before-state with one of the capture helpers in commands_detail.hpp, copy it, edit the copy,
// return Change::single(label, before, after).

#include "model.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lernraum::core {

// ---------------------------------------------------------------------------------------------
// Scopes

// Every scalar field of a Session, i.e. everything except its lists.
struct SessionHeader {
    Id id;
    std::string title;
    Date date;
    std::string lernraum;
    std::string orgUnit;
    SessionKind kind = SessionKind::Other;
    std::string language = "de";
    std::string facilitator;
    std::string goal;
    bool researchConsent = false;
    Id previousSessionId;
    Date nextReview;
    std::string startTime;
    friend bool operator==(const SessionHeader&, const SessionHeader&) = default;
};

SessionHeader headerOf(const Session& session);
void setHeader(Session& session, const SessionHeader& header);

// The state of one element of one list: present at `index` (value set) or absent (nullopt).
// The element type says which list: Participant -> session.participants, AgendaItem -> agenda,
// Board -> boards, Card -> board(ownerId).cards, Retrospective -> retrospectives,
// RetroItem -> retrospective(ownerId).items, Action -> retrospective(ownerId).actions,
// Experiment -> experiments. ownerId is empty for lists directly in the Session.
// Restoring a slot removes the element with `id` from wherever it is and, when value is set,
// inserts it at `index`: so one slot type covers add, edit, move and remove.
template <typename T> struct Slot {
    Id ownerId;
    Id id;
    std::optional<T> value;
    std::size_t index = 0;
    friend bool operator==(const Slot&, const Slot&) = default;
};

// A board without its cards (title, columns, lanes). Restoring keeps the board's current cards.
struct BoardFrame {
    Board board; // board.cards is always empty
    friend bool operator==(const BoardFrame&, const BoardFrame&) = default;
};

// A retrospective without its items and actions (title, phase, prompts, groups, voting, scales).
struct RetroFrame {
    Retrospective retro; // retro.items and retro.actions are always empty
    friend bool operator==(const RetroFrame&, const RetroFrame&) = default;
};

BoardFrame frameOf(const Board& board);
RetroFrame frameOf(const Retrospective& retro);

using Scope = std::variant<SessionHeader, Slot<Participant>, Slot<AgendaItem>, Slot<Board>, BoardFrame, Slot<Card>,
                           Slot<Retrospective>, RetroFrame, Slot<RetroItem>, Slot<Action>, Slot<Experiment>>;

// One scope before and after. `before` and `after` always hold the same alternative and name the
// same object.
struct Step {
    Scope before;
    Scope after;
    friend bool operator==(const Step&, const Step&) = default;
};

// ---------------------------------------------------------------------------------------------
// Change

struct Change {
    // English text for the Edit menu ("Move card"); also the msgid the UI translates.
    std::string label;
    // Consecutive changes with the same non-empty key merge into one undo step (first `before`,
    // latest `after`), e.g. "card/card-4f1c09a2b7e3/title". Only single-step changes merge.
    std::string mergeKey;
    // Applied in order for redo, in reverse order for undo. Steps touching the same list must be
    // recorded in the order they were made (each step's `before` is the state after the previous).
    std::vector<Step> steps;

    [[nodiscard]] bool isNoOp() const; // no steps, or every step's before == after

    static Change single(std::string label, Scope before, Scope after, std::string mergeKey = {});

    friend bool operator==(const Change&, const Change&) = default;
};

// Write every step's `after` (redo) or `before` (undo, reverse order) into the session. With
// `check`, each step's starting state must equal the session's current state of that scope
// (History::apply uses this to refuse a change computed from an outdated session).
// Throws std::logic_error when the session does not match what the change refers to (it was
// modified behind the history's back); the session is then left as it was (all or nothing).
void applyAfter(Session& session, const Change& change, bool check = false);
void applyBefore(Session& session, const Change& change, bool check = false);

// Which object a scope is about ("card/board-1/card-2"); equal for a step's before and after.
std::string scopeKey(const Scope& scope);

// Estimated bytes a Change occupies: sizeof(Change) + label + merge key + for every step
// 2 x sizeof(Scope) + what each scope owns on the heap (every string's size(), every vector's
// elements). Deterministic: size(), not capacity(); small-string optimisation and allocator
// overhead are ignored. See docs/undo.md for typical values.
std::size_t estimateBytes(const Change& change);
std::size_t estimateBytes(const Scope& scope);

// ---------------------------------------------------------------------------------------------
// Replace {1}..{9} in pattern by args[0..8]; unknown placeholders stay as they are.
std::string fillPlaceholders(std::string_view pattern, const std::vector<std::string>& args);

// Refusal: a rule said no. The UI shows message() (or translates `pattern` and fills `args`).

struct Refusal {
    std::string code;    // stable machine name, e.g. "wip-limit-reached"
    std::string pattern; // English with placeholders {1}, {2}, ...: "Column '{1}' is full ({2}/{3})"
    std::vector<std::string> args;
    // Bit i set: args[i] is an English term from core (a field or object name such as
    // "card title"), not user text, and is translated like the pattern.
    std::uint32_t termArgs = 0;

    [[nodiscard]] std::string message() const; // English: pattern with args filled in
    // Localised: translate(pattern) with the args filled in, term args translated too.
    // `translate` maps an English msgid (const char*) to a translation (anything a std::string
    // can be built from), e.g. the UI's ui::translate.
    template <typename Translate> [[nodiscard]] std::string message(Translate&& translate) const {
        std::vector<std::string> filled = args;
        for (std::size_t i = 0; i < filled.size() && i < 32; ++i)
            if ((termArgs >> i) & 1U) filled[i] = std::string(translate(filled[i].c_str()));
        return fillPlaceholders(std::string(translate(pattern.c_str())), filled);
    }
    friend bool operator==(const Refusal&, const Refusal&) = default;
};


// What every command returns: a Change to apply, or a Refusal.
class CommandResult {
public:
    CommandResult(Change change) : m_value(std::move(change)) {}    // NOLINT: implicit on purpose
    CommandResult(Refusal refusal) : m_value(std::move(refusal)) {} // NOLINT: implicit on purpose

    [[nodiscard]] bool ok() const { return std::holds_alternative<Change>(m_value); }
    explicit operator bool() const { return ok(); }
    // Precondition ok(); throws std::bad_variant_access otherwise.
    [[nodiscard]] const Change& change() const { return std::get<Change>(m_value); }
    [[nodiscard]] Change& change() { return std::get<Change>(m_value); }
    // Precondition !ok(); throws std::bad_variant_access otherwise.
    [[nodiscard]] const Refusal& refusal() const { return std::get<Refusal>(m_value); }

private:
    std::variant<Change, Refusal> m_value;
};

} // namespace lernraum::core
