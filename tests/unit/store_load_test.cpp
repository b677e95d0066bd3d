// Loading hostile input: every file of the malformed-input corpus gives its specific typed error,
// never a crash, and the file is never modified.

#include "store/session_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace lernraum;
using store::LoadErrorKind;

namespace {

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::optional<LoadErrorKind> expectedKind(const std::string& fileName) {
    static const std::map<std::string, LoadErrorKind> kinds{
        {"io", LoadErrorKind::Io},           {"too_large", LoadErrorKind::TooLarge},
        {"not_lernraum", LoadErrorKind::NotLernraum}, {"newer_version", LoadErrorKind::NewerVersion},
        {"corrupt", LoadErrorKind::Corrupt}, {"invalid", LoadErrorKind::Invalid},
    };
    const auto dash = fileName.find('-');
    if (dash == std::string::npos) return std::nullopt;
    const auto it = kinds.find(fileName.substr(0, dash));
    if (it == kinds.end()) return std::nullopt;
    return it->second;
}

fs::path tempDir(const std::string& name) {
    auto dir = fs::temp_directory_path() / ("lernraum-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

} // namespace

TEST_CASE("The minimal valid fixture loads (the corpus is derived from it)", "[store][load]") {
    const auto result = store::loadSession(fs::path(LERNRAUM_FIXTURES_DIR) / "valid-minimal.lernraum");
    INFO((result.error ? result.error->toString() : std::string()));
    REQUIRE(result);
    CHECK(result.session->title == "Auswertung Sprint 1");
    CHECK(result.session->boards.at(0).cards.at(0).history.size() == 1);
}

TEST_CASE("Every file of the malformed-input corpus gives its specific typed error", "[store][load][corpus]") {
    const fs::path dir = fs::path(LERNRAUM_FIXTURES_DIR) / "bad";
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".lernraum") continue;
        ++files;
        const auto name = entry.path().filename().string();
        const auto expected = expectedKind(name);
        INFO("fixture " << name);
        REQUIRE(expected);
        const auto before = readBytes(entry.path());
        const auto result = store::loadSession(entry.path());
        REQUIRE_FALSE(result);
        REQUIRE(result.error);
        INFO("message: " << result.error->toString());
        CHECK(result.error->kind == *expected);
        CHECK_FALSE(result.error->message.empty());
        const auto line = result.error->toString();
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.rfind(entry.path().string() + ": error: ", 0) == 0);
        CHECK(readBytes(entry.path()) == before);
    }
    CHECK(files >= 25);
}

TEST_CASE("An invalid file reports every problem, not only the first", "[store][load]") {
    const auto result = store::loadSession(fs::path(LERNRAUM_FIXTURES_DIR) / "bad" / "invalid-several-problems.lernraum");
    REQUIRE(result.error);
    CHECK(result.error->kind == LoadErrorKind::Invalid);
    CHECK(result.error->problems.size() >= 3);
    CHECK(result.error->toString().find("more") != std::string::npos);
}

TEST_CASE("Messages name the cause in words", "[store][load]") {
    const fs::path bad = fs::path(LERNRAUM_FIXTURES_DIR) / "bad";
    CHECK(store::loadSession(bad / "newer_version-schema-version.lernraum").error->message.find("newer version") !=
          std::string::npos);
    CHECK(store::loadSession(bad / "corrupt-required-field-missing.lernraum").error->message.find("'title' is missing") !=
          std::string::npos);
    CHECK(store::loadSession(bad / "invalid-unknown-role.lernraum").error->toString().find("chef") != std::string::npos);
    CHECK(store::loadSession(bad / "corrupt-truncated.lernraum").error->message.find("damaged") != std::string::npos);
}

TEST_CASE("Missing files, directories, a 10 MB string and files over the size cap", "[store][load]") {
    const auto dir = tempDir("load");
    CHECK(store::loadSession(dir / "missing.lernraum").error->kind == LoadErrorKind::Io);
    CHECK(store::loadSession(dir).error->kind == LoadErrorKind::Io);

    // A 10 MB string inside a valid envelope: read fine, rejected by the text size limit.
    std::string json = readBytes(fs::path(LERNRAUM_FIXTURES_DIR) / "valid-minimal.lernraum");
    const auto pos = json.find("Gute Stimmung");
    REQUIRE(pos != std::string::npos);
    json.replace(pos, 13, std::string(10 * 1024 * 1024, 'x'));
    {
        std::ofstream(dir / "huge-string.lernraum", std::ios::binary) << json;
    }
    const auto huge = store::loadSession(dir / "huge-string.lernraum");
    REQUIRE(huge.error);
    CHECK(huge.error->kind == LoadErrorKind::Invalid);
    CHECK(huge.error->toString().find("too long") != std::string::npos);

    // Over the cap: refused before reading. A sparse file costs no disk space.
    {
        std::ofstream(dir / "too-big.lernraum", std::ios::binary) << "{";
    }
    fs::resize_file(dir / "too-big.lernraum", store::kMaxFileBytes + 1);
    CHECK(store::loadSession(dir / "too-big.lernraum").error->kind == LoadErrorKind::TooLarge);
    fs::remove_all(dir);
}

TEST_CASE("200,000 nested brackets fail cleanly inside a Lernraum envelope too", "[store][load]") {
    std::string json = R"({"format": "lernraum-session", "schema_version": 1, "session": {"title": )";
    json += std::string(200'000, '[');
    const auto result = store::parseSession(json, "deep");
    REQUIRE(result.error);
    CHECK(result.error->kind == LoadErrorKind::Corrupt);
    std::string closed = R"({"format": "lernraum-session", "schema_version": 1, "session": {"title": )";
    closed += std::string(200'000, '[') + std::string(200'000, ']') + "}}";
    const auto result2 = store::parseSession(closed, "deep-closed");
    REQUIRE(result2.error);
    CHECK(result2.error->kind == LoadErrorKind::Corrupt);
}
