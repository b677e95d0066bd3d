// Temporary: replaced by the real GUI (a strong definition of runGui wins at link time).
#include "cli.hpp"
#include "gui.hpp"

namespace lernraum::app {
__attribute__((weak)) int runGui(const GuiOptions&) {
    printError("", "this build has no GUI yet");
    return kExitFailed;
}
__attribute__((weak)) void registerReportCommands(CLI::App&, CliContext&) {}
} // namespace lernraum::app
