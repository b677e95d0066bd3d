#pragma once
// The headless command line. Each group of subcommands lives in its own cmd_*.cpp file and
// registers itself on the CLI11 app; main.cpp calls every register function.
//
// Conventions (DESIGN.md): errors go to stderr as "lernraum: FILE: error: MESSAGE";
// exit codes 0 success, 1 bad input or failed work, 2 usage error. No subcommand opens a window.

#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace lernraum::app {

struct CliContext {
    int exitCode = 0; // set by subcommand callbacks
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// "lernraum: FILE: error: MESSAGE" (or "lernraum: error: MESSAGE" when file is empty) on stderr.
// Error output on stderr: "lernraum: FILE: error: MESSAGE". File names and messages can carry text
// from a file; control characters (C0, DEL, C1) are written as \xNN / \u00NN so they never
// reach the terminal.
void printError(std::string_view file, std::string_view message);
// "lernraum: TEXT" on stderr, escaped the same way.
void printLine(std::string_view text);
std::string terminalSafe(std::string_view text);

// --help in the UI language (cli_help.cpp). main() selects the language before it builds the
// parser, so every description wrapped in the _() macro is translated as it is registered; German
// by default. To give a new subcommand its help: write its description and each option's in
// English inside _() (as the add_subcommand and add_option calls in cmd_session.cpp do), add the
// German text to assets/po/de.po (the i18n test lists what is missing) and a line to
// docs/lernraum.1; tests/cli/help.sh then checks `lernraum NAME --help` in both languages by itself.
// "de" or "en": --lang X on the command line, else LANGUAGE / LC_ALL / LC_MESSAGES / LANG when they
// name German or English, else the language chosen in the window (settings.ini), else German.
std::string helpLanguage(int argc, const char* const* argv);
// Before any option or subcommand is added: formatter, help flag, option and command headings.
void setUpHelp(CLI::App& app);
// After every subcommand is registered: the footers (exit status; environment and files).
void finishHelp(CLI::App& app);

void registerSessionCommands(CLI::App& app, CliContext& ctx); // new, validate, generate (cmd_session.cpp)
void registerReportCommands(CLI::App& app, CliContext& ctx);  // report, export-research (cmd_report.cpp)
void registerBenchCommand(CLI::App& app, CliContext& ctx);    // bench (cmd_bench.cpp)
void registerFollowUpCommand(CLI::App& app, CliContext& ctx); // follow-up (cmd_follow_up.cpp)
void registerRoomCommand(CLI::App& app, CliContext& ctx);     // room (cmd_room.cpp)
void registerImportCommands(CLI::App& app, CliContext& ctx);  // import trello|csv, export-csv (cmd_import.cpp)

} // namespace lernraum::app
