// Acceptance test of issue 11: a complete workshop built from a blank file (what Datei › Neu gives)
// through the GUI alone — workshop data with participants by role and consent, an agenda edited in
// place, a board, a retrospective with face-down cards, grouping, votes, actions and an
// experiment — then saved, and the real `lernraum validate`, `report` and `export-research`
// succeed on the file (the export does not refuse for missing consent).

#include "harness.hpp"

#include "core/ids.hpp"
#include "core/templates.hpp"
#include "core/validate.hpp"
#include "store/assets_file.hpp"
#include "ui/retro_library.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

using lernraum::test::TempDir;
using lernraum::test::UiHarness;
using lernraum::test::dragItem;
using lernraum::test::pauseMouse;
using lernraum::test::replaceField;
namespace core = lernraum::core;
namespace store = lernraum::store;
namespace ui = lernraum::ui;

namespace {



std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

int run(const std::string& command) {
    INFO(command);
    return std::system(command.c_str());
}

const core::Retrospective& retro(UiHarness& h) { return h.shell().session().retrospectives.front(); }

} // namespace

TEST_CASE("a complete workshop from a blank file through the GUI alone, then validate, report and export",
          "[ui][acceptance]") {
    const auto load = store::loadRetroLibrary(std::filesystem::path(LERNRAUM_SOURCE_DIR) / "assets");
    REQUIRE(load.errors.empty());
    ui::setRetroLibrary(load.library);
    UiHarness h("en");
    auto ids = core::IdGenerator::fromRandomDevice();
    // What File > New gives (src/app/gui.cpp newSession).
    h.shell().setSession(core::makeEmptySession("New workshop", core::Date{2026, 11, 29}, ids), {});
    h.frame(2);
    const auto& s = [&h]() -> const core::Session& { return h.shell().session(); };

    // --- Workshop data: Edit > Workshop data …
    h.click("Edit");
    h.click("Workshop data\xE2\x80\xA6");
    REQUIRE(h.shows("Workshop title"));
    replaceField(h, "Workshop title", "Auftakt Lernraum Digitale Akte");
    replaceField(h, "Workshop date", "03.12.2026");
    replaceField(h, "Workshop start time", "9:00");
    h.click("Workshop learning space");
    h.type("Digitale Akte");
    h.click("Workshop kind");
    h.click("Kick-off");
    h.click("Quick entry");
    h.type("3 Manager, 6 Employee, 2 Staff council");
    h.pressKey(ui::key::Enter);
    h.frame(2);
    CHECK(h.shows("Participant role 1"));
    CHECK(h.has("Remove participant 8"));
    h.click("Research consent");
    h.click("OK");
    h.frame(2);
    REQUIRE(h.shell().modal() == ui::Modal::None);
    CHECK(s().title == "Auftakt Lernraum Digitale Akte");
    CHECK(s().date == (core::Date{2026, 12, 3}));
    CHECK(s().startTime == "09:00");
    CHECK(s().kind == core::SessionKind::KickOff);
    CHECK(s().lernraum == "Digitale Akte");
    CHECK(s().researchConsent);
    REQUIRE(s().participants.size() == 11);
    CHECK(h.shell().history().undoLabel() == "Edit workshop data"); // one undo step

    // --- Agenda: six items typed one after another (Enter keeps the field), one moved, one deleted.
    h.shell().selectTab(ui::Tab::Agenda);
    h.frame(2);
    h.click("New agenda item title");
    for (const char* title : {"Ankommen", "Erwartungen", "Ist-Stand", "Ideen", "Pause", "Abschluss"}) {
        h.type(title);
        h.pressKey(ui::key::Enter);
        h.frame(2);
    }
    REQUIRE(s().agenda.size() == 6);
    CHECK(s().agenda[5].title == "Abschluss");
    CHECK(h.shows("Agenda row: Pause"));
    // Clock times from the start time: 6 x 15 min from 09:00.
    CHECK(h.shows("Agenda row: Ankommen"));
    h.click("Agenda row: Pause");
    h.chord(265, true); // Ctrl+Up: "Pause" before "Ideen"
    CHECK(s().agenda[3].title == "Pause");
    CHECK(s().agenda[4].title == "Ideen");
    dragItem(h, "Agenda row: Abschluss", "Agenda row: Ankommen"); // drag and drop to the top ...
    CHECK(s().agenda[0].title == "Abschluss");
    h.chord('Z', true); // ... and undo puts it back
    CHECK(s().agenda[5].title == "Abschluss");
    h.click("Delete agenda item: Erwartungen");
    REQUIRE(s().agenda.size() == 5);
    h.click("Edit agenda item: Ideen");
    h.io().KeyCtrl = true;
    h.pressKey('A');
    h.io().KeyCtrl = false;
    h.type("Ideen sammeln");
    h.pressKey(ui::key::Enter);
    h.frame(2);
    CHECK(s().agenda[3].title == "Ideen sammeln");
    h.chord('Z', true);
    h.chord('Z', true); // the deletion is undone too ...
    REQUIRE(s().agenda.size() == 6);
    h.chord('Y', true);
    h.chord('Y', true); // ... and redone
    REQUIRE(s().agenda.size() == 5);

    // --- Board: five cards.
    h.shell().selectTab(ui::Tab::Board);
    h.frame(2);
    h.click("+ Card");
    REQUIRE(h.shows("New card title"));
    for (const char* title : {"Akte scannen", "Posteingang klären", "Rechte prüfen", "Schulung planen", "Pilot starten"}) {
        h.type(title); // the field keeps the keyboard after Enter: no click between the cards
        h.pressKey(ui::key::Enter);
        h.frame(2);
    }
    h.pressKey(ui::key::Escape);
    REQUIRE(s().boards.size() == 1);
    CHECK(s().boards[0].cards.size() == 5);
    for (const auto& card : s().boards[0].cards) CHECK(card.columnId == s().boards[0].columns[0].id);

    // --- Retrospective: face-down cards, reveal, group, vote, two actions, one experiment.
    h.shell().selectTab(ui::Tab::Retro);
    h.frame(2);
    REQUIRE(!retro(h).prompts.empty());
    const std::string prompt = retro(h).prompts[0].text;
    const std::string prompt2 = retro(h).prompts[1].text;
    if (retro(h).phase == core::Phase::SetTheStage) h.click("Next phase \xE2\x96\xB6");
    pauseMouse(h);
    for (const auto& [p, text] : std::vector<std::pair<std::string, std::string>>{{prompt, "Vile Papier"},
                                                                              {prompt, "Zu viel Papier"},
                                                                              {prompt2, "Scanner fehlt"},
                                                                              {prompt2, "Tippfehler"},
                                                                              {prompt, "Doppelt"}}) {
        h.click("New card: " + p);
        h.type(text);
        h.pressKey(ui::key::Enter);
        h.frame(2);
        INFO("toast: " << h.shell().toast() << " card: " << text);
        CHECK(std::any_of(retro(h).items.begin(), retro(h).items.end(), [&](const core::RetroItem& i) { return i.text == text; }));
    }
    REQUIRE(retro(h).items.size() == 5);
    for (const auto& item : retro(h).items) CHECK(item.hidden);
    CHECK_FALSE(h.has("Vile Papier")); // face down: never drawn
    // Corrections before the reveal, by number only: one card corrected (masked field), one deleted.
    h.click("Correct face-down cards: 3");
    h.click("Face-down card 1: Correct");
    h.frame(2);
    h.io().KeyCtrl = true;
    h.pressKey('A');
    h.io().KeyCtrl = false;
    h.type("Viel Papier");
    h.pressKey(ui::key::Enter);
    h.frame(2);
    CHECK(retro(h).items[0].text == "Viel Papier");
    CHECK(retro(h).items[0].hidden);
    h.click("Face-down card 3: Delete");
    REQUIRE(retro(h).items.size() == 4);
    CHECK(std::none_of(retro(h).items.begin(), retro(h).items.end(), [](const core::RetroItem& i) { return i.text == "Doppelt"; }));
    pauseMouse(h);
    h.click("Reveal all (4)");
    dragItem(h, "Zu viel Papier", "Viel Papier");
    REQUIRE(retro(h).groups.size() == 1);
    replaceField(h, "Group name: Viel Papier", "Papierflut");
    h.pressKey(ui::key::Enter);
    REQUIRE(retro(h).groups[0].title == "Papierflut");
    h.click("Next phase \xE2\x96\xB6");
    h.click("Open voting");
    REQUIRE(retro(h).voting.open);
    for (int i = 0; i < 3; ++i) {
        h.click("Vote: Papierflut");
        pauseMouse(h);
    }
    h.click("Vote: Scanner fehlt");
    pauseMouse(h);
    CHECK(retro(h).groups[0].votes == 3);
    h.click("Close voting");
    for (const char* title : {"Scanner fehlt", "Papierflut"}) {
        INFO("action from " << title << ", actions so far " << retro(h).actions.size());
        pauseMouse(h);
        h.click(std::string("More: ") + title);
        h.click("Turn into action\xE2\x80\xA6");
        h.click("Create action");
        h.frame(2);
    }
    CHECK(retro(h).actions.size() == 2);
    h.click("More: Papierflut");
    h.click("Turn into experiment draft");
    h.frame(2);
    CHECK(s().experiments.size() == 1);

    // --- Save, then the real command line on the file.
    TempDir dir;
    const auto file = dir.path() / "auftakt.lernraum";
    REQUIRE(h.shell().saveAs(file.string()));
    CHECK_FALSE(h.shell().isDirty());
    const auto loaded = store::loadSession(file.string());
    REQUIRE(loaded.session);
    CHECK(core::validate(*loaded.session).empty());
    const std::string bin = LERNRAUM_BINARY;
    CHECK(run("'" + bin + "' validate --quiet '" + file.string() + "'") == 0);
    CHECK(run("'" + bin + "' report '" + file.string() + "' -o '" + (dir.path() / "bericht.md").string() + "'") == 0);
    const std::string report = slurp(dir.path() / "bericht.md");
    CHECK(report.find("Auftakt Lernraum Digitale Akte") != std::string::npos);
    CHECK(report.find("11") != std::string::npos);
    CHECK(run("'" + bin + "' export-research '" + file.string() + "' -o '" + (dir.path() / "export").string() +
              "' --key-file '" + (dir.path() / "key").string() + "'") == 0);
    const std::string sessions = slurp(dir.path() / "export" / "sessions.csv");
    CHECK(std::count(sessions.begin(), sessions.end(), '\n') == 2); // the header and this workshop
}

TEST_CASE("the Retrospective tab opens the participants' room panel, the View menu too", "[ui][room]") {
    int opened = 0;
    ui::ShellServices services = lernraum::test::storeServices();
    services.openRoomPanel = [&opened] { ++opened; };
    UiHarness h("en", services);
    auto ids = core::IdGenerator::fromRandomDevice();
    h.shell().setSession(core::makeEmptySession("New workshop", core::Date{2026, 11, 29}, ids), {});
    h.shell().selectTab(ui::Tab::Retro);
    h.frame(3);
    h.click("Participation by smartphone\xE2\x80\xA6");
    CHECK(opened == 1);
    h.shell().setPresentation(true); // not on the projector
    h.frame(3);
    CHECK_FALSE(h.has("Participation by smartphone\xE2\x80\xA6"));
}
