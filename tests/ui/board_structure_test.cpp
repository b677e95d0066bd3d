// Headless tests of the board's structure: boards, columns and swimlanes are added, renamed,
// moved and deleted through the real menus and dialogs, and every step undoes.

#include "board_fixture.hpp"

#include "core/commands.hpp"
#include "core/demo.hpp"

#include <algorithm>
#include <string>
#include <vector>

using lernraum::test::UiHarness;
using namespace lernraum::test;
namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

constexpr int kEnter = 257;
constexpr int kBackspace = 259;

// Todo (A, B) | Doing, hard limit 2 (C) | Done (D). No lanes.
core::Session structureSession() {
    return boardSessionWith("Structure test", {makeCard("card-00000000000a", "Alpha task", kTodo),
                                               makeCard("card-00000000000b", "Bravo task", kTodo),
                                               makeCard("card-00000000000c", "Charlie task", kDoing),
                                               makeCard("card-00000000000d", "Delta task", kDone)});
}

UiHarness& open(UiHarness& h, core::Session session = structureSession()) {
    h.shell().setSession(std::move(session), {});
    h.shell().selectTab(ui::Tab::Board);
    h.frame(3);
    return h;
}

const core::Board& board(UiHarness& h, std::size_t i = 0) { return h.shell().session().boards.at(i); }

std::vector<std::string> columnTitles(const core::Board& b) {
    std::vector<std::string> out;
    for (const auto& c : b.columns) out.push_back(c.title);
    return out;
}


void openColumnMenu(UiHarness& h, std::size_t column) {
    h.frame(2);
    const auto buttons = allItems("Column settings");
    REQUIRE(buttons.size() > column);
    h.clickAt(buttons[column]);
    h.frame(2);
}

// Replaces the text of the focused field.
void retype(UiHarness& h, const std::string& text) {
    h.io().KeyCtrl = true;
    h.pressKey('A');
    h.io().KeyCtrl = false;
    h.pressKey(kBackspace);
    h.type(text);
}

void undo(UiHarness& h) { h.chord('Z', true); }
void redo(UiHarness& h) { h.chord('Y', true); }

} // namespace

TEST_CASE("a board is added with + Board, renamed and deleted from the board menu, each step undoes", "[ui][board][structure]") {
    UiHarness h;
    open(h);
    const core::Session start = h.shell().session();

    h.click("+ Board");
    REQUIRE(h.shows("Structure title"));
    h.type("Team Nord");
    h.pressKey(kEnter);
    h.frame(3);
    REQUIRE(h.shell().session().boards.size() == 2);
    const core::Board& added = board(h, 1);
    CHECK(added.title == "Team Nord");
    CHECK(added.columns.size() == 3); // the usual three columns
    CHECK(added.cards.empty());
    CHECK(h.has("+ Card")); // the new board is shown: its columns are empty
    CHECK_FALSE(h.has("Alpha task"));

    // The board menu acts on the shown board.
    h.click("Board menu");
    h.click("Rename board...");
    REQUIRE(h.shows("Structure title"));
    retype(h, "Team Süd");
    h.click("OK");
    h.frame(2);
    CHECK(board(h, 1).title == "Team Süd");
    CHECK(board(h, 0).title == "Praxisaufgaben");

    // An empty title is refused inside the dialog.
    h.click("Board menu");
    h.click("Rename board...");
    REQUIRE(h.shows("Structure title"));
    retype(h, "   ");
    h.click("OK");
    CHECK(h.shows("Please enter a title."));
    CHECK(board(h, 1).title == "Team Süd");
    h.click("Cancel");
    h.frame(2);

    // Switching boards by their tab.
    h.click("Praxisaufgaben");
    h.frame(2);
    CHECK(h.has("Alpha task"));

    h.click("Board menu");
    h.click("Delete board...");
    REQUIRE(h.shows("Delete"));
    h.click("Delete");
    h.frame(2);
    REQUIRE(h.shell().session().boards.size() == 1);
    CHECK(board(h).title == "Team Süd");
    CHECK_FALSE(h.has("Alpha task"));

    undo(h);
    REQUIRE(h.shell().session().boards.size() == 2);
    CHECK(board(h, 0).cards.size() == 4); // the cards come back with the board
    undo(h);
    CHECK(board(h, 1).title == "Team Nord");
    undo(h);
    CHECK(h.shell().session() == start);
    redo(h);
    CHECK(h.shell().session().boards.size() == 2);
}

TEST_CASE("columns are added, moved and deleted, a deleted column's cards go where the dialog says", "[ui][board][structure]") {
    UiHarness h;
    open(h);
    const core::Session start = h.shell().session();

    h.click("Board menu");
    h.click("New column...");
    REQUIRE(h.shows("Structure title"));
    h.type("Abgenommen");
    h.pressKey(kEnter);
    h.frame(3);
    REQUIRE(board(h).columns.size() == 4);
    CHECK(board(h).columns[3].title == "Abgenommen");
    CHECK(board(h).columns[3].kind == core::ColumnKind::InProgress); // a step of the work unless chosen otherwise
    undo(h);
    CHECK(h.shell().session() == start);

    // Move the first column to the right.
    openColumnMenu(h, 0);
    h.click("Move right");
    h.frame(2);
    CHECK(columnTitles(board(h)) == std::vector<std::string>{"Doing", "Todo", "Done"});
    undo(h);
    CHECK(columnTitles(board(h)) == std::vector<std::string>{"Todo", "Doing", "Done"});

    // Insert a column right of "Todo", as an in-progress column.
    openColumnMenu(h, 0);
    h.click("Insert column to the right...");
    REQUIRE(h.shows("Structure title"));
    h.type("Klärung");
    h.click("In progress");
    h.click("OK");
    h.frame(2);
    REQUIRE(columnTitles(board(h)) == std::vector<std::string>{"Todo", "Klärung", "Doing", "Done"});
    CHECK(board(h).columns[1].kind == core::ColumnKind::InProgress);
    undo(h);

    // Deleting "Doing" asks where its card goes; the left neighbour is suggested.
    openColumnMenu(h, 1);
    h.click("Delete column...");
    REQUIRE(h.shows("Move cards to"));
    CHECK(h.shell().session() == start); // nothing happens before the answer
    h.click("Delete column");
    h.frame(2);
    REQUIRE(columnTitles(board(h)) == std::vector<std::string>{"Todo", "Done"});
    for (const auto& c : board(h).cards) CHECK(c.columnId != "col-000000000002");
    CHECK(std::count_if(board(h).cards.begin(), board(h).cards.end(),
                        [](const core::Card& c) { return c.columnId == "col-000000000001"; }) == 3);
    undo(h);
    CHECK(h.shell().session() == start);
}

TEST_CASE("deleting a column into a full hard-limited column is refused inside the dialog", "[ui][board][structure]") {
    UiHarness h;
    core::Session s = structureSession();
    s.boards[0].columns[2].wipMode = core::WipMode::Hard; // "Done" (1 card) takes at most 2 as well
    s.boards[0].columns[2].wipLimit = 2;
    open(h, s);
    const core::Session start = h.shell().session();
    // "Todo" holds two cards; "Doing" and "Done" (hard limit 2) already hold one each: nothing fits.
    openColumnMenu(h, 0);
    h.click("Delete column...");
    REQUIRE(h.shows("Move cards to"));
    h.click("Delete column"); // the suggestion is the neighbour, "Doing"
    h.frame(2);
    CHECK(h.shell().session() == start);
    CHECK(h.has("Move cards to")); // the dialog stays open with the reason
    bool reasonShown = false;
    for (const auto& item : ui::recordedItems())
        if (item.label.find("is full") != std::string::npos) reasonShown = true;
    CHECK(reasonShown);
    h.click("Cancel");
    h.frame(2);
    CHECK_FALSE(h.has("Move cards to"));
}

TEST_CASE("the delete-column dialog suggests a column the cards fit into", "[ui][board][structure]") {
    UiHarness h;
    open(h); // Todo (2 cards) | Doing (hard limit 2, 1 card) | Done (1 card)
    const core::Session start = h.shell().session();
    openColumnMenu(h, 0);
    h.click("Delete column...");
    REQUIRE(h.shows("Move cards to"));
    h.click("Delete column"); // "Doing" would refuse two more cards: "Done" is suggested
    h.frame(2);
    REQUIRE(board(h).columns.size() == 2);
    for (const auto& c : board(h).cards) CHECK(c.columnId != "col-000000000001");
    CHECK(std::count_if(board(h).cards.begin(), board(h).cards.end(),
                        [](const core::Card& c) { return c.columnId == "col-000000000003"; }) == 3);
    undo(h);
    CHECK(h.shell().session() == start);
}

TEST_CASE("swimlanes are added, renamed, moved and deleted, their cards stay on the board", "[ui][board][structure]") {
    UiHarness h;
    open(h);
    const core::Session start = h.shell().session();

    for (const char* title : {"Team A", "Team B"}) {
        h.click("Board menu");
        h.click("New swimlane...");
        REQUIRE(h.shows("Structure title"));
        h.type(title);
        h.pressKey(kEnter);
        h.frame(3);
    }
    REQUIRE(board(h).lanes.size() == 2);
    CHECK(board(h).lanes[0].title == "Team A");

    // Rename the first lane through its menu (shown once, in the first column).
    REQUIRE(allItems("Swimlane menu").size() == 2);
    h.click("Swimlane menu");
    h.click("Rename swimlane...");
    REQUIRE(h.shows("Structure title"));
    retype(h, "Team Nord");
    h.pressKey(kEnter);
    h.frame(3);
    CHECK(board(h).lanes[0].title == "Team Nord");

    h.click("Swimlane menu");
    h.click("Move down");
    h.frame(2);
    CHECK(board(h).lanes[1].title == "Team Nord");

    // Put a card into "Team Nord", then delete that lane: the card stays in its column.
    {
        core::Session s = h.shell().session();
        auto move = core::moveCard(s, board(h).id, "card-00000000000a", "col-000000000001", board(h).lanes[1].id, 0,
                                   core::Timestamp{1'790'000'000});
        REQUIRE(move);
        h.shell().submit(std::move(move));
        h.frame(4); // the rows settle one frame after a change (cell ends follow the row's height)
    }
    const auto menus = [&] {
        std::vector<ImVec2> out;
        for (const auto& item : ui::recordedItems())
            if (item.label == "Swimlane menu") out.emplace_back((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f);
        std::sort(out.begin(), out.end(), [](const ImVec2& a, const ImVec2& b) { return a.y < b.y; });
        return out;
    }();
    REQUIRE(menus.size() == 2);
    h.clickAt(menus[1]); // the lower lane: "Team Nord"
    h.click("Delete swimlane");
    h.frame(2);
    REQUIRE(board(h).lanes.size() == 1);
    CHECK(board(h).lanes[0].title == "Team B");
    CHECK(board(h).cards.size() == 4);
    for (const auto& c : board(h).cards) CHECK(c.laneId.empty());
    CHECK(h.has("Alpha task"));

    for (int i = 0; i < 6; ++i) undo(h); // delete, move card, move lane, rename, two adds
    CHECK(h.shell().session() == start);
}

TEST_CASE("presentation mode shows no structure chrome", "[ui][board][structure]") {
    UiHarness h;
    core::Session s = structureSession();
    s.boards[0].lanes = {core::Lane{"lane-000000000001", "Team A"}};
    open(h, s);
    CHECK(h.has("+ Board"));
    CHECK(h.has("Swimlane menu"));
    h.shell().setPresentation(true);
    h.frame(3);
    CHECK_FALSE(h.has("+ Board"));
    CHECK_FALSE(h.has("Swimlane menu"));
    CHECK_FALSE(h.has("Column settings"));
}

TEST_CASE("the demo board's column menu opens from its ... button", "[ui][board][structure][demo]") {
    UiHarness h("de");
    open(h, lernraum::core::makeDemoSession());
    const auto buttons = allItems("Column settings");
    REQUIRE(buttons.size() == 5);
    h.clickAt(buttons[0]);
    CHECK(h.shows("Nach rechts"));
}
