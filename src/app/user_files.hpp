#pragma once
// Where the GUI keeps the user's files (XDG base directories, ui/base_dirs.hpp): preferences in
// the config directory, recovery copies, recent files and the window layout in the state directory.

#include <filesystem>

namespace lernraum::app {

struct UserFiles {
    std::filesystem::path configDir;    // "" when there is no home
    std::filesystem::path stateDir;     // "" when there is no home or it cannot be created
    std::filesystem::path settingsFile; // <config>/settings.ini
    std::filesystem::path stateFile;    // <state>/state.ini
    std::filesystem::path imguiIni;     // <state>/imgui.ini
};

// Creates the state directory (0700) and moves what versions up to 0.1 kept in the config
// directory (recovery copies, window layout) over, once. Problems are warnings on stderr: a file
// that cannot be moved stays in the old place, and the warning names it.
UserFiles prepareUserFiles();

} // namespace lernraum::app
