// The board CSV import as spreadsheets write it (separators, encodings, German headers and
// dates) and the "Excel (Deutsch)" export that reads back through the same importer.

#include "core/board_csv.hpp"
#include "core/board_import.hpp"
#include "core/ids.hpp"
#include "core/templates.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace lernraum::core;

namespace {

Board sampleBoard() {
    IdGenerator ids(11);
    Session s = makeEmptySession("Test", Date{2026, 1, 1}, ids);
    return s.boards.front(); // columns Offen, In Arbeit, Erledigt
}

} // namespace

TEST_CASE("CSV import detects semicolon, comma and tab as separator, and Excel's sep= line", "[core][csv][import]") {
    const Board b = sampleBoard();
    for (const auto& [text, sep] : std::vector<std::pair<std::string, char>>{
             {"Titel;Spalte;Beschreibung\nA;Offen;eins, zwei\nB;Erledigt;drei\n", ';'},
             {"title,column,description\nA,Offen,\"eins, zwei\"\nB,Erledigt,drei\n", ','},
             {"Titel\tSpalte\tBeschreibung\nA\tOffen\teins, zwei\nB\tErledigt\tdrei\n", '\t'},
             {"sep=;\r\nTitel;Spalte;Beschreibung\r\nA;Offen;eins, zwei\r\nB;Erledigt;drei\r\n", ';'}}) {
        INFO(text);
        const CardImport in = parseCardsCsv(b, text);
        CHECK(in.delimiter == sep);
        REQUIRE(in.errors.empty());
        REQUIRE(in.cards.size() == 2);
        CHECK(in.cards[0].description == "eins, zwei");
        CHECK(in.cards[1].columnId == b.columns[2].id);
    }
    // Problems keep their line numbers in the file, also after a sep= line.
    const CardImport bad = parseCardsCsv(b, "sep=;\nTitel;Spalte\nA;Nirgends\n");
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].message() == "line 3: unknown column 'Nirgends'");
}

TEST_CASE("CSV import reads UTF-8 with and without BOM, UTF-16 and Windows-1252 umlauts", "[core][csv][import]") {
    const Board b = sampleBoard();
    const std::string utf8 = "Titel;Beschreibung\nGrüße;Änderung für Öffentlichkeit – 5 €\n";
    // The same text as German Excel's "CSV (Trennzeichen-getrennt)" writes it: Windows-1252.
    const std::string cp1252 = "Titel;Beschreibung\nGr\xFC\xDF" "e;\xC4nderung f\xFCr \xD6" "ffentlichkeit \x96 5 \x80\n";
    std::string utf16 = "\xFF\xFE";
    for (const char c : std::string("Titel\tBeschreibung\nGr")) utf16 += std::string{c, '\0'};
    utf16 += std::string("\xFC\0", 2);
    utf16 += std::string("\xDF\0", 2);
    for (const char c : std::string("e\tx\n")) utf16 += std::string{c, '\0'};
    struct Case {
        std::string bytes;
        std::string_view encoding;
    };
    for (const auto& [bytes, encoding] : std::vector<Case>{{utf8, "UTF-8"},
                                                           {"\xEF\xBB\xBF" + utf8, "UTF-8 with BOM"},
                                                           {cp1252, "Windows-1252"},
                                                           {utf16, "UTF-16"}}) {
        INFO(encoding);
        const CardImport in = parseCardsCsv(b, bytes);
        CHECK(in.encoding == encoding);
        REQUIRE(in.errors.empty());
        REQUIRE(in.cards.size() == 1);
        CHECK(in.cards[0].title == "Grüße");
        if (encoding != "UTF-16") CHECK(in.cards[0].description == "Änderung für Öffentlichkeit – 5 €");
    }
    CHECK(decodeSpreadsheetText("a\x81z").text == "a\xEF\xBF\xBDz"); // undefined in Windows-1252: U+FFFD
}

TEST_CASE("CSV import understands German headers, roles, colours and dates", "[core][csv][import]") {
    const Board b = sampleBoard();
    const std::string csv = "Titel;Beschreibung;Spalte;Verantwortlich;Fällig;Schlagwörter;Farbe;Checkliste;Archiviert\n"
                            "Eins;Text;In Arbeit;Führungskraft;24.12.2026;\"a; b\";Himmelblau;\"[x] ja\n[ ] nein\";nein\n"
                            "Zwei;;erledigt;Personalrat;2026-12-24;;Grau;;ja\n"
                            "Drei;;;Beschäftigte;1.2.27;;;;\n"
                            "Vier;;;;31.02.2026;;;;\n"
                            "Fünf;;;Frau Muster;;;;;\n";
    const CardImport in = parseCardsCsv(b, csv);
    REQUIRE(in.cards.size() == 3);
    CHECK(in.cards[0].columnId == b.columns[1].id);
    CHECK(in.cards[0].ownerRole == Role::Manager);
    CHECK(in.cards[0].due == Date{2026, 12, 24});
    CHECK(in.cards[0].tags == std::vector<std::string>{"a", "b"});
    CHECK(in.cards[0].colour == CardColour::SkyBlue);
    REQUIRE(in.cards[0].checklist.size() == 2);
    CHECK(in.cards[0].checklist[0].done);
    CHECK_FALSE(in.cards[0].archived);
    CHECK(in.cards[1].due == Date{2026, 12, 24});
    CHECK(in.cards[1].ownerRole == Role::StaffCouncil);
    CHECK(in.cards[1].colour == CardColour::Grey);
    CHECK(in.cards[1].archived);
    CHECK(in.cards[2].due == Date{2027, 2, 1});
    CHECK(in.cards[2].columnId == b.columns[0].id);
    REQUIRE(in.errors.size() == 2);
    CHECK(in.errors[0].message() == "line 5: invalid due date '31.02.2026'");
    CHECK(in.errors[1].message() == "line 6: unknown owner role 'Frau Muster'");

    CHECK(parseSpreadsheetDate("24.12.2026 00:00") == Date{2026, 12, 24});
    CHECK(parseSpreadsheetDate("2026-12-24T10:00:00Z") == Date{2026, 12, 24});
    CHECK(parseSpreadsheetDate("") == Date{});
    CHECK_FALSE(parseSpreadsheetDate("24/12/2026"));
    CHECK_FALSE(parseSpreadsheetDate("124.12.2026"));
    CHECK_FALSE(parseSpreadsheetDate("24.12.202"));
}

TEST_CASE("a CSV file as a new board: columns from the file in order, lanes, defaults without a column field", "[core][csv][import]") {
    const BoardCsvImport in = parseBoardCsv("Titel;Spalte;Swimlane\nA;Backlog;Team 1\nB;Done;\nC;backlog;Team 2\nD;;\n",
                                            "Aus Excel", "de");
    REQUIRE(in.errors.empty());
    CHECK(in.draft.title == "Aus Excel");
    REQUIRE(in.draft.columns.size() == 2);
    CHECK(in.draft.columns[0].title == "Backlog");
    CHECK(in.draft.columns[1].title == "Done");
    CHECK(in.draft.columns[1].kind == ColumnKind::Done);
    CHECK(in.draft.lanes == std::vector<std::string>{"Team 1", "Team 2"});
    REQUIRE(in.draft.cards.size() == 4);
    CHECK(in.draft.cards[2].column == 0); // "backlog": the same column, case-insensitive
    CHECK(in.draft.cards[2].lane == std::optional<std::size_t>{1});
    CHECK(in.draft.cards[3].column == 0); // no column: the first

    const BoardCsvImport plain = parseBoardCsv("title\nA\n", "x", "en");
    REQUIRE(plain.draft.columns.size() == 3);
    CHECK(plain.draft.columns[0].title == "To do");

    std::string wide = "title,column\n";
    for (int i = 0; i < 65; ++i) wide += "c," + std::to_string(i) + "\n";
    const BoardCsvImport tooWide = parseBoardCsv(wide, "x", "de");
    REQUIRE(tooWide.errors.size() == 1);
    CHECK(tooWide.errors[0].message() == "the file names 65 columns, a board has at most 64");
    CHECK(tooWide.draft.cards.empty());

    const BoardRead read = readBoardCsv("Titel;Spalte\nA;X\n\"kaputt\n", "x", "de");
    CHECK_FALSE(read.draft);
    REQUIRE(read.error);
    const BoardRead ok = readBoardCsv("Titel;Spalte\nA;X\n", "x", "de");
    REQUIRE(ok.draft);
    CHECK(ok.notes[1].message() == "Read as UTF-8, separated by ';'");
}

TEST_CASE("the Excel (German) export: semicolons, BOM, German headers and values, and it reads back", "[core][csv][export]") {
    Board b = sampleBoard();
    Card c;
    c.id = "card-1";
    c.title = "Komma, Semikolon; und =SUMME(A1)";
    c.description = "Zeile 1\nZeile 2";
    c.columnId = b.columns[1].id;
    c.ownerRole = Role::Employee;
    c.colour = CardColour::BluishGreen;
    c.due = Date{2026, 12, 24};
    c.tags = {"eins", "zwei"};
    c.checklist = {ChecklistItem{"check-1", "Punkt", true}};
    c.archived = true;
    c.createdAt = Timestamp{1'790'000'000};
    b.cards.push_back(c);
    const std::string csv = exportCardsCsv(b, CsvDialect::ExcelGerman);
    CHECK(csv.rfind("\xEF\xBB\xBFKarten-ID;Titel;Beschreibung;Spalte;Swimlane;Verantwortlich;Schlagwörter;Farbe;Fällig;"
                    "Checkliste;Archiviert;Erstellt\r\n",
                    0) == 0);
    CHECK(csv.find(";\"Komma, Semikolon; und =SUMME(A1)\";") != std::string::npos);
    CHECK(csv.find(";Beschäftigte;\"eins;zwei\";Blaugrün;24.12.2026;") != std::string::npos);
    CHECK(csv.find(";ja;") != std::string::npos);

    const CardImport back = parseCardsCsv(b, csv);
    CHECK(back.encoding == "UTF-8 with BOM");
    CHECK(back.delimiter == ';');
    REQUIRE(back.errors.empty());
    REQUIRE(back.cards.size() == 1);
    const Card& r = back.cards[0];
    CHECK(r.title == c.title);
    CHECK(r.description == c.description);
    CHECK(r.columnId == c.columnId);
    CHECK(r.ownerRole == c.ownerRole);
    CHECK(r.colour == c.colour);
    CHECK(r.due == c.due);
    CHECK(r.tags == c.tags);
    REQUIRE(r.checklist.size() == 1);
    CHECK(r.checklist[0].done);
    CHECK(r.archived);
    // The standard export is unchanged: ',', no BOM, English machine names.
    const std::string standard = exportCardsCsv(b);
    CHECK(standard.rfind("id,title,", 0) == 0);
    CHECK(standard.find(",employee,") != std::string::npos);
}
