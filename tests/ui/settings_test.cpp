#include "ui/settings.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace ui = lernraum::ui;

TEST_CASE("settings round-trip through their text form", "[ui][settings]") {
    ui::Settings s;
    s.windowWidth = 1280;
    s.windowHeight = 720;
    s.zoom = 1.5f;
    s.theme = ui::Theme::HighContrast;
    s.language = "en";
    s.view = "board";
    s.recentFiles = {"/home/a/Workshop 1.lernraum", "/tmp/zwei.lernraum"};
    CHECK(ui::parseSettings(ui::formatSettings(s)) == s);
}

TEST_CASE("bad or missing values fall back to the defaults", "[ui][settings]") {
    const ui::Settings defaults;
    CHECK(ui::parseSettings("") == defaults);
    const auto s = ui::parseSettings("window_width = -5\nwindow_height = 99999999999\nzoom = nan\ntheme = neon\n"
                                     "language = fr\nview = kitchen\nrecent =\ngarbage line\n\xff\xfe = 1\nzoom=7\n");
    CHECK(s == defaults);
    const auto partly = ui::parseSettings("zoom = 2\nwindow_width = abc\n");
    CHECK(partly.zoom == 2.0f);
    CHECK(partly.windowWidth == defaults.windowWidth);
}

TEST_CASE("the recent list has no duplicates and at most eight entries", "[ui][settings]") {
    ui::Settings s;
    for (int i = 0; i < 12; ++i) ui::addRecentFile(s, "/f" + std::to_string(i));
    ui::addRecentFile(s, "/f5");
    REQUIRE(s.recentFiles.size() == ui::kMaxRecentFiles);
    CHECK(s.recentFiles.front() == "/f5");
    CHECK(std::count(s.recentFiles.begin(), s.recentFiles.end(), "/f5") == 1);
}

namespace {

// Sets (or, with nullptr, unsets) an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value) {
            ::setenv(name, value, 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (m_old) {
            ::setenv(m_name, m_old->c_str(), 1);
        } else {
            ::unsetenv(m_name);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

TEST_CASE("config, state and cache follow the XDG variables, never the working directory", "[ui][settings]") {
    ScopedEnv home("HOME", "/home/anna");
    {
        ScopedEnv config("XDG_CONFIG_HOME", "/tmp/xdg-config");
        ScopedEnv state("XDG_STATE_HOME", "/tmp/xdg-state");
        ScopedEnv cache("XDG_CACHE_HOME", "/tmp/xdg-cache");
        CHECK(ui::configDirectory() == std::filesystem::path("/tmp/xdg-config/lernraum"));
        CHECK(ui::stateDirectory() == std::filesystem::path("/tmp/xdg-state/lernraum"));
        CHECK(ui::cacheDirectory() == std::filesystem::path("/tmp/xdg-cache/lernraum"));
    }
    // Unset, empty or relative (invalid by the XDG spec): the defaults below $HOME.
    for (const char* value : {static_cast<const char*>(nullptr), "", "relative/dir", "./x"}) {
        INFO(std::string("value: ") + (value ? value : "(unset)"));
        ScopedEnv config("XDG_CONFIG_HOME", value);
        ScopedEnv state("XDG_STATE_HOME", value);
        ScopedEnv cache("XDG_CACHE_HOME", value);
        CHECK(ui::configDirectory() == std::filesystem::path("/home/anna/.config/lernraum"));
        CHECK(ui::stateDirectory() == std::filesystem::path("/home/anna/.local/state/lernraum"));
        CHECK(ui::cacheDirectory() == std::filesystem::path("/home/anna/.cache/lernraum"));
    }
    ScopedEnv noHome("HOME", nullptr);
    ScopedEnv noState("XDG_STATE_HOME", nullptr);
    CHECK(ui::stateDirectory().empty());
}

TEST_CASE("preferences go to settings.ini, window state and recent files to state.ini", "[ui][settings]") {
    const auto dir = std::filesystem::temp_directory_path() / "lernraum-settings-test";
    std::filesystem::remove_all(dir);
    const auto config = dir / "config" / "settings.ini";
    const auto state = dir / "state" / "state.ini";
    ui::Settings s;
    s.zoom = 1.3f;
    s.language = "en";
    s.windowWidth = 1280;
    s.view = "retro";
    s.recentFiles = {"/home/anna/Workshops/Personalrat.lernraum"};
    REQUIRE(ui::saveSettings(s, config, state));
    CHECK(ui::loadSettings(config, state) == s);
    const std::string configText = readText(config);
    const std::string stateText = readText(state);
    CHECK(configText.find("zoom = 1.3") != std::string::npos);
    CHECK(configText.find("Personalrat") == std::string::npos);
    CHECK(configText.find("window_width") == std::string::npos);
    CHECK(stateText.find("recent = /home/anna/Workshops/Personalrat.lernraum") != std::string::npos);
    CHECK(stateText.find("zoom") == std::string::npos);
    CHECK(ui::loadSettings(dir / "missing.ini", dir / "missing-state.ini") == ui::Settings{});
    std::filesystem::remove_all(dir);
}

TEST_CASE("recent files in an older settings.ini are kept and move to state.ini on the next save", "[ui][settings]") {
    const auto dir = std::filesystem::temp_directory_path() / "lernraum-settings-migration-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "config");
    const auto config = dir / "config" / "settings.ini";
    const auto state = dir / "state" / "state.ini";
    {
        std::ofstream old(config);
        old << "window_width = 1111\nzoom = 2\nview = board\nrecent = /a/eins.lernraum\nrecent = /b/zwei.lernraum\n";
    }
    ui::Settings s = ui::loadSettings(config, state);
    CHECK(s.windowWidth == 1111);
    CHECK(s.zoom == 2.0f);
    CHECK(s.view == "board");
    CHECK(s.recentFiles == std::vector<std::string>{"/a/eins.lernraum", "/b/zwei.lernraum"});
    REQUIRE(ui::saveSettings(s, config, state));
    CHECK(readText(config).find("recent") == std::string::npos);
    CHECK(ui::loadSettings(config, state) == s);
    // state.ini wins over leftovers in settings.ini.
    {
        std::ofstream old(config, std::ios::app);
        old << "recent = /c/alt.lernraum\n";
    }
    CHECK(ui::loadSettings(config, state).recentFiles == s.recentFiles);
    std::filesystem::remove_all(dir);
}
