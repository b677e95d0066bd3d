#include "ui/base_dirs.hpp"

#include <cstdlib>

namespace lernraum::ui {
namespace {

// xdg/lernraum when xdg (the variable's value) is an absolute path, else $HOME/homeDefault/lernraum.
// (getenv is called with the names below, so tests/cli/help.sh finds every variable the program reads.)
std::filesystem::path baseDirectory(const char* xdg, const char* homeDefault) {
    if (xdg && *xdg == '/') return std::filesystem::path(xdg) / "lernraum";
    if (const char* home = std::getenv("HOME"); home && *home == '/') {
        return std::filesystem::path(home) / homeDefault / "lernraum";
    }
    return {};
}

} // namespace

std::filesystem::path configDirectory() { return baseDirectory(std::getenv("XDG_CONFIG_HOME"), ".config"); }
std::filesystem::path stateDirectory() { return baseDirectory(std::getenv("XDG_STATE_HOME"), ".local/state"); }
std::filesystem::path cacheDirectory() { return baseDirectory(std::getenv("XDG_CACHE_HOME"), ".cache"); }

} // namespace lernraum::ui
