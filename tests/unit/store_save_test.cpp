// Crash-safe saving: a save that fails at any step leaves the previous file byte-identical.

#include "store/session_file.hpp"
#include "store_test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace lernraum;

using test::readBytes;
using test::session;
using test::TempDir;

TEST_CASE("Saving writes the file and keeps the previous version as .bak", "[store][save]") {
    TempDir dir;
    const auto file = dir.path / "w.lernraum";
    REQUIRE_FALSE(store::saveSession(session(1), file));
    CHECK_FALSE(fs::exists(dir.path / "w.lernraum.bak"));
    const auto first = readBytes(file);
    REQUIRE_FALSE(store::saveSession(session(2), file));
    CHECK(readBytes(dir.path / "w.lernraum.bak") == first);
    CHECK(*store::loadSession(file).session == session(2));
    CHECK_FALSE(test::hasTemporaryFiles(dir.path));
}

TEST_CASE("A save that fails at any step leaves the previous file byte-identical", "[store][save]") {
    for (const std::string failing : {"write", "fsync", "backup", "rename"}) {
        TempDir dir;
        const auto file = dir.path / "w.lernraum";
        REQUIRE_FALSE(store::saveSession(session(1), file));
        const auto before = readBytes(file);

        store::SaveOptions options;
        options.faultInjection = [&](std::string_view step) { return step != failing; };
        const auto error = store::saveSession(session(2), file, options);
        INFO("failing step: " << failing);
        REQUIRE(error);
        CHECK(error->message.find("unchanged") != std::string::npos);
        CHECK(readBytes(file) == before);
        CHECK_FALSE(test::hasTemporaryFiles(dir.path));
        CHECK(*store::loadSession(file).session == session(1));
    }
}

TEST_CASE("Saving into a missing directory or over a directory fails with a reason", "[store][save]") {
    TempDir dir;
    const auto missing = store::saveSession(session(1), dir.path / "nope" / "w.lernraum");
    REQUIRE(missing);
    CHECK(missing->toString().find("cannot create") != std::string::npos);
    fs::create_directories(dir.path / "adir");
    const auto overDir = store::saveSession(session(1), dir.path / "adir");
    REQUIRE(overDir);
    CHECK(fs::is_directory(dir.path / "adir"));
}

TEST_CASE("Saving through a symbolic link updates the target and keeps the link", "[store][save]") {
    TempDir dir;
    const auto target = dir.path / "real.lernraum";
    REQUIRE_FALSE(store::saveSession(session(1), target));
    fs::create_symlink(target, dir.path / "link.lernraum");
    REQUIRE_FALSE(store::saveSession(session(3), dir.path / "link.lernraum"));
    CHECK(fs::is_symlink(dir.path / "link.lernraum"));
    CHECK(*store::loadSession(target).session == session(3));
}
