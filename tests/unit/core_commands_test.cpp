// Every command: the happy path (and that its Change undoes exactly) and its refusals.

#include "core/commands.hpp"
#include "core/ids.hpp"
#include "core/validate.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace lernraum::core;

namespace {

const Timestamp kT0{1'795'000'000}; // 2026-11-18
const Timestamp kT1{1'795'000'600};

Card card(const char* id, const char* title, const char* column, const char* lane = "") {
    Card c;
    c.id = id;
    c.title = title;
    c.columnId = column;
    c.laneId = lane;
    c.createdAt = kT0;
    c.history.push_back(ColumnVisit{column, kT0});
    return c;
}

// A small, valid workshop with one of everything.
Session fixture() {
    Session s;
    s.id = "session-1";
    s.title = "Auswertungssitzung Sprint 2";
    s.date = Date{2026, 11, 18};
    s.participants = {Participant{"part-anna", "Anna", Role::Manager, ""},
                      Participant{"part-ben", "", Role::Employee, "Amt 32"}};
    s.agenda = {AgendaItem{"agenda-1", "Check-in", "", Phase::SetTheStage, 10, 0, false, ""},
                AgendaItem{"agenda-2", "Daten sammeln", "", Phase::GatherData, 20, 0, false, ""},
                AgendaItem{"agenda-3", "Abschluss", "", Phase::Close, 5, 0, false, ""}};

    Board b;
    b.id = "board-1";
    b.title = "Sprint 2";
    b.columns = {Column{"col-todo", "Zu erledigen", ColumnKind::Todo, 0, WipMode::Soft},
                 Column{"col-doing", "In Arbeit", ColumnKind::InProgress, 2, WipMode::Hard},
                 Column{"col-done", "Erledigt", ColumnKind::Done, 0, WipMode::Soft}};
    b.lanes = {Lane{"lane-a", "Team A"}, Lane{"lane-b", "Team B"}};
    b.cards = {card("card-1", "Telefonliste", "col-todo", "lane-a"), card("card-2", "Kernzeiten", "col-todo", "lane-a"),
               card("card-3", "Übergabe", "col-doing", "lane-a"), card("card-4", "Leitfaden", "col-todo", "lane-b"),
               card("card-5", "Teams-Kanal", "col-done", "lane-a")};
    s.boards.push_back(b);

    Retrospective r;
    r.id = "retro-1";
    r.title = "Retrospektive";
    r.prompts = {Prompt{"prompt-good", "Was lief gut?"}, Prompt{"prompt-bad", "Was stört?"}};
    r.items = {RetroItem{"item-1", "prompt-good", "Kurze Wege", "part-anna", true, "", 0, kT0},
               RetroItem{"item-2", "prompt-bad", "Zu viele Mails", "", true, "", 0, kT0},
               RetroItem{"item-3", "prompt-bad", "Unklare Zuständigkeit", "part-anna", false, "", 0, kT0}};
    r.groups = {RetroGroup{"group-1", "Kommunikation", 0}};
    Action a;
    a.id = "action-1";
    a.text = "Zuständigkeiten klären";
    a.sourceId = "item-3";
    a.cardId = "card-1";
    r.actions.push_back(a);
    s.retrospectives.push_back(r);

    Experiment e;
    e.id = "exp-1";
    e.title = "Telefonsprechstunde";
    e.status = ExperimentStatus::Running;
    e.links = {Link{"item-2", "", "Zu viele Mails"}};
    s.experiments.push_back(e);
    return s;
}

bool listed(std::span<const std::string_view> list, const std::string& text) {
    return std::find(list.begin(), list.end(), text) != list.end();
}

// Every label, pattern and term argument must be in the lists the translation catalogue uses.
void checkListed(const CommandResult& r) {
    if (r) {
        if (!listed(commandLabels(), r.change().label)) FAIL_CHECK("label not in commandLabels(): " << r.change().label);
        return;
    }
    const Refusal& f = r.refusal();
    if (!listed(refusalPatterns(), f.pattern)) FAIL_CHECK("pattern not in refusalPatterns(): " << f.pattern);
    for (std::size_t i = 0; i < f.args.size(); ++i)
        if (((f.termArgs >> i) & 1U) && !listed(refusalTerms(), f.args[i]))
            FAIL_CHECK("term not in refusalTerms(): " << f.args[i]);
}

// Apply a command that must succeed. Also checks that the result is valid and that undoing the
// change gives back exactly the session it started from.
Session run(const Session& s, const CommandResult& r) {
    if (!r) FAIL_CHECK("refused: " << r.refusal().code << ": " << r.refusal().message());
    REQUIRE(r.ok());
    checkListed(r);
    Session next = s;
    applyAfter(next, r.change());
    for (const auto& p : validate(next)) FAIL_CHECK(p.toString());
    Session back = next;
    applyBefore(back, r.change());
    CHECK(back == s);
    return next;
}

std::string code(const CommandResult& r) {
    checkListed(r);
    return r ? std::string("(accepted)") : r.refusal().code;
}

const Board& board(const Session& s) { return s.boards[0]; }
const Card& cardById(const Session& s, const Id& id) {
    for (const auto& c : s.boards[0].cards)
        if (c.id == id) return c;
    FAIL("no card " << id);
    throw;
}
std::vector<Id> cellIds(const Session& s, const Id& column, const Id& lane) {
    std::vector<Id> ids;
    for (const auto i : cellCards(s.boards[0], column, lane)) ids.push_back(s.boards[0].cards[i].id);
    return ids;
}

} // namespace

TEST_CASE("The fixture is valid", "[core][commands]") { CHECK(validate(fixture()).empty()); }

// ---------------------------------------------------------------------------------------------

TEST_CASE("Refusal messages can be translated, term arguments included", "[core][commands]") {
    const Session s = fixture();
    const auto empty = setSessionTitle(s, "");
    REQUIRE(!empty);
    CHECK(empty.refusal().message() == "The session title must not be empty");
    const auto german = [](const char* msgid) -> std::string {
        const std::string id = msgid;
        if (id == "The {1} must not be empty") return "{1}: darf nicht leer sein";
        if (id == "session title") return "Titel der Sitzung";
        if (id == "Column '{1}' is full ({2}/{3})") return "Die Spalte „{1}“ ist voll ({2}/{3})";
        return id;
    };
    CHECK(empty.refusal().message(german) == "Titel der Sitzung: darf nicht leer sein");
    // User text is never passed through the translation.
    Refusal wip{"wip-limit-reached", "Column '{1}' is full ({2}/{3})", {"session title", "3", "3"}};
    CHECK(wip.message(german) == "Die Spalte „session title“ ist voll (3/3)");
}

TEST_CASE("Refusal fills placeholders", "[core][commands]") {
    CHECK(fillPlaceholders("Column '{1}' is full ({2}/{3})", {"In Arbeit", "3", "3"}) == "Column 'In Arbeit' is full (3/3)");
    CHECK(fillPlaceholders("{1} and {4} and {x}", {"a"}) == "a and {4} and {x}");
    CHECK(fillPlaceholders("trailing {", {}) == "trailing {");
}

TEST_CASE("Session header commands", "[core][commands][session]") {
    const Session s = fixture();
    CHECK(run(s, setSessionTitle(s, "Neuer Titel")).title == "Neuer Titel");
    CHECK(setSessionTitle(s, "x").change().mergeKey == "session/title");
    CHECK(code(setSessionTitle(s, "  ")) == refusal::EmptyText);
    CHECK(code(setSessionTitle(s, "\xC3")) == refusal::InvalidUtf8);
    CHECK(code(setSessionTitle(s, std::string(kMaxTextBytes + 1, 'a'))) == refusal::TextTooLong);

    CHECK(run(s, setSessionField(s, SessionField::Lernraum, "Führung auf Distanz")).lernraum == "Führung auf Distanz");
    CHECK(run(s, setSessionField(s, SessionField::OrgUnit, "Amt 10")).orgUnit == "Amt 10");
    CHECK(run(s, setSessionField(s, SessionField::Facilitator, "Moderation")).facilitator == "Moderation");
    CHECK(run(s, setSessionField(s, SessionField::Goal, "Ziel")).goal == "Ziel");
    CHECK(run(s, setSessionField(s, SessionField::Date, "2026-12-01")).date == Date{2026, 12, 1});
    CHECK(run(s, setSessionField(s, SessionField::Date, "")).date == Date{});
    CHECK(run(s, setSessionField(s, SessionField::NextReview, "2027-01-15")).nextReview == Date{2027, 1, 15});
    CHECK(run(s, setSessionField(s, SessionField::Kind, "planning")).kind == SessionKind::Planning);
    CHECK(run(s, setSessionField(s, SessionField::Language, "en")).language == "en");
    CHECK(run(s, setSessionField(s, SessionField::ResearchConsent, "true")).researchConsent);
    CHECK(setSessionField(s, SessionField::Goal, "x").change().mergeKey == "session/goal");

    CHECK(code(setSessionField(s, SessionField::Date, "2026-02-30")) == refusal::InvalidValue);
    CHECK(code(setSessionField(s, SessionField::Kind, "party")) == refusal::InvalidValue);
    CHECK(code(setSessionField(s, SessionField::Language, "fr")) == refusal::InvalidValue);
    CHECK(code(setSessionField(s, SessionField::ResearchConsent, "ja")) == refusal::InvalidValue);
    CHECK(code(setSessionField(s, SessionField::Title, "")) == refusal::EmptyText);

    SessionHeader h = headerOf(s);
    h.goal = "Neues Ziel";
    const auto r = updateSessionHeader(s, h);
    CHECK(run(s, r).goal == "Neues Ziel");
    CHECK(r.change().mergeKey == "session/goal");
    h.title = "Anders";
    CHECK(updateSessionHeader(s, h).change().mergeKey.empty()); // two fields: a step of its own
    h.id = "session-2";
    CHECK(code(updateSessionHeader(s, h)) == refusal::InvalidValue);
}

TEST_CASE("Participant commands", "[core][commands][participants]") {
    const Session s = fixture();
    const auto added = run(s, addParticipant(s, Participant{"part-cem", "Cem", Role::StaffCouncil, ""}));
    REQUIRE(added.participants.size() == 3);
    CHECK(added.participants.back().role == Role::StaffCouncil);
    CHECK(code(addParticipant(s, Participant{"part-anna", "", Role::Employee, ""})) == refusal::DuplicateId);
    CHECK(code(addParticipant(s, Participant{"card-1", "", Role::Employee, ""})) == refusal::DuplicateId);
    CHECK(code(addParticipant(s, Participant{"", "", Role::Employee, ""})) == refusal::InvalidId);
    CHECK(code(addParticipant(s, Participant{"part-x", "", Role::Count, ""})) == refusal::InvalidValue);

    Participant p = s.participants[1];
    p.displayName = "Ben";
    const auto upd = updateParticipant(s, p);
    CHECK(run(s, upd).participants[1].displayName == "Ben");
    CHECK(upd.change().mergeKey == "participant/part-ben/displayName");
    p.id = "part-nobody";
    CHECK(code(updateParticipant(s, p)) == refusal::NotFound);

    // Removing an author makes their retro items anonymous, in one undoable change.
    const auto removed = run(s, removeParticipant(s, "part-anna"));
    CHECK(removed.participants.size() == 1);
    for (const auto& item : removed.retrospectives[0].items) CHECK(item.authorId.empty());
    CHECK(removed.retrospectives[0].items[0].text == "Kurze Wege");
    CHECK(code(removeParticipant(s, "part-nobody")) == refusal::NotFound);
}

TEST_CASE("Agenda commands", "[core][commands][agenda]") {
    const Session s = fixture();
    const auto added = run(s, addAgendaItem(s, AgendaItem{"agenda-4", "Pause", "", Phase::Close, 10, 0, false, ""}, 1));
    CHECK(added.agenda[1].id == "agenda-4");
    CHECK(run(s, addAgendaItem(s, AgendaItem{"agenda-4", "Pause", "", Phase::Close, 10, 0, false, ""})).agenda.back().id ==
          "agenda-4");
    CHECK(code(addAgendaItem(s, AgendaItem{"agenda-4", " ", "", Phase::Close, 10, 0, false, ""})) == refusal::EmptyText);
    CHECK(code(addAgendaItem(s, AgendaItem{"agenda-4", "X", "", Phase::Close, -1, 0, false, ""})) == refusal::InvalidValue);
    CHECK(code(addAgendaItem(s, AgendaItem{"agenda-1", "X", "", Phase::Close, 1, 0, false, ""})) == refusal::DuplicateId);

    AgendaItem item = s.agenda[0];
    item.timeboxMinutes = 15;
    const auto upd = updateAgendaItem(s, item);
    CHECK(run(s, upd).agenda[0].timeboxMinutes == 15);
    CHECK(upd.change().mergeKey == "agenda/agenda-1/timeboxMinutes");
    item.title = "";
    CHECK(code(updateAgendaItem(s, item)) == refusal::EmptyText);

    CHECK(run(s, removeAgendaItem(s, "agenda-2")).agenda.size() == 2);
    CHECK(code(removeAgendaItem(s, "agenda-9")) == refusal::NotFound);

    const auto moved = run(s, moveAgendaItem(s, "agenda-1", 2));
    CHECK(moved.agenda[0].id == "agenda-2");
    CHECK(moved.agenda[2].id == "agenda-1");
    CHECK(run(s, moveAgendaItem(s, "agenda-3", 0)).agenda[0].id == "agenda-3");
    CHECK(run(s, moveAgendaItem(s, "agenda-1", kAtEnd)).agenda[2].id == "agenda-1");
    CHECK(code(moveAgendaItem(s, "agenda-9", 0)) == refusal::NotFound);

    CHECK(run(s, setAgendaItemDone(s, "agenda-2", true)).agenda[1].done);
    CHECK(code(setAgendaItemDone(s, "agenda-9", true)) == refusal::NotFound);

    const auto timed = run(s, addUsedSeconds(s, "agenda-1", 90));
    CHECK(timed.agenda[0].usedSeconds == 90);
    CHECK(run(timed, addUsedSeconds(timed, "agenda-1", -200)).agenda[0].usedSeconds == 0); // clamped
    CHECK(addUsedSeconds(s, "agenda-1", 1).change().mergeKey == "agenda/agenda-1/usedSeconds");
    CHECK(code(addUsedSeconds(s, "agenda-9", 1)) == refusal::NotFound);
}

TEST_CASE("Board, column and lane commands", "[core][commands][board]") {
    const Session s = fixture();
    IdGenerator ids(42);
    const Board fresh = makeBoard(ids, "Sprint 3", "de");
    REQUIRE(fresh.columns.size() == 3);
    CHECK(fresh.columns[1].title == "In Arbeit");
    CHECK(makeBoard(ids, "Sprint 3", "en").columns[1].title == "In progress");
    const auto withBoard = run(s, addBoard(s, fresh));
    CHECK(withBoard.boards.size() == 2);
    CHECK(code(addBoard(withBoard, fresh)) == refusal::DuplicateId);
    Board bad = makeBoard(ids, "", "de");
    CHECK(code(addBoard(s, bad)) == refusal::EmptyText);
    Board dupColumn = makeBoard(ids, "B", "de");
    dupColumn.columns[1].id = dupColumn.columns[0].id;
    CHECK(code(addBoard(s, dupColumn)) == refusal::DuplicateId);

    const auto renamed = renameBoard(s, "board-1", "Sprint 2 (neu)");
    CHECK(run(s, renamed).boards[0].title == "Sprint 2 (neu)");
    CHECK(estimateBytes(renamed.change()) < 4000); // a frame, not the cards
    CHECK(code(renameBoard(s, "board-9", "x")) == refusal::NotFound);
    CHECK(code(renameBoard(s, "board-1", "")) == refusal::EmptyText);

    // removeBoard: refused while an action links one of its cards.
    CHECK(code(removeBoard(s, "board-1")) == refusal::StillReferenced);
    CHECK(run(withBoard, removeBoard(withBoard, fresh.id)).boards.size() == 1);

    const auto col = run(s, addColumn(s, "board-1", Column{"col-review", "Review", ColumnKind::InProgress, 0, WipMode::Soft}, 2));
    CHECK(board(col).columns[2].id == "col-review");
    CHECK(code(addColumn(s, "board-1", Column{"col-todo", "X", ColumnKind::Todo, 0, WipMode::Soft})) == refusal::DuplicateId);
    CHECK(code(addColumn(s, "board-1", Column{"col-x", "", ColumnKind::Todo, 0, WipMode::Soft})) == refusal::EmptyText);

    CHECK(board(run(s, renameColumn(s, "board-1", "col-done", "Fertig"))).columns[2].title == "Fertig");
    CHECK(code(renameColumn(s, "board-1", "col-x", "Fertig")) == refusal::NotFound);

    const auto wip = run(s, setColumnWip(s, "board-1", "col-todo", 4, WipMode::Hard));
    CHECK(board(wip).columns[0].wipLimit == 4);
    CHECK(board(wip).columns[0].wipMode == WipMode::Hard);
    CHECK(code(setColumnWip(s, "board-1", "col-todo", -1, WipMode::Hard)) == refusal::InvalidValue);
    CHECK(code(setColumnWip(s, "board-1", "col-todo", 1, WipMode::Count)) == refusal::InvalidValue);
    // Lowering below the current count is allowed; the column then shows as over its limit.
    const auto over = run(s, setColumnWip(s, "board-1", "col-todo", 1, WipMode::Soft));
    CHECK(isOverWipLimit(board(over), board(over).columns[0]));
    CHECK_FALSE(isOverWipLimit(board(s), board(s).columns[0]));

    const auto movedCol = run(s, moveColumn(s, "board-1", "col-done", 0));
    CHECK(board(movedCol).columns[0].id == "col-done");
    CHECK(board(movedCol).columns[1].id == "col-todo");
    CHECK(code(moveColumn(s, "board-1", "col-x", 0)) == refusal::NotFound);

    const auto lane = run(s, addLane(s, "board-1", Lane{"lane-c", "Team C"}, 0));
    CHECK(board(lane).lanes[0].id == "lane-c");
    CHECK(board(run(s, renameLane(s, "board-1", "lane-b", "Team Nord"))).lanes[1].title == "Team Nord");
    CHECK(code(renameLane(s, "board-1", "lane-x", "Y")) == refusal::NotFound);
    CHECK(code(addLane(s, "board-1", Lane{"lane-d", ""})) == refusal::EmptyText);
}

TEST_CASE("removeColumn moves its cards to the target column", "[core][commands][board]") {
    Session s = fixture();
    // card-5 went through "In Arbeit" on its way to "Erledigt".
    s.boards[0].cards[4].history = {ColumnVisit{"col-todo", kT0}, ColumnVisit{"col-doing", kT0},
                                    ColumnVisit{"col-done", kT0}};
    REQUIRE(validate(s).empty());

    const auto removed = run(s, removeColumn(s, "board-1", "col-doing", "col-done", kT1));
    const Board& b = board(removed);
    CHECK(b.columns.size() == 2);
    const Card& moved = cardById(removed, "card-3");
    CHECK(moved.columnId == "col-done");
    CHECK(moved.history.back() == ColumnVisit{"col-done", kT1});
    for (const auto& c : b.cards)
        for (const auto& v : c.history) CHECK(v.columnId != "col-doing");

    CHECK(code(removeColumn(s, "board-1", "col-doing", "", kT1)) == refusal::NeedsTarget);
    CHECK(code(removeColumn(s, "board-1", "col-doing", "col-doing", kT1)) == refusal::NeedsTarget);
    CHECK(code(removeColumn(s, "board-1", "col-doing", "col-x", kT1)) == refusal::NotFound);
    CHECK(code(removeColumn(s, "board-1", "col-x", "col-done", kT1)) == refusal::NotFound);
    // Three cards from "Zu erledigen" do not fit into the full "In Arbeit" (hard limit 2).
    CHECK(code(removeColumn(s, "board-1", "col-todo", "col-doing", kT1)) == refusal::WipLimitReached);

    // A column nobody ever used needs no target.
    const auto extra = run(s, addColumn(s, "board-1", Column{"col-x", "Leer", ColumnKind::Todo, 0, WipMode::Soft}));
    CHECK(board(run(extra, removeColumn(extra, "board-1", "col-x", "", kT1))).columns.size() == 3);
}

TEST_CASE("moveLane and removeLane keep every card on the board", "[core][commands][board]") {
    Session s = fixture();
    s.boards[0].cards[1].archived = true; // card-2: archived cards leave the lane too
    s.boards[0].cards.push_back(card("card-6", "Ohne Team", "col-todo", ""));
    REQUIRE(validate(s).empty());

    const auto moved = run(s, moveLane(s, "board-1", "lane-b", 0));
    CHECK(board(moved).lanes[0].id == "lane-b");
    CHECK(board(moved).lanes[1].id == "lane-a");
    CHECK(code(moveLane(s, "board-1", "lane-x", 0)) == refusal::NotFound);

    const auto result = removeLane(s, "board-1", "lane-a");
    const auto removed = run(s, result);
    const Board& b = board(removed);
    REQUIRE(b.lanes.size() == 1);
    CHECK(b.lanes[0].id == "lane-b");
    CHECK(b.cards.size() == 6);
    for (const auto& c : b.cards) CHECK(c.laneId != "lane-a");
    // The lane's cards join the row without a lane after the card that was there, in their order.
    CHECK(cellIds(removed, "col-todo", "") == std::vector<Id>{"card-6", "card-1"});
    CHECK(cellIds(removed, "col-doing", "") == std::vector<Id>{"card-3"});
    CHECK(cellIds(removed, "col-done", "") == std::vector<Id>{"card-5"});
    CHECK(cardById(removed, "card-2").archived);
    CHECK(cardById(removed, "card-2").laneId.empty());
    CHECK(cellIds(removed, "col-todo", "lane-b") == std::vector<Id>{"card-4"});
    CHECK(validate(removed).empty());

    // Undo gives back the session exactly, card order included.
    Session undone = removed;
    applyBefore(undone, result.change(), true);
    CHECK(undone == s);
    CHECK(code(removeLane(s, "board-1", "lane-x")) == refusal::NotFound);
}

TEST_CASE("addCard puts the card at a position of its cell and starts its history", "[core][commands][cards]") {
    const Session s = fixture();
    const auto added = run(s, addCard(s, "board-1", "card-new", "col-todo", "lane-a", "Neue Karte", 1, kT1));
    CHECK(cellIds(added, "col-todo", "lane-a") == std::vector<Id>{"card-1", "card-new", "card-2"});
    const Card& c = cardById(added, "card-new");
    CHECK(c.createdAt == kT1);
    CHECK(c.history == std::vector<ColumnVisit>{{"col-todo", kT1}});

    CHECK(cellIds(run(s, addCard(s, "board-1", "card-new", "col-todo", "lane-a", "X", 0, kT1)), "col-todo", "lane-a") ==
          std::vector<Id>{"card-new", "card-1", "card-2"});
    CHECK(cellIds(run(s, addCard(s, "board-1", "card-new", "col-todo", "lane-a", "X", kAtEnd, kT1)), "col-todo", "lane-a") ==
          std::vector<Id>{"card-1", "card-2", "card-new"});
    CHECK(cellIds(run(s, addCard(s, "board-1", "card-new", "col-done", "lane-b", "X", 5, kT1)), "col-done", "lane-b") ==
          std::vector<Id>{"card-new"});

    CHECK(code(addCard(s, "board-9", "card-new", "col-todo", "", "X", 0, kT1)) == refusal::NotFound);
    CHECK(code(addCard(s, "board-1", "card-new", "col-x", "", "X", 0, kT1)) == refusal::NotFound);
    CHECK(code(addCard(s, "board-1", "card-new", "col-todo", "lane-x", "X", 0, kT1)) == refusal::NotFound);
    CHECK(code(addCard(s, "board-1", "card-1", "col-todo", "", "X", 0, kT1)) == refusal::DuplicateId);
    CHECK(code(addCard(s, "board-1", "card-new", "col-todo", "", "", 0, kT1)) == refusal::EmptyText);
    CHECK(code(addCard(s, "board-1", "card-new", "col-todo", "", "X", 0, Timestamp{})) == refusal::InvalidValue);
    // "In Arbeit" has a hard limit of 2 and holds one card: one more fits, then it is full.
    const auto one = run(s, addCard(s, "board-1", "card-new", "col-doing", "", "X", 0, kT1));
    const auto full = addCard(one, "board-1", "card-new2", "col-doing", "", "Y", 0, kT1);
    REQUIRE(code(full) == refusal::WipLimitReached);
    CHECK(full.refusal().message() == "Column 'In Arbeit' is full (2/2)");
    CHECK(full.refusal().args == std::vector<std::string>{"In Arbeit", "2", "2"});
}

TEST_CASE("moveCard moves within and across cells, records column visits and obeys hard WIP limits",
          "[core][commands][cards]") {
    const Session s = fixture();

    SECTION("within a cell") {
        const auto down = run(s, moveCard(s, "board-1", "card-1", "col-todo", "lane-a", 1, kT1));
        CHECK(cellIds(down, "col-todo", "lane-a") == std::vector<Id>{"card-2", "card-1"});
        CHECK(cardById(down, "card-1").history.size() == 1); // same column: no visit
        const auto up = run(s, moveCard(s, "board-1", "card-2", "col-todo", "lane-a", 0, kT1));
        CHECK(cellIds(up, "col-todo", "lane-a") == std::vector<Id>{"card-2", "card-1"});
        CHECK(moveCard(s, "board-1", "card-1", "col-todo", "lane-a", 0, kT1).change().isNoOp());
    }
    SECTION("to another column and lane") {
        const auto moved = run(s, moveCard(s, "board-1", "card-1", "col-done", "lane-b", 0, kT1));
        const Card& c = cardById(moved, "card-1");
        CHECK(c.columnId == "col-done");
        CHECK(c.laneId == "lane-b");
        CHECK(c.history.back() == ColumnVisit{"col-done", kT1});
        CHECK(cellIds(moved, "col-done", "lane-b") == std::vector<Id>{"card-1"});
        CHECK(cellIds(moved, "col-todo", "lane-a") == std::vector<Id>{"card-2"});
    }
    SECTION("lane change only") {
        const auto moved = run(s, moveCard(s, "board-1", "card-4", "col-todo", "lane-a", 1, kT1));
        CHECK(cellIds(moved, "col-todo", "lane-a") == std::vector<Id>{"card-1", "card-4", "card-2"});
        CHECK(cardById(moved, "card-4").history.size() == 1);
    }
    SECTION("a clock that went back does not break the history order") {
        const auto moved = run(s, moveCard(s, "board-1", "card-1", "col-done", "", 0, Timestamp{kT0.seconds - 3600}));
        CHECK(cardById(moved, "card-1").history.back().enteredAt == kT0);
    }
    SECTION("hard WIP limit") {
        const auto second = run(s, moveCard(s, "board-1", "card-1", "col-doing", "lane-a", 0, kT1));
        const auto third = moveCard(second, "board-1", "card-2", "col-doing", "lane-a", 0, kT1);
        REQUIRE(code(third) == refusal::WipLimitReached);
        CHECK(third.refusal().message() == "Column 'In Arbeit' is full (2/2)");
        // Moving inside the full column and out of it is fine.
        CHECK(run(second, moveCard(second, "board-1", "card-3", "col-doing", "lane-a", 0, kT1)).boards.size() == 1);
        CHECK(run(second, moveCard(second, "board-1", "card-3", "col-done", "lane-a", 0, kT1)).boards.size() == 1);
        // A soft limit warns (isOverWipLimit) but does not refuse.
        const auto soft = run(second, setColumnWip(second, "board-1", "col-doing", 2, WipMode::Soft));
        const auto over = run(soft, moveCard(soft, "board-1", "card-2", "col-doing", "lane-a", 0, kT1));
        CHECK(isOverWipLimit(board(over), board(over).columns[1]));
        CHECK(wipCount(board(over), "col-doing") == 3);
    }
    CHECK(code(moveCard(s, "board-1", "card-9", "col-done", "", 0, kT1)) == refusal::NotFound);
    CHECK(code(moveCard(s, "board-1", "card-1", "col-x", "", 0, kT1)) == refusal::NotFound);
    CHECK(code(moveCard(s, "board-1", "card-1", "col-done", "lane-x", 0, kT1)) == refusal::NotFound);
}

TEST_CASE("updateCard edits only the editable fields and merges per field", "[core][commands][cards]") {
    const Session s = fixture();
    Card c = cardById(s, "card-2");
    c.title = "Kernzeiten abstimmen";
    c.columnId = "col-done"; // ignored: moving is moveCard's job
    c.archived = true;       // ignored
    const auto r = updateCard(s, "board-1", c);
    const auto next = run(s, r);
    CHECK(cardById(next, "card-2").title == "Kernzeiten abstimmen");
    CHECK(cardById(next, "card-2").columnId == "col-todo");
    CHECK_FALSE(cardById(next, "card-2").archived);
    CHECK(r.change().mergeKey == "card/card-2/title");
    CHECK(r.change().label == "Edit card");

    c.description = "Mit dem Personalrat";
    CHECK(updateCard(s, "board-1", c).change().mergeKey.empty());

    Card d = cardById(s, "card-2");
    d.tags = {"Führung"};
    d.colour = CardColour::SkyBlue;
    d.due = Date{2026, 12, 24};
    d.ownerRole = Role::Employee;
    d.checklist = {ChecklistItem{"check-1", "Termin finden", false}};
    const auto rich = run(s, updateCard(s, "board-1", d));
    CHECK(cardById(rich, "card-2").checklist.size() == 1);

    Card bad = cardById(s, "card-2");
    bad.title = " ";
    CHECK(code(updateCard(s, "board-1", bad)) == refusal::EmptyText);
    bad = cardById(s, "card-2");
    bad.tags = {""};
    CHECK(code(updateCard(s, "board-1", bad)) == refusal::EmptyText);
    bad = cardById(s, "card-2");
    bad.due = Date{2026, 2, 30};
    CHECK(code(updateCard(s, "board-1", bad)) == refusal::InvalidValue);
    bad = cardById(s, "card-2");
    bad.checklist = {ChecklistItem{"card-1", "Punkt", false}}; // id of another object
    CHECK(code(updateCard(s, "board-1", bad)) == refusal::DuplicateId);
    bad.id = "card-9";
    CHECK(code(updateCard(s, "board-1", bad)) == refusal::NotFound);
}

TEST_CASE("archiveCard, restoreCard and deleteCard", "[core][commands][cards]") {
    const Session s = fixture();
    const auto archived = run(s, archiveCard(s, "board-1", "card-3"));
    CHECK(cardById(archived, "card-3").archived);
    CHECK(wipCount(board(archived), "col-doing") == 0);
    CHECK(cellIds(archived, "col-doing", "lane-a").empty());
    CHECK(code(moveCard(archived, "board-1", "card-3", "col-done", "", 0, kT1)) == refusal::CardArchived);
    CHECK_FALSE(cardById(run(archived, restoreCard(archived, "board-1", "card-3")), "card-3").archived);
    CHECK(code(archiveCard(s, "board-1", "card-9")) == refusal::NotFound);

    // Restoring into a full hard-limited column is refused like a move.
    auto full = run(archived, addCard(archived, "board-1", "card-a", "col-doing", "", "A", 0, kT1));
    full = run(full, addCard(full, "board-1", "card-b", "col-doing", "", "B", 0, kT1));
    CHECK(code(restoreCard(full, "board-1", "card-3")) == refusal::WipLimitReached);

    const auto deleted = run(s, deleteCard(s, "board-1", "card-2"));
    CHECK(board(deleted).cards.size() == 4);
    const auto linked = deleteCard(s, "board-1", "card-1");
    REQUIRE(code(linked) == refusal::StillReferenced);
    CHECK(linked.refusal().message() == "'Telefonliste' is still linked from the action 'Zuständigkeiten klären'");
    CHECK(code(deleteCard(s, "board-1", "card-9")) == refusal::NotFound);
}

TEST_CASE("Retrospective commands", "[core][commands][retro]") {
    const Session s = fixture();
    Retrospective second;
    second.id = "retro-2";
    second.prompts = {Prompt{"prompt-x", "Was nehmen wir mit?"}};
    CHECK(run(s, addRetrospective(s, second)).retrospectives.size() == 2);
    second.prompts[0].id = "prompt-good";
    CHECK(code(addRetrospective(s, second)) == refusal::DuplicateId);

    CHECK(run(s, setRetroPhase(s, "retro-1", Phase::GenerateInsights)).retrospectives[0].phase == Phase::GenerateInsights);
    CHECK(code(setRetroPhase(s, "retro-1", Phase::Count)) == refusal::InvalidValue);
    CHECK(code(setRetroPhase(s, "retro-9", Phase::Close)) == refusal::NotFound);

    const auto added = run(s, addRetroItem(s, "retro-1", "item-4", "prompt-good", "Gute Stimmung", kT1, true));
    const auto& item = added.retrospectives[0].items.back();
    CHECK(item.id == "item-4");
    CHECK(item.hidden);
    CHECK(item.authorId.empty()); // anonymous by default
    // ... and then only the day is kept, not the second the card was typed.
    REQUIRE(kT1.seconds % 86400 != 0);
    CHECK(item.createdAt.date() == kT1.date());
    CHECK(item.createdAt.seconds % 86400 == 0);
    // With an author recorded on purpose, the full time stays.
    const auto signed_ = run(s, addRetroItem(s, "retro-1", "item-5", "prompt-good", "Mit Namen", kT1, false, "part-anna"));
    CHECK(signed_.retrospectives[0].items.back().createdAt == kT1);
    CHECK(code(addRetroItem(s, "retro-1", "item-4", "prompt-x", "T", kT1)) == refusal::NotFound);
    CHECK(code(addRetroItem(s, "retro-1", "item-4", "prompt-good", "T", kT1, false, "part-x")) == refusal::NotFound);
    CHECK(code(addRetroItem(s, "retro-1", "item-1", "prompt-good", "T", kT1)) == refusal::DuplicateId);
    CHECK(code(addRetroItem(s, "retro-1", "item-4", "prompt-good", "", kT1)) == refusal::EmptyText);

    const auto edit = editRetroItemText(s, "retro-1", "item-3", "Zuständigkeit unklar");
    CHECK(run(s, edit).retrospectives[0].items[2].text == "Zuständigkeit unklar");
    CHECK(edit.change().mergeKey == "retro-item/item-3/text");
    CHECK(code(editRetroItemText(s, "retro-1", "item-3", "")) == refusal::EmptyText);
    CHECK(code(editRetroItemText(s, "retro-1", "item-9", "x")) == refusal::NotFound);

    CHECK(run(s, setItemHidden(s, "retro-1", "item-3", true)).retrospectives[0].items[2].hidden);
    const auto revealed = revealAll(s, "retro-1");
    CHECK(revealed.change().steps.size() == 2); // only the hidden ones are touched
    const Session afterReveal = run(s, revealed);
    for (const auto& i : afterReveal.retrospectives[0].items) CHECK_FALSE(i.hidden);
    CHECK(revealAll(afterReveal, "retro-1").change().isNoOp());
    CHECK(code(revealAll(s, "retro-9")) == refusal::NotFound);

    CHECK(run(s, removeRetroItem(s, "retro-1", "item-1")).retrospectives[0].items.size() == 2);
    CHECK(code(removeRetroItem(s, "retro-1", "item-3")) == refusal::StillReferenced); // action source
    const auto linked = removeRetroItem(s, "retro-1", "item-2");
    REQUIRE(code(linked) == refusal::StillReferenced);
    CHECK(linked.refusal().message() == "'Zu viele Mails' is still linked from the experiment 'Telefonsprechstunde'");
}

TEST_CASE("Dot voting follows the voting settings", "[core][commands][retro][voting]") {
    const Session s = fixture();
    CHECK(code(addVote(s, "retro-1", "item-3")) == refusal::VotingClosed);

    VotingSettings v;
    v.open = true;
    v.perItemLimit = 2;
    const auto open = run(s, setVotingSettings(s, "retro-1", v));
    CHECK(code(setVotingSettings(s, "retro-1", VotingSettings{-1, 0, false, true})) == refusal::InvalidValue);

    auto voted = run(open, addVote(open, "retro-1", "item-3"));
    voted = run(voted, addVote(voted, "retro-1", "item-3"));
    CHECK(voted.retrospectives[0].items[2].votes == 2);
    const auto third = addVote(voted, "retro-1", "item-3");
    REQUIRE(code(third) == refusal::VoteLimitReached);
    CHECK(third.refusal().message() == "At most 2 votes per card");

    const auto group = run(voted, addVote(voted, "retro-1", "group-1"));
    CHECK(group.retrospectives[0].groups[0].votes == 1);
    CHECK(run(group, removeVote(group, "retro-1", "group-1")).retrospectives[0].groups[0].votes == 0);
    CHECK(run(voted, removeVote(voted, "retro-1", "item-3")).retrospectives[0].items[2].votes == 1);
    CHECK(code(removeVote(open, "retro-1", "item-3")) == refusal::NoVotes);
    CHECK(code(addVote(open, "retro-1", "item-9")) == refusal::NotFound);
}

TEST_CASE("Action commands", "[core][commands][retro][actions]") {
    const Session s = fixture();
    Action a;
    a.id = "action-2";
    a.text = "Telefonsprechstunde testen";
    a.ownerRole = Role::Employee;
    a.experimentId = "exp-1";
    a.sourceId = "group-1";
    CHECK(run(s, addAction(s, "retro-1", a)).retrospectives[0].actions.size() == 2);
    Action bad = a;
    bad.text = "";
    CHECK(code(addAction(s, "retro-1", bad)) == refusal::EmptyText);
    bad = a;
    bad.cardId = "card-9";
    CHECK(code(addAction(s, "retro-1", bad)) == refusal::NotFound);
    bad = a;
    bad.sourceId = "item-9";
    CHECK(code(addAction(s, "retro-1", bad)) == refusal::NotFound);
    bad = a;
    bad.id = "action-1";
    CHECK(code(addAction(s, "retro-1", bad)) == refusal::DuplicateId);

    Action existing = s.retrospectives[0].actions[0];
    existing.status = ActionStatus::Done;
    const auto upd = updateAction(s, "retro-1", existing);
    CHECK(run(s, upd).retrospectives[0].actions[0].status == ActionStatus::Done);
    CHECK(upd.change().mergeKey == "action/action-1/status");
    existing.id = "action-9";
    CHECK(code(updateAction(s, "retro-1", existing)) == refusal::NotFound);
}

TEST_CASE("Experiment commands and status rules", "[core][commands][experiments]") {
    const Session s = fixture();
    Experiment e;
    e.id = "exp-2";
    e.title = "Kernzeiten statt Gleitzeit";
    e.hypothesis = "Wir glauben, dass ...";
    const auto added = run(s, addExperiment(s, e));
    CHECK(added.experiments.back().originSessionId == "session-1");
    e.title = "";
    CHECK(code(addExperiment(s, e)) == refusal::EmptyText);
    e.title = "X";
    e.status = ExperimentStatus::Evaluated;
    CHECK(code(addExperiment(s, e)) == refusal::ExperimentIncomplete);
    e.status = ExperimentStatus::Idea;
    e.links = {Link{"card-9", "", "weg"}};
    CHECK(code(addExperiment(s, e)) == refusal::NotFound);
    e.links = {Link{"card-9", "session-0", "aus dem letzten Workshop"}}; // other session: not checked
    CHECK(addExperiment(s, e).ok());

    // Evaluated needs a result.
    const auto evaluated = setExperimentStatus(s, "exp-1", ExperimentStatus::Evaluated);
    REQUIRE(code(evaluated) == refusal::ExperimentIncomplete);
    CHECK(evaluated.refusal().message() == "An evaluated experiment needs a result");
    CHECK(evaluated.refusal().args == std::vector<std::string>{"evaluated", "result", "Telefonsprechstunde"});
    Experiment x = s.experiments[0];
    x.result = ExperimentResult::Confirmed;
    const auto withResult = run(s, updateExperiment(s, x));
    CHECK(updateExperiment(s, x).change().mergeKey == "experiment/exp-1/result");
    CHECK(run(withResult, setExperimentStatus(withResult, "exp-1", ExperimentStatus::Evaluated)).experiments[0].status ==
          ExperimentStatus::Evaluated);

    // Transferred needs a decision and a transfer recommendation; the refusal names both.
    const auto transferred = setExperimentStatus(withResult, "exp-1", ExperimentStatus::Transferred);
    REQUIRE(code(transferred) == refusal::ExperimentIncomplete);
    CHECK(transferred.refusal().message() == "A transferred experiment needs a decision and a transfer recommendation");
    CHECK(transferred.refusal().args[1] == "decision, transfer recommendation");
    x.decision = Decision::Persevere;
    x.transferRecommendation = "Für alle Bürgerbüros geeignet";
    x.status = ExperimentStatus::Transferred;
    const auto done = run(s, updateExperiment(s, x));
    CHECK(done.experiments[0].status == ExperimentStatus::Transferred);

    // updateExperiment cannot break the rule either.
    Experiment y = done.experiments[0];
    y.transferRecommendation = "  ";
    const auto blank = updateExperiment(done, y);
    REQUIRE(code(blank) == refusal::ExperimentIncomplete);
    CHECK(blank.refusal().message() == "A transferred experiment needs a transfer recommendation");
    CHECK(code(setExperimentStatus(s, "exp-9", ExperimentStatus::Running)) == refusal::NotFound);
    CHECK(missingForStatus(s.experiments[0], ExperimentStatus::Running).empty());

    const auto obs = run(s, addObservation(s, "exp-1", Observation{"obs-1", Date{2026, 11, 20}, "12 Anrufe in der ersten Woche"}));
    CHECK(obs.experiments[0].observations.size() == 1);
    CHECK(code(addObservation(s, "exp-1", Observation{"obs-1", Date{}, ""})) == refusal::EmptyText);
    CHECK(code(addObservation(s, "exp-1", Observation{"item-1", Date{}, "x"})) == refusal::DuplicateId);
    CHECK(code(addObservation(s, "exp-9", Observation{"obs-1", Date{}, "x"})) == refusal::NotFound);
    Experiment withObservation;
    withObservation.id = "exp-3";
    withObservation.title = "Eigene Beobachtung";
    withObservation.observations = {Observation{"exp-3", Date{}, "gleiche Kennung"}};
    CHECK(code(addExperiment(s, withObservation)) == refusal::DuplicateId);
}

TEST_CASE("idInUse covers every kind of object", "[core][commands]") {
    const Session s = fixture();
    for (const char* id : {"session-1", "part-ben", "agenda-2", "board-1", "col-doing", "lane-b", "card-5", "retro-1",
                           "prompt-bad", "item-2", "group-1", "action-1", "exp-1"})
        CHECK(idInUse(s, id));
    CHECK_FALSE(idInUse(s, "card-99"));
}

TEST_CASE("The message lists have no duplicates or blanks", "[core][commands]") {
    for (const auto list : {commandLabels(), refusalPatterns(), refusalTerms()}) {
        std::vector<std::string_view> sorted(list.begin(), list.end());
        std::sort(sorted.begin(), sorted.end());
        CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
        for (const auto text : sorted) CHECK_FALSE(text.empty());
    }
    CHECK(commandLabels().size() > 40);
}
