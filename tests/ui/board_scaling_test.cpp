// The board's frame cost follows what is on screen, not the number of cards (issue 14): counted,
// not timed. ui::lastBoardFrameStats() says how many cards the last board frame drew, measured
// and sorted into cells; a frame that changed nothing must touch only the visible cards, the
// same number at 1,000, 10,000 and 50,000 cards.

#include "board_fixture.hpp"

#include "core/commands.hpp"
#include "core/generate.hpp"
#include "ui/board_view.hpp"

#include <algorithm>
#include <string>

using lernraum::test::UiHarness;
using namespace lernraum::test;
namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

core::Session generatedBoard(int cards) {
    core::GenerateOptions options;
    options.cards = cards;
    options.boards = 1;
    options.retroItems = 0;
    options.experiments = 0;
    options.seed = 42; // the same board layout and the same first cards for every count
    return core::generateSession(options);
}

std::size_t cellsOf(const core::Board& board) { return board.columns.size() * (board.lanes.size() + 1); }

// A generous bound for the cards one 1920x1080 frame can show: every card is at least a line of
// text plus padding tall; plus one card cut at each cell's top and bottom edge.
std::size_t visibleBound(const core::Board& board) {
    const float line = ImGui::GetFontSize() * 2.0f;
    const auto perColumn = static_cast<std::size_t>(ImGui::GetIO().DisplaySize.y / line) + 1;
    return board.columns.size() * perColumn + 2 * cellsOf(board);
}

struct Counted {
    ui::BoardFrameStats stats;
    std::size_t bound = 0;
};

// Opens the board, lets the layout settle, then counts one frame in which nothing changed.
Counted steadyFrame(UiHarness& h, int cards) {
    h.shell().setSession(generatedBoard(cards), {});
    h.shell().selectTab(ui::Tab::Board);
    h.frame(3);
    h.frame();
    return {ui::lastBoardFrameStats(), visibleBound(h.shell().session().boards.front())};
}

} // namespace

TEST_CASE("a board frame touches only the visible cards, the same number at 1k, 10k and 50k cards", "[ui][board][scaling]") {
    UiHarness h;
    const Counted small = steadyFrame(h, 1000);
    const Counted medium = steadyFrame(h, 10000);
    const Counted large = steadyFrame(h, 50000);
    for (const Counted* c : {&small, &medium, &large}) {
        INFO("cards " << c->stats.cards << ", drawn " << c->stats.drawn << ", measured " << c->stats.measured << ", sorted "
                      << c->stats.sorted << ", bound " << c->bound);
        CHECK_FALSE(c->stats.rebuilt);
        CHECK(c->stats.sorted == 0);                  // no pass over the cards to find their cells
        CHECK(c->stats.measured == c->stats.drawn);   // no height computed for a card off screen
        CHECK(c->stats.drawn > 0);
        CHECK(c->stats.drawn + c->stats.measured + c->stats.sorted <= 2 * c->bound);
    }
    CHECK(large.stats.cards > 40000); // the counts are of the boards asked for
    CHECK(small.stats.cards < 1000);
    // The same first cards sit on screen at every size (same seed): the same work per frame.
    const std::size_t slack = 2 * cellsOf(h.shell().session().boards.front());
    CHECK(medium.stats.drawn <= small.stats.drawn + slack);
    CHECK(large.stats.drawn <= small.stats.drawn + slack);
}

TEST_CASE("a change rebuilds the board layout once, then frames touch only the visible cards again", "[ui][board][scaling]") {
    UiHarness h;
    steadyFrame(h, 10000);
    const core::Board& b = h.shell().session().boards.front();
    const std::size_t before = ui::lastBoardFrameStats().cards;
    // Archive the first visible card through the undo history, as the Delete key would.
    const auto first = std::find_if(b.cards.begin(), b.cards.end(), [](const core::Card& c) { return !c.archived; });
    REQUIRE(first != b.cards.end());
    const std::string title = first->title;
    h.shell().submit(core::archiveCard(h.shell().session(), b.id, first->id));
    h.frame();
    const ui::BoardFrameStats changed = ui::lastBoardFrameStats();
    CHECK(changed.rebuilt);
    CHECK(changed.sorted == b.cards.size());
    CHECK(changed.cards == before - 1);
    CHECK(changed.measured == changed.drawn); // heights of the cards already measured are kept
    h.frame();
    const ui::BoardFrameStats after = ui::lastBoardFrameStats();
    CHECK_FALSE(after.rebuilt);
    CHECK(after.sorted == 0);
    // Undo brings the card back, through the same rebuild.
    REQUIRE(h.shell().undo());
    h.frame();
    CHECK(ui::lastBoardFrameStats().rebuilt);
    CHECK(ui::lastBoardFrameStats().cards == before);
}

TEST_CASE("a scrolled 10k-card board draws the cards in view and the keyboard brings the selection back", "[ui][board][scaling]") {
    UiHarness h;
    const Counted top = steadyFrame(h, 10000);
    const core::Board& b = h.shell().session().boards.front();
    // The first card of the first column's first cell, selected with a click.
    std::size_t firstIndex = b.cards.size();
    for (std::size_t i = 0; i < b.cards.size() && firstIndex == b.cards.size(); ++i)
        if (!b.cards[i].archived && b.cards[i].columnId == b.columns.front().id &&
            (b.cards[i].laneId.empty() || b.lanes.empty()))
            firstIndex = i;
    REQUIRE(firstIndex < b.cards.size());
    const std::string firstTitle = b.cards[firstIndex].title;
    const auto at = h.settled(firstTitle);
    REQUIRE(at);
    h.clickAt(*at);
    h.frame(2);
    REQUIRE(h.shell().currentTab() == ui::Tab::Board);

    // Scroll far down with the mouse wheel: other cards come into view, no more of them.
    h.io().MousePos = *at;
    for (int i = 0; i < 20; ++i) {
        h.io().MouseWheel = -40.0f;
        h.frame();
    }
    h.frame(2);
    const ui::BoardFrameStats scrolled = ui::lastBoardFrameStats();
    CHECK(scrolled.sorted == 0);
    CHECK(scrolled.drawn > 0);
    CHECK(scrolled.drawn <= 2 * top.bound);
    CHECK_FALSE(h.find(firstTitle).has_value()); // out of view now, so not drawn

    // Down selects the next card of the cell; the board scrolls back to show it.
    std::size_t nextIndex = b.cards.size();
    for (std::size_t i = firstIndex + 1; i < b.cards.size() && nextIndex == b.cards.size(); ++i)
        if (!b.cards[i].archived && b.cards[i].columnId == b.cards[firstIndex].columnId && b.cards[i].laneId == b.cards[firstIndex].laneId)
            nextIndex = i;
    REQUIRE(nextIndex < b.cards.size());
    constexpr int kDown = 264; // GLFW_KEY_DOWN
    h.chord(kDown);
    h.frame(3);
    const auto shown = h.find(b.cards[nextIndex].title);
    REQUIRE(shown);
    CHECK(shown->y > 0.0f);
    CHECK(shown->y < h.io().DisplaySize.y);
}
