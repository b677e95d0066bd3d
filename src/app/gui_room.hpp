#pragma once
// The participants' room in the GUI: opens src/room on the address chosen in the join panel,
// applies device requests on the GUI thread through the shell's undo history (each frame, woken by
// the server through glfwPostEmptyEvent), and closes the room when the session is replaced or the
// app quits.

#include "room/qr.hpp"
#include "room/room.hpp"
#include "ui/room_panel.hpp"
#include "ui/shell.hpp"

#include <chrono>
#include <functional>
#include <memory>

namespace lernraum::app {

class GuiRoom {
public:
    explicit GuiRoom(std::function<void()> wake) : m_wake(std::move(wake)) {}

    ui::RoomPanelServices services(ui::Shell& shell);
    // Applies waiting requests; closes the room when the shell holds another session now.
    // Returns true when requests changed the session.
    bool pump(ui::Shell& shell, core::Timestamp now);
    // True during the first minute of an open room while nobody has joined: the window then wakes
    // once a second so the panel's checklist appears on time; otherwise the window sleeps.
    [[nodiscard]] bool waitingForFirstDevice(const ui::Shell& shell) const;

    // Command line (--room ADDR): opens the room and prints "join: URL" and "code: CODE" on
    // stdout, as `lernraum room` does. Returns an error message or "".
    std::string openFromCommandLine(ui::Shell& shell, const std::string& address);
    // One facilitator command line (--room-commands, room_commands.hpp), applied through the
    // shell like the Retrospective tab's buttons; answers on stdout, errors on stderr. Call it
    // after pump(), so requests that arrived before the command are applied first.
    void command(ui::Shell& shell, const std::string& line);

private:
    std::function<void()> m_wake;
    std::unique_ptr<room::Room> m_room;
    core::Id m_sessionId;
    std::chrono::steady_clock::time_point m_openedAt;
    room::QrCode m_qr;
    core::IdGenerator m_ids = core::IdGenerator::fromRandomDevice();
};

} // namespace lernraum::app
