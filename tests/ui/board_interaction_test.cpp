// Headless tests of the interactive board: they drive the real widgets (buttons, text fields,
// drag and drop with the mouse, the keyboard) through the shell and check the session and the
// undo history after each step.

#include "board_fixture.hpp"

#include "core/commands.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

using lernraum::test::UiHarness;
using namespace lernraum::test;
namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

// Todo (A, B, C) | Doing, hard limit 2 (D, E) | Done (F). No lanes.
core::Session boardSession() {
    core::Session s = boardSessionWith("Board test", {makeCard("card-00000000000a", "Alpha task", kTodo),
                                                      makeCard("card-00000000000b", "Bravo task", kTodo),
                                                      makeCard("card-00000000000c", "Charlie report", kTodo),
                                                      makeCard("card-00000000000d", "Delta task", kDoing),
                                                      makeCard("card-00000000000e", "Echo task", kDoing),
                                                      makeCard("card-00000000000f", "Foxtrot task", kDone)});
    s.boards[0].cards[2].tags = {"Bericht"};
    return s;
}

const core::Board& board(UiHarness& h) { return h.shell().session().boards.front(); }

const core::Card* cardTitled(UiHarness& h, const std::string& title) {
    for (const auto& c : board(h).cards)
        if (c.title == title) return &c;
    return nullptr;
}

std::string columnOf(UiHarness& h, const std::string& title) {
    const core::Card* c = cardTitled(h, title);
    return c ? c->columnId : std::string("<missing>");
}

// Titles of the not archived cards of a column, top to bottom.
std::vector<std::string> columnTitles(UiHarness& h, const std::string& columnId) {
    std::vector<std::string> out;
    for (auto i : core::cellCards(board(h), columnId, {})) out.push_back(board(h).cards[i].title);
    return out;
}


UiHarness& openBoard(UiHarness& h, core::Session session = boardSession()) {
    h.shell().setSession(std::move(session), {});
    h.shell().selectTab(ui::Tab::Board);
    h.frame(3);
    return h;
}

// Press on `from`, move over several frames to `to`, wait there, release. Starts with a pause
// longer than the double-click time, so a press where the last drag began is not a double click.
void drag(UiHarness& h, ImVec2 from, ImVec2 to) {
    h.io().MousePos = from;
    h.frame(30);
    h.io().MouseDown[0] = true;
    h.frame();
    for (int i = 1; i <= 8; ++i) {
        const float t = static_cast<float>(i) / 8.0f;
        h.io().MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        h.frame();
    }
    h.frame(2);
    h.io().MouseDown[0] = false;
    h.frame(2);
}

// Keys reach the board as the runner delivers them: as chords through the shell.
void ctrlKey(UiHarness& h, int key) { h.chord(key, true); }
void key(UiHarness& h, int key) { h.chord(key); }

// Highest vertex alpha drawn strictly inside the item's rectangle (dimmed cards stay below 128).
int maxAlphaInside(const std::string& label) {
    const ui::RecordedItem* found = nullptr;
    for (const auto& item : ui::recordedItems())
        if (item.label == label) found = &item;
    REQUIRE(found != nullptr);
    int alpha = -1;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (const ImDrawVert& v : list->VtxBuffer) {
            if (v.pos.x > found->min.x + 2 && v.pos.x < found->max.x - 2 && v.pos.y > found->min.y + 2 &&
                v.pos.y < found->max.y - 2)
                alpha = std::max(alpha, static_cast<int>((v.col >> IM_COL32_A_SHIFT) & 0xFF));
        }
    }
    return alpha;
}

constexpr int kLeft = 263, kRight = 262, kDown = 264, kUp = 265, kDelete = 261;

} // namespace

TEST_CASE("a card is created with the + Card button and with N in the focused column, undo and redo", "[ui][board]") {
    UiHarness h;
    openBoard(h);
    const core::Session original = h.shell().session();

    h.click("+ Card"); // the first one: column Todo
    REQUIRE(h.shows("New card title"));
    h.type("Neue Aufgabe");
    h.pressKey(ui::key::Enter);
    REQUIRE(cardTitled(h, "Neue Aufgabe") != nullptr);
    CHECK(columnOf(h, "Neue Aufgabe") == kTodo);
    CHECK(columnTitles(h, kTodo).back() == "Neue Aufgabe");
    // The field keeps the keyboard: the next card is typed without a click.
    h.frame(2);
    CHECK(h.has("New card title"));
    h.type("Zweite Aufgabe");
    h.pressKey(ui::key::Enter);
    REQUIRE(cardTitled(h, "Zweite Aufgabe") != nullptr);
    CHECK(columnTitles(h, kTodo).back() == "Zweite Aufgabe");
    h.pressKey(ui::key::Escape); // closes the field
    h.frame();
    CHECK_FALSE(h.has("New card title"));

    // N adds to the column of the selected card (Done).
    h.click("Foxtrot task");
    key(h, 'N');
    REQUIRE(h.shows("New card title"));
    h.type("Per Tastatur");
    h.pressKey(ui::key::Enter);
    CHECK(columnOf(h, "Per Tastatur") == kDone);

    h.pressKey(ui::key::Escape);
    h.chord('Z', true);
    CHECK(cardTitled(h, "Per Tastatur") == nullptr);
    CHECK(cardTitled(h, "Neue Aufgabe") != nullptr);
    h.chord('Z', true);
    CHECK(cardTitled(h, "Zweite Aufgabe") == nullptr);
    h.chord('Z', true);
    CHECK(h.shell().session() == original);
    h.chord('Y', true);
    CHECK(columnOf(h, "Neue Aufgabe") == kTodo);
    h.chord('Y', true);
    h.chord('Y', true);
    CHECK(columnOf(h, "Per Tastatur") == kDone);

    // Escape in the field creates nothing.
    h.click("+ Card");
    REQUIRE(h.shows("New card title"));
    h.type("Verworfen");
    h.pressKey(ui::key::Escape);
    CHECK(cardTitled(h, "Verworfen") == nullptr);
}

TEST_CASE("the card editor changes title, description, colour, tags and due date in one undo step", "[ui][board]") {
    UiHarness h;
    openBoard(h);
    const core::Session original = h.shell().session();
    const auto pos = h.settled("Bravo task");
    REQUIRE(pos);
    h.doubleClickAt(*pos);
    REQUIRE(h.shows("Save"));
    h.type("Bravo umbenannt"); // the title field has focus, its text selected
    h.click("Vermillion");
    h.click("Tags");
    h.type("Technik, Führung");
    h.click("Due date");
    h.type("24.12.2026");
    h.click("Description");
    h.type("Zeile eins");
    h.pressKey(ui::key::Enter);
    h.type("Zeile zwei");
    h.click("Save");
    h.frame(3); // the popup closes the frame after
    CHECK_FALSE(h.has("Save"));

    const core::Card* c = cardTitled(h, "Bravo umbenannt");
    REQUIRE(c != nullptr);
    CHECK(c->id == "card-00000000000b");
    CHECK(c->colour == core::CardColour::Vermillion);
    CHECK(c->tags == std::vector<std::string>{"Technik", "Führung"});
    CHECK(c->due == core::Date{2026, 12, 24});
    CHECK(c->description == "Zeile eins\nZeile zwei");

    h.chord('Z', true);
    CHECK(h.shell().session() == original);
    h.chord('Y', true);
    CHECK(cardTitled(h, "Bravo umbenannt") != nullptr);
}

TEST_CASE("the editor refuses an invalid due date and keeps the dialog open", "[ui][board]") {
    UiHarness h;
    openBoard(h);
    const core::Session original = h.shell().session();
    h.doubleClickAt(*h.settled("Alpha task"));
    REQUIRE(h.shows("Save"));
    h.click("Due date");
    h.type("31.02.2026");
    h.click("Save");
    CHECK(h.has("Save"));
    CHECK(h.shell().session() == original);
    h.frame(2); // the error line moves the buttons down; let the recorded positions catch up
    h.click("Cancel");
    h.frame(3);
    CHECK_FALSE(h.has("Save"));
}

TEST_CASE("dragging a card to another column moves it, undo and redo", "[ui][board]") {
    UiHarness h;
    openBoard(h);
    const core::Session original = h.shell().session();
    const auto from = h.settled("Alpha task");
    REQUIRE(from);
    const auto ends = allItems("Cell end");
    REQUIRE(ends.size() == 3);
    drag(h, *from, ends[2]); // to the end of Done
    CHECK(columnOf(h, "Alpha task") == kDone);
    CHECK(columnTitles(h, kDone) == std::vector<std::string>{"Foxtrot task", "Alpha task"});
    const core::Card* moved = cardTitled(h, "Alpha task");
    REQUIRE(moved->history.size() == 2);
    CHECK(moved->history.back().columnId == kDone);

    // Onto the upper half of a card: lands before it.
    const auto foxtrot = h.settled("Foxtrot task");
    const auto bravo = h.settled("Bravo task");
    REQUIRE(foxtrot);
    REQUIRE(bravo);
    drag(h, *bravo, ImVec2(foxtrot->x, foxtrot->y - 4.0f));
    CHECK(columnTitles(h, kDone) == std::vector<std::string>{"Bravo task", "Foxtrot task", "Alpha task"});

    h.chord('Z', true);
    CHECK(columnTitles(h, kDone) == std::vector<std::string>{"Foxtrot task", "Alpha task"});
    h.chord('Z', true);
    CHECK(h.shell().session() == original);
    h.chord('Y', true);
    CHECK(columnOf(h, "Alpha task") == kDone);
}

TEST_CASE("a drag into a full hard-limited column is refused with a visible reason", "[ui][board]") {
    UiHarness h;
    openBoard(h);
    const core::Session original = h.shell().session();
    const auto from = h.settled("Alpha task");
    const auto ends = allItems("Cell end");
    REQUIRE(from);
    REQUIRE(ends.size() == 3);
    drag(h, *from, ends[1]); // Doing holds 2 of 2
    CHECK(columnOf(h, "Alpha task") == kTodo);
    CHECK(h.shell().session() == original);
    CHECK_FALSE(h.shell().isDirty());
    INFO("toast: " << h.shell().toast());
    CHECK(h.shell().toast().find("Doing") != std::string::npos);
    CHECK(h.shell().toast().find("2/2") != std::string::npos);
    CHECK(h.has("Full: hard WIP limit"));

    // Making room lets the same move through.
    const auto delta = h.settled("Delta task"); // before reading the cell ends: settled() runs frames
    REQUIRE(delta);
    drag(h, *delta, allItems("Cell end")[2]);
    CHECK(columnOf(h, "Delta task") == kDone);
    const auto alpha = h.settled("Alpha task");
    REQUIRE(alpha);
    const auto doingEnd = allItems("Cell end")[1];
    INFO("alpha " << alpha->x << "," << alpha->y << " doing end " << doingEnd.x << "," << doingEnd.y);
    drag(h, *alpha, doingEnd);
    CHECK(columnOf(h, "Alpha task") == kDoing);
    h.chord('Z', true);
    h.chord('Z', true);
    CHECK(h.shell().session() == original);
}

TEST_CASE("the keyboard selects and moves cards: arrows, Ctrl+arrows, Delete archives", "[ui][board]") {
    UiHarness h;
    openBoard(h);
    const core::Session original = h.shell().session();
    h.click("Alpha task");
    ctrlKey(h, kDown);
    CHECK(columnTitles(h, kTodo) == std::vector<std::string>{"Bravo task", "Alpha task", "Charlie report"});

    ctrlKey(h, kRight); // Doing is full (2/2): refused, shown
    CHECK(columnOf(h, "Alpha task") == kTodo);
    CHECK(h.shell().toast().find("2/2") != std::string::npos);

    key(h, kRight); // selection moves to Doing, same position: Echo
    ctrlKey(h, kRight);
    CHECK(columnTitles(h, kDone) == std::vector<std::string>{"Foxtrot task", "Echo task"});
    CHECK(cardTitled(h, "Echo task")->history.back().columnId == kDone);

    key(h, kUp); // Foxtrot
    key(h, kDelete);
    CHECK(cardTitled(h, "Foxtrot task")->archived);
    CHECK(columnTitles(h, kDone) == std::vector<std::string>{"Echo task"});

    h.chord('Z', true);
    CHECK_FALSE(cardTitled(h, "Foxtrot task")->archived);
    h.chord('Z', true);
    h.chord('Z', true);
    CHECK(h.shell().session() == original);
    h.chord('Y', true);
    CHECK(columnTitles(h, kTodo) == std::vector<std::string>{"Bravo task", "Alpha task", "Charlie report"});
}

TEST_CASE("archived cards come back from the archive panel", "[ui][board]") {
    UiHarness h;
    openBoard(h);
    h.click("Charlie report");
    key(h, kDelete);
    REQUIRE(cardTitled(h, "Charlie report")->archived);
    h.frame();
    CHECK_FALSE(h.has("Charlie report"));
    h.click("Archive");
    REQUIRE(h.shows("Restore"));
    h.click("Restore");
    CHECK_FALSE(cardTitled(h, "Charlie report")->archived);
    CHECK(columnTitles(h, kTodo).back() == "Charlie report");
}

TEST_CASE("the filter dims cards that do not match and leaves the others as they are", "[ui][board]") {
    UiHarness h;
    openBoard(h);
    CHECK(maxAlphaInside("Alpha task") == 255);
    h.click("Search");
    h.type("bericht"); // matches Charlie's tag "Bericht", case-insensitively
    h.frame(2);
    CHECK(maxAlphaInside("Charlie report") == 255);
    CHECK(maxAlphaInside("Alpha task") < 128);
    CHECK(maxAlphaInside("Foxtrot task") < 128);
    h.click("Clear filter");
    h.frame();
    CHECK(maxAlphaInside("Alpha task") == 255);
    CHECK(h.shell().session() == boardSession()); // filtering changes nothing
}

TEST_CASE("presentation mode hides the editing chrome but cards still move", "[ui][board]") {
    UiHarness h;
    openBoard(h);
    CHECK(h.has("+ Card"));
    CHECK(h.has("Search"));
    h.chord(ui::key::F5);
    h.frame(2);
    CHECK_FALSE(h.has("+ Card"));
    CHECK_FALSE(h.has("Search"));
    CHECK(h.has("Alpha task"));
    h.click("Foxtrot task");
    ctrlKey(h, kUp); // no-op at the top, nothing recorded
    CHECK_FALSE(h.shell().isDirty());
    h.doubleClickAt(*h.settled("Foxtrot task"));
    CHECK_FALSE(h.shows("Save")); // no editor in presentation mode
    ctrlKey(h, kLeft); // Doing is full
    CHECK(columnOf(h, "Foxtrot task") == kDone);
    h.click("Delta task");
    ctrlKey(h, kRight);
    CHECK(columnOf(h, "Delta task") == kDone);

    // N still adds a card while presenting (the room dictates); Enter creates it.
    key(h, 'N');
    h.frame(2);
    REQUIRE(h.has("New card title"));
    h.type("Aus dem Raum");
    h.pressKey(ui::key::Enter);
    h.frame(2);
    CHECK(columnOf(h, "Aus dem Raum") == kDone); // the selected card's column
    CHECK_FALSE(h.has("+ Card"));
}

TEST_CASE("a filter typed before presentation mode is named on the projected board", "[ui][board]") {
    UiHarness h;
    openBoard(h);
    const auto notice = [] {
        for (const auto& item : ui::recordedItems())
            if (item.label.rfind("Filtered: ", 0) == 0) return item.label;
        return std::string();
    };
    h.click("Search");
    h.type("report");
    h.frame(2);
    CHECK(notice().empty()); // outside presentation mode the field itself shows it
    h.chord(ui::key::F5);
    h.frame(2);
    CHECK(notice() == "Filtered: \xE2\x80\x9Ereport\xE2\x80\x9C (other cards are pale)");
}

TEST_CASE("the demo board: a drag between swimlanes changes the lane", "[ui][board]") {
    UiHarness h;
    const core::Session demo = core::makeDemoSession();
    openBoard(h, demo);
    const core::Board& b = demo.boards.front();
    REQUIRE(b.lanes.size() >= 2);
    // The first card of the first column's first lane, dropped on the top half of the first card
    // of the same column's second lane (the lanes are rows across the board).
    const auto cell = core::cellCards(b, b.columns.front().id, b.lanes.front().id);
    const auto target = core::cellCards(b, b.columns.front().id, b.lanes[1].id);
    REQUIRE_FALSE(cell.empty());
    REQUIRE_FALSE(target.empty());
    const core::Card& c = b.cards[cell.front()];
    const auto from = h.settled(c.title);
    REQUIRE(from);
    // Start the drag first: drop zones grow while a card is dragged, so the target moves.
    h.io().MousePos = *from;
    h.frame(30);
    h.io().MouseDown[0] = true;
    h.frame();
    h.io().MousePos = ImVec2(from->x + 10.0f, from->y + 10.0f);
    h.frame(3);
    const ui::RecordedItem* onto = nullptr;
    for (const auto& item : ui::recordedItems())
        if (item.label == b.cards[target.front()].title) onto = &item;
    REQUIRE(onto != nullptr);
    REQUIRE(onto->min.x < from->x);
    REQUIRE(onto->max.x > from->x); // same column
    const ImVec2 to(from->x, onto->min.y + (onto->max.y - onto->min.y) * 0.25f);
    for (int i = 1; i <= 8; ++i) {
        const float t = static_cast<float>(i) / 8.0f;
        h.io().MousePos = ImVec2(from->x, from->y + (to.y - from->y) * t);
        h.frame();
    }
    h.frame(2);
    h.io().MouseDown[0] = false;
    h.frame(2);
    const core::Card* moved = cardTitled(h, c.title);
    REQUIRE(moved != nullptr);
    CHECK(moved->laneId == b.lanes[1].id);
    CHECK(moved->columnId == c.columnId);
    const auto after = core::cellCards(board(h), c.columnId, b.lanes[1].id);
    REQUIRE_FALSE(after.empty());
    CHECK(board(h).cards[after.front()].id == c.id); // before the card it was dropped on
    h.chord('Z', true);
    CHECK(h.shell().session() == demo);
}

TEST_CASE("the flow diagram toggle draws one band per column from the demo board's history", "[ui][board]") {
    UiHarness h;
    openBoard(h, core::makeDemoSession());
    CHECK_FALSE(h.has("Cumulative flow diagram"));
    h.click("Flow diagram");
    REQUIRE(h.shows("Cumulative flow diagram"));
    const ui::RecordedItem* plot = nullptr;
    for (const auto& item : ui::recordedItems())
        if (item.label == "Cumulative flow diagram") plot = &item;
    REQUIRE(plot != nullptr);
    // Count the distinct band colours (Okabe-Ito sky blue, orange, bluish green, reddish purple,
    // yellow for the five columns) among the vertices inside the plot.
    const ImU32 bands[] = {IM_COL32(0x56, 0xB4, 0xE9, 255), IM_COL32(0xE6, 0x9F, 0x00, 255), IM_COL32(0x00, 0x9E, 0x73, 255),
                           IM_COL32(0xCC, 0x79, 0xA7, 255), IM_COL32(0xF0, 0xE4, 0x42, 255)};
    int found = 0;
    for (ImU32 band : bands) {
        bool seen = false;
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount && !seen; ++l)
            for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
                if (v.col == band && v.pos.x >= plot->min.x && v.pos.x <= plot->max.x && v.pos.y >= plot->min.y &&
                    v.pos.y <= plot->max.y) {
                    seen = true;
                    break;
                }
        found += seen ? 1 : 0;
    }
    CHECK(found == 5);
    h.click("Flow diagram");
    h.frame(2);
    CHECK_FALSE(h.has("Cumulative flow diagram"));
}

TEST_CASE("the board menu exports the cards as CSV and imports them again as one undo step", "[ui][board][csv]") {
    lernraum::test::TempDir dir;
    const char* oldHome = std::getenv("HOME");
    const std::string savedHome = oldHome ? oldHome : "";
    setenv("HOME", dir.path().c_str(), 1); // the dialog suggests $HOME/<board title>.csv
    core::Session session = boardSession();
    session.boards.front().columns[1].wipMode = core::WipMode::Soft; // Doing may take the copies
    UiHarness h;
    openBoard(h, session);

    h.click("Board menu");
    h.click("Export cards as CSV...");
    REQUIRE(h.shows("Export"));
    h.click("Export");
    h.frame(2); // the result line moves the buttons; let the recorded positions catch up
    const std::string path = dir.file("Praxisaufgaben.csv");
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str().rfind("id,title,description,column,lane", 0) == 0);
    CHECK(text.str().find("Charlie report") != std::string::npos);
    CHECK(h.shell().session() == session); // exporting changes nothing
    h.click("Close");
    h.frame(3); // the modal closes the frame after

    h.click("Board menu");
    h.click("Import cards from CSV...");
    REQUIRE(h.shows("Import"));
    h.click("Import"); // the same file: every card once more, in its column
    h.frame(2);
    REQUIRE(board(h).cards.size() == 12);
    CHECK(columnTitles(h, kTodo) ==
          std::vector<std::string>{"Alpha task", "Bravo task", "Charlie report", "Alpha task", "Bravo task", "Charlie report"});
    h.click("Close");
    h.frame(3);
    h.chord('Z', true); // one undo step for the whole import
    CHECK(h.shell().session() == session);

    // With the hard limit, the import is refused as a whole.
    h.shell().setSession(boardSession(), {});
    h.frame(2);
    h.click("Board menu");
    h.click("Import cards from CSV...");
    REQUIRE(h.shows("Import"));
    h.click("Import");
    h.frame(2);
    CHECK(h.shell().session() == boardSession());
    CHECK_FALSE(h.shell().isDirty());
    h.click("Close");
    if (oldHome) setenv("HOME", savedHome.c_str(), 1);
}

TEST_CASE("the CSV dialog's Browse... picks a .csv file from the folder list", "[ui][board][csv]") {
    lernraum::test::TempDir dir;
    {
        std::ofstream csv(dir.file("karten.csv"), std::ios::binary);
        csv << "title,column\r\nAus der Liste,Done\r\n";
        std::ofstream other(dir.file("notizen.txt"), std::ios::binary);
        other << "no csv";
    }
    const char* oldHome = std::getenv("HOME");
    const std::string savedHome = oldHome ? oldHome : "";
    setenv("HOME", dir.path().c_str(), 1);
    UiHarness h;
    openBoard(h);

    h.click("Board menu");
    h.click("Import cards from CSV...");
    REQUIRE(h.shows("Browse..."));
    h.click("Browse...");
    REQUIRE(h.shows("karten.csv"));
    CHECK_FALSE(h.has("notizen.txt")); // only CSV files are listed
    h.click("karten.csv");
    h.click("Open");
    h.frame(2);
    REQUIRE(h.shows("Import"));
    h.click("Import");
    h.frame(2);
    CHECK(columnOf(h, "Aus der Liste") == kDone);
    h.click("Close");
    if (oldHome) setenv("HOME", savedHome.c_str(), 1);
}

TEST_CASE("a dragged card near the bottom edge scrolls the board", "[ui][board]") {
    UiHarness h;
    const core::Session demo = core::makeDemoSession();
    openBoard(h, demo);
    const core::Board& b = demo.boards.front();
    const auto lower = core::cellCards(b, b.columns.front().id, b.lanes[1].id);
    REQUIRE_FALSE(lower.empty());
    const std::string below = b.cards[lower.back()].title; // the last card of the lower lane
    const auto before = h.settled(below);
    REQUIRE(before);
    const auto from = h.settled(b.cards[core::cellCards(b, b.columns.front().id, b.lanes[0].id).front()].title);
    REQUIRE(from);
    h.io().MousePos = *from;
    h.frame(30);
    h.io().MouseDown[0] = true;
    h.frame();
    const float bottom = h.io().DisplaySize.y - 30.0f; // the board reaches down to the status bar
    for (int i = 1; i <= 30; ++i) {
        h.io().MousePos = ImVec2(from->x, std::min(bottom, from->y + 60.0f * static_cast<float>(i)));
        h.frame();
    }
    const auto during = h.find(below);
    h.io().MouseDown[0] = false;
    h.frame(2);
    REQUIRE(during);
    CHECK(during->y < before->y - 20.0f); // the board scrolled up under the mouse
}
