// Core rules behind the interactive board: filter and search, keyboard move targets and focus
// neighbours, RFC 4180 CSV export/import of cards, and lead/cycle time and ageing from a known
// column history.

#include "core/board_csv.hpp"
#include "core/board_filter.hpp"
#include "core/board_moves.hpp"
#include "core/commands.hpp"
#include "core/flow.hpp"
#include "core/history.hpp"
#include "core/ids.hpp"

#include <catch2/catch.hpp>

using namespace lernraum::core;

namespace {

constexpr std::int64_t kDay = 86'400;
const Timestamp kT0{1'790'000'000};

Card card(const std::string& id, const std::string& title, const std::string& column, const std::string& lane = {}) {
    Card c;
    c.id = id;
    c.title = title;
    c.columnId = column;
    c.laneId = lane;
    c.createdAt = kT0;
    c.history.push_back({column, kT0});
    return c;
}

// Columns a (todo), b (in progress), c (done); lanes l1, l2.
Board laneBoard() {
    Board b;
    b.id = "board-1";
    b.title = "Board";
    b.columns = {{"col-a", "Offen", ColumnKind::Todo, 0, WipMode::Soft},
                 {"col-b", "In Arbeit", ColumnKind::InProgress, 0, WipMode::Soft},
                 {"col-c", "Erledigt", ColumnKind::Done, 0, WipMode::Soft}};
    b.lanes = {{"lane-1", "Team Nord"}, {"lane-2", "Team Süd"}};
    b.cards = {card("card-1", "Eins", "col-a", "lane-1"), card("card-2", "Zwei", "col-a", "lane-1"),
               card("card-3", "Drei", "col-a", "lane-2"), card("card-4", "Vier", "col-b", "lane-1"),
               card("card-5", "Fünf", "col-c", "lane-2")};
    return b;
}

Session sessionWith(Board b) {
    Session s;
    s.id = "session-1";
    s.title = "Test";
    s.boards.push_back(std::move(b));
    return s;
}

} // namespace

TEST_CASE("foldCase lowers ASCII and German capitals only", "[core][board]") {
    CHECK(foldCase("ÄÖÜ Straße ABC") == "äöü straße abc");
    CHECK(foldCase("\xC3\x97") == "\xC3\x97"); // multiplication sign stays
    CHECK(foldCase("") == "");
}

TEST_CASE("the filter matches text, tag, owner role and overdue, all together", "[core][board]") {
    Board b = laneBoard();
    Card& c = b.cards[0];
    c.description = "Ablage im DMS klären";
    c.tags = {"Technik", "Führung"};
    c.ownerRole = Role::Manager;
    c.due = Date{2026, 11, 1};
    c.checklist = {{"check-1", "Rücksprache Personalrat", false}};
    const Date today{2026, 11, 22};

    CardFilter f;
    CHECK_FALSE(f.isActive());
    CHECK(matchesFilter(b, c, f, today));
    f.text = "dms";
    CHECK(f.isActive());
    CHECK(matchesFilter(b, c, f, today));
    CHECK_FALSE(matchesFilter(b, b.cards[1], f, today));
    f.text = "PERSONALRAT"; // checklist text, case-insensitive
    CHECK(matchesFilter(b, c, f, today));
    f.text = "führ"; // tag text
    CHECK(matchesFilter(b, c, f, today));
    f = {};
    f.tag = "führung";
    CHECK(matchesFilter(b, c, f, today));
    f.tag = "Führ"; // tags match whole
    CHECK_FALSE(matchesFilter(b, c, f, today));
    f = {};
    f.ownerRole = Role::Manager;
    CHECK(matchesFilter(b, c, f, today));
    f.ownerRole = Role::Employee;
    CHECK_FALSE(matchesFilter(b, c, f, today));
    f = {};
    f.overdueOnly = true;
    CHECK(matchesFilter(b, c, f, today));
    CHECK_FALSE(matchesFilter(b, c, f, Date{2026, 11, 1})); // due today is not overdue yet
    CHECK_FALSE(matchesFilter(b, b.cards[1], f, today));    // no due date
    f.text = "nichts davon";
    CHECK_FALSE(matchesFilter(b, c, f, today));
}

TEST_CASE("a card in a Done column is never overdue", "[core][board]") {
    Board b = laneBoard();
    b.cards[4].due = Date{2026, 1, 1};
    CHECK_FALSE(isOverdue(b, b.cards[4], Date{2026, 11, 22}));
    b.cards[3].due = Date{2026, 1, 1};
    CHECK(isOverdue(b, b.cards[3], Date{2026, 11, 22}));
}

TEST_CASE("boardTags lists each tag once, sorted, without archived cards", "[core][board]") {
    Board b = laneBoard();
    b.cards[0].tags = {"zeit", "Technik"};
    b.cards[1].tags = {"technik", "Ärger"};
    b.cards[2].tags = {"Archiv"};
    b.cards[2].archived = true;
    CHECK(boardTags(b) == std::vector<std::string>{"Technik", "zeit", "Ärger"});
}

TEST_CASE("keyboard targets: left/right keep lane and position, up/down cross lanes", "[core][board]") {
    const Board b = laneBoard();
    CHECK(placeOf(b, "card-2") == CardPlace{"col-a", "lane-1", 1});
    CHECK_FALSE(placeOf(b, "card-x"));

    CHECK_FALSE(keyboardTarget(b, "card-1", MoveDirection::Left)); // first column
    CHECK(keyboardTarget(b, "card-2", MoveDirection::Right) == CardPlace{"col-b", "lane-1", 1}); // end of a shorter cell
    CHECK(keyboardTarget(b, "card-1", MoveDirection::Right) == CardPlace{"col-b", "lane-1", 0});
    CHECK(keyboardTarget(b, "card-1", MoveDirection::Down) == CardPlace{"col-a", "lane-1", 1});
    CHECK(keyboardTarget(b, "card-2", MoveDirection::Down) == CardPlace{"col-a", "lane-2", 0}); // into the next lane
    CHECK(keyboardTarget(b, "card-3", MoveDirection::Up) == CardPlace{"col-a", "lane-1", 2});   // end of the lane above
    CHECK_FALSE(keyboardTarget(b, "card-1", MoveDirection::Up));
    CHECK_FALSE(keyboardTarget(b, "card-3", MoveDirection::Down));
    CHECK_FALSE(keyboardTarget(b, "card-5", MoveDirection::Right));

    Board archived = b;
    archived.cards[0].archived = true;
    CHECK_FALSE(keyboardTarget(archived, "card-1", MoveDirection::Right));
}

TEST_CASE("keyboard targets applied with moveCard reorder, move and respect a hard WIP limit", "[core][board]") {
    Session s = sessionWith(laneBoard());
    History history;
    const Timestamp later{kT0.seconds + kDay};
    auto move = [&](const Id& cardId, MoveDirection d) {
        const auto t = keyboardTarget(s.boards[0], cardId, d);
        REQUIRE(t);
        return moveCard(s, "board-1", cardId, t->columnId, t->laneId, t->index, later);
    };
    auto r = move("card-1", MoveDirection::Down);
    REQUIRE(r);
    history.apply(s, r);
    CHECK(placeOf(s.boards[0], "card-1") == CardPlace{"col-a", "lane-1", 1});
    CHECK(placeOf(s.boards[0], "card-2") == CardPlace{"col-a", "lane-1", 0});
    CHECK(s.boards[0].cards[1].history.size() == 1); // a reorder is not a column change

    s.boards[0].columns[1].wipLimit = 1;
    s.boards[0].columns[1].wipMode = WipMode::Hard;
    r = move("card-1", MoveDirection::Right);
    REQUIRE_FALSE(r);
    CHECK(r.refusal().code == refusal::WipLimitReached);

    s.boards[0].columns[1].wipMode = WipMode::Soft; // soft: allowed, shown as over the limit
    r = move("card-1", MoveDirection::Right);
    REQUIRE(r);
    history.apply(s, r);
    CHECK(isOverWipLimit(s.boards[0], s.boards[0].columns[1]));
    const Card& moved = *std::find_if(s.boards[0].cards.begin(), s.boards[0].cards.end(),
                                      [](const Card& c) { return c.id == "card-1"; });
    CHECK(moved.history.back() == ColumnVisit{"col-b", later});
}

TEST_CASE("focus neighbours: up/down through lanes, left/right skip empty columns", "[core][board]") {
    Board b = laneBoard();
    CHECK(neighbourCard(b, "card-1", MoveDirection::Down) == Id("card-2"));
    CHECK(neighbourCard(b, "card-2", MoveDirection::Down) == Id("card-3"));
    CHECK(neighbourCard(b, "card-3", MoveDirection::Up) == Id("card-2"));
    CHECK_FALSE(neighbourCard(b, "card-3", MoveDirection::Down));
    CHECK(neighbourCard(b, "card-2", MoveDirection::Right) == Id("card-4")); // same lane, clamped position
    CHECK(neighbourCard(b, "card-3", MoveDirection::Right) == Id("card-4")); // lane-2 empty in col-b: nearest lane
    CHECK(neighbourCard(b, "card-4", MoveDirection::Right) == Id("card-5"));
    b.cards[3].archived = true; // col-b now empty: skipped
    CHECK(neighbourCard(b, "card-1", MoveDirection::Right) == Id("card-5"));
    CHECK_FALSE(neighbourCard(b, "card-1", MoveDirection::Left));
}

TEST_CASE("lead time, cycle time and ageing from a known column history", "[core][board][flow]") {
    Board b = laneBoard();
    Card& c = b.cards[0];
    c.createdAt = kT0;
    c.history = {{"col-a", kT0},
                 {"col-b", Timestamp{kT0.seconds + 2 * kDay}},
                 {"col-a", Timestamp{kT0.seconds + 3 * kDay}},
                 {"col-b", Timestamp{kT0.seconds + 4 * kDay}},
                 {"col-c", Timestamp{kT0.seconds + 7 * kDay + kDay / 2}}};
    c.columnId = "col-c";
    REQUIRE(leadTimeDays(b, c));
    CHECK(*leadTimeDays(b, c) == Approx(7.5));
    REQUIRE(cycleTimeDays(b, c));
    CHECK(*cycleTimeDays(b, c) == Approx(5.5)); // first entry into In progress -> Done
    CHECK(*ageInColumnDays(c, Timestamp{kT0.seconds + 10 * kDay}) == Approx(2.5));
    CHECK_FALSE(leadTimeDays(b, b.cards[1])); // never done
}

// ------------------------------------------------------------------------------------------------
// CSV

TEST_CASE("parseCsv reads RFC 4180: quotes, doubled quotes, line breaks in fields, CRLF and LF", "[core][board][csv]") {
    std::vector<std::vector<std::string>> rows;
    CsvProblem error;
    REQUIRE(parseCsv("\xEF\xBB\xBF" "a,b,c\r\n\"x, y\",\"He said \"\"hi\"\"\",\"line1\nline2\"\n,,\n", rows, error));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == std::vector<std::string>{"a", "b", "c"});
    CHECK(rows[1] == std::vector<std::string>{"x, y", "He said \"hi\"", "line1\nline2"});
    CHECK(rows[2] == std::vector<std::string>{"", "", ""});

    REQUIRE(parseCsv("last,row", rows, error)); // no final line break
    CHECK(rows == std::vector<std::vector<std::string>>{{"last", "row"}});

    CHECK_FALSE(parseCsv("a,b\nc,\"open\nmore\n", rows, error));
    CHECK(error.message() == "line 2: unterminated quoted field"); // where the quote opened
    CHECK_FALSE(parseCsv("a,b\"c\n", rows, error));
    CHECK_FALSE(parseCsv("\"a\"b,c\n", rows, error));
}

TEST_CASE("exported cards import again with every field", "[core][board][csv]") {
    Board b = laneBoard();
    Card& c = b.cards[0];
    c.title = "Komma, \"Zitat\" und =SUMME(A1)";
    c.description = "Zeile 1\nZeile 2"; // texts hold LF only (a CR is a refused control character)
    c.ownerRole = Role::StaffCouncil;
    c.tags = {"Technik", "Führung"};
    c.colour = CardColour::ReddishPurple;
    c.due = Date{2026, 12, 24};
    c.checklist = {{"check-1", "Erledigt", true}, {"check-2", "Offen", false}};
    b.cards[4].archived = true;

    const std::string csv = exportCardsCsv(b);
    CHECK(csv.rfind("id,title,description,column,lane,owner_role,tags,colour,due,checklist,archived,created_at\r\n", 0) == 0);
    CHECK(csv.find("\"'=SUMME") == std::string::npos); // quoted only when needed ...
    CHECK(csv.find("'=SUMME") == std::string::npos);   // ... and the formula starts after text here
    CHECK(csv.find("\"Komma, \"\"Zitat\"\" und =SUMME(A1)\"") != std::string::npos);

    const CardImport in = parseCardsCsv(b, csv);
    CHECK(in.errors.empty());
    REQUIRE(in.cards.size() == b.cards.size());
    const Card& r = in.cards[0];
    CHECK(r.title == c.title);
    CHECK(r.description == c.description);
    CHECK(r.columnId == "col-a");
    CHECK(r.laneId == "lane-1");
    CHECK(r.ownerRole == Role::StaffCouncil);
    CHECK(r.tags == c.tags);
    CHECK(r.colour == CardColour::ReddishPurple);
    CHECK(r.due == c.due);
    REQUIRE(r.checklist.size() == 2);
    CHECK(r.checklist[0].text == "Erledigt");
    CHECK(r.checklist[0].done);
    CHECK_FALSE(r.checklist[1].done);
    CHECK(in.cards[4].archived);
    CHECK_FALSE(in.cards[1].archived);
}

TEST_CASE("fields a spreadsheet would run as formulas are defused on export and restored on import", "[core][board][csv]") {
    Board b = laneBoard();
    b.cards[0].title = "=HYPERLINK(\"http://x\")";
    b.cards[1].title = "@SUM(1)";
    b.cards[2].title = "-5 Tage";
    const std::string csv = exportCardsCsv(b);
    CHECK(csv.find(",\"'=HYPERLINK(\"\"http://x\"\")\",") != std::string::npos);
    CHECK(csv.find(",'@SUM(1),") != std::string::npos);
    const CardImport in = parseCardsCsv(b, csv);
    REQUIRE(in.cards.size() == b.cards.size());
    CHECK(in.cards[0].title == b.cards[0].title);
    CHECK(in.cards[1].title == "@SUM(1)");
    CHECK(in.cards[2].title == "-5 Tage");
}

TEST_CASE("import matches columns by title or id in any header order and reports bad rows", "[core][board][csv]") {
    const Board b = laneBoard();
    const std::string csv = "Column,Title,due,lane,owner_role,colour\n"
                            "erledigt,Fertig,2026-01-31,Team Süd,manager,sky_blue\n"
                            "col-b,Per Id,,,,\n"
                            ",Ohne Spalte,,,,\n"
                            "Später,Unbekannte Spalte,,,,\n"
                            "Offen,,,,,\n"
                            "Offen,Falsches Datum,31.02.2026,,,\n"
                            "Offen,Falsche Rolle,,,boss,\n"
                            "Offen,Falsche Bahn,,Team West,,\n";
    const CardImport in = parseCardsCsv(b, csv);
    REQUIRE(in.cards.size() == 3);
    CHECK(in.cards[0].columnId == "col-c");
    CHECK(in.cards[0].laneId == "lane-2");
    CHECK(in.cards[0].ownerRole == Role::Manager);
    CHECK(in.cards[0].colour == CardColour::SkyBlue);
    CHECK(in.cards[0].due == Date{2026, 1, 31});
    CHECK(in.cards[1].columnId == "col-b");
    CHECK(in.cards[2].columnId == "col-a"); // no column: the first one
    REQUIRE(in.errors.size() == 5);
    CHECK(in.errors[0].message() == "line 5: unknown column 'Später'");
    CHECK(in.errors[1].message() == "line 6: empty title");
    CHECK(in.errors[2].message().find("due date") != std::string::npos);
    CHECK(in.errors[3].message().find("owner role") != std::string::npos);
    CHECK(in.errors[4].message().find("lane") != std::string::npos);
    // Every problem's text is listed for the translation catalogue.
    const auto texts = csvProblemTexts();
    for (const auto& problem : in.errors) CHECK(std::find(texts.begin(), texts.end(), problem.pattern) != texts.end());
    // A translation replaces pattern and line prefix; the argument stays as written.
    const auto german = in.errors[0].message([](const char* msgid) {
        const std::string id = msgid;
        return id == "line {1}: {2}" ? "Zeile {1}: {2}" : id == "unknown column '{1}'" ? "unbekannte Spalte „{1}“" : msgid;
    });
    CHECK(german == "Zeile 5: unbekannte Spalte „Später“");

    CHECK(parseCardsCsv(b, "id,column\ncard-1,Offen\n").errors.front().message().find("title") != std::string::npos);
    CHECK(parseCardsCsv(b, "").errors.size() == 1);
}

TEST_CASE("importCards adds all cards as one undo step, or none when a hard limit refuses", "[core][board][csv]") {
    Session s = sessionWith(laneBoard());
    const Session original = s;
    const CardImport in = parseCardsCsv(s.boards[0], "title,column,checklist,archived\n"
                                                     "Neu A,In Arbeit,\"[x] eins\n[ ] zwei\",false\n"
                                                     "Neu B,Offen,,true\n");
    REQUIRE(in.cards.size() == 2);
    IdGenerator ids(42);
    History history;
    auto r = importCards(s, "board-1", in.cards, ids, Timestamp{kT0.seconds + kDay});
    REQUIRE(r);
    CHECK(r.change().label == "Import cards");
    REQUIRE(history.apply(s, r));
    REQUIRE(s.boards[0].cards.size() == original.boards[0].cards.size() + 2);
    const Card& a = s.boards[0].cards[cellCards(s.boards[0], "col-b", {}).back()];
    CHECK(a.title == "Neu A");
    CHECK(a.checklist.size() == 2);
    CHECK(a.history == std::vector<ColumnVisit>{{"col-b", Timestamp{kT0.seconds + kDay}}});
    CHECK(std::any_of(s.boards[0].cards.begin(), s.boards[0].cards.end(),
                      [](const Card& c) { return c.title == "Neu B" && c.archived; }));
    REQUIRE(history.undo(s));
    CHECK(s == original);

    s.boards[0].columns[1].wipLimit = 1;
    s.boards[0].columns[1].wipMode = WipMode::Hard;
    const Session limited = s;
    r = importCards(s, "board-1", in.cards, ids, Timestamp{kT0.seconds + kDay});
    REQUIRE_FALSE(r);
    CHECK(r.refusal().code == refusal::WipLimitReached);
    CHECK(s == limited);
}
