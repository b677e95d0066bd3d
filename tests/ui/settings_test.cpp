#include "ui/settings.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

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

TEST_CASE("settings live in XDG_CONFIG_HOME, never in the working directory", "[ui][settings]") {
    const char* old = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = old ? old : "";
    ::setenv("XDG_CONFIG_HOME", "/tmp/lernraum-xdg-test", 1);
    CHECK(ui::configDirectory() == std::filesystem::path("/tmp/lernraum-xdg-test/lernraum"));
    ::setenv("XDG_CONFIG_HOME", "relative/dir", 1); // not absolute: ignored by the XDG spec
    CHECK(ui::configDirectory() != std::filesystem::path("relative/dir/lernraum"));
    if (old) {
        ::setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
    } else {
        ::unsetenv("XDG_CONFIG_HOME");
    }

    const auto dir = std::filesystem::temp_directory_path() / "lernraum-settings-test";
    std::filesystem::remove_all(dir);
    ui::Settings s;
    s.zoom = 1.3f;
    REQUIRE(ui::saveSettings(s, dir / "settings.ini"));
    CHECK(ui::loadSettings(dir / "settings.ini") == s);
    CHECK(ui::loadSettings(dir / "missing.ini") == ui::Settings{});
    std::filesystem::remove_all(dir);
}
