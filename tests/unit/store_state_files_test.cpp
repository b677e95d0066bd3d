// The state directory: recovery copies and the window layout move from the config directory (where
// versions up to 0.1 kept them) to the state directory once, never losing a copy; new copies are
// written there, 0600 in a folder only the user can open.

#include "store/recovery.hpp"
#include "store/session_file.hpp"
#include "store/state_files.hpp"
#include "store_test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace lernraum;

using test::readBytes;
using test::session;
using test::TempDir;
using test::writeBytes;

namespace {

fs::perms modeOf(const fs::path& p) { return fs::status(p).permissions() & fs::perms::all; }

constexpr fs::perms kOwnerReadWrite = fs::perms::owner_read | fs::perms::owner_write;

// An older version's recovery copy of `sessionFile`, readable by everyone, newer than the file.
fs::path writeOldCopy(const fs::path& configDir, const fs::path& sessionFile) {
    const auto copy = store::recoveryPath(configDir, sessionFile.string(), {});
    fs::create_directories(copy.parent_path());
    REQUIRE_FALSE(store::saveSession(session(7), copy).has_value());
    fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    fs::last_write_time(copy, fs::last_write_time(sessionFile) + std::chrono::minutes(5));
    return copy;
}

} // namespace

TEST_CASE("an old recovery copy moves from the config to the state directory once and is offered from there",
          "[store][state]") {
    TempDir tmp;
    const auto config = tmp.path / "config" / "lernraum";
    const auto state = tmp.path / "state" / "lernraum";
    const auto sessionFile = tmp.path / "Workshop.lernraum";
    REQUIRE_FALSE(store::saveSession(session(1), sessionFile).has_value());
    const auto oldCopy = writeOldCopy(config, sessionFile);
    const std::string bytes = readBytes(oldCopy);
    const auto time = fs::last_write_time(oldCopy);
    writeBytes(config / "recovery" / "untitled-x.declined", "declined copy");
    writeBytes(config / "imgui.ini", "[Window][Debug##Default]\n");
    writeBytes(config / "settings.ini", "zoom = 1.5\n");

    const auto moved = store::moveStateFromConfig(config, state);
    CHECK(moved.errors.empty());
    CHECK(moved.moved == 3);
    const auto newCopy = state / "recovery" / oldCopy.filename();
    REQUIRE(fs::exists(newCopy));
    CHECK(readBytes(newCopy) == bytes);
    CHECK(fs::last_write_time(newCopy) == time); // still newer than the session file
    CHECK(modeOf(newCopy) == kOwnerReadWrite);
    CHECK(modeOf(state / "recovery") == fs::perms::owner_all);
    CHECK(readBytes(state / "recovery" / "untitled-x.declined") == "declined copy");
    CHECK(fs::exists(state / "imgui.ini"));
    // Nothing of the session is left among the settings; the settings stay.
    CHECK_FALSE(fs::exists(config / "recovery"));
    CHECK_FALSE(fs::exists(config / "imgui.ini"));
    CHECK(readBytes(config / "settings.ini") == "zoom = 1.5\n");

    const auto offer = store::findRecovery(state, sessionFile.string());
    REQUIRE(offer.has_value());
    CHECK(offer->file == newCopy);
    CHECK(offer->session.title == session(7).title);

    const auto again = store::moveStateFromConfig(config, state);
    CHECK(again.moved == 0);
    CHECK(again.errors.empty());
}

TEST_CASE("a copy that cannot be moved stays in the old place and the error names it", "[store][state]") {
    TempDir tmp;
    const auto config = tmp.path / "config";
    const auto state = tmp.path / "state";
    const auto sessionFile = tmp.path / "Workshop.lernraum";
    REQUIRE_FALSE(store::saveSession(session(1), sessionFile).has_value());
    const auto oldCopy = writeOldCopy(config, sessionFile);
    const std::string bytes = readBytes(oldCopy);

    SECTION("a file of the same name is already in the new place") {
        fs::create_directories(state / "recovery");
        writeBytes(state / "recovery" / oldCopy.filename(), "newer copy");
        const auto result = store::moveStateFromConfig(config, state);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].find(oldCopy.string()) != std::string::npos);
        CHECK(result.errors[0].find("already there") != std::string::npos);
        CHECK(readBytes(state / "recovery" / oldCopy.filename()) == "newer copy");
    }
    SECTION("the new folder cannot be created") {
        fs::create_directories(state);
        writeBytes(state / "recovery", "a file where the folder should be");
        const auto result = store::moveStateFromConfig(config, state);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].find(oldCopy.string()) != std::string::npos);
        CHECK(result.errors[0].find("stays where it is") != std::string::npos);
    }
    CHECK(readBytes(oldCopy) == bytes);
}

TEST_CASE("moving across file systems copies, flushes and only then removes the original", "[store][state]") {
    TempDir tmp;
    const auto from = tmp.path / "old" / "copy.lernraum";
    const auto to = tmp.path / "new" / "deeper" / "copy.lernraum";
    fs::create_directories(from.parent_path());
    writeBytes(from, std::string(200000, 'x') + "end");
    fs::last_write_time(from, fs::last_write_time(from) - std::chrono::hours(3));
    const auto time = fs::last_write_time(from);

    CHECK(store::moveFile(from, to, /*allowRename=*/false).empty());
    CHECK_FALSE(fs::exists(from));
    CHECK(readBytes(to) == std::string(200000, 'x') + "end");
    CHECK(fs::last_write_time(to) == time);
    CHECK(modeOf(to) == kOwnerReadWrite);
    CHECK(modeOf(to.parent_path()) == fs::perms::owner_all);

    // Never over an existing file, and a failed copy leaves the original alone.
    writeBytes(from, "second");
    CHECK_FALSE(store::moveFile(from, to, false).empty());
    CHECK_FALSE(store::moveFile(from, to, true).empty());
    CHECK(readBytes(from) == "second");
    CHECK(readBytes(to) == std::string(200000, 'x') + "end");
}

TEST_CASE("autosave writes its copy 0600 into a state folder only the user can open", "[store][state]") {
    TempDir tmp;
    const auto state = tmp.path / "xdg-state" / "lernraum";
    store::Autosaver autosaver(state);
    const auto s = session(3);
    CHECK(autosaver.tick(0.0, s, {}, true, 1).empty());
    CHECK(autosaver.tick(store::kAutosaveSeconds + 1.0, s, {}, true, 2).empty());
    const auto copy = store::recoveryPath(state, {}, s.id);
    REQUIRE(fs::exists(copy));
    CHECK(modeOf(copy) == kOwnerReadWrite);
    CHECK(modeOf(state / "recovery") == fs::perms::owner_all);
    CHECK(modeOf(state) == fs::perms::owner_all);
    CHECK(modeOf(state.parent_path()) == fs::perms::owner_all);
}
