#pragma once
// The audience window: what the room sees on the projector while the facilitator keeps the full
// editor on the laptop. It shows the current tab in presentation form (the views' presentation
// mode, drawn by their own copies), the workshop title and the clock, and on request the join
// panel of the participants' room; never menus, editing chrome, toasts, dialogs or hidden text
// (the views never draw a face-down card's text, in any window).
//
// It follows the facilitator: tab, board, retrospective (its phase is in the model), the open
// experiment and the scroll position of each scroll region (ScrollPositions, as fractions, since
// the room's text is larger). "Freeze view" holds a copy of the session and of what was followed,
// so the facilitator can prepare the next step; thawing shows the live state again.
//
// The window itself, its ImGui context and fonts are src/app/audience_window.*; this file only
// draws into whatever ImGui context is current, so the headless tests draw it too.

#include "core/model.hpp"
#include "ui/agenda_view.hpp"
#include "ui/board_view.hpp"
#include "ui/experiment_view.hpp"
#include "ui/retro_view.hpp"
#include "ui/room_panel.hpp"
#include "ui/room_size.hpp"
#include "ui/view.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lernraum::ui {

// What the audience window follows (Shell::follow()).
struct AudienceFollow {
    Tab tab = Tab::Agenda;
    core::Id board;
    core::Id retro;
    core::Id experiment; // "" = no experiment card open
    ScrollPositions scroll;
};

// A connected monitor, as the app reports it (src/ui never asks GLFW).
struct AudienceMonitor {
    std::string name;
    int width = 0;
    int height = 0;
};

// Shared by the facilitator's menus and controls, and the app that owns the window.
struct AudienceState {
    bool open = false;      // View > Audience window (F5): the app opens or closes the window to match
    bool frozen = false;    // "Freeze view"
    bool joinPanel = false; // the participants' room's join panel is shown to the room
    int monitors = 1;       // set by the app: F5 opens the window when there is a second screen
    std::vector<AudienceMonitor> connected; // set by the app: View > Audience monitor lists them
    // View > Audience monitor: the chosen monitor's name; "" = automatic (the first monitor that
    // does not hold the main window's centre). The app moves an open window there and resets a
    // choice whose monitor is gone to automatic.
    std::string monitor;
    // Set by the app while the window is open: its picture, small, for the facilitator's preview.
    ImTextureID preview = nullptr;
    float previewAspect = 16.0f / 9.0f;
};

class AudienceView {
public:
    // Draws the room's view into the current ImGui context, filling its display. `join`: the
    // participants' room, shown instead of the tab when state.joinPanel is set and it is open.
    void draw(const core::Session& session, const AudienceFollow& follow, WorkshopTimer* timer, double time,
              core::Timestamp now, const RoomPanelInfo* join = nullptr);

    // Keeps showing this session as it is now, at this place, until thaw().
    void freeze(const core::Session& session, const AudienceFollow& follow);
    void thaw();
    [[nodiscard]] bool frozen() const { return m_frozenSession.has_value(); }
    [[nodiscard]] Tab shownTab() const { return m_shown; }               // for tests
    [[nodiscard]] const std::string& shownTitle() const { return m_title; } // for tests

private:
    void drawHeader(const core::Session& session, WorkshopTimer* timer, double time);
    static void drawJoin(const RoomPanelInfo& info);

    AgendaView m_agenda;
    BoardView m_board;
    RetroView m_retro;
    ExperimentView m_experiments;
    std::optional<core::Session> m_frozenSession;
    AudienceFollow m_frozenFollow;
    Tab m_shown = Tab::Agenda;
    std::string m_title;
};

// The facilitator's side (drawn in the main window while the audience window is open): a small
// live preview of what the room sees, "Freeze view", the join panel switch, the room size and
// "Close". `roomOpen`: the participants' room is open (its join panel can be shown).
void drawAudienceControls(AudienceState& state, RoomSize& roomSize, bool roomOpen);

} // namespace lernraum::ui
