// Headless builds (-DLERNRAUM_GUI=OFF) have the command line only; this stands in for the GUI.
#include "cli.hpp"
#include "gui.hpp"

namespace lernraum::app {
int runGui(const GuiOptions&) {
    printError("", "this build has no GUI (configured with -DLERNRAUM_GUI=OFF); use a subcommand, see --help");
    return kExitFailed;
}
} // namespace lernraum::app
