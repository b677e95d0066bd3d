// Headless tests of the retrospective's outcomes and timeboxes through the real widgets: editing
// the check-in and ROTI questions (Enter applies, Escape leaves it, undo brings it back, nothing
// to edit in presentation mode), the status of an action, and the phase bar's planned minutes.

#include "harness.hpp"
#include "retro_fixture.hpp"

#include "core/formats.hpp"
#include "core/retro_rules.hpp"
#include "ui/labels.hpp"

using lernraum::test::UiHarness;
using lernraum::test::replaceText;
using lernraum::test::openRetro;
namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

const core::Retrospective& retro(UiHarness& h) { return h.shell().session().retrospectives.front(); }

core::Session workshop(core::Phase phase) {
    core::Session s;
    s.id = "session-outcomes";
    s.title = "Auswertung";
    core::Retrospective r;
    r.id = "retro-1";
    r.title = "Retrospektive";
    r.phase = phase;
    r.checkIn.question = "Wie geht es dir?";
    r.roti.question = "Hat es sich gelohnt?";
    r.actions = {core::Action{"action-1", "Feste Telefonzeiten", core::Role::Manager, core::Date{}, core::ActionStatus::Open,
                              "", "", "", "", ""}};
    s.retrospectives.push_back(r);
    return s;
}


} // namespace

TEST_CASE("the facilitator edits the check-in question, Enter applies, undo brings it back", "[ui][retro]") {
    UiHarness h("en");
    openRetro(h, workshop(core::Phase::SetTheStage));
    REQUIRE(h.shows("Edit question: Check-in"));

    h.click("Edit question: Check-in");
    h.frame(2); // the field takes the keyboard focus
    REQUIRE(h.has("Question: Check-in"));
    replaceText(h, "Wie voll ist dein Akku? (1-5)");
    CHECK(retro(h).checkIn.question == "Wie geht es dir?"); // nothing applied while typing
    h.pressKey(ui::key::Enter);
    CHECK(retro(h).checkIn.question == "Wie voll ist dein Akku? (1-5)");
    CHECK(retro(h).roti.question == "Hat es sich gelohnt?");
    h.frame();
    CHECK_FALSE(h.has("Question: Check-in")); // the editor closed

    // Escape leaves the question as it is.
    h.click("Edit question: Check-in");
    h.frame(2);
    replaceText(h, "Verworfen");
    h.pressKey(ui::key::Escape);
    h.frame(2);
    CHECK(retro(h).checkIn.question == "Wie voll ist dein Akku? (1-5)");
    CHECK_FALSE(h.has("Question: Check-in"));

    h.chord('Z', true);
    CHECK(retro(h).checkIn.question == "Wie geht es dir?");
    h.chord('Y', true);
    CHECK(retro(h).checkIn.question == "Wie voll ist dein Akku? (1-5)");
}

TEST_CASE("the ROTI question is edited by clicking it, presentation mode offers no editor", "[ui][retro]") {
    UiHarness h("en");
    openRetro(h, workshop(core::Phase::Close));
    h.click("Hat es sich gelohnt?"); // the question itself
    h.frame(2);
    replaceText(h, "War die Zeit gut investiert?");
    h.pressKey(ui::key::Enter);
    CHECK(retro(h).roti.question == "War die Zeit gut investiert?");
    CHECK(retro(h).checkIn.question == "Wie geht es dir?");

    h.shell().setPresentation(true);
    h.frame(3);
    CHECK_FALSE(h.has("Edit question: ROTI"));
    CHECK_FALSE(h.has("Question: ROTI"));
    h.chord('Z', true);
    CHECK(retro(h).roti.question == "Hat es sich gelohnt?");
}

TEST_CASE("an action's status is changed in the actions table and undone", "[ui][retro]") {
    UiHarness h("en");
    openRetro(h, workshop(core::Phase::DecideWhatToDo));
    const core::Session original = h.shell().session();
    h.click("Status: Feste Telefonzeiten");
    h.click(ui::label(core::ActionStatus::InProgress));
    REQUIRE(retro(h).actions.size() == 1);
    CHECK(retro(h).actions[0].status == core::ActionStatus::InProgress);
    CHECK(retro(h).actions[0].text == "Feste Telefonzeiten"); // only the status changed
    CHECK(h.shell().history().undoLabel() == "Edit action");

    h.click("Status: Feste Telefonzeiten");
    h.click(ui::label(core::ActionStatus::Done));
    CHECK(retro(h).actions[0].status == core::ActionStatus::Done);

    // One status change after another on the same action is one undo step (merged).
    h.chord('Z', true);
    CHECK(h.shell().session() == original);

    // The shared screen shows the status as text, without a combo.
    h.shell().setPresentation(true);
    h.frame(3);
    CHECK_FALSE(h.has("Status: Feste Telefonzeiten"));
}

TEST_CASE("an action's text, owner and due date are corrected in its dialog, a bad date keeps it open", "[ui][retro]") {
    UiHarness h("en");
    openRetro(h, workshop(core::Phase::DecideWhatToDo));
    const core::Session original = h.shell().session();
    h.click("Edit: Feste Telefonzeiten");
    REQUIRE(h.shows("Action text"));
    replaceText(h, "Feste Telefonzeiten im Team");
    h.click("Action owner");
    h.click(ui::label(core::Role::StaffCouncil));
    h.click("Action due");
    h.type("morgen");
    h.click("Apply");
    CHECK(h.shows("The due date is not a date (e.g. 24.12.2026).")); // refused inside the dialog
    CHECK(h.shell().session() == original);
    h.click("Action due");
    replaceText(h, "15.12.2026");
    h.click("Apply");
    h.frame(2);
    REQUIRE(retro(h).actions.size() == 1);
    const core::Action& a = retro(h).actions[0];
    CHECK(a.text == "Feste Telefonzeiten im Team");
    CHECK(a.ownerRole == core::Role::StaffCouncil);
    CHECK(a.due == (core::Date{2026, 12, 15}));
    CHECK(a.status == core::ActionStatus::Open);
    CHECK_FALSE(h.has("Action text")); // closed
    h.chord('Z', true); // one undo step
    CHECK(h.shell().session() == original);
    h.shell().setPresentation(true);
    h.frame(3);
    CHECK_FALSE(h.has("Edit: Feste Telefonzeiten"));
}

TEST_CASE("the phase bar shows each phase's planned minutes, the agenda and timer follow the phase", "[ui][retro]") {
    UiHarness h("en");
    core::Session s = workshop(core::Phase::SetTheStage);
    s.agenda = {core::AgendaItem{"agenda-1", "Check-in", "", core::Phase::SetTheStage, 10, 0, false, ""},
                core::AgendaItem{"agenda-2", "Karten schreiben", "", core::Phase::GatherData, 20, 0, false, ""},
                core::AgendaItem{"agenda-3", "Board-Rückblick", "", core::Phase::GatherData, 15, 0, false, ""},
                core::AgendaItem{"agenda-4", "ROTI", "", core::Phase::Close, 5, 0, false, ""}};
    openRetro(h, s);
    CHECK(h.shows("Set the stage \xC2\xB7 10 min"));
    CHECK(h.shows("Gather data \xC2\xB7 35 min"));
    CHECK(h.shows("Generate insights \xC2\xB7 \xE2\x80\x93")); // nothing planned
    CHECK(h.shows("Close \xC2\xB7 5 min"));
    CHECK(h.shows("Timer: 10:00"));

    h.click("Next phase \xE2\x96\xB6");
    CHECK(retro(h).phase == core::Phase::GatherData);
    CHECK(h.shell().session().agenda[0].done);
    CHECK(core::currentAgendaItem(h.shell().session())->id == "agenda-2");
    h.frame(2);
    CHECK(h.shows("Timer: 20:00")); // the timer follows the new current item

    h.chord('Z', true); // one step: phase and agenda together
    CHECK(retro(h).phase == core::Phase::SetTheStage);
    CHECK_FALSE(h.shell().session().agenda[0].done);
    h.frame(2);
    CHECK(h.shows("Timer: 10:00"));
}

namespace {

// The height of the big timer's text on the Agenda tab (normal or presentation mode).
float bigTimerHeight(UiHarness& h, bool presentation) {
    core::Session s = workshop(core::Phase::SetTheStage);
    s.agenda = {core::AgendaItem{"agenda-1", "Check-in", "", core::Phase::SetTheStage, 10, 0, false, ""}};
    h.shell().setSession(s, {});
    h.shell().selectTab(ui::Tab::Agenda);
    h.shell().setPresentation(presentation);
    h.frame(3);
    for (const auto& item : ui::recordedItems()) {
        if (item.label == "Big timer: 10:00") return item.max.y - item.min.y;
    }
    FAIL("no big timer on the Agenda tab");
    return 0.0f;
}

} // namespace

TEST_CASE("the big timer uses the clock fonts when the atlas has them, the scaled title font otherwise", "[ui][timer]") {
    UiHarness h("en");
    // Without clock fonts (the harness builds ImGui's default font only): the title font scaled.
    REQUIRE(ui::fonts().clock == nullptr);
    const float title = ui::fonts().title->FontSize;
    CHECK(bigTimerHeight(h, false) == Approx(title * ui::kClockScale / 1.7f).epsilon(0.05));
    CHECK(bigTimerHeight(h, true) == Approx(title * ui::kClockLargeScale / 1.7f).epsilon(0.05));

    // With clock fonts at sizes of their own, the timer is drawn in them, unscaled.
    ImFontConfig config;
    config.SizePixels = 40.0f;
    ui::fonts().clock = h.io().Fonts->AddFontDefault(&config);
    config.SizePixels = 70.0f;
    ui::fonts().clockLarge = h.io().Fonts->AddFontDefault(&config);
    unsigned char* pixels = nullptr;
    int w = 0;
    int hgt = 0;
    h.io().Fonts->GetTexDataAsRGBA32(&pixels, &w, &hgt); // rebuild the atlas
    CHECK(bigTimerHeight(h, false) == Approx(40.0f).epsilon(0.05));
    CHECK(bigTimerHeight(h, true) == Approx(70.0f).epsilon(0.05));
}

TEST_CASE("answers of a scale and the dots of a vote are reset from the UI, each one undo step", "[ui][retro]") {
    UiHarness h("en");
    core::Session s = workshop(core::Phase::SetTheStage);
    s.retrospectives[0].checkIn.counts = {0, 1, 3, 2, 0};
    s.retrospectives[0].prompts = {core::Prompt{"prompt-1", "Was lief gut?"}};
    s.retrospectives[0].items = {core::RetroItem{"item-1", "prompt-1", "Kurze Wege", "", false, "", 4, core::Timestamp{1}}};
    openRetro(h, s);
    const core::Session original = h.shell().session();
    h.click("Clear answers: Check-in");
    CHECK(core::answerCount(retro(h).checkIn) == 0);
    h.frame(2);
    CHECK_FALSE(h.has("Clear answers: Check-in")); // nothing left to clear
    h.chord('Z', true);
    CHECK(h.shell().session() == original);

    s.retrospectives[0].phase = core::Phase::GenerateInsights; // where the room votes
    openRetro(h, s);
    h.click("Reset dots");
    CHECK(core::votesCast(retro(h)) == 0);
    h.chord('Z', true);
    CHECK(retro(h).items[0].votes == 4);
}
