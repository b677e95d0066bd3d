#pragma once
// Entry point of the GUI (no subcommand). main.cpp parses the command line and calls runGui().

#include <optional>
#include <string>

namespace lernraum::app {

struct GuiOptions {
    std::string file;           // session to open; empty = start screen / new session
    std::string screenshotPath; // non-empty: render, write PNG, exit
    int width = 0;              // --size WxH; 0 = from settings / default
    int height = 0;
    std::string view;           // "agenda", "board", "retro", "experiments"; empty = last / default
    bool presentation = false;
    std::string language;       // "de", "en"; empty = settings / system locale
    std::string theme;          // "light", "dark", "high-contrast"; empty = settings (screenshots: light)
    std::string roomAddress;    // open the participants' room there at start, show its join panel, print its URL
    bool roomCommands = false;  // with roomAddress: facilitator commands on stdin (room_commands.hpp)
    std::string frameStatsPath; // write per-frame wall and CPU times there at exit (frame_stats.hpp)
    std::string dialog;         // with a screenshot: "workshop-data" or "follow-up" opened first
    bool audience = false;      // with a screenshot: open the audience window, save its picture
    std::string mainScreenshot; // with --audience: also save the main window (with its preview) here
    std::string roomSize;       // "small", "medium", "large"; empty = settings
};

// Returns the process exit code.
int runGui(const GuiOptions& options);

} // namespace lernraum::app
