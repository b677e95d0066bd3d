// Property-style round trip: every field of every type survives save -> load, over many generated
// sessions (different seeds and sizes), not one hand-picked example.

#include "core/demo.hpp"
#include "core/generate.hpp"
#include "store/session_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace lernraum;

TEST_CASE("Generated sessions survive serialize -> parse unchanged", "[store][roundtrip]") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        core::GenerateOptions options;
        options.seed = seed;
        options.cards = static_cast<int>(seed % 7) * 9;
        options.retroItems = static_cast<int>(seed % 5) * 7;
        options.experiments = static_cast<int>(seed % 4) * 2;
        options.boards = static_cast<int>(seed % 3);
        options.participants = static_cast<int>(seed % 13);
        const auto original = core::generateSession(options);
        REQUIRE(core::validate(original).empty());
        const auto json = store::serializeSession(original, core::Timestamp{1'790'000'000});
        const auto loaded = store::parseSession(json, "generated");
        INFO("seed " << seed << ": " << (loaded.error ? loaded.error->toString() : std::string()));
        REQUIRE(loaded);
        CHECK(*loaded.session == original);
        // Writing the loaded session again gives the same bytes: nothing is lost or reordered.
        CHECK(store::serializeSession(*loaded.session, core::Timestamp{1'790'000'000}) == json);
    }
}

TEST_CASE("The demo session survives save -> load through a real file", "[store][roundtrip]") {
    const auto dir = fs::temp_directory_path() / ("lernraum-rt-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto demo = core::makeDemoSession();
    REQUIRE_FALSE(store::saveSession(demo, dir / "demo.lernraum"));
    const auto loaded = store::loadSession(dir / "demo.lernraum");
    REQUIRE(loaded);
    CHECK(*loaded.session == demo);
    fs::remove_all(dir);
}

TEST_CASE("The envelope carries format, schema version, app version and save time", "[store][roundtrip]") {
    core::GenerateOptions options;
    options.cards = 1;
    const auto json = store::serializeSession(core::generateSession(options), *core::Timestamp::parse("2026-11-22T10:00:00Z"));
    CHECK(json.find("\"format\": \"lernraum-session\"") != std::string::npos);
    CHECK(json.find("\"schema_version\": 1") != std::string::npos);
    CHECK(json.find("\"app_version\"") != std::string::npos);
    CHECK(json.find("\"saved_at\": \"2026-11-22T10:00:00Z\"") != std::string::npos);
    CHECK(json.find("\"cereal_class_version\"") != std::string::npos);
}
