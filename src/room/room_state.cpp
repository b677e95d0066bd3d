// Per-device bookkeeping of the participants' room; see room_state.hpp.

#include "room_state.hpp"

#include "json.hpp"

#include "core/commands.hpp"
#include "core/room_rules.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace lernraum::room {

namespace {

constexpr std::int64_t kMinute = 60;

// Sliding one-minute window: true (and the event counted) when fewer than `limit` events happened
// in the last minute.
bool allow(std::deque<std::int64_t>& times, int limit, std::int64_t now) {
    while (!times.empty() && times.front() <= now - kMinute) times.pop_front();
    if (limit > 0 && static_cast<int>(times.size()) >= limit) return false;
    times.push_back(now);
    return true;
}

std::size_t codePoints(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0U) != 0x80U) ++n;
    return n;
}

Reply fail(int status, std::string code) { return Reply{status, std::move(code), {}}; }

// A refused command becomes a 409 (conflict with the room's state) with the refusal code,
// except "not-found" (404).
Reply refused(const core::CommandResult& result) {
    const auto& code = result.refusal().code;
    return fail(code == core::refusal::NotFound ? 404 : 409, code);
}

const core::RetroItem* findItem(const core::Retrospective& retro, const core::Id& id) {
    for (const auto& item : retro.items)
        if (item.id == id) return &item;
    return nullptr;
}

} // namespace

const core::Retrospective* roomRetro(const core::Session& session, const core::Id& retroId) {
    for (const auto& r : session.retrospectives)
        if (r.id == retroId) return &r;
    return nullptr;
}

RoomState::RoomState(core::Id retroId, RoomLimits limits) : m_retroId(std::move(retroId)), m_limits(limits) {}

Reply RoomState::handle(const Request& request, core::Session& session, core::History& history, core::Timestamp now,
                        core::IdGenerator& ids) {
    Device& device = m_devices[request.device];
    if (!request.requestId.empty()) {
        for (const auto& [id, reply] : device.recent)
            if (id == request.requestId) return reply;
    }
    Reply reply = apply(request, device, session, history, now, ids);
    // Only answers that changed something or refused for good are remembered; a rate-limited
    // request may be retried with the same id later.
    if (!request.requestId.empty() && reply.status != 429) {
        device.recent.emplace_back(request.requestId, reply);
        while (device.recent.size() > m_limits.requestIdsKept) device.recent.pop_front();
    }
    return reply;
}

Reply RoomState::apply(const Request& request, Device& device, core::Session& session, core::History& history,
                       core::Timestamp now, core::IdGenerator& ids) {
    const core::Retrospective* retro = roomRetro(session, m_retroId);
    if (!retro) return fail(409, "no-retrospective");
    switch (request.kind) {
    case RequestKind::AddCard: {
        if (!core::writingOpen(retro->phase)) return fail(409, "writing-closed");
        if (codePoints(request.text) > m_limits.maxTextChars) return fail(422, "text-too-long");
        if (!core::isValidUtf8(request.text) || core::trim(request.text).empty()) return fail(422, "empty-text");
        if (static_cast<int>(device.cards.size()) >= m_limits.maxCardsPerDevice) return fail(429, "too-many-cards");
        if (!allow(device.cardTimes, m_limits.cardsPerMinute, now.seconds)) return fail(429, "rate-limited");
        const core::Id id = ids.next("item");
        auto result = core::addRetroItem(session, m_retroId, id, request.promptId, request.text, now, true);
        if (!history.apply(session, result)) return result ? fail(409, "no-change") : refused(result);
        device.cards.push_back(id);
        return Reply{201, {}, id};
    }
    case RequestKind::EditCard:
    case RequestKind::DeleteCard: {
        // Only the device's own cards; someone else's card answers like a missing one.
        if (std::find(device.cards.begin(), device.cards.end(), request.itemId) == device.cards.end() ||
            !findItem(*retro, request.itemId))
            return fail(404, "not-found");
        if (request.kind == RequestKind::EditCard) {
            if (codePoints(request.text) > m_limits.maxTextChars) return fail(422, "text-too-long");
            if (!allow(device.cardTimes, m_limits.cardsPerMinute, now.seconds)) return fail(429, "rate-limited");
            auto result = core::editOwnCard(session, m_retroId, request.itemId, request.text);
            if (!result) return refused(result);
            history.apply(session, result);
            history.endMergeGroup();
            return Reply{200, {}, request.itemId};
        }
        auto result = core::removeOwnCard(session, m_retroId, request.itemId);
        if (!history.apply(session, result)) return result ? fail(409, "no-change") : refused(result);
        std::erase(device.cards, request.itemId);
        return Reply{200, {}, request.itemId};
    }
    case RequestKind::AddVote:
    case RequestKind::RemoveVote: return vote(request, device, session, history, now);
    case RequestKind::Answer: return answer(request, device, session, history);
    case RequestKind::ProposeCard: return propose(request, device, session, history, now, ids);
    }
    return fail(400, "bad-request");
}

core::DeviceVotes RoomState::votesOf(const Device& device, const core::Retrospective& retro,
                                     const core::Id& target) const {
    // The facilitator may remove cards or reset dots: a device's dot counts only while it is
    // still there, so the budget comes back with it.
    auto actual = [&](const core::Id& id) {
        if (const auto* item = findItem(retro, id)) return item->votes;
        for (const auto& g : retro.groups)
            if (g.id == id) return g.votes;
        return 0;
    };
    core::DeviceVotes v;
    for (const auto& [id, n] : device.votes) {
        const int mine = std::min(n, actual(id));
        v.spent += mine;
        if (id == target) v.onTarget = mine;
    }
    return v;
}

Reply RoomState::vote(const Request& request, Device& device, core::Session& session, core::History& history,
                      core::Timestamp now) {
    const core::Retrospective* retro = roomRetro(session, m_retroId);
    const auto mine = votesOf(device, *retro, request.itemId);
    const bool add = request.kind == RequestKind::AddVote;
    auto result = add ? core::castDeviceVote(session, m_retroId, request.itemId, mine)
                      : core::removeDeviceVote(session, m_retroId, request.itemId, mine);
    if (!result) return refused(result);
    if (!allow(device.voteTimes, m_limits.votesPerMinute, now.seconds)) return fail(429, "rate-limited");
    if (!history.apply(session, result)) return fail(409, "no-change");
    int& n = device.votes[request.itemId];
    n = mine.onTarget + (add ? 1 : -1);
    if (n <= 0) device.votes.erase(request.itemId);
    return Reply{200, {}, request.itemId};
}

Reply RoomState::answer(const Request& request, Device& device, core::Session& session, core::History& history) {
    const core::Retrospective* retro = roomRetro(session, m_retroId);
    const auto scale = core::scaleOfPhase(retro->phase);
    if (!scale) return fail(409, "scale-closed");
    if (request.value < 1 || request.value > 5) return fail(422, "invalid-value");
    std::optional<int>& mine = *scale == core::Scale::CheckIn ? device.checkIn : device.roti;
    if (mine == request.value) return Reply{200, {}, {}};
    if (mine) {
        // Taking the old answer back is refused when the facilitator cleared the answers: then
        // only the new answer counts.
        history.apply(session, core::countAnswer(session, m_retroId, *scale, *mine, -1));
    }
    auto result = core::countAnswer(session, m_retroId, *scale, request.value, +1);
    if (!history.apply(session, result)) return refused(result);
    mine = request.value;
    return Reply{200, {}, {}};
}

Reply RoomState::propose(const Request& request, Device& device, core::Session& session, core::History& history,
                         core::Timestamp now, core::IdGenerator& ids) {
    const core::Retrospective* retro = roomRetro(session, m_retroId);
    if (!core::proposingOpen(retro->phase)) return fail(409, "proposals-closed");
    const auto board = std::find_if(session.boards.begin(), session.boards.end(),
                                    [&](const core::Board& b) { return b.id == request.itemId; });
    if (board == session.boards.end() || board->columns.empty()) return fail(404, "not-found");
    if (codePoints(request.text) > m_limits.maxTextChars) return fail(422, "text-too-long");
    if (!core::isValidUtf8(request.text) || core::trim(request.text).empty()) return fail(422, "empty-text");
    if (device.proposals >= m_limits.maxProposalsPerDevice) return fail(429, "too-many-proposals");
    if (!allow(device.cardTimes, m_limits.cardsPerMinute, now.seconds)) return fail(429, "rate-limited");
    // Anonymous: a board card has no author; the first lane when the board has swimlanes.
    const core::Id id = ids.next("card");
    auto result = core::addCard(session, board->id, id, board->columns.front().id,
                                board->lanes.empty() ? core::Id{} : board->lanes.front().id,
                                std::string(core::trim(request.text)), core::kAtEnd, now);
    if (!result) return refused(result);
    if (!history.apply(session, result)) return fail(409, "no-change");
    ++device.proposals;
    return Reply{201, {}, id};
}

std::shared_ptr<const Snapshot> RoomState::snapshot(const core::Session& session, std::uint64_t version,
                                                    bool open) const {
    auto snap = std::make_shared<Snapshot>();
    snap->version = version;
    snap->open = open;
    snap->language = session.language;
    const core::Retrospective* retro = roomRetro(session, m_retroId);
    if (!retro) return snap;
    snap->title = retro->title.empty() ? session.title : retro->title;
    snap->phase = retro->phase;
    snap->writing = core::writingOpen(retro->phase);
    snap->votingOpen = retro->voting.open;
    snap->proposing = core::proposingOpen(retro->phase);
    if (snap->proposing)
        for (const auto& b : session.boards)
            if (!b.columns.empty()) snap->boards.push_back(BoardChoice{b.id, b.title, b.columns.front().title});
    snap->budget = std::max(0, retro->voting.budgetPerParticipant);
    snap->perItemLimit = std::max(0, retro->voting.perItemLimit);
    snap->prompts = retro->prompts;
    for (const auto& [no, device] : m_devices) {
        DeviceView view;
        for (const auto& id : device.cards) {
            const auto* item = findItem(*retro, id);
            if (item && item->hidden) view.own.push_back(CardView{item->id, item->promptId, {}, item->text, 0});
        }
        for (const auto& [id, n] : device.votes) {
            const auto v = votesOf(device, *retro, id);
            if (v.onTarget > 0) view.votes[id] = v.onTarget;
        }
        view.spent = votesOf(device, *retro, {}).spent;
        view.checkIn = device.checkIn.value_or(0);
        view.roti = device.roti.value_or(0);
        if (view.spent > 0) ++snap->voters;
        snap->devices.emplace(no, std::move(view));
    }
    // Tallies: only with enough voters, and not while voting is open when the session hides them.
    snap->talliesVisible = core::mayShowAggregate(snap->voters) && !(retro->voting.hiddenUntilClosed && retro->voting.open);
    for (const auto& item : retro->items) {
        if (item.hidden) {
            ++snap->hiddenCount;
            continue;
        }
        snap->cards.push_back(CardView{item.id, item.promptId, item.groupId, item.text,
                                       snap->talliesVisible ? item.votes : 0});
    }
    for (const auto& g : retro->groups)
        snap->groups.push_back(GroupView{g.id, g.title, snap->talliesVisible ? g.votes : 0});
    snap->scale = core::scaleOfPhase(retro->phase);
    if (snap->scale) {
        const auto& q = *snap->scale == core::Scale::CheckIn ? retro->checkIn : retro->roti;
        snap->scaleQuestion = q.question;
        snap->scaleAnswers = core::answerCount(q);
        snap->scaleVisible = core::mayShowAggregate(snap->scaleAnswers);
        if (snap->scaleVisible) snap->scaleCounts = q.counts;
    }
    snap->json = stateJsonParts(*snap);
    return snap;
}

RoomCounts RoomState::counts(const core::Session& session) const {
    RoomCounts c;
    c.devices = static_cast<int>(m_devices.size());
    if (const auto* retro = roomRetro(session, m_retroId)) {
        c.hiddenCards = core::hiddenCount(*retro);
        for (const auto& [no, device] : m_devices)
            if (votesOf(device, *retro, {}).spent > 0) ++c.voters;
    }
    return c;
}

} // namespace lernraum::room
