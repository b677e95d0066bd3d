#include "ui/settings.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

namespace lernraum::ui {
namespace {

bool parseInt(std::string_view text, int min, int max, int& out) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || value < min || value > max) return false;
    out = value;
    return true;
}

bool parseFloat(std::string_view text, float min, float max, float& out) {
    // std::from_chars for float is available in GCC 11+; strtof would depend on the C locale.
    float value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || !std::isfinite(value) || value < min || value > max) {
        return false;
    }
    out = value;
    return true;
}

} // namespace

Settings parseSettings(std::string_view text) {
    Settings s;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = core::trim(text.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty() || line.front() == '#' || line.front() == ';') continue;
        const auto eq = line.find('=');
        if (eq == std::string_view::npos) continue;
        const std::string_view key = core::trim(line.substr(0, eq));
        const std::string_view value = core::trim(line.substr(eq + 1));
        if (!core::isValidUtf8(value)) continue;
        if (key == "window_width") {
            parseInt(value, 320, 16384, s.windowWidth);
        } else if (key == "window_height") {
            parseInt(value, 240, 16384, s.windowHeight);
        } else if (key == "zoom") {
            parseFloat(value, kMinZoom, kMaxZoom, s.zoom);
        } else if (key == "theme") {
            parseTheme(value, s.theme);
        } else if (key == "room_size") {
            parseRoomSize(value, s.roomSize);
        } else if (key == "language") {
            if (value == "de" || value == "en") s.language = std::string(value);
        } else if (key == "view") {
            if (value == "agenda" || value == "board" || value == "retro" || value == "experiments") s.view = std::string(value);
        } else if (key == "recent") {
            if (!value.empty() && s.recentFiles.size() < kMaxRecentFiles &&
                std::find(s.recentFiles.begin(), s.recentFiles.end(), value) == s.recentFiles.end()) {
                s.recentFiles.emplace_back(value);
            }
        }
    }
    return s;
}

std::string formatPreferences(const Settings& s) {
    std::ostringstream out;
    out << "# Lernraum settings. Bad values fall back to defaults.\n";
    char zoom[32];
    auto [ptr, ec] = std::to_chars(zoom, zoom + sizeof zoom, s.zoom);
    out << "zoom = " << (ec == std::errc{} ? std::string(zoom, ptr) : std::string("1")) << "\n";
    out << "theme = " << toName(s.theme) << "\n";
    out << "room_size = " << toName(s.roomSize) << "\n";
    if (!s.language.empty()) out << "language = " << s.language << "\n";
    return out.str();
}

std::string formatState(const Settings& s) {
    std::ostringstream out;
    out << "# What Lernraum remembers between starts. Bad values fall back to defaults.\n";
    out << "window_width = " << s.windowWidth << "\n";
    out << "window_height = " << s.windowHeight << "\n";
    if (!s.view.empty()) out << "view = " << s.view << "\n";
    for (const auto& file : s.recentFiles) {
        if (file.find('\n') == std::string::npos) out << "recent = " << file << "\n";
    }
    return out.str();
}

std::string formatSettings(const Settings& s) { return formatPreferences(s) + formatState(s); }

namespace {

// The file's text; nullopt when it cannot be read or is absurdly large for a settings file.
std::optional<std::string> readSmallFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text;
    char buffer[4096];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > 256 * 1024) return std::nullopt;
    }
    return text;
}

bool writeFile(const std::filesystem::path& file, const std::string& text) {
    if (file.empty()) return true;
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const auto tmp = std::filesystem::path(file.string() + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out << text;
        if (!out.flush()) return false;
    }
    std::filesystem::rename(tmp, file, ec);
    return !ec;
}

} // namespace

Settings loadSettings(const std::filesystem::path& configFile, const std::filesystem::path& stateFile) {
    const auto config = readSmallFile(configFile);
    Settings s = config ? parseSettings(*config) : Settings{};
    if (const auto state = readSmallFile(stateFile)) {
        const Settings remembered = parseSettings(*state);
        s.windowWidth = remembered.windowWidth;
        s.windowHeight = remembered.windowHeight;
        s.view = remembered.view;
        s.recentFiles = remembered.recentFiles;
    }
    return s;
}

bool saveSettings(const Settings& settings, const std::filesystem::path& configFile,
                  const std::filesystem::path& stateFile) {
    // State first: settings.ini drops the recent files only once state.ini holds them.
    const bool state = writeFile(stateFile, formatState(settings));
    return writeFile(configFile, state ? formatPreferences(settings) : formatSettings(settings)) && state;
}

void addRecentFile(Settings& settings, const std::string& path) {
    auto& list = settings.recentFiles;
    list.erase(std::remove(list.begin(), list.end(), path), list.end());
    list.insert(list.begin(), path);
    if (list.size() > kMaxRecentFiles) list.resize(kMaxRecentFiles);
}

} // namespace lernraum::ui
