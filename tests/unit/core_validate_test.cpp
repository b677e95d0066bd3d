#include "core/model.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace lernraum::core;

namespace {

// A small session with one object of every kind and every reference set. Valid.
Session validSession() {
    Session s;
    s.id = "session-000000000001";
    s.title = "Auswertungssitzung";
    s.date = Date{2026, 11, 18};
    s.kind = SessionKind::Review;
    s.previousSessionId = "session-000000000000";
    s.nextReview = Date{2026, 12, 16};
    s.participants = {Participant{"person-1", "Anna", Role::Employee, "Amt 10"},
                      Participant{"person-2", "", Role::Manager, ""}};
    s.agenda = {AgendaItem{"agenda-1", "Check-in", "", Phase::SetTheStage, 15, 900, true, ""}};

    Board b;
    b.id = "board-1";
    b.title = "Praxisaufgaben";
    b.columns = {Column{"col-todo", "Geplant", ColumnKind::Todo, 0, WipMode::Soft},
                 Column{"col-doing", "In Arbeit", ColumnKind::InProgress, 3, WipMode::Hard},
                 Column{"col-done", "Erledigt", ColumnKind::Done, 0, WipMode::Soft}};
    b.lanes = {Lane{"lane-1", "Team A"}};
    Card c;
    c.id = "card-1";
    c.title = "Kernzeiten vereinbaren";
    c.ownerRole = Role::Employee;
    c.tags = {"Erreichbarkeit"};
    c.due = Date{2026, 11, 30};
    c.checklist = {ChecklistItem{"check-1", "Entwurf", true}};
    c.columnId = "col-doing";
    c.laneId = "lane-1";
    c.createdAt = Timestamp{1'790'000'000};
    c.history = {ColumnVisit{"col-todo", Timestamp{1'790'000'000}}, ColumnVisit{"col-doing", Timestamp{1'790'100'000}}};
    b.cards = {c};
    s.boards = {b};

    Retrospective r;
    r.id = "retro-1";
    r.title = "Retrospektive";
    r.formatId = "gut-verbessern-ausprobieren";
    r.prompts = {Prompt{"prompt-1", "Was lief gut?"}};
    r.groups = {RetroGroup{"group-1", "Erreichbarkeit", 2}};
    RetroItem i;
    i.id = "item-1";
    i.promptId = "prompt-1";
    i.text = "Stand-up am Montag";
    i.authorId = "person-1";
    i.groupId = "group-1";
    i.votes = 1;
    r.items = {i};
    Action a;
    a.id = "action-1";
    a.text = "Regel formulieren";
    a.sourceId = "item-1";
    a.cardId = "card-1";
    a.experimentId = "exp-1";
    r.actions = {a};
    s.retrospectives = {r};

    Experiment e;
    e.id = "exp-1";
    e.title = "Kernzeit";
    e.participantRoles = {Role::Manager, Role::Employee};
    e.startDate = Date{2026, 10, 22};
    e.observations = {Observation{"obs-1", Date{2026, 11, 1}, "Läuft"}};
    e.links = {Link{"item-1", "", "Stand-up"}, Link{"card-1", "session-000000000001", ""},
               Link{"item-elsewhere", "session-000000000000", "aus der letzten Sitzung"}};
    s.experiments = {e};
    return s;
}

std::string describe(const std::vector<Problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += "  " + p.toString() + "\n";
    return out;
}

// Number of problems whose text contains every one of the given fragments.
int countMatching(const std::vector<Problem>& problems, std::initializer_list<std::string_view> fragments) {
    int n = 0;
    for (const auto& p : problems) {
        const std::string text = p.toString();
        bool all = true;
        for (const auto f : fragments) all = all && text.find(f) != std::string::npos;
        if (all) ++n;
    }
    return n;
}

Board& board(Session& s) { return s.boards[0]; }
Card& card(Session& s) { return s.boards[0].cards[0]; }
Retrospective& retro(Session& s) { return s.retrospectives[0]; }
Experiment& experiment(Session& s) { return s.experiments[0]; }

} // namespace

TEST_CASE("the base session of these tests is valid", "[core][validate]") {
    const auto problems = validate(validSession());
    INFO(describe(problems));
    CHECK(problems.empty());
}

TEST_CASE("validate reports every problem, not only the first", "[core][validate]") {
    Session s = validSession();
    s.title = "";                                         // 1: empty required field
    card(s).columnId = "col-missing";                    // 2: dangling reference (+ history mismatch)
    s.participants[0].role = static_cast<Role>(99);       // 3: out-of-range enum
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(countMatching(problems, {"session", "title is empty"}) == 1);
    CHECK(countMatching(problems, {"card 'card-1'", "column refers to column 'col-missing'"}) == 1);
    CHECK(countMatching(problems, {"participant 'person-1'", "role has an unknown value (99)"}) == 1);
    CHECK(countMatching(problems, {"card 'card-1'", "last history entry"}) == 1);
    CHECK(problems.size() == 4);
}

TEST_CASE("validate reports three different problems as three", "[core][validate]") {
    Session s = validSession();
    s.agenda[0].timeboxMinutes = -5;
    retro(s).items[0].text = "\xC3\x28";
    experiment(s).reviewDate = Date{2026, 2, 30};
    const auto problems = validate(s);
    INFO(describe(problems));
    REQUIRE(problems.size() == 3);
    CHECK(countMatching(problems, {"agenda item 'agenda-1'", "timebox minutes", "-5"}) == 1);
    CHECK(countMatching(problems, {"retro item 'item-1'", "not valid UTF-8"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "review date is not a valid date (2026-02-30)"}) == 1);
}

TEST_CASE("validate reports each of many equal problems", "[core][validate]") {
    Session s = validSession();
    Card proto = card(s);
    proto.history.clear();
    proto.checklist.clear();
    board(s).cards.clear();
    for (int i = 0; i < 10; ++i) {
        Card c = proto;
        c.id = "card-x" + std::to_string(i);
        c.columnId = "nowhere-" + std::to_string(i);
        board(s).cards.push_back(c);
    }
    retro(s).actions[0].cardId.clear();
    experiment(s).links.erase(experiment(s).links.begin() + 1); // linked card-1
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(problems.size() == 10);
    CHECK(countMatching(problems, {"column refers to column 'nowhere-"}) == 10);
}

TEST_CASE("validate finds duplicate ids, also across object kinds", "[core][validate]") {
    Session s = validSession();
    Card second = card(s);
    second.checklist[0].id = "check-2";
    board(s).cards.push_back(second);              // same card id twice
    experiment(s).observations[0].id = "person-2"; // an observation with a participant's id
    s.agenda[0].id = s.id;                          // an agenda item with the session's id
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(countMatching(problems, {"card 'card-1'", "duplicate id (also used by a card)"}) == 1);
    CHECK(countMatching(problems, {"observation 'person-2'", "duplicate id (also used by a participant)"}) == 1);
    CHECK(countMatching(problems, {"agenda item", "duplicate id (also used by a session)"}) == 1);
    CHECK(countMatching(problems, {"duplicate id"}) == 3);
}

TEST_CASE("validate finds missing and malformed ids", "[core][validate]") {
    Session s = validSession();
    s.participants[1].id = "";
    retro(s).prompts.push_back(Prompt{"prompt with spaces", "Was probieren wir aus?"});
    card(s).checklist.push_back(ChecklistItem{std::string(65, 'x'), "zu lange Id", false});
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(countMatching(problems, {"participant without id"}) == 1);
    CHECK(countMatching(problems, {"prompt 'prompt with spaces'", "printable ASCII"}) == 1);
    CHECK(countMatching(problems, {"checklist item", "printable ASCII"}) == 1);
    CHECK(problems.size() == 3);
}

TEST_CASE("validate finds dangling references of every kind", "[core][validate]") {
    SECTION("card column and lane") {
        Session s = validSession();
        card(s).laneId = "lane-missing";
        card(s).history.back().columnId = "col-missing";
        card(s).columnId = "col-missing";
        const auto problems = validate(s);
        INFO(describe(problems));
        CHECK(countMatching(problems, {"card 'card-1'", "lane refers to lane 'lane-missing'"}) == 1);
        CHECK(countMatching(problems, {"card 'card-1'", "column refers to column 'col-missing'"}) == 1);
        CHECK(countMatching(problems, {"history entry 2 refers to column 'col-missing'"}) == 1);
        CHECK(problems.size() == 3);
    }
    SECTION("a column of another board does not count") {
        Session s = validSession();
        Board other;
        other.id = "board-2";
        other.title = "Zweites Board";
        other.columns = {Column{"col-other", "Andere", ColumnKind::Todo, 0, WipMode::Soft}};
        s.boards.push_back(other);
        card(s).history.clear();
        card(s).columnId = "col-other";
        const auto problems = validate(s);
        INFO(describe(problems));
        CHECK(countMatching(problems, {"column refers to column 'col-other'"}) == 1);
        CHECK(problems.size() == 1);
    }
    SECTION("card history entries") {
        Session s = validSession();
        card(s).history.insert(card(s).history.begin() + 1, ColumnVisit{"col-gone", Timestamp{1'790'050'000}});
        card(s).history.insert(card(s).history.begin() + 1, ColumnVisit{"", Timestamp{1'790'040'000}});
        const auto problems = validate(s);
        INFO(describe(problems));
        CHECK(countMatching(problems, {"history entry 2 has no column"}) == 1);
        CHECK(countMatching(problems, {"history entry 3 refers to column 'col-gone'"}) == 1);
        CHECK(problems.size() == 2);
    }
    SECTION("retro item prompt, group and author") {
        Session s = validSession();
        auto& i = retro(s).items[0];
        i.promptId = "prompt-missing";
        i.groupId = "group-missing";
        i.authorId = "person-missing";
        const auto problems = validate(s);
        INFO(describe(problems));
        CHECK(countMatching(problems, {"retro item 'item-1'", "prompt refers to prompt 'prompt-missing'"}) == 1);
        CHECK(countMatching(problems, {"retro item 'item-1'", "group refers to group 'group-missing'"}) == 1);
        CHECK(countMatching(problems, {"retro item 'item-1'", "author refers to participant 'person-missing'"}) == 1);
        CHECK(problems.size() == 3);
    }
    SECTION("a group of another retrospective does not count") {
        Session s = validSession();
        Retrospective other;
        other.id = "retro-2";
        other.groups = {RetroGroup{"group-other", "Andere Gruppe", 0}};
        s.retrospectives.push_back(other);
        retro(s).items[0].groupId = "group-other";
        retro(s).actions[0].sourceId = "group-other";
        const auto problems = validate(s);
        INFO(describe(problems));
        CHECK(countMatching(problems, {"group refers to group 'group-other'"}) == 1);
        CHECK(countMatching(problems, {"source refers to retro item or group 'group-other'"}) == 1);
        CHECK(problems.size() == 2);
    }
    SECTION("action source, card and experiment") {
        Session s = validSession();
        auto& a = retro(s).actions[0];
        a.sourceId = "item-missing";
        a.cardId = "card-missing";
        a.experimentId = "exp-missing";
        const auto problems = validate(s);
        INFO(describe(problems));
        CHECK(countMatching(problems, {"action 'action-1'", "source refers to retro item or group 'item-missing'"}) == 1);
        CHECK(countMatching(problems, {"action 'action-1'", "card refers to card 'card-missing'"}) == 1);
        CHECK(countMatching(problems, {"action 'action-1'", "experiment refers to experiment 'exp-missing'"}) == 1);
        CHECK(problems.size() == 3);
    }
    SECTION("action references must point at the right kind of object") {
        Session s = validSession();
        auto& a = retro(s).actions[0];
        a.cardId = "item-1";       // exists, but is not a card
        a.experimentId = "card-1"; // exists, but is not an experiment
        a.sourceId = "action-1";   // exists, but is neither a retro item nor a group
        const auto problems = validate(s);
        INFO(describe(problems));
        CHECK(problems.size() == 3);
    }
    SECTION("experiment links within the session") {
        Session s = validSession();
        auto& e = experiment(s);
        e.links = {Link{"item-missing", "", "weg"}, Link{"card-missing", s.id, ""}, Link{"", "", "ohne Ziel"},
                   Link{"action-1", "", ""}, Link{"group-1", "", ""}};
        const auto problems = validate(s);
        INFO(describe(problems));
        CHECK(countMatching(problems, {"experiment 'exp-1'", "link refers to", "'item-missing'"}) == 1);
        CHECK(countMatching(problems, {"experiment 'exp-1'", "link refers to", "'card-missing'"}) == 1);
        CHECK(countMatching(problems, {"experiment 'exp-1'", "link without target"}) == 1);
        CHECK(problems.size() == 3);
    }
    SECTION("links into another session are not checked") {
        Session s = validSession();
        experiment(s).links = {Link{"card-from-an-old-file", "session-000000000000", ""},
                               Link{"item-from-an-old-file", "session-someother", "alt"}};
        const auto problems = validate(s);
        INFO(describe(problems));
        CHECK(problems.empty());
    }
}

TEST_CASE("validate finds out-of-range enum values everywhere", "[core][validate]") {
    Session s = validSession();
    s.kind = static_cast<SessionKind>(5);
    s.participants[0].role = static_cast<Role>(99);
    s.agenda[0].phase = static_cast<Phase>(5);
    board(s).columns[0].kind = static_cast<ColumnKind>(3);
    board(s).columns[1].wipMode = static_cast<WipMode>(2);
    card(s).colour = static_cast<CardColour>(9);
    card(s).ownerRole = static_cast<Role>(5);
    retro(s).phase = static_cast<Phase>(200);
    retro(s).actions[0].status = static_cast<ActionStatus>(4);
    retro(s).actions[0].ownerRole = static_cast<Role>(6);
    auto& e = experiment(s);
    e.status = static_cast<ExperimentStatus>(6);
    e.result = static_cast<ExperimentResult>(4);
    e.evidence = static_cast<EvidenceStrength>(4);
    e.decision = static_cast<Decision>(4);
    e.ownerRole = static_cast<Role>(7);
    e.participantRoles.push_back(static_cast<Role>(8));
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(countMatching(problems, {"session", "kind has an unknown value (5)"}) == 1);
    CHECK(countMatching(problems, {"participant 'person-1'", "role has an unknown value (99)"}) == 1);
    CHECK(countMatching(problems, {"agenda item 'agenda-1'", "phase has an unknown value (5)"}) == 1);
    CHECK(countMatching(problems, {"column 'col-todo'", "kind has an unknown value (3)"}) == 1);
    CHECK(countMatching(problems, {"column 'col-doing'", "WIP mode has an unknown value (2)"}) == 1);
    CHECK(countMatching(problems, {"card 'card-1'", "colour has an unknown value (9)"}) == 1);
    CHECK(countMatching(problems, {"card 'card-1'", "owner role has an unknown value (5)"}) == 1);
    CHECK(countMatching(problems, {"retrospective 'retro-1'", "phase has an unknown value (200)"}) == 1);
    CHECK(countMatching(problems, {"action 'action-1'", "status has an unknown value (4)"}) == 1);
    CHECK(countMatching(problems, {"action 'action-1'", "owner role has an unknown value (6)"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "status has an unknown value (6)"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "result has an unknown value (4)"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "evidence strength has an unknown value (4)"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "decision has an unknown value (4)"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "owner role has an unknown value (7)"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "participant role has an unknown value (8)"}) == 1);
    CHECK(problems.size() == 16);
}

TEST_CASE("validate finds empty required fields", "[core][validate]") {
    Session s = validSession();
    s.title = "   ";
    s.agenda[0].title = "";
    board(s).title = "\t";
    board(s).columns[2].title = "";
    board(s).lanes[0].title = "";
    card(s).title = " \n ";
    card(s).tags.push_back("");
    card(s).checklist[0].text = "";
    retro(s).prompts[0].text = "";
    retro(s).items[0].text = "";
    retro(s).groups[0].title = "";
    retro(s).actions[0].text = "";
    experiment(s).title = "";
    experiment(s).observations[0].text = "";
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(countMatching(problems, {"session", "title is empty"}) == 1);
    CHECK(countMatching(problems, {"agenda item 'agenda-1'", "title is empty"}) == 1);
    CHECK(countMatching(problems, {"board 'board-1'", "title is empty"}) == 1);
    CHECK(countMatching(problems, {"column 'col-done'", "title is empty"}) == 1);
    CHECK(countMatching(problems, {"lane 'lane-1'", "title is empty"}) == 1);
    CHECK(countMatching(problems, {"card 'card-1'", "title is empty"}) == 1);
    CHECK(countMatching(problems, {"card 'card-1'", "tag is empty"}) == 1);
    CHECK(countMatching(problems, {"checklist item 'check-1'", "text is empty"}) == 1);
    CHECK(countMatching(problems, {"prompt 'prompt-1'", "text is empty"}) == 1);
    CHECK(countMatching(problems, {"retro item 'item-1'", "text is empty"}) == 1);
    CHECK(countMatching(problems, {"group 'group-1'", "title is empty"}) == 1);
    CHECK(countMatching(problems, {"action 'action-1'", "text is empty"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "title is empty"}) == 1);
    CHECK(countMatching(problems, {"observation 'obs-1'", "text is empty"}) == 1);
    CHECK(problems.size() == 14);
}

TEST_CASE("validate requires a card column", "[core][validate]") {
    Session s = validSession();
    card(s).columnId = "";
    card(s).history.clear();
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(countMatching(problems, {"card 'card-1'", "column is empty"}) == 1);
    CHECK(problems.size() == 1);
}

TEST_CASE("validate accepts empty optional fields", "[core][validate]") {
    Session s = validSession();
    s.lernraum = s.orgUnit = s.facilitator = s.goal = "";
    s.previousSessionId = "";
    s.date = Date{};
    s.nextReview = Date{};
    card(s).ownerRole.reset();
    card(s).laneId = "";
    card(s).due = Date{};
    card(s).description = "";
    card(s).history.clear();
    card(s).createdAt = Timestamp{};
    retro(s).items[0].authorId = "";
    retro(s).items[0].groupId = "";
    retro(s).actions[0] = Action{"action-1", "Nur Text", std::nullopt, Date{}, ActionStatus::Open, "", "", "", "", ""};
    experiment(s).ownerRole.reset();
    experiment(s).startDate = Date{};
    experiment(s).observations[0].date = Date{};
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(problems.empty());
}

TEST_CASE("validate finds invalid dates", "[core][validate]") {
    Session s = validSession();
    s.date = Date{2026, 2, 30};
    s.nextReview = Date{2026, 13, 1};
    card(s).due = Date{1899, 12, 31};
    retro(s).actions[0].due = Date{2026, 4, 31};
    experiment(s).startDate = Date{2026, 0, 10};
    experiment(s).reviewDate = Date{0, 0, 1};
    experiment(s).observations[0].date = Date{2023, 2, 29};
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(countMatching(problems, {"session", "date is not a valid date (2026-02-30)"}) == 1);
    CHECK(countMatching(problems, {"session", "next review is not a valid date"}) == 1);
    CHECK(countMatching(problems, {"card 'card-1'", "due date is not a valid date"}) == 1);
    CHECK(countMatching(problems, {"action 'action-1'", "due date is not a valid date"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "start date is not a valid date"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "review date is not a valid date"}) == 1);
    CHECK(countMatching(problems, {"observation 'obs-1'", "date is not a valid date (2023-02-29)"}) == 1);
    CHECK(problems.size() == 7);
}

TEST_CASE("validate finds negative and oversized counts", "[core][validate]") {
    Session s = validSession();
    s.agenda[0].timeboxMinutes = -1;
    s.agenda[0].usedSeconds = kMaxCount + 1;
    board(s).columns[1].wipLimit = -3;
    retro(s).items[0].votes = -1;
    retro(s).groups[0].votes = -2;
    retro(s).voting.budgetPerParticipant = -1;
    retro(s).voting.perItemLimit = -1;
    retro(s).checkIn.counts[2] = -4;
    retro(s).roti.counts[4] = -1;
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(countMatching(problems, {"agenda item 'agenda-1'", "timebox minutes", "(is -1)"}) == 1);
    CHECK(countMatching(problems, {"agenda item 'agenda-1'", "used seconds", "(is 1000001)"}) == 1);
    CHECK(countMatching(problems, {"column 'col-doing'", "WIP limit", "(is -3)"}) == 1);
    CHECK(countMatching(problems, {"retro item 'item-1'", "votes", "(is -1)"}) == 1);
    CHECK(countMatching(problems, {"group 'group-1'", "votes", "(is -2)"}) == 1);
    CHECK(countMatching(problems, {"retrospective 'retro-1'", "vote budget"}) == 1);
    CHECK(countMatching(problems, {"retrospective 'retro-1'", "votes per item limit"}) == 1);
    CHECK(countMatching(problems, {"retrospective 'retro-1'", "scale answer count"}) == 2);
    CHECK(problems.size() == 9);
}

TEST_CASE("validate accepts counts at the limits", "[core][validate]") {
    Session s = validSession();
    s.agenda[0].timeboxMinutes = 0;
    s.agenda[0].usedSeconds = kMaxCount;
    retro(s).items[0].votes = 0;
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(problems.empty());
}

TEST_CASE("validate finds invalid UTF-8 in any text field", "[core][validate]") {
    Session s = validSession();
    s.goal = "Ziel \xC3\x28";                      // bad continuation byte
    s.participants[0].displayName = "\xC0\xAF";    // overlong encoding of '/'
    card(s).description = "Ende \xE2\x82";         // truncated sequence
    card(s).tags[0] = "\xED\xA0\x80";              // UTF-16 surrogate
    retro(s).actions[0].outcome = "\xF4\x90\x80\x80"; // beyond U+10FFFF
    experiment(s).links[0].label = "\xFF";
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(countMatching(problems, {"session", "goal is not valid UTF-8"}) == 1);
    CHECK(countMatching(problems, {"participant 'person-1'", "display name is not valid UTF-8"}) == 1);
    CHECK(countMatching(problems, {"card 'card-1'", "description is not valid UTF-8"}) == 1);
    CHECK(countMatching(problems, {"card 'card-1'", "tag is not valid UTF-8"}) == 1);
    CHECK(countMatching(problems, {"action 'action-1'", "outcome is not valid UTF-8"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "link label is not valid UTF-8"}) == 1);
    CHECK(problems.size() == 6);
}

TEST_CASE("validate accepts valid multi-byte UTF-8", "[core][validate]") {
    Session s = validSession();
    s.goal = "Führung auf Distanz – „Vertrauen“ … 👩‍💻 日本 \\ \"quoted\"\n";
    card(s).description = std::string(kMaxTextBytes - 4, 'a') + "😀"; // exactly at the limit
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(problems.empty());
}

TEST_CASE("validate finds text that is too long", "[core][validate]") {
    Session s = validSession();
    card(s).description = std::string(kMaxTextBytes + 1, 'x');
    experiment(s).learning = std::string(kMaxTextBytes * 2, 'y');
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(countMatching(problems, {"card 'card-1'", "description is too long (65537 bytes"}) == 1);
    CHECK(countMatching(problems, {"experiment 'exp-1'", "learning is too long"}) == 1);
    CHECK(problems.size() == 2);
}

TEST_CASE("validate finds lists that are too long", "[core][validate]") {
    Session s = validSession();
    card(s).tags.assign(kMaxListSize + 1, "x");
    const auto problems = validate(s);
    CHECK(countMatching(problems, {"card 'card-1'", "tags has too many entries (200001)"}) == 1);
    CHECK(problems.size() == 1);
}

TEST_CASE("validate checks card histories", "[core][validate]") {
    SECTION("history must end in the current column") {
        Session s = validSession();
        card(s).columnId = "col-done";
        const auto problems = validate(s);
        INFO(describe(problems));
        CHECK(countMatching(problems, {"card 'card-1'", "the last history entry is not the card's current column"}) == 1);
        CHECK(problems.size() == 1);
    }
    SECTION("history must be chronological and timed") {
        Session s = validSession();
        card(s).history = {ColumnVisit{"col-todo", Timestamp{1'790'000'000}}, ColumnVisit{"col-done", Timestamp{}},
                           ColumnVisit{"col-todo", Timestamp{1'790'200'000}},
                           ColumnVisit{"col-doing", Timestamp{1'790'100'000}}};
        const auto problems = validate(s);
        INFO(describe(problems));
        CHECK(countMatching(problems, {"history entry 2 has no time"}) == 1);
        CHECK(countMatching(problems, {"history entry 2 is earlier than the one before"}) == 1);
        CHECK(countMatching(problems, {"history entry 4 is earlier than the one before"}) == 1);
        CHECK(problems.size() == 3);
    }
    SECTION("equal timestamps are fine") {
        Session s = validSession();
        card(s).history[1].enteredAt = card(s).history[0].enteredAt;
        CHECK(validate(s).empty());
    }
}

TEST_CASE("validate checks session-level fields", "[core][validate]") {
    Session s = validSession();
    s.language = "fr";
    s.previousSessionId = s.id;
    const auto problems = validate(s);
    INFO(describe(problems));
    CHECK(countMatching(problems, {"session", "language must be"}) == 1);
    CHECK(countMatching(problems, {"session", "previous session id is the session's own id"}) == 1);
    CHECK(problems.size() == 2);
}

TEST_CASE("validate keeps messages valid UTF-8 when it shortens long ids", "[core][validate]") {
    Session s = validSession();
    // 79 ASCII bytes followed by a two-byte character: cutting at 80 bytes would split it.
    card(s).columnId = std::string(79, 'k') + "ä" + std::string(10, 'k');
    card(s).history.clear();
    const auto problems = validate(s);
    REQUIRE(problems.size() == 1);
    CHECK(isValidUtf8(problems[0].toString()));
}
