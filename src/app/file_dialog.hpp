#pragma once
// The desktop's native Open/Save dialog, run as a subprocess (zenity on GNOME and most desktops,
// kdialog on KDE). When neither is installed the shell falls back to its built-in dialog.

#include "ui/shell.hpp"

#include <string>

namespace lernraum::app {

// save = false: pick an existing .lernraum file; true: pick a file name to save to.
ui::NativeDialogAnswer runNativeFileDialog(bool save, const std::string& suggestion);

// Path of an executable found in $PATH, or "".
std::string findExecutable(const std::string& name);

} // namespace lernraum::app
