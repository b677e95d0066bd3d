#pragma once
// The participants' room as its owner (the GUI thread or the headless room loop) sees it: a
// Server on its own threads plus the per-device RoomState. The owner calls pump() whenever the
// wake callback fired (and may call it any time): waiting requests become core commands applied
// through the session's History, and a fresh snapshot is published when anything changed.
//
//   auto room = room::Room::open(options, session, retroId, error);   // listening
//   ... wake callback -> glfwPostEmptyEvent() ...
//   room->pump(session, history, now, ids);                           // on the owner thread

#include "room_state.hpp"
#include "server.hpp"

#include <memory>
#include <string>

namespace lernraum::room {

class Room {
public:
    // nullptr with `error` when the session has no retrospective or the address cannot be used.
    static std::unique_ptr<Room> open(ServerOptions options, const core::Session& session, std::string& error,
                                      RoomLimits limits = {});

    // Applies waiting requests; publishes when the session, the devices or the room changed.
    // Returns true when the session changed.
    bool pump(core::Session& session, core::History& history, core::Timestamp now, core::IdGenerator& ids);

    // "Raum schließen": every further request is refused; the session stays as it is.
    void close(const core::Session& session);
    [[nodiscard]] bool isOpen() const;

    [[nodiscard]] std::string url() const { return m_server->url(); }
    [[nodiscard]] const std::string& code() const { return m_server->code(); }
    [[nodiscard]] std::uint16_t port() const { return m_server->port(); }
    [[nodiscard]] const core::Id& retroId() const { return m_state.retroId(); }
    [[nodiscard]] AnswerTimes answerTimes() const { return m_server->answerTimes(); }

    struct Counts {
        int devices = 0;     // joined devices
        int hiddenCards = 0; // face-down cards (all, also the facilitator's)
        int voters = 0;      // devices that placed a dot
    };
    [[nodiscard]] Counts counts(const core::Session& session) const;

private:
    Room(std::unique_ptr<Server> server, core::Id retroId, RoomLimits limits);
    void publish(const core::Session& session);

    std::unique_ptr<Server> m_server;
    RoomState m_state;
    std::uint64_t m_version = 0;
    std::uint64_t m_seenHistory = static_cast<std::uint64_t>(-1);
    const core::Session* m_seenSession = nullptr;
    int m_seenDevices = -1;
};

} // namespace lernraum::room
