// Corrections in a live room: merging duplicate cards, typing a tally, removing an action or an
// experiment, an action's owner and due date reaching its board card, and going back a phase
// moving the agenda back. Each is one undo step that restores the session exactly.

#include "core/formats.hpp"
#include "core/history.hpp"
#include "core/retro_rules.hpp"
#include "core/validate.hpp"

#include "apply_ok.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace lernraum::core;
using lernraum::test::applyOk;

namespace {

const Timestamp kT0{1'795'000'000};

Session room() {
    Session s;
    s.id = "session-1";
    s.title = "Test";
    s.participants = {Participant{"part-a", "", Role::Manager, ""}, Participant{"part-b", "", Role::Employee, ""},
                      Participant{"part-c", "", Role::StaffCouncil, ""}};
    Board b;
    b.id = "board-1";
    b.title = "Board";
    b.columns = {Column{"col-todo", "Zu erledigen", ColumnKind::Todo, 0, WipMode::Soft}};
    Card card;
    card.id = "card-1";
    card.columnId = "col-todo";
    card.title = "Telefonzeiten";
    card.createdAt = kT0;
    card.history = {ColumnVisit{"col-todo", kT0}};
    b.cards.push_back(card);
    s.boards.push_back(b);
    Retrospective r;
    r.id = "retro-1";
    r.title = "Retro";
    r.prompts = {Prompt{"prompt-1", "Was stört?"}};
    r.items = {RetroItem{"item-1", "prompt-1", "Zu viele Mails", "", false, "", 2, kT0},
               RetroItem{"item-2", "prompt-1", "Zu viele E-Mails", "", false, "", 1, kT0},
               RetroItem{"item-3", "prompt-1", "Kurze Wege", "", false, "", 0, kT0}};
    r.voting = VotingSettings{3, 4, false, true}; // 3 voters x 3 dots = 9, at most 4 per card
    r.actions = {Action{"action-1", "Mailfreie Stunde", std::nullopt, Date{}, ActionStatus::Open, "item-2", "card-1", "", "", ""}};
    s.retrospectives.push_back(r);
    Experiment e;
    e.id = "exp-1";
    e.title = "Mailfreier Vormittag";
    e.links = {Link{"item-2", "", "Zu viele E-Mails"}};
    s.experiments.push_back(e);
    return s;
}

const Retrospective& retro(const Session& s) { return s.retrospectives.front(); }
const RetroItem* item(const Session& s, const char* id) {
    const auto& items = retro(s).items;
    const auto it = std::find_if(items.begin(), items.end(), [&](const RetroItem& i) { return i.id == id; });
    return it == items.end() ? nullptr : &*it;
}


} // namespace

TEST_CASE("merging a duplicate sums the votes, retargets links and removes it, one undo step", "[retro][corrections]") {
    Session s = room();
    History h;
    CHECK(mergeRetroItems(s, "retro-1", "item-1", "item-1").refusal().code == refusal::SameItem);
    CHECK(mergeRetroItems(s, "retro-1", "item-1", "item-9").refusal().code == refusal::NotFound);
    const auto r = mergeRetroItems(s, "retro-1", "item-1", "item-2");
    REQUIRE(r.ok());
    CHECK(r.change().label == "Merge cards");
    applyOk(s, h, r);
    CHECK(item(s, "item-2") == nullptr);
    CHECK(item(s, "item-1")->votes == 3);
    CHECK(retro(s).actions.front().sourceId == "item-1");
    CHECK(s.experiments.front().links.front().targetId == "item-1");
    h.undo(s);
    CHECK(s == room());
}

TEST_CASE("a typed tally sets an item's votes within the per item limit and the room's budget", "[retro][voting]") {
    Session s = room();
    History h;
    applyOk(s, h, setVotes(s, "retro-1", "item-3", 4));
    CHECK(item(s, "item-3")->votes == 4);
    CHECK(setVotes(s, "retro-1", "item-3", 5).refusal().code == refusal::VoteLimitReached);
    // 2 + 1 + 4 = 7 of 9: raising item-1 from 2 to 4 stays within, item-2 from 1 to 4 would not.
    CHECK(setVotes(s, "retro-1", "item-2", 4).refusal().code == refusal::VoteBudgetSpent);
    applyOk(s, h, setVotes(s, "retro-1", "item-1", 4));
    applyOk(s, h, setVotes(s, "retro-1", "item-1", 0)); // lowering is always fine
    CHECK(setVotes(s, "retro-1", "item-1", -1).refusal().code == refusal::InvalidValue);
    s.retrospectives.front().voting.open = false;
    CHECK(setVotes(s, "retro-1", "item-1", 1).refusal().code == refusal::VotingClosed);
}

TEST_CASE("an action is removed, an experiment is removed unless an action links it", "[retro][corrections]") {
    Session s = room();
    History h;
    const auto r = removeAction(s, "retro-1", "action-1");
    REQUIRE(r.ok());
    CHECK(r.change().label == "Remove action");
    applyOk(s, h, r);
    CHECK(retro(s).actions.empty());
    CHECK(s.boards.front().cards.size() == 1); // the card stays on the board

    s = room();
    s.retrospectives.front().actions.front().experimentId = "exp-1";
    CHECK(removeExperiment(s, "exp-1").refusal().code == refusal::StillReferenced);
    s.retrospectives.front().actions.front().experimentId.clear();
    const auto e = removeExperiment(s, "exp-1");
    REQUIRE(e.ok());
    CHECK(e.change().label == "Remove experiment");
    applyOk(s, h, e);
    CHECK(s.experiments.empty());

    // An experiment linking an action keeps the action.
    s = room();
    s.experiments.front().links.push_back(Link{"action-1", "", "Mailfreie Stunde"});
    CHECK(removeAction(s, "retro-1", "action-1").refusal().code == refusal::StillReferenced);
}

TEST_CASE("an action's new owner role and due date reach its board card in the same undo step", "[retro][actions]") {
    Session s = room();
    History h;
    Action a = retro(s).actions.front();
    a.ownerRole = Role::Manager;
    a.due = Date{2026, 12, 24};
    const auto r = updateAction(s, "retro-1", a);
    REQUIRE(r.ok());
    CHECK(r.change().steps.size() == 2);
    applyOk(s, h, r);
    const Card& card = s.boards.front().cards.front();
    CHECK(card.ownerRole == Role::Manager);
    CHECK(card.due == Date{2026, 12, 24});
    CHECK(card.title == "Telefonzeiten"); // nothing else of the card changes
    h.undo(s);
    CHECK(s.boards.front().cards.front().due == Date{});
    // Only the text changes: the card is not touched.
    a = retro(s).actions.front();
    a.text = "Mailfreie Stunde am Morgen";
    CHECK(updateAction(s, "retro-1", a).change().steps.size() == 1);
}

TEST_CASE("going back a phase moves the current agenda item back, as going forward does", "[retro][phases]") {
    Session s = room();
    s.agenda = {AgendaItem{"agenda-1", "Check-in", "", Phase::SetTheStage, 10, 0, false, ""},
                AgendaItem{"agenda-2", "Karten schreiben", "", Phase::GatherData, 20, 0, false, ""},
                AgendaItem{"agenda-3", "Clustern", "", Phase::GenerateInsights, 25, 0, false, ""}};
    s.retrospectives.front().phase = Phase::SetTheStage;
    History h;
    applyOk(s, h, advancePhase(s, "retro-1"));
    applyOk(s, h, advancePhase(s, "retro-1"));
    REQUIRE(currentAgendaItem(s)->id == "agenda-3");
    applyOk(s, h, previousPhase(s, "retro-1"));
    CHECK(retro(s).phase == Phase::GatherData);
    CHECK(currentAgendaItem(s)->id == "agenda-2");
    CHECK(s.agenda[0].done);
    applyOk(s, h, goToPhase(s, "retro-1", Phase::SetTheStage));
    CHECK(currentAgendaItem(s)->id == "agenda-1");
    CHECK_FALSE(s.agenda[1].done);
}
