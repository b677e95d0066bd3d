#pragma once
// The user's state directory ($XDG_STATE_HOME/lernraum, see ui/base_dirs.hpp): recovery copies,
// recent files and window state live there, not among the settings. Versions up to 0.1 kept them
// in the config directory ($XDG_CONFIG_HOME/lernraum); moveStateFromConfig() moves them over once,
// never losing a recovery copy.

#include <filesystem>
#include <string>
#include <vector>

namespace lernraum::store {

// Creates `dir` and its missing parents with mode 0700 (the XDG spec asks for it: the state holds
// workshop content). Existing directories keep their mode. Returns an error message or "".
std::string createPrivateDirectories(const std::filesystem::path& dir);

// Moves the file `from` to `to` (mode 0600, modification time kept), never replacing an existing
// file: a rename within one file system, else a copy that is flushed to disk (fsync) before the
// original is removed. On failure the original stays where it is, nothing is left at `to`, and
// the error is returned ("" when moved). `allowRename = false` always copies (for tests).
std::string moveFile(const std::filesystem::path& from, const std::filesystem::path& to, bool allowRename = true);

struct StateMove {
    int moved = 0;
    // One line per file left in the old place: "FILE: error: not moved to DIR: REASON".
    std::vector<std::string> errors;
};

// Moves <configDir>/recovery/* (recovery copies, declined copies) to <stateDir>/recovery/ and
// <configDir>/imgui.ini (window layout) to <stateDir>/. Files already moved leave nothing behind,
// so a second call does nothing. A file that cannot be moved (e.g. one of the same name exists in
// the new place) stays where it is and is reported.
StateMove moveStateFromConfig(const std::filesystem::path& configDir, const std::filesystem::path& stateDir);

} // namespace lernraum::store
