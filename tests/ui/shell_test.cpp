// Headless tests of the shell's wiring: open a file, undo/redo, dirty mark, the unsaved-changes
// prompt, the load error modal, and a card edit through the board view.

#include "harness.hpp"

#include "core/demo.hpp"

#include <fstream>

using lernraum::test::TempDir;
using lernraum::test::UiHarness;
namespace core = lernraum::core;
namespace store = lernraum::store;
namespace ui = lernraum::ui;

TEST_CASE("opening a session file shows it and starts clean", "[ui][shell]") {
    TempDir dir;
    const std::string path = saveDemo(dir);
    UiHarness h;
    REQUIRE(h.shell().openFile(path));
    h.frame(2);
    CHECK(h.shell().session() == core::makeDemoSession());
    CHECK(h.shell().path() == path);
    CHECK_FALSE(h.shell().isDirty());
    CHECK(h.shell().windowTitle().rfind("demo.lernraum", 0) == 0);
    CHECK(h.shell().settings().recentFiles.front() == path);
    // The agenda tab shows the first agenda item's title.
    CHECK(h.has("Agenda"));
}

TEST_CASE("rename, undo and redo restore exactly the previous state, the title marks unsaved work", "[ui][shell]") {
    TempDir dir;
    const std::string path = saveDemo(dir);
    UiHarness h;
    REQUIRE(h.shell().openFile(path));
    h.frame();
    const core::Session original = h.shell().session();

    rename(h, "Erster Titel");
    CHECK(h.shell().session().title == "Erster Titel");
    CHECK(h.shell().isDirty());
    CHECK(h.shell().windowTitle().front() == '*');

    rename(h, "Zweiter Titel");
    CHECK(h.shell().session().title == "Zweiter Titel");

    h.chord('Z', true); // Ctrl+Z
    CHECK(h.shell().session().title == "Erster Titel");
    h.chord('Z', true);
    CHECK(h.shell().session() == original);
    CHECK_FALSE(h.shell().isDirty());
    CHECK(h.shell().windowTitle().front() != '*');

    h.chord('Y', true); // Ctrl+Y
    CHECK(h.shell().session().title == "Erster Titel");
    h.chord('Z', true, true); // Ctrl+Shift+Z redoes too
    CHECK(h.shell().session().title == "Zweiter Titel");

    // Ctrl+S writes the file and clears the mark.
    h.chord('S', true);
    CHECK_FALSE(h.shell().isDirty());
    auto reloaded = store::loadSession(path);
    REQUIRE(reloaded.session);
    CHECK(reloaded.session->title == "Zweiter Titel");
}

TEST_CASE("the Edit menu undoes through its menu item", "[ui][shell]") {
    UiHarness h;
    h.shell().setSession(core::makeDemoSession(), {});
    h.frame();
    rename(h, "Per Menü");
    h.click("Edit");
    h.frame();
    REQUIRE(h.shows("Undo: Rename session"));
    h.click("Undo: Rename session");
    CHECK(h.shell().session().title == core::makeDemoSession().title);
}

TEST_CASE("closing without changes quits right away", "[ui][shell]") {
    UiHarness h;
    h.shell().setSession(core::makeDemoSession(), {});
    h.frame();
    h.shell().requestClose();
    CHECK(h.shell().wantsQuit());
    CHECK(h.shell().modal() == ui::Modal::None);
}

TEST_CASE("closing with unsaved changes asks: Cancel keeps the window, Discard quits", "[ui][shell]") {
    UiHarness h;
    h.shell().setSession(core::makeDemoSession(), {});
    h.frame();

    rename(h, "Geändert");
    h.shell().requestClose();
    h.frame(2);
    REQUIRE(h.shell().modal() == ui::Modal::UnsavedChanges);
    CHECK_FALSE(h.shell().wantsQuit());

    h.click("Cancel");
    CHECK(h.shell().modal() == ui::Modal::None);
    CHECK_FALSE(h.shell().wantsQuit());
    CHECK(h.shell().session().title == "Geändert");

    h.chord('Q', true); // Ctrl+Q asks the same question
    REQUIRE(h.shell().modal() == ui::Modal::UnsavedChanges);
    h.click("Discard");
    CHECK(h.shell().wantsQuit());
}

TEST_CASE("Save in the unsaved-changes prompt saves, then quits", "[ui][shell]") {
    TempDir dir;
    const std::string path = saveDemo(dir);
    UiHarness h;
    REQUIRE(h.shell().openFile(path));
    h.frame();
    rename(h, "Gesichert");
    h.shell().requestClose();
    h.frame(2);
    h.click("Save");
    CHECK(h.shell().wantsQuit());
    auto reloaded = store::loadSession(path);
    REQUIRE(reloaded.session);
    CHECK(reloaded.session->title == "Gesichert");
}

TEST_CASE("a broken file shows the store's typed error in a modal and keeps the open session", "[ui][shell]") {
    TempDir dir;
    const std::string broken = dir.file("broken.lernraum");
    std::ofstream(broken) << R"({"format": "lernraum-session", "schema_version": 1, "session": {"id": 12)";
    const std::string missing = dir.file("missing.lernraum");

    UiHarness h;
    h.shell().setSession(core::makeDemoSession(), {});
    h.frame();
    rename(h, "Nicht verlieren");

    CHECK_FALSE(h.shell().openFile(broken));
    h.frame(2);
    CHECK(h.shell().modal() == ui::Modal::LoadError);
    CHECK(h.shell().modalMessage().find("broken.lernraum") != std::string::npos);
    CHECK(h.shell().modalMessage().find("error") != std::string::npos);
    CHECK(h.shell().session().title == "Nicht verlieren");
    CHECK(h.shell().isDirty());
    h.click("OK");
    CHECK(h.shell().modal() == ui::Modal::None);

    CHECK_FALSE(h.shell().openFile(missing));
    h.frame(2);
    CHECK(h.shell().modal() == ui::Modal::LoadError);
    CHECK(h.shell().modalMessage().find("missing.lernraum") != std::string::npos);
    CHECK(h.shell().session().title == "Nicht verlieren");
}

TEST_CASE("double-clicking a card edits its title through a command", "[ui][board]") {
    UiHarness h;
    const core::Session demo = core::makeDemoSession();
    REQUIRE_FALSE(demo.boards.empty());
    h.shell().setSession(demo, {});
    h.shell().selectTab(ui::Tab::Board);
    h.frame(3);
    const core::Board& board = demo.boards.front();
    const core::Card* first = nullptr;
    for (const auto& card : board.cards) {
        if (!card.archived && card.columnId == board.columns.front().id) {
            first = &card;
            break;
        }
    }
    REQUIRE(first != nullptr);
    // card() records each card under its title.
    const auto cardPos = h.settled(first->title);
    REQUIRE(cardPos.has_value());
    h.doubleClickAt(*cardPos);
    REQUIRE(h.shows("Save"));
    h.type("Neuer Kartentitel");
    h.pressKey(ui::key::Enter);

    bool found = false;
    for (const auto& card : h.shell().session().boards.front().cards) {
        if (card.id == first->id) {
            found = true;
            CHECK(card.title == "Neuer Kartentitel");
        }
    }
    CHECK(found);
    CHECK(h.shell().isDirty());
    h.chord('Z', true);
    CHECK(h.shell().session() == demo);
}

TEST_CASE("zoom, presentation and tab shortcuts change the display state", "[ui][shell]") {
    UiHarness h;
    h.shell().setSession(core::makeDemoSession(), {});
    h.chord('+', true);
    CHECK(h.shell().settings().zoom == Approx(1.1f));
    h.chord('-', true);
    h.chord('-', true);
    CHECK(h.shell().settings().zoom == Approx(0.9f));
    h.chord('0', true);
    CHECK(h.shell().settings().zoom == Approx(1.0f));

    h.chord(ui::key::F5);
    CHECK(h.shell().presentation());
    CHECK_FALSE(h.has("File")); // no menu bar in presentation mode
    h.chord(ui::key::Escape);
    CHECK_FALSE(h.shell().presentation());
    h.frame();
    CHECK(h.has("File"));

    h.chord('3', true);
    CHECK(h.shell().currentTab() == ui::Tab::Retro);
    CHECK(h.shell().settings().view == "retro");
}

TEST_CASE("the German UI shows German labels", "[ui][i18n]") {
    UiHarness h("de");
    h.shell().setSession(core::makeDemoSession(), {});
    h.frame(2);
    CHECK(h.has("Datei"));
    CHECK(h.has("Bearbeiten"));
    CHECK(h.has("Retrospektive"));
    CHECK_FALSE(h.has("File"));
    ui::setLanguage("en");
}

TEST_CASE("F6 starts and pauses the workshop timer", "[ui][shell]") {
    UiHarness h;
    h.shell().setSession(core::makeDemoSession(), {});
    h.frame();
    CHECK_FALSE(h.shell().timerRunning());
    h.chord(ui::key::F6);
    CHECK(h.shell().timerRunning());
    CHECK(h.shows("Pause"));
    h.chord(ui::key::F6);
    CHECK_FALSE(h.shell().timerRunning());
    CHECK(h.shows("Start"));
}

TEST_CASE("without a native dialog, Save and Open use the built-in path dialog", "[ui][shell]") {
    TempDir dir;
    const std::string target = dir.file("neu gespeichert.lernraum");
    UiHarness h;
    h.shell().setSession(core::makeDemoSession(), {});
    h.frame();
    rename(h, "Erstmals gespeichert");

    h.chord('S', true); // no path yet: Save asks where
    h.frame(2);
    REQUIRE(h.shell().modal() == ui::Modal::PathDialog);
    h.type(target);
    h.pressKey(ui::key::Enter);
    CHECK(h.shell().modal() == ui::Modal::None);
    CHECK(h.shell().path() == target);
    CHECK_FALSE(h.shell().isDirty());
    auto saved = store::loadSession(target);
    REQUIRE(saved.session);
    CHECK(saved.session->title == "Erstmals gespeichert");

    // Open the demo file written elsewhere through the same dialog.
    const std::string other = saveDemo(dir, "anderer.lernraum");
    h.chord('O', true);
    h.frame(2);
    REQUIRE(h.shell().modal() == ui::Modal::PathDialog);
    h.type(other);
    h.pressKey(ui::key::Enter);
    CHECK(h.shell().path() == other);
    CHECK(h.shell().session() == core::makeDemoSession());
}

TEST_CASE("a change the session cannot take becomes a toast, the session stays as it was", "[ui][shell]") {
    UiHarness h;
    const core::Session demo = core::makeDemoSession();
    h.shell().setSession(demo, {});
    h.frame();
    core::Card ghost;
    ghost.id = "card-does-not-exist";
    ghost.title = "Geist";
    core::Slot<core::Card> before{"board-missing", ghost.id, ghost, 0};
    core::Slot<core::Card> after = before;
    after.value->title = "Noch ein Geist";
    h.shell().submit(core::Change::single("Edit card", before, after));
    h.frame();
    CHECK(h.shell().session() == demo);
    CHECK_FALSE(h.shell().isDirty());
    CHECK_FALSE(h.shell().toast().empty());

    // A refusal from a rule is shown the same way, translated.
    ui::setLanguage("de");
    h.shell().submit(core::setSessionTitle(h.shell().session(), "   "));
    CHECK(h.shell().session() == demo);
    CHECK_FALSE(h.shell().toast().empty());
    CHECK(h.shell().toast().find("must not be empty") == std::string::npos); // German, not the English pattern
    ui::setLanguage("en");
}

TEST_CASE("the recovery prompt shows the copy's date in the UI language", "[ui][shell]") {
    lernraum::test::UiHarness h("de");
    h.shell().offerRecovery(lernraum::core::makeDemoSession(), "2026-11-22 10:15");
    h.frame(3);
    CHECK(h.has("Wiederherstellungskopie vom 22.11.2026 10:15"));
    lernraum::ui::setLanguage("en");
}
