// Headless tests of the retrospective flow through the real widgets: choose a format, write hidden
// cards, reveal, group by drag and drop, vote within and over the room's budget, turn a group into
// an action, advance phases, and undo all of it. Face-down text never reaches the screen.

#include "harness.hpp"

#include "core/retro_rules.hpp"
#include "store/assets_file.hpp"
#include "ui/retro_library.hpp"

#include <imgui_internal.h>

using lernraum::test::UiHarness;
using lernraum::test::dragItem;
using lernraum::test::pauseMouse;
namespace core = lernraum::core;
namespace store = lernraum::store;
namespace ui = lernraum::ui;

namespace {

constexpr const char* kSecret = "Die Amtsleitung hört nicht zu";
constexpr const char* kSecret2 = "Zu viele Termine am Freitag";

void useShippedLibrary() {
    const auto load = store::loadRetroLibrary(std::filesystem::path(LERNRAUM_SOURCE_DIR) / "assets");
    REQUIRE(load.errors.empty());
    ui::setRetroLibrary(load.library);
}

// Three voters with one dot each (the facilitator does not vote), an empty retrospective.
core::Session workshop() {
    core::Session s;
    s.id = "session-retro-ui";
    s.title = "Auswertung Sprint 1";
    s.participants = {core::Participant{"part-1", "Chefin", core::Role::Manager, ""},
                      core::Participant{"part-2", "", core::Role::Employee, ""},
                      core::Participant{"part-3", "", core::Role::StaffCouncil, ""},
                      core::Participant{"part-4", "Moderation", core::Role::Facilitator, ""}};
    core::Board b;
    b.id = "board-1";
    b.title = "Board";
    b.columns = {core::Column{"col-1", "Zu erledigen", core::ColumnKind::Todo, 0, core::WipMode::Soft}};
    s.boards.push_back(b);
    core::Retrospective r;
    r.id = "retro-1";
    r.title = "Retrospektive";
    r.phase = core::Phase::GatherData;
    r.voting = core::VotingSettings{1, 0, false, false};
    s.retrospectives.push_back(r);
    return s;
}

// Every text ImGui renders in a few frames of a fresh shell showing the session's retrospective,
// plus every recorded item label. ImGui's logging captures each rendered text run; End() of the
// main window finishes the log and hands it to the clipboard callback, which keeps it here.
std::string g_logged;
void keepLog(void*, const char* text) { g_logged += text; }

std::string screenText(const core::Session& session, bool presentation) {
    ui::HeadlessContext context;
    ui::Settings settings;
    ui::Shell shell(lernraum::test::storeServices(), settings);
    shell.setSession(session, {});
    shell.selectTab(ui::Tab::Retro);
    shell.setPresentation(presentation);
    ImGui::GetIO().SetClipboardTextFn = keepLog;
    ui::setItemRecording(true);
    for (int i = 0; i < 3; ++i) {
        g_logged.clear();
        context.newFrame();
        ImGui::LogToClipboard();
        shell.draw(1.0 + i / 60.0, core::Timestamp{1'790'000'000});
        ImGui::LogFinish();
        context.endFrame();
    }
    context.newFrame(); // the last frame's items become recordedItems()
    std::string text = g_logged;
    for (const auto& item : ui::recordedItems()) text += "\n" + item.label;
    context.endFrame();
    ui::setItemRecording(false);
    UNSCOPED_INFO("screen text: " << text);
    return text;
}


const core::Retrospective& retro(UiHarness& h) { return h.shell().session().retrospectives.front(); }

void writeCard(UiHarness& h, const std::string& prompt, const std::string& text) {
    h.click("New card: " + prompt);
    h.type(text);
    h.pressKey(ui::key::Enter);
}

} // namespace

TEST_CASE("the whole retrospective flow through the UI, then undo to the start", "[ui][retro]") {
    useShippedLibrary();
    UiHarness h("en");
    h.shell().setSession(workshop(), {});
    h.shell().selectTab(ui::Tab::Retro);
    h.frame(3);
    const core::Session original = h.shell().session();

    // Choose a format.
    h.click("Format");
    h.click("Start / Stop / Continue");
    REQUIRE(retro(h).prompts.size() == 3);
    CHECK(retro(h).formatId == "start-stop-continue");
    const std::string start = retro(h).prompts[0].text;
    CHECK(start == "What should we start doing?");

    // While a face-down card is typed, the field masks it: ImGui draws a password field's text
    // with its '*'-only font, set up the first time such a field shows text.
    const ImFont& masked = ImGui::GetCurrentContext()->InputTextPasswordFont;
    h.click("New card: " + start);
    CHECK(masked.FontSize == 0.0f); // empty field: the hint shows, nothing masked yet
    h.type("Geheim");
    REQUIRE(ImGui::GetCurrentContext()->InputTextState.ID != 0);
    h.frame(2);
    CHECK(masked.FontSize > 0.0f);
    h.pressKey(ui::key::Escape); // ImGui's Escape reverts the field: nothing is added
    h.frame(2);
    REQUIRE(retro(h).items.empty());

    // Two hidden, anonymous cards: the screen shows only their count.
    writeCard(h, start, kSecret);
    writeCard(h, start, kSecret2);
    REQUIRE(retro(h).items.size() == 2);
    for (const auto& item : retro(h).items) {
        CHECK(item.hidden);
        CHECK(item.authorId.empty());
    }
    CHECK(h.shows("2 cards face down"));
    CHECK_FALSE(h.has(kSecret));

    // Reveal all at once.
    h.click("Reveal all (2)");
    CHECK(core::hiddenCount(retro(h)) == 0);
    CHECK(h.shows(kSecret));
    CHECK(h.shows(kSecret2));

    // Drag one card onto the other: a group holding both.
    dragItem(h, kSecret2, kSecret);
    REQUIRE(retro(h).groups.size() == 1);
    const core::Id groupId = retro(h).groups[0].id;
    CHECK(retro(h).groups[0].title == kSecret); // named after the card it was dropped on
    for (const auto& item : retro(h).items) CHECK(item.groupId == groupId);

    // Rename the group in place (select all, type, Enter commits).
    h.click(std::string("Group name: ") + kSecret);
    h.io().KeyCtrl = true;
    h.pressKey('A');
    h.io().KeyCtrl = false;
    h.type("Zuhören und Termine");
    h.pressKey(ui::key::Enter);
    REQUIRE(retro(h).groups[0].title == "Zuhören und Termine");
    const core::RetroGroup group = retro(h).groups[0];

    // Next phase, open voting, vote within the budget (3 people x 1 dot) and over it.
    h.click("Next phase \xE2\x96\xB6");
    CHECK(retro(h).phase == core::Phase::GenerateInsights);
    h.click("Open voting");
    REQUIRE(retro(h).voting.open);
    const std::string vote = "Vote: " + group.title;
    for (int i = 0; i < 3; ++i) {
        h.click(vote);
        pauseMouse(h);
    }
    CHECK(retro(h).groups[0].votes == 3);
    h.click(vote);
    CHECK(retro(h).groups[0].votes == 3); // refused ...
    CHECK(h.shell().toast() == "All 3 dots of the room are used (3 people with 1 dots each)"); // ... visibly
    h.click("Close voting");
    CHECK_FALSE(retro(h).voting.open);
    CHECK(h.shows("Result 1: " + group.title)); // the results list

    // The group becomes an action.
    h.click("More: " + group.title);
    h.click("Turn into action\xE2\x80\xA6");
    h.click("Due");
    h.type("24.12.2026"); // the German way of writing it, as displayed everywhere
    h.click("Create action");
    INFO("toast: " << h.shell().toast());
    REQUIRE(retro(h).actions.size() == 1);
    CHECK(retro(h).actions[0].due == (core::Date{2026, 12, 24}));
    CHECK(retro(h).actions[0].sourceId == group.id);
    CHECK(retro(h).actions[0].text == group.title);

    h.click("Next phase \xE2\x96\xB6");
    CHECK(retro(h).phase == core::Phase::DecideWhatToDo);

    // Everything is undoable, back to the exact starting state.
    int guard = 0;
    while (h.shell().history().canUndo() && guard++ < 50) h.chord('Z', true);
    CHECK(h.shell().session() == original);
    // ... and redoable.
    while (h.shell().history().canRedo() && guard++ < 100) h.chord('Y', true);
    CHECK(retro(h).actions.size() == 1);
    CHECK(retro(h).phase == core::Phase::DecideWhatToDo);
}

TEST_CASE("face-down cards show only their count on screen, normal and presentation", "[ui][retro][privacy]") {
    useShippedLibrary();
    ui::setLanguage("de");
    core::Session s = workshop();
    core::Retrospective& r = s.retrospectives.front();
    r.prompts = {core::Prompt{"prompt-1", "Was lief gut?"}, core::Prompt{"prompt-2", "Was können wir verbessern?"}};
    r.items = {core::RetroItem{"item-1", "prompt-2", kSecret, "", true, "", 0, core::Timestamp{1}},
               core::RetroItem{"item-2", "prompt-2", kSecret2, "", true, "", 0, core::Timestamp{2}},
               core::RetroItem{"item-3", "prompt-2", "Noch ein Geheimnis", "", true, "", 0, core::Timestamp{3}},
               core::RetroItem{"item-4", "prompt-1", "Offene Karte", "", false, "", 0, core::Timestamp{4}}};
    for (const bool presentation : {false, true}) {
        for (const auto phase : {core::Phase::GatherData, core::Phase::GenerateInsights, core::Phase::DecideWhatToDo}) {
            r.phase = phase;
            const std::string text = screenText(s, presentation);
            INFO("presentation " << presentation << ", phase " << static_cast<int>(phase));
            CHECK(text.find("3 Karten verdeckt") != std::string::npos);
            CHECK(text.find("Offene Karte") != std::string::npos); // control: revealed text is captured
            CHECK(text.find(kSecret) == std::string::npos);
            CHECK(text.find(kSecret2) == std::string::npos);
            CHECK(text.find("Noch ein Geheimnis") == std::string::npos);
        }
    }
    // A hidden card inside a group does not leak through the group either.
    r.groups = {core::RetroGroup{"group-1", "Termine", 0}};
    r.items[1].groupId = "group-1";
    r.phase = core::Phase::GenerateInsights;
    const std::string text = screenText(s, false);
    CHECK(text.find(kSecret2) == std::string::npos);
    CHECK(text.find("1 Karte verdeckt") != std::string::npos);
    ui::setLanguage("en");
}

TEST_CASE("voting results stay hidden until voting is closed", "[ui][retro]") {
    useShippedLibrary();
    ui::setLanguage("en");
    core::Session s = workshop();
    core::Retrospective& r = s.retrospectives.front();
    r.prompts = {core::Prompt{"prompt-1", "Good"}};
    r.items = {core::RetroItem{"item-1", "prompt-1", "Kurze Wege", "", false, "", 2, core::Timestamp{1}}};
    r.phase = core::Phase::GenerateInsights;
    r.voting = core::VotingSettings{3, 0, true, true};
    std::string text = screenText(s, true);
    CHECK(text.find("The results stay hidden until voting is closed (2 dots placed).") != std::string::npos);
    CHECK(text.find("2 votes") == std::string::npos);
    r.voting.open = false;
    text = screenText(s, true);
    CHECK(text.find("1. Kurze Wege") != std::string::npos);
    CHECK(text.find("2 votes") != std::string::npos);
}

TEST_CASE("phases: back is refused at the start, and the phase bar names the current phase", "[ui][retro]") {
    useShippedLibrary();
    UiHarness h("en");
    core::Session s = workshop();
    s.retrospectives.front().phase = core::Phase::SetTheStage;
    h.shell().setSession(s, {});
    h.shell().selectTab(ui::Tab::Retro);
    h.frame(3);
    CHECK(h.shows("Phase: Set the stage"));
    h.click("\xE2\x97\x80 Back"); // disabled: nothing happens
    CHECK(retro(h).phase == core::Phase::SetTheStage);
    for (int i = 0; i < 4; ++i) h.click("Next phase \xE2\x96\xB6");
    CHECK(retro(h).phase == core::Phase::Close);
    CHECK(h.shows("Phase: Close"));
    h.click("ROTI 4 +");
    h.click("ROTI 4 +");
    CHECK(retro(h).roti.counts[3] == 2);
    h.click("\xE2\x97\x80 Back");
    CHECK(retro(h).phase == core::Phase::DecideWhatToDo);
}

TEST_CASE("a click on a phase of the phase bar goes there, not in presentation mode", "[ui][retro]") {
    useShippedLibrary();
    UiHarness h("en");
    h.shell().setSession(workshop(), {});
    h.shell().selectTab(ui::Tab::Retro);
    h.frame(3);
    const core::Session original = h.shell().session();
    const core::Phase start = retro(h).phase;
    REQUIRE(start != core::Phase::Close);
    h.click("Go to phase: Close");
    CHECK(retro(h).phase == core::Phase::Close);
    h.chord('Z', true);
    CHECK(h.shell().session() == original);
    h.shell().setPresentation(true);
    h.frame(3);
    CHECK_FALSE(h.has("Go to phase: Close"));
}

TEST_CASE("Reveal all in the window shows the face-down cards in a shuffled order, not the order of writing", "[ui][retro][privacy]") {
    useShippedLibrary();
    UiHarness h("en");
    core::Session s = workshop();
    core::Retrospective& r = s.retrospectives.front();
    r.prompts = {core::Prompt{"prompt-1", "Good"}};
    r.phase = core::Phase::GatherData;
    std::vector<std::string> written;
    for (int i = 0; i < 12; ++i) {
        written.push_back("Karte " + std::to_string(i));
        r.items.push_back(core::RetroItem{"item-" + std::to_string(i), "prompt-1", written.back(), "", true, "", 0,
                                          core::Timestamp{i}});
    }
    h.shell().setSession(s, {});
    h.shell().selectTab(ui::Tab::Retro);
    h.frame(3);
    h.click("Reveal all (12)");
    REQUIRE(core::hiddenCount(retro(h)) == 0);
    std::vector<std::string> shown;
    for (const auto& item : retro(h).items) shown.push_back(item.text);
    // Every card is still there, once; the order is not the writing order (12! orders: a shuffle
    // that keeps it happens once in 479 million runs).
    CHECK(std::is_permutation(shown.begin(), shown.end(), written.begin(), written.end()));
    CHECK(shown != written);
    // One undo step turns them all face-down again.
    REQUIRE(h.shell().undo());
    CHECK(core::hiddenCount(retro(h)) == 12);
}
