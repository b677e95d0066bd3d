// The owner's bookkeeping of the participants' room (room/room_state.hpp) and its JSON
// (room/json.hpp), without the network.

#include "core/history.hpp"
#include "core/ids.hpp"
#include "core/retro_rules.hpp"
#include "core/room_rules.hpp"
#include "core/templates.hpp"
#include "room/json.hpp"
#include "room/room_state.hpp"

#include <catch2/catch.hpp>

using namespace lernraum;
using room::Request;
using room::RequestKind;

namespace {

struct Owner {
    core::IdGenerator ids{11};
    core::Session s = core::makeEmptySession("Test", core::Date{}, ids);
    core::History history;
    room::RoomState state{s.retrospectives.front().id};
    core::Timestamp now{1'700'000'000};

    core::Retrospective& retro() { return s.retrospectives.front(); }
    room::Reply send(Request r) { return state.handle(r, s, history, now, ids); }
    room::Reply card(room::DeviceNo d, const std::string& text, const std::string& rid = {}) {
        return send(Request{d, RequestKind::AddCard, rid, {}, retro().prompts.front().id, text, 0});
    }
    room::Reply vote(room::DeviceNo d, const core::Id& target, bool add = true, const std::string& rid = {}) {
        return send(Request{d, add ? RequestKind::AddVote : RequestKind::RemoveVote, rid, target, {}, {}, 0});
    }
    void phase(core::Phase p) { REQUIRE(history.apply(s, core::goToPhase(s, retro().id, p))); }
    void voting(bool open, int budget, int perItem = 0, bool hiddenUntilClosed = false) {
        auto v = retro().voting;
        v.open = open;
        v.budgetPerParticipant = budget;
        v.perItemLimit = perItem;
        v.hiddenUntilClosed = hiddenUntilClosed;
        REQUIRE(history.apply(s, core::setVotingSettings(s, retro().id, v)));
    }
    void reveal() { REQUIRE(history.apply(s, core::revealShuffled(s, retro().id, 3))); }
};

} // namespace

TEST_CASE("room: 50 vote requests of one device with budget 5 accept exactly 5", "[room][state]") {
    Owner o;
    o.phase(core::Phase::GatherData);
    const auto a = o.card(1, "Karte A").id;
    const auto b = o.card(2, "Karte B").id;
    o.reveal();
    o.voting(true, 5);
    int accepted = 0, refused = 0;
    for (int i = 0; i < 50; ++i) {
        const auto r = o.vote(7, i % 2 ? a : b, true, "rq-" + std::to_string(i));
        (r.status == 200 ? accepted : refused) += 1;
        if (r.status != 200) CHECK(r.error == "device-budget-spent");
    }
    CHECK(accepted == 5);
    CHECK(refused == 45);
    CHECK(core::votesCast(o.retro()) == 5);
    // Another device has its own budget.
    CHECK(o.vote(8, a).status == 200);
    CHECK(core::votesCast(o.retro()) == 6);
    // Taking a dot back gives it back to the device.
    CHECK(o.vote(7, a, false).status == 200);
    CHECK(o.vote(7, a).status == 200);
    CHECK(o.vote(7, a).status == 409);
    // Removing a dot the device does not have is refused.
    CHECK(o.vote(9, a, false).error == "no-votes");
}

TEST_CASE("room: per-item limit per device, closed voting refuses, hidden cards cannot be voted", "[room][state]") {
    Owner o;
    o.phase(core::Phase::GatherData);
    const auto a = o.card(1, "A").id;
    o.voting(true, 10, 2);
    CHECK(o.vote(1, a).status == 404); // still face-down
    o.reveal();
    CHECK(o.vote(1, a).status == 200);
    CHECK(o.vote(1, a).status == 200);
    CHECK(o.vote(1, a).error == "vote-limit-reached");
    CHECK(o.vote(2, a).status == 200);
    o.voting(false, 10, 2);
    CHECK(o.vote(3, a).error == "voting-closed");
    CHECK(o.retro().items[0].votes == 3);
}

TEST_CASE("room: request ids make retries idempotent", "[room][state]") {
    Owner o;
    o.phase(core::Phase::GatherData);
    const auto first = o.card(1, "Nur einmal", "req-1");
    const auto again = o.card(1, "Nur einmal", "req-1");
    CHECK(first.status == 201);
    CHECK(again == first);
    CHECK(o.retro().items.size() == 1);
    // The same id from another device is another request.
    CHECK(o.card(2, "Nur einmal", "req-1").id != first.id);
    CHECK(o.retro().items.size() == 2);
}

TEST_CASE("room: own cards are editable and deletable until the reveal, others' never", "[room][state]") {
    Owner o;
    CHECK(o.card(1, "zu früh").error == "writing-closed");
    o.phase(core::Phase::GatherData);
    const auto mine = o.card(1, "meine").id;
    const auto other = o.card(2, "fremde").id;
    CHECK(o.send(Request{1, RequestKind::EditCard, {}, mine, {}, "geändert", 0}).status == 200);
    CHECK(o.send(Request{1, RequestKind::EditCard, {}, other, {}, "übernommen", 0}).status == 404);
    CHECK(o.send(Request{1, RequestKind::DeleteCard, {}, other, {}, {}, 0}).status == 404);
    CHECK(o.retro().items[1].text == "fremde");

    // Other devices see counts only; the owner sees its own text.
    auto snap = o.state.snapshot(o.s, 1, true);
    const auto json2 = room::stateJson(*snap, 2);
    CHECK(json2.find("geändert") == std::string::npos);
    CHECK(json2.find("fremde") != std::string::npos);
    CHECK(json2.find("\"hiddenCount\":2") != std::string::npos);
    CHECK(room::stateJson(*snap, 3).find("fremde") == std::string::npos);

    o.reveal();
    CHECK(o.send(Request{1, RequestKind::EditCard, {}, mine, {}, "danach", 0}).error == "revealed");
    CHECK(o.send(Request{1, RequestKind::DeleteCard, {}, mine, {}, {}, 0}).error == "revealed");
    snap = o.state.snapshot(o.s, 2, true);
    CHECK(room::stateJson(*snap, 3).find("geändert") != std::string::npos);
}

TEST_CASE("room: one scale answer per device, changeable, results from three answers", "[room][state]") {
    Owner o;
    auto answer = [&](room::DeviceNo d, int v) { return o.send(Request{d, RequestKind::Answer, {}, {}, {}, {}, v}); };
    CHECK(answer(1, 4).status == 200);
    CHECK(answer(1, 4).status == 200); // same answer again: nothing changes
    CHECK(answer(1, 2).status == 200); // changed
    CHECK(answer(2, 2).status == 200);
    CHECK(answer(2, 9).status == 422);
    CHECK(o.retro().checkIn.counts == std::array<int, 5>{0, 2, 0, 0, 0});
    auto snap = o.state.snapshot(o.s, 1, true);
    CHECK_FALSE(snap->scaleVisible);
    CHECK(room::stateJson(*snap, 1).find("\"counts\":null") != std::string::npos);
    CHECK(answer(3, 5).status == 200);
    snap = o.state.snapshot(o.s, 2, true);
    CHECK(snap->scaleVisible);
    CHECK(room::stateJson(*snap, 1).find("\"counts\":[0,2,0,0,1]") != std::string::npos);
    CHECK(room::stateJson(*snap, 1).find("\"mine\":2") != std::string::npos);
    o.phase(core::Phase::GatherData);
    CHECK(answer(1, 3).error == "scale-closed");
    o.phase(core::Phase::Close);
    CHECK(answer(1, 3).status == 200);
    CHECK(o.retro().roti.counts[2] == 1);
}

TEST_CASE("room: tallies need three voters and stay hidden while voting when the session says so", "[room][state]") {
    Owner o;
    o.phase(core::Phase::GatherData);
    const auto a = o.card(1, "A").id;
    o.reveal();
    o.voting(true, 3, 0, true);
    for (room::DeviceNo d = 1; d <= 3; ++d) REQUIRE(o.vote(d, a).status == 200);
    auto snap = o.state.snapshot(o.s, 1, true);
    CHECK_FALSE(snap->talliesVisible);
    CHECK(room::stateJson(*snap, 1).find("\"votes\":") == std::string::npos);
    o.voting(false, 3, 0, true);
    snap = o.state.snapshot(o.s, 2, true);
    CHECK(snap->talliesVisible);
    CHECK(room::stateJson(*snap, 1).find("\"votes\":3") != std::string::npos);

    Owner two;
    two.phase(core::Phase::GatherData);
    const auto b = two.card(1, "B").id;
    two.reveal();
    two.voting(true, 3);
    REQUIRE(two.vote(1, b).status == 200);
    REQUIRE(two.vote(2, b).status == 200);
    CHECK_FALSE(two.state.snapshot(two.s, 1, true)->talliesVisible);
}

TEST_CASE("room: cards per device per minute are capped", "[room][state]") {
    Owner o;
    o.phase(core::Phase::GatherData);
    int ok = 0;
    for (int i = 0; i < 40; ++i) ok += o.card(1, "Karte " + std::to_string(i)).status == 201;
    CHECK(ok == 30);
    CHECK(o.card(1, "eine mehr").error == "rate-limited");
    o.now.seconds += 61;
    CHECK(o.card(1, "eine Minute später").status == 201);
    CHECK(o.card(1, std::string(281, 'x')).error == "text-too-long");
    CHECK(o.card(1, "   ").error == "empty-text");
}

TEST_CASE("room: request bodies are parsed strictly", "[room][json]") {
    auto b = room::parseBody(R"({"code":"K7M2NP","requestId":"r1","text":"Hallo \u00e4","value":3,"extra":[1,2]})");
    REQUIRE(b);
    CHECK(b->code == "K7M2NP");
    CHECK(b->text == "Hallo ä");
    CHECK(b->value == 3);
    CHECK_FALSE(room::parseBody("[]"));
    CHECK_FALSE(room::parseBody("{\"text\":1}"));
    CHECK_FALSE(room::parseBody("{\"value\":\"3\"}"));
    CHECK_FALSE(room::parseBody("{\"text\":\"\xff\"}"));
    CHECK_FALSE(room::parseBody("{"));
    CHECK_FALSE(room::parseBody(""));
    CHECK_FALSE(room::parseBody(std::string(200000, '[')));
    CHECK_FALSE(room::parseBody("{\"text\":\"" + std::string(5000, 'x') + "\"}"));
    std::string out;
    room::appendJsonString(out, "a\"b\\c\n<script>");
    CHECK(out == "\"a\\\"b\\\\c\\n\\u003cscript\\u003e\"");
}

TEST_CASE("room: a proposed board card goes anonymously into the first column, only while deciding", "[room][state]") {
    Owner o;
    REQUIRE_FALSE(o.s.boards.empty());
    REQUIRE_FALSE(o.s.boards.front().columns.empty());
    const core::Board& board = o.s.boards.front();
    const std::size_t before = board.cards.size();
    auto propose = [&](room::DeviceNo d, const std::string& text, const core::Id& boardId, const std::string& rid = {}) {
        return o.send(Request{d, RequestKind::ProposeCard, rid, boardId, {}, text, 0});
    };
    // Not while writing: the page follows the phase the facilitator has open.
    o.phase(core::Phase::GatherData);
    CHECK(propose(1, "Wöchentliche Sprechstunde", board.id).error == "proposals-closed");
    CHECK_FALSE(o.state.snapshot(o.s, 1, true)->proposing);
    CHECK(o.state.snapshot(o.s, 1, true)->boards.empty());

    o.phase(core::Phase::DecideWhatToDo);
    const auto snap = o.state.snapshot(o.s, 2, true);
    REQUIRE(snap->proposing);
    REQUIRE(snap->boards.size() == o.s.boards.size());
    CHECK(snap->boards.front().column == board.columns.front().title);
    CHECK(room::stateJson(*snap, 1).find("\"proposing\":true") != std::string::npos);

    const auto r = propose(1, "  Wöchentliche Sprechstunde  ", board.id, "p1");
    REQUIRE(r.status == 201);
    const core::Board& after = o.s.boards.front();
    REQUIRE(after.cards.size() == before + 1);
    const core::Card& card = after.cards.back();
    CHECK(card.id == r.id);
    CHECK(card.title == "Wöchentliche Sprechstunde");
    CHECK(card.columnId == after.columns.front().id);
    CHECK_FALSE(card.ownerRole.has_value()); // nobody's card
    CHECK(o.history.isDirty());
    // A retry with the same request id adds nothing.
    CHECK(propose(1, "Wöchentliche Sprechstunde", board.id, "p1") == r);
    CHECK(o.s.boards.front().cards.size() == before + 1);
    // Undo takes it back (the facilitator removes an inappropriate card).
    REQUIRE(o.history.undo(o.s));
    CHECK(o.s.boards.front().cards.size() == before);

    CHECK(propose(1, "x", "no-such-board").status == 404);
    CHECK(propose(1, "   ", board.id).error == "empty-text");
    CHECK(propose(1, std::string(281, 'a'), board.id).error == "text-too-long");
    // At most 10 proposals per device (the first one counts although it was undone).
    int accepted = 0;
    for (int i = 0; i < 20; ++i) {
        o.now.seconds += 10; // stay under the per-minute cap
        if (propose(2, "Vorschlag " + std::to_string(i), board.id).status == 201) ++accepted;
    }
    CHECK(accepted == 10);
    CHECK(propose(2, "noch einer", board.id).error == "too-many-proposals");
}
