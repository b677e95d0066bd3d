#pragma once
// User settings (window size, zoom, theme, room size, language, recent files, last tab), stored as
// "key = value" lines in $XDG_CONFIG_HOME/lernraum/settings.ini (fallback ~/.config/lernraum),
// never in the working directory. Unknown keys are ignored; missing or bad values fall back to the
// defaults below, so a damaged file never stops the app from starting.

#include "ui/room_size.hpp"
#include "ui/theme.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::ui {

inline constexpr float kMinZoom = 0.5f;
inline constexpr float kMaxZoom = 3.0f;
inline constexpr std::size_t kMaxRecentFiles = 8;

struct Settings {
    int windowWidth = 1600;
    int windowHeight = 900;
    float zoom = 1.0f;
    Theme theme = Theme::Light;
    RoomSize roomSize = RoomSize::Small; // the audience window's and presentation mode's text size
    std::string language; // "de" / "en"; empty = first start (German)
    std::string view;     // last tab: "agenda", "board", "retro", "experiments"
    std::vector<std::string> recentFiles; // most recent first
    friend bool operator==(const Settings&, const Settings&) = default;
};

Settings parseSettings(std::string_view text);
std::string formatSettings(const Settings& settings);

// $XDG_CONFIG_HOME/lernraum, or $HOME/.config/lernraum; empty when neither variable is set.
std::filesystem::path configDirectory();

// Missing or unreadable file -> defaults.
Settings loadSettings(const std::filesystem::path& file);
// Writes via a temporary file and rename; creates the directory. False on failure.
bool saveSettings(const Settings& settings, const std::filesystem::path& file);

// Moves `path` to the front of the recent list (no duplicates, at most kMaxRecentFiles).
void addRecentFile(Settings& settings, const std::string& path);

} // namespace lernraum::ui
