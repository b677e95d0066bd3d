// The undo history: exact undo/redo, merging, dirty marker, version counter, memory bounds, and
// a property test that runs long random command sequences over generated sessions.

#include "core/commands.hpp"
#include "core/generate.hpp"
#include "core/history.hpp"
#include "core/validate.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace lernraum::core;

namespace {

Session smallSession() {
    Session s;
    s.id = "session-1";
    s.title = "Planungssitzung";
    Board b;
    b.id = "board-1";
    b.title = "Sprint 1";
    b.columns = {Column{"col-todo", "Zu erledigen", ColumnKind::Todo, 0, WipMode::Soft},
                 Column{"col-doing", "In Arbeit", ColumnKind::InProgress, 2, WipMode::Hard},
                 Column{"col-done", "Erledigt", ColumnKind::Done, 0, WipMode::Soft}};
    s.boards.push_back(b);
    s.agenda.push_back(AgendaItem{"agenda-1", "Check-in", "", Phase::SetTheStage, 10, 0, false, ""});
    return s;
}

const Timestamp kNow{1'795'000'000};

bool listed(std::span<const std::string_view> list, const std::string& text) {
    return std::find(list.begin(), list.end(), text) != list.end();
}

} // namespace

TEST_CASE("History applies, undoes and redoes a change exactly", "[core][history]") {
    Session s = smallSession();
    const Session original = s;
    History h;
    CHECK_FALSE(h.canUndo());
    CHECK_FALSE(h.canRedo());
    CHECK(h.undoLabel().empty());

    REQUIRE(h.apply(s, addCard(s, "board-1", "card-1", "col-todo", "", "Telefonliste", 0, kNow)));
    const Session afterAdd = s;
    REQUIRE(s.boards[0].cards.size() == 1);
    CHECK(h.canUndo());
    CHECK(h.undoLabel() == "Add card");

    REQUIRE(h.apply(s, moveCard(s, "board-1", "card-1", "col-doing", "", 0, Timestamp{kNow.seconds + 60})));
    const Session afterMove = s;
    CHECK(s.boards[0].cards[0].columnId == "col-doing");
    CHECK(h.undoLabel() == "Move card");

    REQUIRE(h.undo(s));
    CHECK(s == afterAdd);
    CHECK(h.redoLabel() == "Move card");
    REQUIRE(h.undo(s));
    CHECK(s == original);
    CHECK_FALSE(h.undo(s));
    REQUIRE(h.redo(s));
    CHECK(s == afterAdd);
    REQUIRE(h.redo(s));
    CHECK(s == afterMove);
    CHECK_FALSE(h.redo(s));
}

TEST_CASE("History records nothing for refusals and no-op changes", "[core][history]") {
    Session s = smallSession();
    History h;
    const auto refused = addCard(s, "board-x", "card-1", "col-todo", "", "Titel", 0, kNow);
    REQUIRE_FALSE(refused);
    CHECK_FALSE(h.apply(s, refused));
    CHECK_FALSE(h.apply(s, setAgendaItemDone(s, "agenda-1", false))); // already open
    CHECK_FALSE(h.canUndo());
    CHECK(h.version() == 0);
    CHECK_FALSE(h.isDirty());
}

TEST_CASE("A new change after undo discards the redo steps", "[core][history]") {
    Session s = smallSession();
    History h;
    REQUIRE(h.apply(s, setSessionTitle(s, "Eins")));
    REQUIRE(h.apply(s, setAgendaItemDone(s, "agenda-1", true)));
    REQUIRE(h.undo(s));
    CHECK(h.canRedo());
    REQUIRE(h.apply(s, renameBoard(s, "board-1", "Sprint 2")));
    CHECK_FALSE(h.canRedo());
    CHECK(h.undoCount() == 2);
    CHECK_FALSE(s.agenda[0].done);
}

TEST_CASE("Consecutive edits of one text field merge into one undo step", "[core][history][merge]") {
    Session s = smallSession();
    const Session original = s;
    History h;
    REQUIRE(h.apply(s, addCard(s, "board-1", "card-1", "col-todo", "", "T", 0, kNow)));
    const Session afterAdd = s;

    Card c = s.boards[0].cards[0];
    for (const char* title : {"Te", "Tel", "Tele", "Telefon"}) {
        c.title = title;
        REQUIRE(h.apply(s, updateCard(s, "board-1", c)));
    }
    CHECK(h.undoCount() == 2);
    CHECK(s.boards[0].cards[0].title == "Telefon");

    SECTION("undo restores the text before the first edit") {
        REQUIRE(h.undo(s));
        CHECK(s == afterAdd);
        REQUIRE(h.undo(s));
        CHECK(s == original);
    }
    SECTION("another field starts a new step") {
        c.description = "Beschreibung";
        REQUIRE(h.apply(s, updateCard(s, "board-1", c)));
        CHECK(h.undoCount() == 3);
        REQUIRE(h.undo(s));
        CHECK(s.boards[0].cards[0].title == "Telefon");
        CHECK(s.boards[0].cards[0].description.empty());
    }
    SECTION("endMergeGroup starts a new step for the same field") {
        h.endMergeGroup();
        c.title = "Telefonliste";
        REQUIRE(h.apply(s, updateCard(s, "board-1", c)));
        CHECK(h.undoCount() == 3);
        REQUIRE(h.undo(s));
        CHECK(s.boards[0].cards[0].title == "Telefon");
    }
    SECTION("an undo ends the merge group") {
        REQUIRE(h.undo(s));
        REQUIRE(h.redo(s));
        c.title = "Telefonliste";
        REQUIRE(h.apply(s, updateCard(s, "board-1", c)));
        CHECK(h.undoCount() == 3);
    }
    SECTION("editing back to the original text removes the step") {
        c.title = "T";
        REQUIRE(h.apply(s, updateCard(s, "board-1", c)));
        CHECK(h.undoCount() == 1);
        CHECK(s == afterAdd);
    }
}

TEST_CASE("Merging never crosses the saved marker", "[core][history][merge]") {
    Session s = smallSession();
    History h;
    REQUIRE(h.apply(s, setSessionTitle(s, "A")));
    h.markSaved();
    REQUIRE(h.apply(s, setSessionTitle(s, "AB")));
    CHECK(h.undoCount() == 2);
    CHECK(h.isDirty());
    REQUIRE(h.undo(s));
    CHECK(s.title == "A");
    CHECK_FALSE(h.isDirty());
}

TEST_CASE("The dirty marker follows undo and redo relative to the saved state", "[core][history][dirty]") {
    Session s = smallSession();
    History h;
    CHECK_FALSE(h.isDirty());
    REQUIRE(h.apply(s, setSessionTitle(s, "A")));
    CHECK(h.isDirty());
    h.markSaved();
    CHECK_FALSE(h.isDirty());
    REQUIRE(h.apply(s, renameBoard(s, "board-1", "B")));
    CHECK(h.isDirty());
    REQUIRE(h.undo(s));
    CHECK_FALSE(h.isDirty());
    REQUIRE(h.undo(s));
    CHECK(h.isDirty());
    REQUIRE(h.redo(s));
    CHECK_FALSE(h.isDirty());

    SECTION("a new branch makes the saved state unreachable") {
        REQUIRE(h.undo(s));
        REQUIRE(h.apply(s, setAgendaItemDone(s, "agenda-1", true)));
        CHECK(h.isDirty());
        REQUIRE(h.undo(s));
        CHECK(h.isDirty()); // title "A" is not saved any more: the session differs from the file
        h.markSaved();
        CHECK_FALSE(h.isDirty());
    }
    SECTION("clear forgets the steps and counts as saved") {
        REQUIRE(h.apply(s, setAgendaItemDone(s, "agenda-1", true)));
        h.clear();
        CHECK_FALSE(h.isDirty());
        CHECK_FALSE(h.canUndo());
        CHECK_FALSE(h.canRedo());
        CHECK(h.bytes() == 0);
    }
}

TEST_CASE("The version counter increases with every change, undo and redo", "[core][history]") {
    Session s = smallSession();
    History h;
    const auto v0 = h.version();
    REQUIRE(h.apply(s, setSessionTitle(s, "A")));
    const auto v1 = h.version();
    CHECK(v1 > v0);
    REQUIRE(h.apply(s, setSessionTitle(s, "AB"))); // merged, still a change
    const auto v2 = h.version();
    CHECK(v2 > v1);
    REQUIRE(h.undo(s));
    CHECK(h.version() > v2);
    const auto v3 = h.version();
    REQUIRE(h.redo(s));
    CHECK(h.version() > v3);
    const auto v4 = h.version();
    REQUIRE(h.undo(s));
    CHECK_FALSE(h.undo(s)); // nothing left to undo
    CHECK(h.version() == v4 + 1);
}

TEST_CASE("The history drops the oldest steps beyond the step limit", "[core][history][limits]") {
    Session s = smallSession();
    History h(HistoryLimits{5, 1 << 30});
    for (int i = 0; i < 12; ++i) {
        REQUIRE(h.apply(s, renameBoard(s, "board-1", "Board " + std::to_string(i))));
        h.endMergeGroup();
    }
    CHECK(h.undoCount() == 5);
    while (h.undo(s)) {
    }
    CHECK(s.boards[0].title == "Board 6"); // the state before the oldest kept step
    CHECK(h.isDirty());                    // the saved (initial) state is no longer reachable
}

TEST_CASE("The history drops the oldest steps beyond the byte limit but keeps the newest", "[core][history][limits]") {
    Session s = smallSession();
    History h(HistoryLimits{1000, 20'000});
    const std::string longText(3000, 'x');
    for (int i = 0; i < 20; ++i) {
        REQUIRE(h.apply(s, renameBoard(s, "board-1", longText + std::to_string(i))));
        h.endMergeGroup();
        CHECK(h.bytes() <= 20'000);
    }
    CHECK(h.undoCount() >= 2);
    CHECK(h.undoCount() < 20);

    // One step bigger than the whole budget is still kept, so it can be undone.
    History tiny(HistoryLimits{1000, 100});
    REQUIRE(tiny.apply(s, renameBoard(s, "board-1", longText)));
    tiny.endMergeGroup();
    REQUIRE(tiny.apply(s, renameBoard(s, "board-1", longText + "!")));
    CHECK(tiny.undoCount() == 1);
    REQUIRE(tiny.undo(s));
    CHECK((s.boards[0].title == longText)); // parentheses: no 3 KB expansion on failure
}

TEST_CASE("A step on a 10,000-card board stores about one card", "[core][history][limits]") {
    Session s = smallSession();
    Board& b = s.boards[0];
    b.columns[1].wipMode = WipMode::Soft;
    for (int i = 0; i < 10'000; ++i) {
        Card c;
        c.id = "card-" + std::to_string(i);
        c.title = "Karte Nummer " + std::to_string(i) + " mit etwas Text";
        c.description = std::string(200, 'd');
        c.columnId = b.columns[static_cast<std::size_t>(i % 3)].id;
        c.createdAt = kNow;
        c.history.push_back(ColumnVisit{c.columnId, kNow});
        b.cards.push_back(std::move(c));
    }
    const Card& sample = b.cards[5000];
    const std::size_t oneCard = estimateBytes(Scope{Slot<Card>{"board-1", sample.id, sample, 5000}});
    CHECK(oneCard < 2000);

    History h;
    const auto move = moveCard(s, "board-1", "card-5000", "col-done", "", 0, Timestamp{kNow.seconds + 5});
    REQUIRE(move);
    const auto moveBytes = estimateBytes(move.change());
    CHECK(moveBytes < 3 * oneCard); // before + after of one card, plus a label
    const Session beforeMove = s;
    REQUIRE(h.apply(s, move));
    CHECK(h.bytes() == moveBytes);

    Card edited = s.boards[0].cards[0];
    edited.title = "Neuer Titel";
    const auto edit = updateCard(s, "board-1", edited);
    REQUIRE(edit);
    CHECK(estimateBytes(edit.change()) < 3 * oneCard);

    const auto add = addCard(s, "board-1", "card-new", "col-todo", "", "Neu", 3, kNow);
    REQUIRE(add);
    CHECK(estimateBytes(add.change()) < 3 * oneCard);

    REQUIRE(h.undo(s));
    CHECK(s == beforeMove);
}

// ---------------------------------------------------------------------------------------------
// Property test: random command sequences, exact undo/redo, validity after every command.

namespace {

class RandomCommands {
public:
    explicit RandomCommands(std::uint64_t seed) : m_rng(seed) {}

    CommandResult next(const Session& s) {
        const int kind = pick(30);
        switch (kind) {
        case 0: return setSessionTitle(s, text());
        case 1: return setSessionField(s, static_cast<SessionField>(pick(10)), fieldValue());
        case 2: return addParticipant(s, Participant{freshId("part"), text(), static_cast<Role>(pick(5)), ""});
        case 3: return removeParticipant(s, someId(s.participants));
        case 4: return addAgendaItem(s, AgendaItem{freshId("agenda"), text(), "", Phase::GatherData, 15, 0, false, ""},
                                     index());
        case 5: return moveAgendaItem(s, someId(s.agenda), index());
        case 6: return addUsedSeconds(s, someId(s.agenda), pick(120) - 20);
        case 7: return removeAgendaItem(s, someId(s.agenda));
        case 8: {
            const Board* b = someBoard(s);
            if (!b) return addBoard(s, Board{freshId("board"), text(), {}, {}, {}});
            return addCard(s, b->id, freshId("card"), someId(b->columns), laneOf(*b), text(), index(), now());
        }
        case 9:
        case 10: {
            const Board* b = someBoard(s);
            if (!b) return setSessionTitle(s, text());
            return moveCard(s, b->id, someId(b->cards), someId(b->columns), laneOf(*b), index(), now());
        }
        case 11: {
            const Board* b = someBoard(s);
            if (!b || b->cards.empty()) return setSessionTitle(s, text());
            Card c = b->cards[static_cast<std::size_t>(pick(static_cast<int>(b->cards.size())))];
            if (pick(2)) c.title = text();
            else c.description = text();
            if (pick(4) == 0) c.checklist.push_back(ChecklistItem{freshId("check"), text(), false});
            return updateCard(s, b->id, c);
        }
        case 12: {
            const Board* b = someBoard(s);
            if (!b) return setSessionTitle(s, text());
            return pick(2) ? archiveCard(s, b->id, someId(b->cards)) : restoreCard(s, b->id, someId(b->cards));
        }
        case 13: {
            const Board* b = someBoard(s);
            if (!b) return setSessionTitle(s, text());
            return deleteCard(s, b->id, someId(b->cards));
        }
        case 14: {
            const Board* b = someBoard(s);
            if (!b) return setSessionTitle(s, text());
            return setColumnWip(s, b->id, someId(b->columns), pick(6), static_cast<WipMode>(pick(2)));
        }
        case 15: {
            const Board* b = someBoard(s);
            if (!b) return setSessionTitle(s, text());
            if (pick(2)) return addColumn(s, b->id, Column{freshId("col"), text(), ColumnKind::InProgress, 0, WipMode::Soft}, index());
            return moveColumn(s, b->id, someId(b->columns), index());
        }
        case 16: {
            const Board* b = someBoard(s);
            if (!b) return setSessionTitle(s, text());
            return removeColumn(s, b->id, someId(b->columns), someId(b->columns), now());
        }
        case 17: {
            const Board* b = someBoard(s);
            if (!b) return setSessionTitle(s, text());
            return pick(2) ? renameColumn(s, b->id, someId(b->columns), text()) : renameBoard(s, b->id, text());
        }
        case 18: {
            const Retrospective* r = someRetro(s);
            if (!r) return setSessionTitle(s, text());
            return addRetroItem(s, r->id, freshId("item"), someId(r->prompts), text(), now(), pick(2) == 0,
                                pick(3) == 0 ? someId(s.participants) : Id{});
        }
        case 19: {
            const Retrospective* r = someRetro(s);
            if (!r) return setSessionTitle(s, text());
            return editRetroItemText(s, r->id, someId(r->items), text());
        }
        case 20: {
            const Retrospective* r = someRetro(s);
            if (!r) return setSessionTitle(s, text());
            return pick(3) ? setItemHidden(s, r->id, someId(r->items), pick(2) == 0) : revealAll(s, r->id);
        }
        case 21: {
            const Retrospective* r = someRetro(s);
            if (!r) return setSessionTitle(s, text());
            if (pick(4) == 0) {
                VotingSettings v = r->voting;
                v.open = !v.open;
                v.perItemLimit = pick(4);
                return setVotingSettings(s, r->id, v);
            }
            const Id target = pick(3) == 0 ? someId(r->groups) : someId(r->items);
            return pick(3) ? addVote(s, r->id, target) : removeVote(s, r->id, target);
        }
        case 22: {
            const Retrospective* r = someRetro(s);
            if (!r) return setSessionTitle(s, text());
            return setRetroPhase(s, r->id, static_cast<Phase>(pick(5)));
        }
        case 23: {
            const Retrospective* r = someRetro(s);
            if (!r) return setSessionTitle(s, text());
            Action a;
            a.id = freshId("action");
            a.text = text();
            a.sourceId = someId(r->items);
            return addAction(s, r->id, a);
        }
        case 24: {
            const Retrospective* r = someRetro(s);
            if (!r || r->actions.empty()) return setSessionTitle(s, text());
            Action a = r->actions[static_cast<std::size_t>(pick(static_cast<int>(r->actions.size())))];
            a.status = static_cast<ActionStatus>(pick(4));
            if (pick(2)) a.text = text();
            return updateAction(s, r->id, a);
        }
        case 25: {
            Experiment e;
            e.id = freshId("exp");
            e.title = text();
            e.status = static_cast<ExperimentStatus>(pick(6));
            return addExperiment(s, e);
        }
        case 26: {
            if (s.experiments.empty()) return setSessionTitle(s, text());
            Experiment e = s.experiments[static_cast<std::size_t>(pick(static_cast<int>(s.experiments.size())))];
            switch (pick(4)) {
            case 0: e.hypothesis = text(); break;
            case 1: e.result = static_cast<ExperimentResult>(pick(4)); break;
            case 2: e.decision = static_cast<Decision>(pick(4)); break;
            default: e.transferRecommendation = text(); break;
            }
            return updateExperiment(s, e);
        }
        case 27: return setExperimentStatus(s, someId(s.experiments), static_cast<ExperimentStatus>(pick(6)));
        case 28: return addObservation(s, someId(s.experiments), Observation{freshId("obs"), Date{2026, 11, 1 + pick(28)}, text()});
        default: {
            const Retrospective* r = someRetro(s);
            if (!r) return setSessionTitle(s, text());
            return removeRetroItem(s, r->id, someId(r->items));
        }
        }
    }

private:
    std::mt19937_64 m_rng;
    int m_counter = 0;
    std::int64_t m_clock = 1'795'000'000;

    int pick(int n) { return n <= 0 ? 0 : static_cast<int>(m_rng() % static_cast<std::uint64_t>(n)); }
    std::size_t index() { return pick(8) == 0 ? kAtEnd : static_cast<std::size_t>(pick(6)); }
    Timestamp now() {
        m_clock += pick(3) == 0 ? -30 : 60; // sometimes the clock goes backwards
        return Timestamp{m_clock};
    }
    Id freshId(std::string_view prefix) {
        if (pick(40) == 0) return "session-x"; // sometimes a duplicate or broken id
        return std::string(prefix) + "-rnd" + std::to_string(++m_counter);
    }
    std::string text() {
        static const char* texts[] = {"Telefonliste", "Übergabe klären", "Kernzeiten 🚀", "", "   ", "A", "B",
                                      "„Zitat“", "Zeile 1\nZeile 2", "\xff\xfe kaputt"};
        return texts[pick(10)];
    }
    std::string fieldValue() {
        static const char* values[] = {"Neu", "2026-12-01", "", "planning", "en", "de", "true", "false", "2026-02-30", "fr"};
        return values[pick(10)];
    }
    template <typename T> Id someId(const std::vector<T>& list) {
        if (list.empty() || pick(15) == 0) return "does-not-exist";
        return list[static_cast<std::size_t>(pick(static_cast<int>(list.size())))].id;
    }
    Id laneOf(const Board& b) { return b.lanes.empty() || pick(3) == 0 ? Id{} : someId(b.lanes); }
    const Board* someBoard(const Session& s) {
        return s.boards.empty() ? nullptr : &s.boards[static_cast<std::size_t>(pick(static_cast<int>(s.boards.size())))];
    }
    const Retrospective* someRetro(const Session& s) {
        return s.retrospectives.empty()
                   ? nullptr
                   : &s.retrospectives[static_cast<std::size_t>(pick(static_cast<int>(s.retrospectives.size())))];
    }
};

} // namespace

TEST_CASE("Random command sequences undo and redo exactly and keep sessions valid", "[core][history][property]") {
    const std::uint64_t seed = GENERATE(1, 2, 3, 4, 5);
    GenerateOptions options;
    options.seed = seed;
    options.cards = 40;
    options.retroItems = 25;
    options.experiments = 5;
    options.boards = 1 + static_cast<int>(seed % 2);
    Session s = generateSession(options);
    REQUIRE(validate(s).empty());

    History h(HistoryLimits{100'000, std::size_t{1} << 32});
    RandomCommands commands(seed * 7919);
    std::vector<Session> snapshots{s}; // snapshots[i] = state after i undo steps
    int applied = 0, refused = 0;
    for (int i = 0; i < 600; ++i) {
        const auto result = commands.next(s);
        if (!result) {
            ++refused;
            const Refusal& f = result.refusal();
            CHECK_FALSE(f.code.empty());
            CHECK(listed(refusalPatterns(), f.pattern));
            for (std::size_t k = 0; k < f.args.size(); ++k)
                if ((f.termArgs >> k) & 1U) CHECK(listed(refusalTerms(), f.args[k]));
            continue;
        }
        CHECK(listed(commandLabels(), result.change().label));
        const auto stepsBefore = h.undoCount();
        if (!h.apply(s, result)) continue; // no-op
        ++applied;
        const auto problems = validate(s);
        INFO("seed " << seed << ", command " << i << ": " << result.change().label);
        for (const auto& p : problems) INFO(p.toString());
        REQUIRE(problems.empty());
        if (h.undoCount() == stepsBefore + 1) snapshots.push_back(s);
        else if (h.undoCount() == stepsBefore) snapshots.back() = s; // merged into the last step
        else {                                                        // merged back to no change
            REQUIRE(h.undoCount() + 1 == stepsBefore);
            snapshots.pop_back();
            REQUIRE(s == snapshots.back());
        }
        REQUIRE(snapshots.size() == h.undoCount() + 1);
    }
    CHECK(applied > 200);
    CHECK(refused > 20);

    for (std::size_t k = snapshots.size() - 1; k > 0; --k) {
        REQUIRE(h.undo(s));
        REQUIRE(s == snapshots[k - 1]);
    }
    CHECK_FALSE(h.canUndo());
    CHECK_FALSE(h.isDirty());
    for (std::size_t k = 1; k < snapshots.size(); ++k) {
        REQUIRE(h.redo(s));
        REQUIRE(s == snapshots[k]);
    }
    CHECK_FALSE(h.canRedo());
}

TEST_CASE("A change made for an outdated session is refused and leaves everything unchanged", "[core][history][sync]") {
    Session s = smallSession();
    History h;
    REQUIRE(h.apply(s, addCard(s, "board-1", "card-1", "col-todo", "", "Eins", 0, kNow)));
    // Two commands computed from the same state: the second one is stale once the first is applied.
    const auto first = renameBoard(s, "board-1", "Erster Name");
    const auto second = renameBoard(s, "board-1", "Zweiter Name");
    REQUIRE(h.apply(s, first));
    h.endMergeGroup();
    const Session before = s;
    const auto version = h.version();
    CHECK_THROWS_AS(h.apply(s, second), std::logic_error);
    CHECK(s == before);
    CHECK(h.version() == version);
    CHECK(h.undoCount() == 2);
    CHECK(h.undoLabel() == "Rename board");

    // An add whose object exists already is stale too.
    const auto add = addCard(s, "board-1", "card-2", "col-todo", "", "Zwei", 0, kNow);
    REQUIRE(h.apply(s, add));
    CHECK_THROWS_AS(h.apply(s, add.change()), std::logic_error);
    CHECK(s.boards[0].cards.size() == 2);
}

TEST_CASE("A multi-step change is all or nothing", "[core][history][sync]") {
    Session s = smallSession();
    s.participants.push_back(Participant{"part-1", "Anna", Role::Manager, ""});
    Retrospective r;
    r.id = "retro-1";
    r.items = {RetroItem{"item-1", "", "Eins", "part-1", false, "", 0, kNow},
               RetroItem{"item-2", "", "Zwei", "part-1", false, "", 0, kNow}};
    s.retrospectives.push_back(r);
    const auto remove = removeParticipant(s, "part-1");
    REQUIRE(remove);
    REQUIRE(remove.change().steps.size() == 3); // two items, then the participant

    // The participant changed after the command was made: the last step does not fit, the two
    // item steps already written are rolled back.
    s.participants[0].displayName = "Anna B.";
    const Session before = s;
    History h;
    CHECK_THROWS_AS(h.apply(s, remove), std::logic_error);
    CHECK(s == before);
    CHECK_FALSE(h.canUndo());
}

TEST_CASE("Undo refuses to run on a session changed behind the history's back", "[core][history][sync]") {
    Session s = smallSession();
    History h;
    REQUIRE(h.apply(s, addCard(s, "board-1", "card-1", "col-todo", "", "Eins", 0, kNow)));
    s.boards[0].cards[0].title = "geändert ohne Befehl";
    const Session before = s;
    CHECK_THROWS_AS(h.undo(s), std::logic_error);
    CHECK(s == before);
    CHECK(h.canUndo()); // nothing was consumed
}
