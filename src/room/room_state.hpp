#pragma once
// The owner's side of the participants' room: the per-device bookkeeping (own cards, dots, scale
// answers, rate windows, recent request ids) and the snapshot the server reads. Lives on the
// thread that owns the session (GUI thread or the headless room loop) and is not thread-safe.
// Devices are small numbers handed out by the server; tokens and addresses never reach here,
// and nothing here is ever written to the session or a file.

#include "core/history.hpp"
#include "core/ids.hpp"
#include "core/model.hpp"
#include "core/room_rules.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace lernraum::room {

using DeviceNo = std::uint32_t;

enum class RequestKind { AddCard, EditCard, DeleteCard, AddVote, RemoveVote, Answer, ProposeCard };

// One participant request, already parsed and checked for shape by the server.
struct Request {
    DeviceNo device = 0;
    RequestKind kind = RequestKind::AddCard;
    std::string requestId; // client-chosen, makes retries idempotent; may be empty
    core::Id itemId;       // edit/delete: the card; votes: the card or group; propose: the board
    core::Id promptId;     // add: the prompt
    std::string text;      // add/edit
    int value = 0;         // answer 1..5
};

struct Reply {
    int status = 200;  // HTTP status
    std::string error; // short machine code ("voting-closed"), empty on success
    core::Id id;       // the new card's id
    friend bool operator==(const Reply&, const Reply&) = default;
};

struct RoomLimits {
    int cardsPerMinute = 30;         // new cards and edits per device
    int votesPerMinute = 120;        // dots added or removed per device
    int maxCardsPerDevice = 100;     // cards a device can have at once
    int maxProposalsPerDevice = 10;  // board cards a device may propose while the room is open
    std::size_t maxTextChars = 280;  // characters of a card
    std::size_t requestIdsKept = 256; // per device
};

struct CardView {
    core::Id id;
    core::Id promptId;
    core::Id groupId;
    std::string text;
    int votes = 0; // 0 while tallies are hidden
};
struct GroupView {
    core::Id id;
    std::string title;
    int votes = 0;
};
// A board a participant may propose a card for (while the retrospective decides what to do):
// the card goes into its first column, anonymous.
struct BoardChoice {
    core::Id id;
    std::string title;
    std::string column; // the first column's title
};
struct DeviceView {
    std::vector<CardView> own; // own face-down cards (editable)
    std::map<core::Id, int> votes;
    int spent = 0;
    int checkIn = 0; // own answer 1..5, 0 = none
    int roti = 0;
};

// The JSON every device shares (json.hpp): the object's start up to the groups, and the scale
// object without the device's own answer and closing brace ("" without a scale).
struct StateJsonParts {
    std::string shared;
    std::string scale;
};

// What the server may show, built by the owner after every change. Immutable once published.
struct Snapshot {
    std::uint64_t version = 0;
    bool open = true;
    std::string language = "de";
    std::string title;
    core::Phase phase = core::Phase::SetTheStage;
    bool writing = false;
    bool votingOpen = false;
    bool talliesVisible = false;
    bool proposing = false;          // board cards may be proposed (phase "decide what to do")
    std::vector<BoardChoice> boards; // only while proposing
    int budget = 0;       // dots per device, 0 = unlimited
    int perItemLimit = 0; // 0 = no limit
    std::vector<core::Prompt> prompts;
    std::vector<CardView> cards; // revealed cards, in the (shuffled) model order
    std::vector<GroupView> groups;
    int hiddenCount = 0;
    int voters = 0; // devices that placed at least one dot
    std::optional<core::Scale> scale;
    std::string scaleQuestion;
    int scaleAnswers = 0;
    bool scaleVisible = false;   // at least kMinAnswersShown answers
    std::array<int, 5> scaleCounts{}; // all zero unless scaleVisible
    std::unordered_map<DeviceNo, DeviceView> devices;
    StateJsonParts json; // filled in last by RoomState::snapshot
};

// The counts the facilitator sees (never who did what).
struct RoomCounts {
    int devices = 0; // devices that sent anything (the server counts joined ones)
    int hiddenCards = 0;
    int voters = 0;
};

class RoomState {
public:
    RoomState(core::Id retroId, RoomLimits limits = {});

    // Applies one request through the history (as core commands) and answers it. A repeated
    // request id of the same device returns the first answer and changes nothing.
    Reply handle(const Request& request, core::Session& session, core::History& history, core::Timestamp now,
                 core::IdGenerator& ids);

    [[nodiscard]] std::shared_ptr<const Snapshot> snapshot(const core::Session& session, std::uint64_t version,
                                                           bool open) const;
    [[nodiscard]] RoomCounts counts(const core::Session& session) const;
    [[nodiscard]] const core::Id& retroId() const { return m_retroId; }

private:
    struct Device {
        std::vector<core::Id> cards;
        std::map<core::Id, int> votes;
        std::optional<int> checkIn;
        std::optional<int> roti;
        std::deque<std::int64_t> cardTimes;
        std::deque<std::int64_t> voteTimes;
        std::deque<std::pair<std::string, Reply>> recent;
        int proposals = 0;
    };

    Reply apply(const Request& request, Device& device, core::Session& session, core::History& history,
                core::Timestamp now, core::IdGenerator& ids);
    Reply vote(const Request& request, Device& device, core::Session& session, core::History& history,
               core::Timestamp now);
    Reply answer(const Request& request, Device& device, core::Session& session, core::History& history);
    Reply propose(const Request& request, Device& device, core::Session& session, core::History& history,
                  core::Timestamp now, core::IdGenerator& ids);
    core::DeviceVotes votesOf(const Device& device, const core::Retrospective& retro, const core::Id& target) const;

    core::Id m_retroId;
    RoomLimits m_limits;
    std::unordered_map<DeviceNo, Device> m_devices;
};

// The retrospective the room works on: the first one of the session (nullptr when none).
const core::Retrospective* roomRetro(const core::Session& session, const core::Id& retroId);

} // namespace lernraum::room
