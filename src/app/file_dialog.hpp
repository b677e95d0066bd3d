#pragma once
// The desktop's native Open/Save dialog, run as a subprocess (zenity on GNOME and most desktops,
// kdialog on KDE). When neither is installed the shell falls back to its built-in dialog.

#include "ui/shell.hpp"

#include <string>

namespace lernraum::app {

// Picks an existing file, a file name to save to, or a folder, with the request's title and filter.
ui::NativeDialogAnswer runNativeFileDialog(const ui::FileDialogRequest& request);

// Path of an executable found in $PATH, or "".
std::string findExecutable(const std::string& name);

} // namespace lernraum::app
