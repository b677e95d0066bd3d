#pragma once
// Where Lernraum keeps its files, after the XDG Base Directory Specification:
//   configDirectory()  $XDG_CONFIG_HOME/lernraum (~/.config/lernraum): preferences, the research key
//   stateDirectory()   $XDG_STATE_HOME/lernraum (~/.local/state/lernraum): recovery copies, recent
//                      files, window state: what the app remembers, some of it workshop content
//   cacheDirectory()   $XDG_CACHE_HOME/lernraum (~/.cache/lernraum): files that can be rebuilt at
//                      any time (deleting the folder loses nothing)
// A variable that is unset, empty or holds a relative path is ignored (the spec says so); then the
// default below $HOME is used. Each function returns an empty path when neither is usable.
// Nothing here creates a directory: the writer does (with mode 0700, as the spec asks).
//
// Plain C++ without ImGui: the command line of headless builds uses it too (lernraum_ui_base).

#include <filesystem>

namespace lernraum::ui {

std::filesystem::path configDirectory();
std::filesystem::path stateDirectory();
std::filesystem::path cacheDirectory();

} // namespace lernraum::ui
