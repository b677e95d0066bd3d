// The owner's side of the participants' room; see room.hpp.

#include "room.hpp"

namespace lernraum::room {

std::unique_ptr<Room> Room::open(ServerOptions options, const core::Session& session, std::string& error,
                                 RoomLimits limits) {
    if (session.retrospectives.empty()) {
        error = "the session has no retrospective to open a room for";
        return nullptr;
    }
    auto server = Server::start(std::move(options), error);
    if (!server) return nullptr;
    std::unique_ptr<Room> room(new Room(std::move(server), session.retrospectives.front().id, limits));
    room->publish(session);
    return room;
}

Room::Room(std::unique_ptr<Server> server, core::Id retroId, RoomLimits limits)
    : m_server(std::move(server)), m_state(std::move(retroId), limits) {}

bool Room::pump(core::Session& session, core::History& history, core::Timestamp now, core::IdGenerator& ids) {
    const auto before = history.version();
    auto jobs = m_server->takeJobs();
    for (auto& job : jobs) {
        try {
            job->reply = m_state.handle(job->request, session, history, now, ids);
        } catch (const std::exception&) {
            // A change that does not fit the session (cannot happen: commands are computed from
            // the current session); the request fails, the session is unchanged.
            job->reply = Reply{500, "internal-error", {}};
        }
        job->done(*job);
    }
    const int devices = m_server->deviceCount();
    if (!jobs.empty() || history.version() != m_seenHistory || devices != m_seenDevices) publish(session);
    m_seenHistory = history.version();
    m_seenDevices = devices;
    return history.version() != before;
}

void Room::publish(const core::Session& session) {
    m_server->publish(m_state.snapshot(session, ++m_version, !m_server->isClosed()));
}

void Room::close(const core::Session& session) {
    m_server->close();
    publish(session);
}

bool Room::isOpen() const { return !m_server->isClosed(); }

Room::Counts Room::counts(const core::Session& session) const {
    const auto c = m_state.counts(session);
    return Counts{m_server->deviceCount(), c.hiddenCards, c.voters};
}

} // namespace lernraum::room
