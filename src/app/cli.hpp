#pragma once
// The headless command line. Each group of subcommands lives in its own cmd_*.cpp file and
// registers itself on the CLI11 app; main.cpp calls every register function.
//
// Conventions (DESIGN.md): errors go to stderr as "lernraum: FILE: error: MESSAGE";
// exit codes 0 success, 1 bad input or failed work, 2 usage error. No subcommand opens a window.

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

void registerSessionCommands(CLI::App& app, CliContext& ctx); // new, validate, generate (cmd_session.cpp)
void registerReportCommands(CLI::App& app, CliContext& ctx);  // report, export-research (cmd_report.cpp)
void registerBenchCommand(CLI::App& app, CliContext& ctx);    // bench (cmd_bench.cpp)
void registerFollowUpCommand(CLI::App& app, CliContext& ctx); // follow-up (cmd_follow_up.cpp)
void registerRoomCommand(CLI::App& app, CliContext& ctx);     // room (cmd_room.cpp)
void registerImportCommands(CLI::App& app, CliContext& ctx);  // import trello|csv, export-csv (cmd_import.cpp)

} // namespace lernraum::app
