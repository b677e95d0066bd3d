// The retrospective's card lists cost what is on screen (issue 14): counted, not timed.
// ui::lastRetroFrameStats() says how many face-up cards the prompts list and how many of them
// the last frame drew; at 20,000 cards a frame draws as many as at 1,000.

#include "retro_fixture.hpp"

#include "core/generate.hpp"
#include "ui/retro_workspace.hpp"

#include <imgui_internal.h>

#include <string>
#include <string_view>

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

namespace {

// One retrospective in "generate insights" with `groups` groups of one card each.
core::Session retroWithGroups(int groups) {
    core::Session s = retroWith(groups);
    core::Retrospective& r = s.retrospectives.front();
    r.phase = core::Phase::GenerateInsights;
    r.actions.clear(); // the groups panel is the body's end
    for (int g = 0; g < groups; ++g) {
        core::RetroGroup group;
        group.id = "group-" + std::to_string(g);
        group.title = "Group " + std::to_string(g);
        r.groups.push_back(group);
        r.items[static_cast<std::size_t>(g)].groupId = group.id;
        r.items[static_cast<std::size_t>(g)].hidden = false;
    }
    return s;
}

ui::RetroFrameStats steadyGroupsFrame(UiHarness& h, int groups) {
    openRetro(h, retroWithGroups(groups));
    h.frame();
    return ui::lastRetroFrameStats();
}

} // namespace

TEST_CASE("the groups panel draws only the groups on screen, the same number at 1k and 10k groups", "[ui][retro][scaling]") {
    UiHarness h;
    const ui::RetroFrameStats small = steadyGroupsFrame(h, 1000);
    const ui::RetroFrameStats large = steadyGroupsFrame(h, 10000);
    INFO("groups " << small.groups << " / " << large.groups << ", drawn " << small.groupsDrawn << " / " << large.groupsDrawn);
    CHECK(small.groups == 1000);
    CHECK(large.groups == 10000);
    CHECK(small.groupsSorted == 0); // the groups' lists were kept from the last frame
    CHECK(large.groupsSorted == 0);
    CHECK(small.groupsDrawn > 0);
    // A group is at least three lines tall, four groups a row: a screen shows a few dozen rows.
    const auto perScreen = static_cast<std::size_t>(ImGui::GetIO().DisplaySize.y / (3.0f * ImGui::GetFontSize())) + 2;
    CHECK(large.groupsDrawn <= 4 * perScreen);
    CHECK(large.groupsDrawn <= small.groupsDrawn + 8);
}

namespace {

// Scrolls the retrospective's body to its end, a few frames for the measured heights to settle.
void scrollBodyToEnd(UiHarness& h) {
    for (int i = 0; i < 6; ++i) {
        ImGuiWindow* child = nullptr; // the body's child window ("parent/retro-body_ID")
        for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
            if (std::string_view(w->Name).find("retro-body") != std::string_view::npos) child = w;
        }
        REQUIRE(child != nullptr);
        ImGui::SetScrollY(child, child->ScrollMax.y);
        h.frame();
    }
}

// One retrospective in "close" (ROTI, actions, results) with `actions` actions.
core::Session retroWithActions(int actions) {
    core::Session s = retroWith(10);
    core::Retrospective& r = s.retrospectives.front();
    r.phase = core::Phase::Close;
    r.actions.clear();
    for (int a = 0; a < actions; ++a) {
        core::Action action;
        action.id = "action-" + std::to_string(a);
        action.text = "Action number " + std::to_string(a);
        r.actions.push_back(action);
    }
    return s;
}

} // namespace

TEST_CASE("scrolling the groups panel to its end draws the last group and not the first", "[ui][retro][scaling]") {
    UiHarness h;
    openRetro(h, retroWithGroups(2000));
    CHECK(h.has("Group name: Group 0"));
    scrollBodyToEnd(h);
    CHECK(h.has("Group name: Group 1999"));
    CHECK_FALSE(h.has("Group name: Group 0"));
    CHECK(ui::lastRetroFrameStats().groupsDrawn < 200);
}

TEST_CASE("the actions table draws only the rows on screen, the same number at 1k and 10k actions", "[ui][retro][scaling]") {
    UiHarness h;
    openRetro(h, retroWithActions(1000));
    h.frame();
    const ui::ActionsFrameStats small = ui::lastActionsFrameStats();
    openRetro(h, retroWithActions(10000));
    h.frame();
    const ui::ActionsFrameStats large = ui::lastActionsFrameStats();
    INFO("listed " << small.listed << " / " << large.listed << ", drawn " << small.drawn << " / " << large.drawn);
    CHECK(small.listed == 1000);
    CHECK(large.listed == 10000);
    CHECK(small.measured == 0); // the rows' heights were kept from the last frame
    CHECK(large.measured == 0);
    CHECK(small.drawn > 0);
    const auto perScreen = static_cast<std::size_t>(ImGui::GetIO().DisplaySize.y / ImGui::GetFontSize()) + 2;
    CHECK(large.drawn <= perScreen);
    CHECK(large.drawn <= small.drawn + 2);
    CHECK(h.has("Action: Action number 0"));
    CHECK_FALSE(h.has("Action: Action number 9999"));
    scrollBodyToEnd(h);
    CHECK(h.has("Action: Action number 9999"));
    CHECK_FALSE(h.has("Action: Action number 0"));
    CHECK(ui::lastActionsFrameStats().drawn <= perScreen);
}
