// Saving in shared folders, as the user sees it (issue 13, items 3 and 4): a file changed on disk
// behind the shell's back is not overwritten on Ctrl+S; a modal offers Reload / Save as / Overwrite.
// A read-only file is not replaced without asking. Opening a file another Lernraum holds warns;
// the shell's lock file comes and goes with the open document.

#include "harness.hpp"

#include "core/demo.hpp"
#include "store/lock_file.hpp"

#include <fstream>
#include <sstream>
#include <unistd.h>

using lernraum::test::TempDir;
using lernraum::test::UiHarness;
namespace core = lernraum::core;
namespace store = lernraum::store;
namespace ui = lernraum::ui;

namespace {

std::string readBytes(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A colleague's save of the same file (another Lernraum, a sync client).
std::string changeBehindTheShellsBack(const std::string& path) {
    core::Session theirs = core::makeDemoSession();
    theirs.title = "Von der Kollegin gespeichert";
    REQUIRE_FALSE(store::saveSession(theirs, path).has_value());
    return readBytes(path);
}

// Open, edit, a colleague saves, Ctrl+S: the conflict modal is up and the file is theirs.
std::string openEditConflict(UiHarness& h, const std::string& path) {
    REQUIRE(h.shell().openFile(path));
    h.frame();
    rename(h, "Meine Fassung");
    const std::string theirs = changeBehindTheShellsBack(path);
    h.chord('S', true);
    h.frame(2);
    REQUIRE(h.shell().modal() == ui::Modal::SaveConflict);
    CHECK(readBytes(path) == theirs);
    CHECK(h.shell().isDirty());
    return theirs;
}

} // namespace

TEST_CASE("a file changed on disk is not overwritten on save: the modal offers reload, save as, overwrite",
          "[ui][shell][shared]") {
    TempDir dir;
    const std::string path = saveDemo(dir, "team.lernraum");
    UiHarness h;

    SECTION("Overwrite writes the open session") {
        openEditConflict(h, path);
        h.click("Overwrite");
        CHECK(h.shell().modal() == ui::Modal::None);
        CHECK_FALSE(h.shell().isDirty());
        CHECK(store::loadSession(path).session->title == "Meine Fassung");
        // The next save compares with what was just written: no new question.
        rename(h, "Noch einmal");
        h.chord('S', true);
        CHECK(h.shell().modal() == ui::Modal::None);
        CHECK(store::loadSession(path).session->title == "Noch einmal");
    }
    SECTION("Reload shows the file's version") {
        openEditConflict(h, path);
        h.click("Reload (discard my changes)");
        CHECK(h.shell().modal() == ui::Modal::None);
        CHECK(h.shell().session().title == "Von der Kollegin gespeichert");
        CHECK_FALSE(h.shell().isDirty());
    }
    SECTION("Save as asks for another name and leaves the file alone") {
        const std::string theirs = openEditConflict(h, path);
        h.click("Save as\xE2\x80\xA6");
        h.frame(2);
        REQUIRE(h.shell().modal() == ui::Modal::PathDialog);
        const std::string mine = dir.file("meine.lernraum");
        h.type(mine);
        h.pressKey(ui::key::Enter);
        CHECK(h.shell().path() == mine);
        CHECK(store::loadSession(mine).session->title == "Meine Fassung");
        CHECK(readBytes(path) == theirs);
    }
    SECTION("Cancel keeps both") {
        const std::string theirs = openEditConflict(h, path);
        h.click("Cancel");
        CHECK(h.shell().modal() == ui::Modal::None);
        CHECK(h.shell().isDirty());
        CHECK(h.shell().session().title == "Meine Fassung");
        CHECK(readBytes(path) == theirs);
    }
}

TEST_CASE("quitting with unsaved changes into a changed file asks about the conflict, Overwrite saves, then quits",
          "[ui][shell][shared]") {
    TempDir dir;
    const std::string path = saveDemo(dir, "team.lernraum");
    UiHarness h;
    REQUIRE(h.shell().openFile(path));
    h.frame();
    rename(h, "Meine Fassung");
    const std::string theirs = changeBehindTheShellsBack(path);
    h.shell().requestClose();
    h.frame(2);
    REQUIRE(h.shell().modal() == ui::Modal::UnsavedChanges);
    h.click("Save");
    h.frame(2);
    REQUIRE(h.shell().modal() == ui::Modal::SaveConflict);
    CHECK_FALSE(h.shell().wantsQuit());
    CHECK(readBytes(path) == theirs);
    h.click("Overwrite");
    CHECK(h.shell().wantsQuit());
    CHECK(store::loadSession(path).session->title == "Meine Fassung");
}

TEST_CASE("the conflict modal is German in the German UI", "[ui][shell][shared][i18n]") {
    TempDir dir;
    const std::string path = saveDemo(dir, "team.lernraum");
    UiHarness h("de");
    openEditConflict(h, path);
    h.frame(3);
    CHECK(h.has("Überschreiben"));
    CHECK(h.has("Neu laden (meine Änderungen verwerfen)"));
    CHECK(h.has("Speichern unter …"));
    ui::setLanguage("en");
}

TEST_CASE("a read-only file is not replaced on save, Overwrite replaces it", "[ui][shell][shared]") {
    TempDir dir;
    const std::string path = saveDemo(dir, "team.lernraum");
    UiHarness h;
    REQUIRE(h.shell().openFile(path));
    h.frame();
    rename(h, "Meine Fassung");
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                           std::filesystem::perms::others_read);
    const std::string before = readBytes(path);
    h.chord('S', true);
    h.frame(2);
    REQUIRE(h.shell().modal() == ui::Modal::SaveConflict);
    CHECK_FALSE(h.has("Reload (discard my changes)")); // nothing to reload: only the permission differs
    CHECK(readBytes(path) == before);
    h.click("Overwrite");
    CHECK(store::loadSession(path).session->title == "Meine Fassung");
}

TEST_CASE("the lock file is written on open and removed on close, a file held by another Lernraum warns",
          "[ui][shell][shared][lock]") {
    TempDir dir;
    const std::string path = saveDemo(dir, "team.lernraum");
    const std::string other = saveDemo(dir, "other.lernraum");
    const auto lock = store::lockPathFor(path);
    {
        UiHarness h;
        REQUIRE(h.shell().openFile(path));
        h.frame();
        CHECK(h.shell().modal() == ui::Modal::None);
        REQUIRE(std::filesystem::exists(lock));
        CHECK(readBytes(lock.string()).find("pid=" + std::to_string(::getpid())) != std::string::npos);
        // Opening another file moves the lock.
        REQUIRE(h.shell().openFile(other));
        CHECK_FALSE(std::filesystem::exists(lock));
        CHECK(std::filesystem::exists(store::lockPathFor(other)));
        REQUIRE(h.shell().openFile(path));
        CHECK(std::filesystem::exists(lock));
    }
    CHECK_FALSE(std::filesystem::exists(lock)); // closed
    CHECK_FALSE(std::filesystem::exists(store::lockPathFor(other)));

    // Another live instance (pid 1 on this host) holds the file: opening works and warns.
    const auto me = store::currentOwner(lernraum::app::documentClock()); // a lock taken just now
    {
        std::ofstream out(lock);
        out << "lernraum-lock 1\nuser=kollegin\nhost=" << me.host << "\npid=1\nsince=" << me.since.toString() << "\n";
    }
    {
        UiHarness h;
        REQUIRE(h.shell().openFile(path));
        h.frame(2);
        CHECK(h.shell().modal() == ui::Modal::FileInUse);
        CHECK(h.shell().modalMessage().find("kollegin") != std::string::npos);
        h.click("OK");
        CHECK(h.shell().modal() == ui::Modal::None);
    }
    CHECK(readBytes(lock.string()).find("user=kollegin") != std::string::npos); // theirs stays

    // A stale lock (the process is gone) does not warn and is replaced by ours.
    {
        std::ofstream out(lock);
        out << "lernraum-lock 1\nuser=kollegin\nhost=" << me.host << "\npid=999999999\nsince=" << me.since.toString() << "\n";
    }
    {
        UiHarness h;
        REQUIRE(h.shell().openFile(path));
        h.frame(2);
        CHECK(h.shell().modal() == ui::Modal::None);
        CHECK(readBytes(lock.string()).find("pid=" + std::to_string(::getpid())) != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(lock));
}
