// The Trello importer (src/import/trello.cpp) on the project's own fixtures
// (tests/fixtures/import/make_import_fixtures.py): what becomes of lists, cards, labels and
// checklists, what is left out, and that no person from the export reaches the saved file.

#include "core/board_import.hpp"
#include "core/commands.hpp"
#include "core/history.hpp"
#include "core/ids.hpp"
#include "core/templates.hpp"
#include "core/validate.hpp"
#include "import/trello.hpp"
#include "store/session_file.hpp"
#include "store_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace lernraum;
using namespace lernraum::core;
namespace fs = std::filesystem;

namespace {

const fs::path kDir = fs::path(LERNRAUM_FIXTURES_DIR) / "import";
constexpr Timestamp kNow{1'790'000'000};

std::string fixture(const std::string& name) { return test::readBytes(kDir / name); }

// The imported board in a fresh session (through the one undo step), or the refusal.
Session importInto(const importer::TrelloImport& in, Session s) {
    IdGenerator ids(7);
    const Board board = buildBoard(in.draft, ids, kNow, s);
    History history;
    const auto r = addImportedBoard(s, board);
    REQUIRE(r);
    REQUIRE(history.apply(s, r));
    REQUIRE(validate(s).empty());
    return s;
}

Session blank() {
    IdGenerator ids(3);
    return makeEmptySession("Workshop", Date{2026, 12, 1}, ids);
}

std::size_t inColumn(const Board& b, std::size_t column) {
    return static_cast<std::size_t>(std::count_if(b.cards.begin(), b.cards.end(),
                                                  [&](const Card& c) { return c.columnId == b.columns[column].id; }));
}

const Card& cardTitled(const Board& b, std::string_view title) {
    const auto it = std::find_if(b.cards.begin(), b.cards.end(), [&](const Card& c) { return c.title == title; });
    REQUIRE(it != b.cards.end());
    return *it;
}

bool hasNote(const importer::TrelloImport& in, std::string_view pattern) {
    return std::any_of(in.notes.begin(), in.notes.end(), [&](const ImportNote& n) { return n.pattern == pattern; });
}

} // namespace

TEST_CASE("a modern Trello export becomes a board: lists by position, archived list left out, cards per column", "[import][trello]") {
    const auto in = importer::parseTrelloExport(fixture("trello-modern.json"));
    REQUIRE_FALSE(in.error);
    const Session s = importInto(in, blank());
    REQUIRE(s.boards.size() == 2); // the blank file's board and the imported one
    const Board& b = s.boards.back();
    CHECK(b.title == "Projekt Bürgerservice");
    REQUIRE(b.columns.size() == 3);
    CHECK(b.columns[0].title == "Ideen");
    CHECK(b.columns[1].title == "In Arbeit");
    CHECK(b.columns[1].kind == ColumnKind::InProgress);
    CHECK(b.columns[2].title == "Erledigt ✅");
    CHECK(b.columns[2].kind == ColumnKind::Done);
    CHECK(inColumn(b, 0) == 2);
    CHECK(inColumn(b, 1) == 2);
    CHECK(inColumn(b, 2) == 1);
    CHECK(b.cards.size() == 5); // the two cards of the archived list are not imported
    // Position order within a column (C1 has pos 16384, C4 32768).
    const auto first = cellCards(b, b.columns[0].id, {});
    REQUIRE(first.size() == 2);
    CHECK(b.cards[first[0]].title == "Erste Idee: Terminbuchung online");
    CHECK(b.cards[first[1]].title == "Zweite Idee");
    // Archived cards stay archived.
    CHECK(cardTitled(b, "Archivierte Karte").archived);
    CHECK_FALSE(cardTitled(b, "Zweite Idee").archived);
    // Summary: archived list with its cards, and what is never imported.
    REQUIRE(in.notes.size() >= 3);
    CHECK(in.notes[0].message() == "3 columns, 5 cards (1 of them archived)");
    CHECK(in.notes[1].message() == "1 archived lists left out (with 2 cards)");
    CHECK(hasNote(in, "Not imported: members, avatars, e-mail addresses, comments, attachments, votes and the history of the "
                      "board, so that no personal data from the other tool ends up in the workshop file."));
}

TEST_CASE("Trello card fields: description, due day, labels as tags and colour, checklists in order", "[import][trello]") {
    const auto in = importer::parseTrelloExport(fixture("trello-modern.json"));
    REQUIRE_FALSE(in.error);
    const Session s = importInto(in, blank());
    const Card& c = cardTitled(s.boards.back(), "Erste Idee: Terminbuchung online");
    CHECK(c.description == "Warum? Wartezeiten senken.\nWas? Ein Formular.\n\n* Schritt 1\n* Schritt 2"); // CRLF -> LF
    CHECK(c.due == Date{2026, 12, 24});
    CHECK(c.tags == std::vector<std::string>{"Bürgerservice"}); // the unnamed red label gives no tag
    CHECK(c.colour == CardColour::BluishGreen);                // the first label's colour (green)
    // Two checklists by position, items by position, each item prefixed with its list's name.
    REQUIRE(c.checklist.size() == 3);
    CHECK(c.checklist[0].text == "Vorbereitung: Bedarf klären");
    CHECK(c.checklist[0].done);
    CHECK(c.checklist[1].text == "Vorbereitung: Formular entwerfen");
    CHECK_FALSE(c.checklist[1].done);
    CHECK(c.checklist[2].text == "Abnahme: Personalrat fragen");
    for (const auto& item : c.checklist) CHECK_FALSE(item.id.empty());
    CHECK(c.createdAt == kNow);
    CHECK(c.history == std::vector<ColumnVisit>{{c.columnId, kNow}});
}

TEST_CASE("emoji and Japanese text arrive unchanged, custom fields are ignored", "[import][trello]") {
    const auto in = importer::parseTrelloExport(fixture("trello-modern.json"));
    const Session s = importInto(in, blank());
    const Card& c = cardTitled(s.boards.back(), "日本語のカード 🎌 👩🏽‍💻");
    CHECK(c.description == "絵文字と日本語 ✋🏿");
    CHECK(c.tags == std::vector<std::string>{"Digital 💡"});
    CHECK(c.colour == CardColour::None); // a label without colour
    test::TempDir dir;
    REQUIRE_FALSE(store::saveSession(s, dir.path / "s.lernraum"));
    const std::string saved = test::readBytes(dir.path / "s.lernraum");
    CHECK(saved.find("Geheimes Feld 4711") == std::string::npos); // custom field value
    CHECK(saved.find("Aktenzeichen") == std::string::npos);       // custom field name
}

TEST_CASE("no member name, user name, e-mail address or comment of a Trello export reaches the saved session", "[import][trello][privacy]") {
    for (const char* name : {"trello-modern.json", "trello-old-schema.json", "wekan-board.json"}) {
        INFO(name);
        const std::string json = fixture(name);
        // The fixture does name the people (the test would prove nothing otherwise).
        REQUIRE(json.find("Erika Mustermann") != std::string::npos);
        const auto in = importer::parseTrelloExport(json);
        REQUIRE_FALSE(in.error);
        const Session s = importInto(in, blank());
        test::TempDir dir;
        REQUIRE_FALSE(store::saveSession(s, dir.path / "s.lernraum"));
        const std::string saved = test::readBytes(dir.path / "s.lernraum");
        for (const char* personal : {"Erika", "Mustermann", "erikamustermann", "Beispielmann", "maxbeispielmann",
                                     "@example.org", "avatar", "Kommentar", "5f0000000000000000000a01"})
            CHECK(saved.find(personal) == std::string::npos);
    }
}

TEST_CASE("the older Trello schema: labels and checklists inside the cards, states on the card, positions as text", "[import][trello]") {
    const auto in = importer::parseTrelloExport(fixture("trello-old-schema.json"));
    REQUIRE_FALSE(in.error);
    const Session s = importInto(in, blank());
    const Board& b = s.boards.back();
    REQUIRE(b.columns.size() == 3);
    CHECK(b.columns[0].title == "Backlog");
    CHECK(b.columns[1].title == "To Do");
    CHECK(b.columns[2].title == "Doing");
    CHECK(inColumn(b, 0) == 1);
    CHECK(inColumn(b, 1) == 1);
    CHECK(inColumn(b, 2) == 1);
    const Card& c = cardTitled(b, "Old card with labels");
    CHECK(c.tags == std::vector<std::string>{"urgent"});
    CHECK(c.colour == CardColour::Orange);
    REQUIRE(c.checklist.size() == 2);
    CHECK(c.checklist[0].text == "first"); // one checklist: no prefix
    CHECK_FALSE(c.checklist[0].done);
    CHECK(c.checklist[1].done); // from checkItemStates
    CHECK(cardTitled(b, "Backlog card").archived);
}

TEST_CASE("Wekan's field names are understood", "[import][trello]") {
    const auto in = importer::parseTrelloExport(fixture("wekan-board.json"));
    REQUIRE_FALSE(in.error);
    const Session s = importInto(in, blank());
    const Board& b = s.boards.back();
    CHECK(b.title == "Wekan Board");
    REQUIRE(b.columns.size() == 2);
    CHECK(b.columns[0].title == "Todo");
    const Card& c = cardTitled(b, "Wekan card");
    CHECK(c.columnId == b.columns[0].id);
    CHECK(c.description == "aus Wekan");
    CHECK(c.due == Date{2027, 1, 15});
    CHECK(c.tags == std::vector<std::string>{"Wekan-Label"});
    CHECK(c.colour == CardColour::SkyBlue);
    REQUIRE(c.checklist.size() == 1);
    CHECK(c.checklist[0].done);
}

TEST_CASE("a single-card export, a non-Trello JSON, a truncated or empty file are refused with a clear reason", "[import][trello]") {
    const auto card = importer::parseTrelloExport(fixture("trello-single-card.json"));
    REQUIRE(card.error);
    CHECK(card.error->message().find("single card") != std::string::npos);
    CHECK(card.draft.cards.empty());

    const auto other = importer::parseTrelloExport(fixture("not-trello.json"));
    REQUIRE(other.error);
    CHECK(other.error->message().find("not a Trello board export") != std::string::npos);

    const auto cut = importer::parseTrelloExport(fixture("trello-truncated.json"));
    REQUIRE(cut.error);
    CHECK(cut.error->message().find("cut off") != std::string::npos);
    CHECK(cut.draft.columns.empty());

    CHECK(importer::parseTrelloExport("").error);
    const auto bytes = importer::parseTrelloExport("{\"lists\": [], \"cards\": [], \"name\": \"x\xff\"}");
    REQUIRE(bytes.error);
    CHECK(bytes.error->message().find("UTF-8") != std::string::npos);
    const auto deep = importer::parseTrelloExport(std::string(200'000, '['));
    REQUIRE(deep.error); // iterative parsing: no stack overflow
    const auto array = importer::parseTrelloExport("[{\"lists\": []}]");
    REQUIRE(array.error);
}

TEST_CASE("Trello imports respect the column limit and skip cards with control characters", "[import][trello][limits]") {
    std::string lists, cards;
    for (int i = 0; i < 65; ++i) {
        lists += std::string(i ? "," : "") + "{\"id\":\"l" + std::to_string(i) + "\",\"name\":\"L" + std::to_string(i) +
                 "\",\"pos\":" + std::to_string(i) + "}";
    }
    const auto wide = importer::parseTrelloExport("{\"name\":\"w\",\"lists\":[" + lists + "],\"cards\":[]}");
    REQUIRE(wide.error);
    CHECK(wide.error->message() == "The board has 65 open lists, a Lernraum board has at most 64 columns.");

    const auto bad = importer::parseTrelloExport(
        R"({"name":"b","lists":[{"id":"a","name":"A"}],"cards":[{"id":"c1","name":"ok","idList":"a"},)"
        R"({"id":"c2","name":"bell\u0007","idList":"a"},{"id":"c3","name":"nul\u0000cut","idList":"a"},)"
        R"({"id":"c4","name":"  ","idList":"a"},{"id":"c5","name":"lost","idList":"gone"}]})");
    REQUIRE_FALSE(bad.error);
    REQUIRE(bad.draft.cards.size() == 1);
    CHECK(bad.draft.cards[0].title == "ok");
    std::size_t skipped = 0;
    for (const auto& n : bad.notes) skipped += n.pattern == "Card '{1}' skipped: {2}";
    CHECK(skipped == 3);
    CHECK(hasNote(bad, "{1} cards skipped: their list is not in the file"));

    // Board and list names are titles: control characters become spaces (an ESC sequence cannot
    // colour a terminal or break the board), and the board builds.
    const auto names = importer::parseTrelloExport(
        R"({"name":"Board\u001b[31m","lists":[{"id":"a","name":"Liste\u0000eins"}],"cards":[{"id":"c","name":"k","idList":"a"}]})");
    REQUIRE_FALSE(names.error);
    CHECK(names.draft.title == "Board [31m");
    CHECK(names.draft.columns[0].title == "Liste eins");
    const Session s = importInto(names, blank());
    CHECK(s.boards.back().title == "Board [31m");
}

TEST_CASE("every note and refusal of the Trello reader is listed for translation", "[import][trello][i18n]") {
    // The patterns written in src/import/trello.cpp (note("…") and refuse("…"), possibly continued on
    // the next line) must all be in core::importNoteTexts(), which the German catalogue test reads.
    std::ifstream file(fs::path(LERNRAUM_SOURCE_DIR) / "src/import/trello.cpp");
    std::stringstream text;
    text << file.rdbuf();
    const std::string source = std::regex_replace(text.str(), std::regex("\"\\s*\\n\\s*\""), "");
    static const std::regex call(R"re(\b(?:note|refuse)\("((?:[^"\\]|\\.)*)")re");
    std::set<std::string> found;
    for (std::sregex_iterator it(source.begin(), source.end(), call), end; it != end; ++it) found.insert((*it)[1]);
    REQUIRE(found.size() > 15);
    const auto listed = importNoteTexts();
    for (const auto& pattern : found) {
        INFO(pattern);
        CHECK(std::find(listed.begin(), listed.end(), pattern) != listed.end());
    }
}

TEST_CASE("addImportedBoard is one undo step and refuses a board with a used id or a dangling column", "[import][board]") {
    Session s = blank();
    const Session original = s;
    BoardDraft draft;
    draft.title = "Neu";
    draft.columns = {{"A", ColumnKind::Todo}, {"", ColumnKind::Done}};
    draft.lanes = {"Team"};
    DraftCard card;
    card.title = "Karte";
    card.column = 1;
    card.lane = 0;
    card.checklist = {ChecklistItem{{}, "eins", true}};
    draft.cards = {card, card};
    IdGenerator ids(1);
    Board b = buildBoard(draft, ids, kNow, s);
    CHECK(b.columns[1].title == "2"); // a blank title gets its position
    History history;
    const auto r = addImportedBoard(s, b);
    REQUIRE(r);
    CHECK(r.change().label == "Import board");
    REQUIRE(history.apply(s, r));
    CHECK(s.boards.back().cards.size() == 2);
    CHECK(s.boards.back().cards[0].laneId == s.boards.back().lanes[0].id);
    REQUIRE(history.undo(s));
    CHECK(s == original);

    Board again = b;
    again.id = s.boards.front().id; // in use
    CHECK(addImportedBoard(s, again).refusal().code == refusal::DuplicateId);
    Board dangling = b;
    dangling.cards[0].columnId = "col-nowhere";
    CHECK(addImportedBoard(s, dangling).refusal().code == refusal::NotFound);
    Board twice = b;
    twice.cards[1].id = twice.cards[0].id;
    CHECK(addImportedBoard(s, twice).refusal().code == refusal::DuplicateId);
    Board wide = b;
    for (int i = 0; i < 63; ++i) wide.columns.push_back(Column{"col-x" + std::to_string(i), "X", ColumnKind::Todo, 0, WipMode::Soft});
    CHECK(addImportedBoard(s, wide).refusal().code == refusal::LimitReached);
}
