// The participants' room in the GUI; see gui_room.hpp.

#include "gui_room.hpp"

#include "room/addresses.hpp"
#include "room_assets.hpp"
#include "room_commands.hpp"

#include <cstdio>

namespace lernraum::app {

ui::RoomPanelServices GuiRoom::services(ui::Shell& shell) {
    ui::RoomPanelServices s;
    s.addresses = [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& a : room::lanAddresses()) out.emplace_back(a.address, a.address + " (" + a.interfaceName + ")");
        return out;
    };
    s.open = [this, &shell](const std::string& address) -> std::string {
        std::string error;
        room::ServerOptions options;
        options.bindAddress = address;
        options.assets = loadRoomAssets(executableDir(), error);
        if (options.assets.empty()) return error;
        options.wake = m_wake;
        m_room = room::Room::open(std::move(options), shell.session(), error);
        if (!m_room) return error;
        m_sessionId = shell.session().id;
        m_openedAt = std::chrono::steady_clock::now();
        m_qr = room::encodeJoinUrl(m_room->url());
        return {};
    };
    s.close = [this, &shell] {
        if (m_room) m_room->close(shell.session());
        m_room.reset(); // stops listening: nothing stays open on the network
    };
    s.info = [this, &shell] {
        ui::RoomPanelInfo info;
        if (!m_room) return info;
        info.open = true;
        info.url = m_room->url();
        info.code = m_room->code();
        info.qrSize = m_qr.size;
        info.qr = m_qr.dark;
        const auto c = m_room->counts(shell.session());
        info.devices = c.devices;
        info.hiddenCards = c.hiddenCards;
        info.voters = c.voters;
        return info;
    };
    return s;
}

bool GuiRoom::pump(ui::Shell& shell, core::Timestamp now) {
    if (!m_room) return false;
    if (shell.session().id != m_sessionId) { // another session was opened: the room ends
        m_room.reset();
        return false;
    }
    return m_room->pump(shell.editableSession(), shell.history(), now, m_ids);
}

bool GuiRoom::waitingForFirstDevice(const ui::Shell& shell) const {
    return m_room && std::chrono::steady_clock::now() - m_openedAt < std::chrono::seconds(62) &&
           m_room->counts(shell.session()).devices == 0;
}

std::string GuiRoom::openFromCommandLine(ui::Shell& shell, const std::string& address) {
    if (auto error = services(shell).open(address); !error.empty()) return error;
    std::printf("join: %s\ncode: %s\n", m_room->url().c_str(), m_room->code().c_str());
    std::fflush(stdout);
    return {};
}

void GuiRoom::command(ui::Shell& shell, const std::string& line) {
    using Kind = FacilitatorCommand::Kind;
    auto say = [](const std::string& text) {
        std::printf("%s\n", text.c_str());
        std::fflush(stdout);
    };
    auto complain = [](const std::string& text) { std::fprintf(stderr, "lernraum: error: %s\n", text.c_str()); };
    if (!m_room) return complain("no room is open");
    auto cmd = parseFacilitatorCommand(line, shell.session(), m_room->retroId(), randomSeed());
    switch (cmd.kind) {
    case Kind::Empty: break;
    case Kind::Quit: shell.requestClose(); break; // asks about unsaved changes, as the window's close button
    case Kind::Status: say(roomStatusLine(*m_room, shell.session())); break;
    case Kind::Timing: say(roomTimingLine(*m_room)); break;
    case Kind::Save:
        if (shell.save()) say("saved");
        else complain("not saved");
        break;
    case Kind::Close:
        services(shell).close();
        say("room: closed");
        break;
    case Kind::Error: complain(cmd.error); break;
    case Kind::Change:
        if (!*cmd.change) return complain(cmd.change->refusal().message());
        shell.submit(*cmd.change);
        say(cmd.done);
        break;
    }
}

} // namespace lernraum::app
