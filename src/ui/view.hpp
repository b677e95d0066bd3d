#pragma once
// What every view gets besides the session: display mode, the clock, and where to send commands.
// Views read the model and emit commands; they never mutate the session.

#include "core/board_csv.hpp"
#include "core/change.hpp"
#include "core/model.hpp"
#include "ui/keys.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::ui {

class WorkshopTimer;

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
    // Reads a Trello export (csv = false) or a CSV file (csv = true) for a new board (Board menu >
    // Import board); `language` names default columns. May be empty (then the import says so).
    std::function<core::BoardRead(const std::string& path, bool csv, std::string_view language)> readBoardFile;
};

} // namespace lernraum::ui
