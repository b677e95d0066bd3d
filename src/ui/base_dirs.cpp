#include "ui/base_dirs.hpp"

#include <cstdlib>

namespace lernraum::ui {
namespace {

// $variable/lernraum when the variable holds an absolute path, else $HOME/homeDefault/lernraum.
std::filesystem::path baseDirectory(const char* variable, const char* homeDefault) {
    if (const char* xdg = std::getenv(variable); xdg && *xdg == '/') return std::filesystem::path(xdg) / "lernraum";
    if (const char* home = std::getenv("HOME"); home && *home == '/') {
        return std::filesystem::path(home) / homeDefault / "lernraum";
    }
    return {};
}

} // namespace

std::filesystem::path configDirectory() { return baseDirectory("XDG_CONFIG_HOME", ".config"); }
std::filesystem::path stateDirectory() { return baseDirectory("XDG_STATE_HOME", ".local/state"); }
std::filesystem::path cacheDirectory() { return baseDirectory("XDG_CACHE_HOME", ".cache"); }

} // namespace lernraum::ui
