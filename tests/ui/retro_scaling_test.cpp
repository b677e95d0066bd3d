// The retrospective's card lists cost what is on screen (issue 14): counted, not timed.
// ui::lastRetroFrameStats() says how many face-up cards the prompts list and how many of them
// the last frame drew; at 20,000 cards a frame draws as many as at 1,000.

#include "retro_fixture.hpp"

#include "core/generate.hpp"
#include "ui/retro_workspace.hpp"

using lernraum::test::UiHarness;
using namespace lernraum::test;
namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

// One retrospective in "gather data" with `items` cards, none in a group.
core::Session retroWith(int items) {
    core::GenerateOptions options;
    options.cards = 10;
    options.retroItems = items;
    options.retrospectives = 1;
    options.seed = 7;
    core::Session s = core::generateSession(options);
    core::Retrospective& r = s.retrospectives.front();
    r.phase = core::Phase::GatherData;
    r.groups.clear();
    for (auto& item : r.items) item.groupId.clear();
    return s;
}

ui::RetroFrameStats steadyFrame(UiHarness& h, int items) {
    openRetro(h, retroWith(items));
    h.frame();
    return ui::lastRetroFrameStats();
}

} // namespace

TEST_CASE("a retrospective frame draws only the cards on screen, the same number at 1k and 20k cards", "[ui][retro][scaling]") {
    UiHarness h;
    const ui::RetroFrameStats small = steadyFrame(h, 1000);
    const ui::RetroFrameStats large = steadyFrame(h, 20000);
    INFO("listed " << small.listed << " / " << large.listed << ", drawn " << small.drawn << " / " << large.drawn);
    CHECK(small.listed > 500);
    CHECK(large.listed > 10000);
    CHECK(small.sorted == 0); // the lists were kept from the last frame
    CHECK(large.sorted == 0);
    CHECK(small.drawn > 0);
    // A card is at least two lines tall: a 1080-pixel screen shows a few dozen per prompt.
    const std::size_t prompts = h.shell().session().retrospectives.front().prompts.size();
    const auto perPrompt = static_cast<std::size_t>(ImGui::GetIO().DisplaySize.y / (2.0f * ImGui::GetFontSize())) + 2;
    CHECK(large.drawn <= prompts * perPrompt);
    CHECK(large.drawn <= small.drawn + 2 * prompts);
}
