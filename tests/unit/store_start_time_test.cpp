// Session class version 2 (start_time): written, read back, and absent in version 1 files.

#include "core/model.hpp"
#include "store/session_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace lernraum;

TEST_CASE("the workshop's start time is saved and loaded, version 1 files have none", "[store]") {
    const auto dir = std::filesystem::temp_directory_path() / "lernraum-start-time-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    core::Session s;
    s.id = "session-start-1";
    s.title = "Auftakt";
    s.startTime = "09:30";
    const auto path = (dir / "s.lernraum").string();
    REQUIRE_FALSE(store::saveSession(s, path));
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str().find("\"start_time\": \"09:30\"") != std::string::npos);
    CHECK(text.str().find("\"cereal_class_version\": 2") != std::string::npos);
    const auto loaded = store::loadSession(path);
    REQUIRE(loaded.session);
    CHECK(loaded.session->startTime == "09:30");

    const auto v1 = store::loadSession(std::string(LERNRAUM_FIXTURES_DIR) + "/valid-minimal.lernraum");
    REQUIRE(v1.session);
    CHECK(v1.session->startTime.empty());
    std::filesystem::remove_all(dir);
}
