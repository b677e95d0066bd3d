// Board menu > Import board: reachable from what File > New gives (and from a session without any
// board), a Trello export and a CSV file become a new board in the open session in one undo step,
// the dialog shows the summary, a refused file changes nothing.

#include "harness.hpp"

#include "core/ids.hpp"
#include "core/templates.hpp"

#include <fstream>

using lernraum::test::TempDir;
using lernraum::test::UiHarness;
using lernraum::test::replaceField;
namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

const std::string kFixtures = std::string(LERNRAUM_SOURCE_DIR) + "/tests/fixtures/import/";

// Opens the import dialog from the Board menu, picks the format, types the path and imports.
void importFile(UiHarness& h, const std::string& format, const std::string& path, bool fromMenu = true) {
    if (fromMenu) {
        h.click("Board menu");
        h.click("Import board...");
    } else {
        h.click("Import board...");
    }
    REQUIRE(h.shows("Trello export (JSON)"));
    h.click(format);
    replaceField(h, "Import file", path);
    h.click("Import");
    h.frame(3);
}

bool dialogSays(UiHarness& h, const std::string& text) {
    for (const auto& item : ui::recordedItems())
        if (item.label.find(text) != std::string::npos) return true;
    (void)h;
    return false;
}

} // namespace

TEST_CASE("a Trello export is imported from a blank file as a new board in one undo step", "[ui][board][import]") {
    UiHarness h("en");
    auto ids = core::IdGenerator::fromRandomDevice();
    // What File > New gives (src/app/gui.cpp newSession).
    h.shell().setSession(core::makeEmptySession("New workshop", core::Date{2026, 11, 29}, ids), {});
    h.shell().selectTab(ui::Tab::Board);
    h.frame(2);
    const core::Session before = h.shell().session();
    REQUIRE(before.boards.size() == 1);

    importFile(h, "Trello export (JSON)", kFixtures + "trello-modern.json");
    const core::Session& s = h.shell().session();
    REQUIRE(s.boards.size() == 2);
    CHECK(s.boards.back().title == "Projekt Bürgerservice");
    CHECK(s.boards.back().columns.size() == 3);
    CHECK(s.boards.back().cards.size() == 5);
    CHECK(h.shell().isDirty());
    CHECK(dialogSays(h, "1 archived lists left out (with 2 cards)"));
    h.click("Close");
    h.frame(3);
    CHECK(h.has("Erste Idee: Terminbuchung online")); // the new board is the one shown

    h.chord('Z', true); // one undo step takes the whole board away
    h.frame(2);
    CHECK(h.shell().session() == before);
}

TEST_CASE("a session without boards offers Import board, and a CSV file becomes its board", "[ui][board][import]") {
    TempDir dir;
    {
        std::ofstream csv(dir.file("liste.csv"), std::ios::binary);
        csv << "Titel;Spalte;F\xE4llig\r\nB\xFCrgeramt;Offen;24.12.2026\r\nZweite;Erledigt;\r\n"; // German Excel
    }
    UiHarness h("en");
    core::Session empty;
    empty.id = "session-000000000001";
    empty.title = "Leer";
    h.shell().setSession(empty, {});
    h.shell().selectTab(ui::Tab::Board);
    h.frame(2);
    REQUIRE(h.shows("Import board..."));
    importFile(h, "CSV file", dir.file("liste.csv"), false);
    const core::Session& s = h.shell().session();
    REQUIRE(s.boards.size() == 1);
    CHECK(s.boards[0].title == "liste");
    REQUIRE(s.boards[0].columns.size() == 2);
    CHECK(s.boards[0].cards[0].title == "Bürgeramt");
    CHECK(s.boards[0].cards[0].due == core::Date{2026, 12, 24});
    CHECK(dialogSays(h, "Windows-1252"));
    h.click("Close");
}

TEST_CASE("a refused import file changes nothing and says why", "[ui][board][import]") {
    UiHarness h("en");
    auto ids = core::IdGenerator::fromRandomDevice();
    h.shell().setSession(core::makeEmptySession("New workshop", core::Date{2026, 11, 29}, ids), {});
    h.shell().selectTab(ui::Tab::Board);
    h.frame(2);
    const core::Session before = h.shell().session();
    importFile(h, "Trello export (JSON)", kFixtures + "trello-single-card.json");
    CHECK(h.shell().session() == before);
    CHECK_FALSE(h.shell().isDirty());
    CHECK(dialogSays(h, "single card"));
    h.click("Close");
}
