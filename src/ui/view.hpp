#pragma once
// What every view gets besides the session: display mode, the clock, and where to send commands.
// Views read the model and emit commands; they never mutate the session.

#include "core/board_csv.hpp"
#include "core/change.hpp"
#include "core/history.hpp"
#include "core/model.hpp"
#include "ui/keys.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::ui {

class WorkshopTimer;

// The shell's tabs (shell.hpp); here because the audience window follows them too.
enum class Tab { Agenda, Board, Retro, Experiments, Count };

// Where a view's scroll regions stand, as a fraction (0..1) of each one's scroll range, by region
// name: the facilitator's window records them, the audience window (audience_view.hpp) follows.
// Fractions, not pixels: the audience draws larger text, so the same place is further down.
struct ScrollPositions {
    struct Fraction {
        float x = 0.0f;
        float y = 0.0f;
    };
    std::map<std::string, Fraction, std::less<>> regions;
};

struct ViewContext {
    bool presentation = false; // hide editing affordances, larger text
    core::Timestamp now;       // for ageing; views never read the clock themselves
    double time = 0.0;         // steady seconds since start (timers)
    WorkshopTimer* timer = nullptr; // the workshop timer in the header (timer_widget.hpp), may be null
    // Sends a command's result to the shell (applied on the undo history, or shown as refusal).
    std::function<void(core::CommandResult)> submit;
    // Key chords of this frame the shell did not use (arrows, Delete, N, ...), for the visible view.
    // Chords, not ImGui::IsKeyPressed: a press and release within one frame (xdotool, fast typing)
    // never shows in ImGui 1.86's key state.
    std::vector<KeyChord> keys;
    // Opens the workshop-data dialog (Edit > Workshop data), e.g. from the Agenda's facts panel.
    std::function<void()> editWorkshopData;
    // Opens the participants' room panel (View menu), e.g. from the Retrospective tab; may be empty.
    std::function<void()> openRoomPanel;
    // The open file ("" while untitled): exports start in its folder.
    std::string documentPath;
    // The audience window's copy of a view: display only, never editing chrome, menus or dialogs.
    bool audience = false;
    // Scroll regions: recorded (the facilitator's window) or followed (the audience window), see
    // syncScroll(). Both may be null.
    ScrollPositions* recordScroll = nullptr;
    const ScrollPositions* followScroll = nullptr;
    // The session's undo history, read only: its version() changes whenever the session does
    // (every command, undo, redo, another file), also within a frame. Views keep layouts of long
    // lists between frames and rebuild them when it changes. May be null: then every frame rebuilds.
    const core::History* history = nullptr;
    // Reads a Trello export (csv = false) or a CSV file (csv = true) for a new board (Board menu >
    // Import board); `language` names default columns. May be empty (then the import says so).
    std::function<core::BoardRead(const std::string& path, bool csv, std::string_view language)> readBoardFile;
};

// Called by a view inside one of its scroll regions (the current window, e.g. right after
// BeginChild or BeginTable with scrolling): records where it stands, or scrolls it to where the
// facilitator's stands. `region` names it the same in both windows.
void syncScroll(const ViewContext& ctx, const char* region);

// The session's version for caches (see ViewContext::history); a new value every frame without history.
std::uint64_t sessionVersion(const ViewContext& ctx);

} // namespace lernraum::ui
