// Headless tests of corrections and live-room speed in the retrospective, through the real
// widgets: correcting and deleting cards before and after the reveal (face-down ones without their
// text ever reaching the screen), merging duplicates, deleting actions and experiments, an
// action's owner reaching its board card, the board a board card goes to, three quick clicks on
// the same "+", a typed tally, the card field keeping the keyboard after Enter, going back a phase,
// starting a retrospective in a blank session, the experiment editor's focus and the timer's
// buttons in presentation mode.

#include "harness.hpp"
#include "retro_fixture.hpp"

#include "core/retro_rules.hpp"
#include "store/assets_file.hpp"
#include "ui/labels.hpp"
#include "ui/retro_library.hpp"
#include "ui/timer_widget.hpp"

#include <imgui_internal.h>

using lernraum::test::UiHarness;
using lernraum::test::replaceText;
using lernraum::test::openRetro;
namespace core = lernraum::core;
namespace store = lernraum::store;
namespace ui = lernraum::ui;

namespace {

constexpr const char* kSecret = "Die Amtsleitung hört nicht zu";
const core::Timestamp kT0{1'790'000'000};

const core::Retrospective& retro(UiHarness& h) { return h.shell().session().retrospectives.front(); }

core::RetroItem card(const char* id, const char* text, bool hidden, int votes = 0) {
    return core::RetroItem{id, "prompt-1", text, "", hidden, "", votes, kT0};
}

// Three voters with three dots each, two boards, one prompt with cards.
core::Session workshop(core::Phase phase = core::Phase::GatherData) {
    core::Session s;
    s.id = "session-corrections";
    s.title = "Auswertung";
    s.participants = {core::Participant{"part-1", "", core::Role::Manager, ""},
                      core::Participant{"part-2", "", core::Role::Employee, ""},
                      core::Participant{"part-3", "", core::Role::StaffCouncil, ""}};
    for (const char* id : {"board-1", "board-2"}) {
        core::Board b;
        b.id = id;
        b.title = std::string(id) == "board-1" ? "Teamboard" : "Amtsboard";
        b.columns = {core::Column{std::string("col-") + id, "Offen", core::ColumnKind::Todo, 0, core::WipMode::Soft}};
        s.boards.push_back(b);
    }
    core::Retrospective r;
    r.id = "retro-1";
    r.title = "Retrospektive";
    r.phase = phase;
    r.prompts = {core::Prompt{"prompt-1", "Was stört?"}};
    r.voting = core::VotingSettings{3, 0, false, false};
    s.retrospectives.push_back(r);
    return s;
}


// Every recorded label of the last frame, one a line.
std::string labels() {
    std::string text;
    for (const auto& item : ui::recordedItems()) text += item.label + "\n";
    return text;
}

} // namespace

TEST_CASE("a revealed card is corrected and deleted from its menu, undo brings it back", "[ui][retro][corrections]") {
    UiHarness h("en");
    core::Session s = workshop();
    s.retrospectives.front().items = {card("item-1", "Zu viele Mals", false), card("item-2", "Kurze Wege", false)};
    openRetro(h, s);
    h.click("More: Zu viele Mals");
    h.click("Edit text");
    h.frame(2); // the field takes the keyboard
    replaceText(h, "Zu viele Mails");
    h.pressKey(ui::key::Enter);
    REQUIRE(retro(h).items.size() == 2);
    CHECK(retro(h).items[0].text == "Zu viele Mails");
    CHECK(h.shows("Zu viele Mails"));

    // A blank text is refused and the field stays open with the card unchanged.
    h.doubleClickAt(*h.settled("Zu viele Mails"));
    h.frame(2);
    replaceText(h, " ");
    h.pressKey(ui::key::Enter);
    CHECK(retro(h).items[0].text == "Zu viele Mails");
    CHECK(h.has("Card text: Zu viele Mails"));
    h.pressKey(ui::key::Escape);
    h.frame(2);
    CHECK_FALSE(h.has("Card text: Zu viele Mails"));

    h.click("More: Kurze Wege");
    h.click("Delete card");
    REQUIRE(retro(h).items.size() == 1);
    h.chord('Z', true);
    CHECK(retro(h).items.size() == 2);
}

TEST_CASE("a face-down card is turned down, corrected masked, shown and deleted by its number", "[ui][retro][corrections][privacy]") {
    UiHarness h("en");
    core::Session s = workshop();
    s.retrospectives.front().items = {card("item-1", kSecret, true), card("item-2", "Offene Karte", false)};
    openRetro(h, s);
    CHECK(h.shows("1 card face down"));
    h.click("Correct face-down cards: 1");
    h.click("Face-down card 1: Correct");
    h.frame(2);
    replaceText(h, "Die Leitung hört nicht zu");
    CHECK(h.has("Correct face-down card"));
    h.frame(2);
    const std::string screen = labels();
    CHECK(screen.find(kSecret) == std::string::npos);
    CHECK(screen.find("Die Leitung") == std::string::npos);
    // The field is a password field: ImGui draws its text with the '*'-only font.
    CHECK(ImGui::GetCurrentContext()->InputTextPasswordFont.FontSize > 0.0f);
    h.pressKey(ui::key::Enter);
    CHECK(retro(h).items[0].text == "Die Leitung hört nicht zu");
    CHECK(retro(h).items[0].hidden);

    // A visible card can go face down again before the reveal; then there are two.
    h.click("More: Offene Karte");
    h.click("Turn face down");
    CHECK(retro(h).items[1].hidden);
    CHECK(h.shows("2 cards face down"));
    h.click("Face-down card 2: Turn face up");
    CHECK_FALSE(retro(h).items[1].hidden);
    h.click("Face-down card 1: Delete");
    REQUIRE(retro(h).items.size() == 1);
    CHECK(retro(h).items[0].id == "item-2");
    h.chord('Z', true);
    CHECK(retro(h).items.size() == 2);
}

TEST_CASE("a duplicate is merged into the other card with its dots, one undo step", "[ui][retro][corrections]") {
    UiHarness h("en");
    core::Session s = workshop(core::Phase::GenerateInsights);
    s.retrospectives.front().items = {card("item-1", "Zu viele Mails", false, 2), card("item-2", "Zu viele E-Mails", false, 1)};
    openRetro(h, s);
    const core::Session original = h.shell().session();
    h.click("More: Zu viele E-Mails");
    h.click("Merge into");
    h.click("Merge into: Zu viele Mails");
    REQUIRE(retro(h).items.size() == 1);
    CHECK(retro(h).items[0].votes == 3);
    CHECK(h.shell().history().undoLabel() == "Merge cards");
    h.chord('Z', true);
    CHECK(h.shell().session() == original);
}

TEST_CASE("actions: a free one is added, its owner reaches its board card, and it is deleted", "[ui][retro][corrections]") {
    UiHarness h("en");
    core::Session s = workshop(core::Phase::DecideWhatToDo);
    core::Card c;
    c.id = "card-1";
    c.title = "Telefonzeiten";
    c.columnId = "col-board-1";
    c.createdAt = kT0;
    c.history = {core::ColumnVisit{"col-board-1", kT0}};
    s.boards.front().cards.push_back(c);
    s.retrospectives.front().actions = {
        core::Action{"action-1", "Feste Telefonzeiten", std::nullopt, core::Date{}, core::ActionStatus::Open, "", "card-1", "", "", ""}};
    openRetro(h, s);

    h.click("New action\xE2\x80\xA6");
    REQUIRE(h.shows("Action text"));
    h.type("Protokoll an alle");
    h.click("Create action");
    REQUIRE(retro(h).actions.size() == 2);
    CHECK(retro(h).actions[1].text == "Protokoll an alle");
    CHECK(retro(h).actions[1].sourceId.empty());

    h.click("Edit: Feste Telefonzeiten");
    h.click("Action owner");
    h.click(ui::label(core::Role::Manager));
    h.click("Apply");
    CHECK(retro(h).actions[0].ownerRole == core::Role::Manager);
    CHECK(h.shell().session().boards.front().cards.front().ownerRole == core::Role::Manager);
    h.chord('Z', true); // one step takes both back
    CHECK_FALSE(h.shell().session().boards.front().cards.front().ownerRole.has_value());

    h.click("Edit: Protokoll an alle");
    h.click("Delete action");
    REQUIRE(retro(h).actions.size() == 1);
    CHECK(h.shell().history().undoLabel() == "Remove action");
}

TEST_CASE("Turn into board card asks which board, defaulting to the one last shown", "[ui][retro][corrections]") {
    UiHarness h("en");
    core::Session s = workshop();
    s.retrospectives.front().items = {card("item-1", "Telefonzeiten", false)};
    h.shell().setSession(s, {});
    h.shell().selectTab(ui::Tab::Board);
    h.frame(3);
    h.click("Amtsboard"); // the second board's tab
    h.shell().selectTab(ui::Tab::Retro);
    h.frame(3);
    h.click("More: Telefonzeiten");
    h.click("Turn into board card\xE2\x80\xA6");
    CHECK(h.shows("Board: Amtsboard"));
    CHECK(h.shell().session().boards[1].cards.empty()); // nothing before it is confirmed
    h.click("Create card");
    const auto& boards = h.shell().session().boards;
    CHECK(boards[0].cards.empty());
    REQUIRE(boards[1].cards.size() == 1);
    CHECK(boards[1].cards[0].title == "Telefonzeiten");

    // Another board can be chosen in the dialog; Cancel creates nothing.
    h.click("More: Telefonzeiten");
    h.click("Turn into board card\xE2\x80\xA6");
    h.click("Board: Amtsboard");
    h.click("Teamboard");
    CHECK(h.shows("Board: Teamboard"));
    h.click("Cancel");
    CHECK(h.shell().session().boards[0].cards.empty());
}

TEST_CASE("the form of Turn into action opens where the facilitator clicked", "[ui][retro]") {
    UiHarness h("en");
    core::Session s = workshop();
    // The card clicked is far down the column: a form at the top of the tab would be out of sight.
    static const std::vector<std::string> texts{"Karte 1", "Karte 2", "Karte 3", "Karte 4", "Karte 5",
                                                "Karte 6", "Karte 7", "Telefonzeiten"};
    for (const auto& t : texts)
        s.retrospectives.front().items.push_back(card(("item-" + std::to_string(&t - texts.data())).c_str(), t.c_str(), false));
    openRetro(h, s);
    const auto more = h.settled("More: Telefonzeiten");
    REQUIRE(more);
    CHECK(more->y > 600.0f);
    h.click("More: Telefonzeiten");
    const auto item = h.settled("Turn into action\xE2\x80\xA6");
    REQUIRE(item);
    h.clickAt(*item);
    const auto field = h.settled("Action text");
    REQUIRE(field);
    CHECK(std::abs(field->y - item->y) < 300.0f);
    CHECK(std::abs(field->x - item->x) < 700.0f);
}

TEST_CASE("three quick clicks on the same + give three dots: the button does not move", "[ui][retro][voting]") {
    UiHarness h("en");
    core::Session s = workshop(core::Phase::GenerateInsights);
    s.retrospectives.front().voting.open = true;
    s.retrospectives.front().items = {card("item-1", "Zu viele Mails", false), card("item-2", "Kurze Wege", false)};
    openRetro(h, s);
    const auto plus = h.settled("Vote: Zu viele Mails");
    REQUIRE(plus);
    for (int i = 0; i < 3; ++i) h.clickAt(*plus); // no pause: the second one is a double click
    CHECK(retro(h).items[0].votes == 3);
    CHECK(h.shows("Tally: \xE2\x97\x8F 3 votes"));
    const auto after = h.settled("Vote: Zu viele Mails");
    REQUIRE(after);
    CHECK(after->y == plus->y);
    CHECK(after->x == plus->x);
}

TEST_CASE("a tally is typed on the selected card, and + and - give or take a dot", "[ui][retro][voting]") {
    UiHarness h("en");
    core::Session s = workshop(core::Phase::GenerateInsights);
    s.retrospectives.front().voting = core::VotingSettings{5, 0, false, true}; // 15 dots in the room
    s.retrospectives.front().items = {card("item-1", "Zu viele Mails", false), card("item-2", "Kurze Wege", false)};
    openRetro(h, s);
    h.click("Zu viele Mails"); // selects the card
    h.chord('1');
    h.chord('2');
    CHECK(h.shows("Tally: 12 votes? Enter sets them"));
    CHECK(retro(h).items[0].votes == 0);
    h.chord(ui::key::Enter);
    CHECK(retro(h).items[0].votes == 12);
    CHECK(h.shell().history().undoLabel() == "Set votes");
    h.chord('+');
    CHECK(retro(h).items[0].votes == 13);
    h.chord('-');
    h.chord('-');
    CHECK(retro(h).items[0].votes == 11);
    // Over the room's budget: refused, visibly.
    h.chord('2');
    h.chord('0');
    h.chord(ui::key::Enter);
    CHECK(retro(h).items[0].votes == 11);
    CHECK(h.shell().toast().find("dots of the room are used") != std::string::npos);
    CHECK(retro(h).items[1].votes == 0);
}

TEST_CASE("after Enter the card field keeps the keyboard: two cards typed without a click", "[ui][retro]") {
    UiHarness h("en");
    openRetro(h, workshop());
    h.click("New card: Was stört?");
    h.type("Erste Karte");
    h.pressKey(ui::key::Enter);
    h.frame(2);
    h.type("Zweite Karte");
    h.pressKey(ui::key::Enter);
    REQUIRE(retro(h).items.size() == 2);
    CHECK(retro(h).items[0].text == "Erste Karte");
    CHECK(retro(h).items[1].text == "Zweite Karte");
}

TEST_CASE("own questions and group names: Enter keeps the field for the next one", "[ui][retro]") {
    UiHarness h("en");
    openRetro(h, workshop(core::Phase::GenerateInsights));
    h.click("New question");
    h.type("Was hat uns überrascht?");
    h.pressKey(ui::key::Enter);
    h.frame(2);
    h.type("Was nehmen wir mit?");
    h.pressKey(ui::key::Enter);
    REQUIRE(retro(h).prompts.size() == 3);
    CHECK(retro(h).prompts[2].text == "Was nehmen wir mit?");
    h.click("New group");
    h.type("Mails");
    h.pressKey(ui::key::Enter);
    h.frame(2);
    h.type("Termine");
    h.pressKey(ui::key::Enter);
    REQUIRE(retro(h).groups.size() == 2);
    CHECK(retro(h).groups[1].title == "Termine");
}

TEST_CASE("a card the session refuses keeps its text in the field", "[ui][retro]") {
    UiHarness h("en");
    openRetro(h, workshop());
    h.click("New card: Was stört?");
    h.type(std::string(core::kMaxTextBytes + 1, 'x'));
    h.pressKey(ui::key::Enter);
    CHECK(retro(h).items.empty());
    CHECK_FALSE(h.shell().toast().empty());
    h.frame(2);
    h.type("y");
    h.pressKey(ui::key::Escape); // leave the field; its text stays for the next try
    h.frame();
    h.click("Add card");
    CHECK(retro(h).items.empty()); // still too long, still not lost
    h.click("New card: Was stört?");
    h.io().KeyCtrl = true;
    h.pressKey('A');
    h.io().KeyCtrl = false;
    h.type("Kurz");
    h.pressKey(ui::key::Enter);
    REQUIRE(retro(h).items.size() == 1);
}

TEST_CASE("going back a phase moves the agenda's current item and the timer back", "[ui][retro][timer]") {
    UiHarness h("en");
    core::Session s = workshop(core::Phase::GatherData);
    s.agenda = {core::AgendaItem{"agenda-1", "Check-in", "", core::Phase::SetTheStage, 10, 0, true, ""},
                core::AgendaItem{"agenda-2", "Karten schreiben", "", core::Phase::GatherData, 20, 0, false, ""}};
    openRetro(h, s);
    CHECK(h.shows("Timer: 20:00"));
    h.click("\xE2\x97\x80 Back");
    CHECK(retro(h).phase == core::Phase::SetTheStage);
    CHECK(core::currentAgendaItem(h.shell().session())->id == "agenda-1");
    CHECK(h.shows("Timer: 10:00"));
    h.click("Next phase \xE2\x96\xB6");
    CHECK(core::currentAgendaItem(h.shell().session())->id == "agenda-2");
    CHECK(h.shows("Timer: 20:00"));
}

TEST_CASE("right-click on a phase changes only the phase, the agenda stays", "[ui][retro]") {
    UiHarness h("en");
    core::Session s = workshop(core::Phase::GatherData);
    s.agenda = {core::AgendaItem{"agenda-1", "Karten schreiben", "", core::Phase::GatherData, 20, 0, false, ""},
                core::AgendaItem{"agenda-2", "Clustern", "", core::Phase::GenerateInsights, 20, 0, false, ""}};
    openRetro(h, s);
    const auto phase = h.settled("Go to phase: " + std::string(ui::label(core::Phase::GenerateInsights)));
    REQUIRE(phase);
    h.io().MousePos = *phase;
    h.frame();
    h.io().MouseDown[1] = true;
    h.frame();
    h.io().MouseDown[1] = false;
    h.frame(2);
    h.click("Only change the phase (the agenda stays)");
    CHECK(retro(h).phase == core::Phase::GenerateInsights);
    CHECK(core::currentAgendaItem(h.shell().session())->id == "agenda-1");
}

TEST_CASE("a blank session starts a retrospective by choosing a format", "[ui][retro]") {
    const auto load = store::loadRetroLibrary(std::filesystem::path(LERNRAUM_SOURCE_DIR) / "assets");
    REQUIRE(load.errors.empty());
    ui::setRetroLibrary(load.library);
    UiHarness h("en");
    core::Session s;
    s.id = "session-blank";
    s.title = "Neu";
    openRetro(h, s);
    CHECK(h.shows("This session has no retrospective yet."));
    h.click("Start / Stop / Continue");
    REQUIRE(h.shell().session().retrospectives.size() == 1);
    CHECK(retro(h).formatId == "start-stop-continue");
    CHECK(retro(h).prompts.size() == 3);
    CHECK(h.shows("New card: What should we start doing?"));
    h.chord('Z', true);
    CHECK(h.shell().session().retrospectives.empty());
}

TEST_CASE("an experiment is deleted from its panel, a new one opens with the keyboard at its title", "[ui][experiments]") {
    UiHarness h("en");
    core::Session s = workshop();
    h.shell().setSession(s, {});
    h.shell().selectTab(ui::Tab::Experiments);
    h.frame(3);
    h.click("New experiment");
    h.frame(4); // focus request, activation, then io.WantTextInput
    REQUIRE(h.shell().session().experiments.size() == 1);
    CHECK(ImGui::GetIO().WantTextInput);
    h.type("Mailfreier Vormittag");
    h.pressKey(ui::key::Enter);
    CHECK(h.shell().session().experiments[0].title == "Mailfreier Vormittag");
    h.click("Delete experiment");
    CHECK(h.shell().session().experiments.empty());
    CHECK(h.shell().history().undoLabel() == "Remove experiment");
    h.chord('Z', true);
    CHECK(h.shell().session().experiments.size() == 1);
}

TEST_CASE("in presentation mode the header timer shows the clock without its buttons", "[ui][timer]") {
    ui::HeadlessContext context;
    ui::setItemRecording(true);
    ui::WorkshopTimer timer;
    core::Session s;
    s.agenda = {core::AgendaItem{"agenda-1", "Check-in", "", core::Phase::SetTheStage, 10, 0, false, ""}};
    const auto submit = [](core::CommandResult) {};
    const auto labels = [&](bool presentation) {
        for (int i = 0; i < 2; ++i) {
            context.newFrame();
            ImGui::Begin("header");
            timer.follow(s, 1.0, submit);
            timer.drawCompact(1.0, submit, presentation);
            ImGui::End();
            context.endFrame();
        }
        context.newFrame();
        std::vector<std::string> out;
        for (const auto& item : ui::recordedItems()) out.push_back(item.label);
        context.endFrame();
        return out;
    };
    const auto has = [](const std::vector<std::string>& list, const std::string& label) {
        return std::find(list.begin(), list.end(), label) != list.end();
    };
    const auto normal = labels(false);
    CHECK(has(normal, "Timer: 10:00"));
    CHECK(has(normal, "Start"));
    const auto presenting = labels(true);
    CHECK(has(presenting, "Timer: 10:00"));
    CHECK_FALSE(has(presenting, "Start"));
    CHECK_FALSE(has(presenting, "Reset"));
    ui::setItemRecording(false);
}
