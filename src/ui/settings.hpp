#pragma once
// User settings as "key = value" lines, in two files (never in the working directory):
//   <config>/settings.ini  preferences the user chose: zoom, theme, room size, language
//                          ($XDG_CONFIG_HOME/lernraum, see base_dirs.hpp)
//   <state>/state.ini      what the app remembers: window size, last tab, recent files (paths of
//                          workshop files) ($XDG_STATE_HOME/lernraum)
// Older versions kept everything in settings.ini; those keys are read from there until the first
// save writes state.ini. Unknown keys are ignored; missing or bad values fall back to the defaults
// below, so a damaged file never stops the app from starting.

#include "ui/base_dirs.hpp"
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

// Every key of either file; parseSettings reads both forms.
Settings parseSettings(std::string_view text);
std::string formatSettings(const Settings& settings);     // preferences + state
std::string formatPreferences(const Settings& settings);  // settings.ini: zoom, theme, language
std::string formatState(const Settings& settings);        // state.ini: window, last tab, recent files

// Missing or unreadable files -> defaults. The state keys come from stateFile when it exists,
// else from an older settings.ini that still holds them.
Settings loadSettings(const std::filesystem::path& configFile, const std::filesystem::path& stateFile);
// Writes both files via a temporary file and rename; creates missing directories. An empty path
// skips that file. False on failure (when state.ini cannot be written, settings.ini keeps the
// state keys, so the recent files are not lost).
bool saveSettings(const Settings& settings, const std::filesystem::path& configFile,
                  const std::filesystem::path& stateFile);

// Moves `path` to the front of the recent list (no duplicates, at most kMaxRecentFiles).
void addRecentFile(Settings& settings, const std::string& path);

} // namespace lernraum::ui
