// Retrospective facilitation rules: dot budget, phases, grouping, results, conversions, and that
// every one of them undoes exactly through the history.

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

// Three voters (the facilitator does not count) and a retrospective with open voting.
Session room(int budget = 2, int perItem = 0) {
    Session s;
    s.id = "session-1";
    s.title = "Test";
    s.participants = {Participant{"part-a", "Anna", Role::Manager, ""}, Participant{"part-b", "", Role::Employee, ""},
                      Participant{"part-c", "", Role::StaffCouncil, ""}, Participant{"part-f", "Fee", Role::Facilitator, ""}};
    Board b;
    b.id = "board-1";
    b.title = "Board";
    b.columns = {Column{"col-todo", "Zu erledigen", ColumnKind::Todo, 0, WipMode::Soft}};
    s.boards.push_back(b);
    Retrospective r;
    r.id = "retro-1";
    r.title = "Retro";
    r.prompts = {Prompt{"prompt-1", "Was lief gut?"}, Prompt{"prompt-2", "Was stört?"}};
    r.items = {RetroItem{"item-1", "prompt-1", "Kurze Wege", "", false, "", 0, kT0},
               RetroItem{"item-2", "prompt-2", "Zu viele Mails", "", false, "", 0, kT0},
               RetroItem{"item-3", "prompt-2", "Mails am Abend", "", false, "", 0, kT0},
               RetroItem{"item-4", "prompt-2", "Geheimer Text", "", true, "", 0, kT0}};
    r.voting = VotingSettings{budget, perItem, false, true};
    s.retrospectives.push_back(r);
    return s;
}

const Retrospective& retro(const Session& s) { return s.retrospectives.front(); }
const RetroItem& item(const Session& s, const char* id) {
    return *std::find_if(retro(s).items.begin(), retro(s).items.end(), [&](const RetroItem& i) { return i.id == id; });
}


} // namespace

TEST_CASE("the room's dot budget is voters x budget, the next dot is refused when all are used", "[retro][voting]") {
    Session s = room(2);
    History h;
    CHECK(voterCount(s) == 3);
    CHECK(voteBudget(s, retro(s)) == 6);
    for (int i = 0; i < 6; ++i) applyOk(s, h, castVote(s, "retro-1", i % 2 ? "item-1" : "item-2"));
    CHECK(votesCast(retro(s)) == 6);
    CHECK(votesLeft(s, retro(s)) == 0);
    const auto refused = castVote(s, "retro-1", "item-3");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.refusal().code == refusal::VoteBudgetSpent);
    CHECK(refused.refusal().message() == "All 6 dots of the room are used (3 people with 2 dots each)");
    // Taking a dot back frees one.
    applyOk(s, h, removeVote(s, "retro-1", "item-1"));
    CHECK(votesLeft(s, retro(s)) == 1);
    CHECK(castVote(s, "retro-1", "item-3").ok());
}

TEST_CASE("per-item limit and closed voting still refuse through castVote", "[retro][voting]") {
    Session s = room(5, 2);
    History h;
    applyOk(s, h, castVote(s, "retro-1", "item-1"));
    applyOk(s, h, castVote(s, "retro-1", "item-1"));
    const auto limited = castVote(s, "retro-1", "item-1");
    REQUIRE_FALSE(limited.ok());
    CHECK(limited.refusal().code == refusal::VoteLimitReached);
    s.retrospectives.front().voting.open = false;
    const auto closed = castVote(s, "retro-1", "item-2");
    REQUIRE_FALSE(closed.ok());
    CHECK(closed.refusal().code == refusal::VotingClosed);
}

TEST_CASE("without recorded voters the budget is unlimited", "[retro][voting]") {
    Session s = room(1);
    s.participants.clear();
    CHECK_FALSE(voteBudget(s, retro(s)).has_value());
    History h;
    for (int i = 0; i < 5; ++i) applyOk(s, h, castVote(s, "retro-1", "item-1"));
    CHECK(item(s, "item-1").votes == 5);
}

TEST_CASE("phases advance and go back, refused at both ends", "[retro][phases]") {
    Session s = room();
    History h;
    REQUIRE(retro(s).phase == Phase::SetTheStage);
    const auto back = previousPhase(s, "retro-1");
    REQUIRE_FALSE(back.ok());
    CHECK(back.refusal().code == refusal::NoPhase);
    for (int i = 1; i < 5; ++i) {
        applyOk(s, h, advancePhase(s, "retro-1"));
        CHECK(static_cast<int>(retro(s).phase) == i);
    }
    CHECK_FALSE(advancePhase(s, "retro-1").ok());
    applyOk(s, h, previousPhase(s, "retro-1"));
    CHECK(retro(s).phase == Phase::DecideWhatToDo);
}

TEST_CASE("changing the phase moves the agenda's current item to the new phase, in the same undo step", "[retro][phases]") {
    Session s = room();
    s.agenda = {AgendaItem{"agenda-1", "Check-in", "", Phase::SetTheStage, 10, 0, false, ""},
                AgendaItem{"agenda-2", "Karten schreiben", "", Phase::GatherData, 20, 0, false, ""},
                AgendaItem{"agenda-3", "Board-Rückblick", "", Phase::GatherData, 15, 0, true, ""},
                AgendaItem{"agenda-4", "Clustern", "", Phase::GenerateInsights, 25, 0, false, ""},
                AgendaItem{"agenda-5", "Pause", "", Phase::GenerateInsights, 0, 0, false, ""},
                AgendaItem{"agenda-6", "ROTI", "", Phase::Close, 5, 0, false, ""}};
    History h;
    CHECK(plannedMinutes(s, Phase::GatherData) == 35);
    CHECK(plannedMinutes(s, Phase::GenerateInsights) == 25);
    CHECK(plannedMinutes(s, Phase::DecideWhatToDo) == 0);
    REQUIRE(currentAgendaItem(s)->id == "agenda-1");

    // Set the stage -> gather data: the check-in is done, writing cards is current.
    const auto next = advancePhase(s, "retro-1");
    REQUIRE(next.ok());
    CHECK(next.change().label == "Next phase");
    applyOk(s, h, next);
    CHECK(retro(s).phase == Phase::GatherData);
    CHECK(s.agenda[0].done);
    CHECK(currentAgendaItem(s)->id == "agenda-2");

    // -> generate insights: the open items before "Clustern" are done, the done one stays done.
    applyOk(s, h, advancePhase(s, "retro-1"));
    CHECK(currentAgendaItem(s)->id == "agenda-4");
    CHECK(s.agenda[2].done);
    CHECK_FALSE(s.agenda[4].done); // after the current item: untouched

    // -> decide what to do: no agenda item of that phase, the agenda stays where it is.
    applyOk(s, h, advancePhase(s, "retro-1"));
    CHECK(retro(s).phase == Phase::DecideWhatToDo);
    CHECK(currentAgendaItem(s)->id == "agenda-4");

    // -> close: "ROTI" is current, the insights items before it are done.
    applyOk(s, h, advancePhase(s, "retro-1"));
    CHECK(currentAgendaItem(s)->id == "agenda-6");
    CHECK(s.agenda[3].done);
    CHECK(s.agenda[4].done);

    // Back to decide what to do (no open item there): only the phase changes.
    const auto back = previousPhase(s, "retro-1");
    REQUIRE(back.ok());
    CHECK(back.change().steps.size() == 1);
    applyOk(s, h, back);
    CHECK(currentAgendaItem(s)->id == "agenda-6");

    // One undo takes back phase and agenda together.
    h.undo(s); // back
    h.undo(s); // -> close
    CHECK(retro(s).phase == Phase::DecideWhatToDo);
    CHECK(currentAgendaItem(s)->id == "agenda-4");
    CHECK_FALSE(s.agenda[4].done);
}

TEST_CASE("going back a phase makes its first open agenda item current", "[retro][phases]") {
    Session s = room();
    // An agenda out of phase order: the close item comes first and is still open.
    s.agenda = {AgendaItem{"agenda-1", "Abschluss vorziehen", "", Phase::Close, 5, 0, false, ""},
                AgendaItem{"agenda-2", "Check-in", "", Phase::SetTheStage, 10, 0, false, ""}};
    s.retrospectives.front().phase = Phase::GatherData;
    History h;
    applyOk(s, h, previousPhase(s, "retro-1"));
    CHECK(retro(s).phase == Phase::SetTheStage);
    CHECK(s.agenda[0].done);
    CHECK(currentAgendaItem(s)->id == "agenda-2");
}

TEST_CASE("dragging an item onto another makes a group, onto a grouped item joins its group", "[retro][grouping]") {
    Session s = room();
    History h;
    applyOk(s, h, groupOnto(s, "retro-1", "item-3", "item-2", "group-mail"));
    REQUIRE(retro(s).groups.size() == 1);
    CHECK(retro(s).groups[0].title == "Zu viele Mails"); // the target's text by default
    CHECK(item(s, "item-2").groupId == "group-mail");
    CHECK(item(s, "item-3").groupId == "group-mail");
    // item-1 dropped onto item-3 (grouped) joins the same group, no new group.
    applyOk(s, h, groupOnto(s, "retro-1", "item-1", "item-3", "group-unused"));
    CHECK(retro(s).groups.size() == 1);
    CHECK(item(s, "item-1").groupId == "group-mail");
    // Itself: refused. Unknown: refused.
    CHECK(groupOnto(s, "retro-1", "item-1", "item-1", "group-x").refusal().code == refusal::SameItem);
    CHECK(groupOnto(s, "retro-1", "item-9", "item-1", "group-x").refusal().code == refusal::NotFound);
}

TEST_CASE("named groups: add, move into, rename, take out, dissolve, each one undo step", "[retro][grouping]") {
    Session s = room();
    History h;
    applyOk(s, h, addRetroGroup(s, "retro-1", "group-1", "Kommunikation"));
    CHECK(addRetroGroup(s, "retro-1", "group-2", "  ").refusal().code == refusal::EmptyText);
    CHECK(addRetroGroup(s, "retro-1", "group-1", "Doppelt").refusal().code == refusal::DuplicateId);
    applyOk(s, h, moveToGroup(s, "retro-1", "item-2", "group-1"));
    applyOk(s, h, moveToGroup(s, "retro-1", "item-3", "group-1"));
    applyOk(s, h, renameRetroGroup(s, "retro-1", "group-1", "E-Mail-Flut"));
    CHECK(retro(s).groups[0].title == "E-Mail-Flut");
    applyOk(s, h, moveToGroup(s, "retro-1", "item-3", ""));
    CHECK(item(s, "item-3").groupId.empty());
    CHECK(moveToGroup(s, "retro-1", "item-3", "group-9").refusal().code == refusal::NotFound);

    const std::size_t steps = h.undoCount();
    applyOk(s, h, ungroup(s, "retro-1", "group-1"));
    CHECK(h.undoCount() == steps + 1);
    CHECK(retro(s).groups.empty());
    CHECK(item(s, "item-2").groupId.empty());
    h.undo(s);
    CHECK(item(s, "item-2").groupId == "group-1");
    CHECK(retro(s).groups.size() == 1);
}

TEST_CASE("a group an action refers to cannot be dissolved", "[retro][grouping]") {
    Session s = room();
    History h;
    applyOk(s, h, addRetroGroup(s, "retro-1", "group-1", "Kommunikation"));
    applyOk(s, h, turnIntoAction(s, "retro-1", "group-1", "action-1", "", Role::Manager, Date{2026, 12, 1}));
    CHECK(ungroup(s, "retro-1", "group-1").refusal().code == refusal::StillReferenced);
}

TEST_CASE("results: groups sum their items' votes, sorted, hidden items never listed", "[retro][results]") {
    Session s = room(10);
    History h;
    applyOk(s, h, groupOnto(s, "retro-1", "item-3", "item-2", "group-mail"));
    applyOk(s, h, castVote(s, "retro-1", "item-1"));
    applyOk(s, h, castVote(s, "retro-1", "item-2"));
    applyOk(s, h, castVote(s, "retro-1", "item-3"));
    applyOk(s, h, castVote(s, "retro-1", "group-mail"));
    const auto results = voteResults(retro(s));
    REQUIRE(results.size() == 2); // the group and item-1; item-4 is face-down
    CHECK(results[0].id == "group-mail");
    CHECK(results[0].votes == 3);
    CHECK(results[0].itemCount == 2);
    CHECK(results[1].id == "item-1");
    CHECK(results[1].votes == 1);
    for (const auto& r : results) CHECK(r.text != "Geheimer Text");
    CHECK(hiddenCount(retro(s)) == 1);
    CHECK(hiddenCount(retro(s), "prompt-2") == 1);
    CHECK(hiddenCount(retro(s), "prompt-1") == 0);
}

TEST_CASE("an item becomes an action, an experiment draft or a board card in one undo step", "[retro][actions]") {
    Session s = room();
    History h;
    applyOk(s, h, turnIntoAction(s, "retro-1", "item-2", "action-1", "", Role::StaffCouncil, Date{2026, 12, 15}));
    const Action& a = retro(s).actions.back();
    CHECK(a.text == "Zu viele Mails");
    CHECK(a.sourceId == "item-2");
    CHECK(a.ownerRole == Role::StaffCouncil);
    CHECK(a.due == Date{2026, 12, 15});
    CHECK(h.undoLabel() == "Turn into action");

    applyOk(s, h, turnIntoExperiment(s, "retro-1", "item-3", "exp-1"));
    REQUIRE(s.experiments.size() == 1);
    CHECK(s.experiments[0].status == ExperimentStatus::Idea);
    CHECK(s.experiments[0].title == "Mails am Abend");
    REQUIRE(s.experiments[0].links.size() == 1);
    CHECK(s.experiments[0].links[0].targetId == "item-3");

    const std::size_t steps = h.undoCount();
    applyOk(s, h, turnIntoCard(s, "retro-1", "item-1", "board-1", "card-1", "action-2", kT0, "Kurze Wege beibehalten"));
    CHECK(h.undoCount() == steps + 1);
    REQUIRE(s.boards[0].cards.size() == 1);
    CHECK(s.boards[0].cards[0].title == "Kurze Wege beibehalten");
    CHECK(s.boards[0].cards[0].columnId == "col-todo");
    CHECK(retro(s).actions.back().cardId == "card-1");
    CHECK(retro(s).actions.back().sourceId == "item-1");
    h.undo(s);
    CHECK(s.boards[0].cards.empty());
    CHECK(retro(s).actions.size() == 1);

    CHECK(turnIntoCard(s, "retro-1", "item-1", "board-1", "card-1", "card-1", kT0).refusal().code == refusal::DuplicateId);
    CHECK(turnIntoAction(s, "retro-1", "item-9", "action-9", "", std::nullopt, {}).refusal().code == refusal::NotFound);
}

TEST_CASE("check-in and ROTI count answers 1..5 without names", "[retro][scale]") {
    Session s = room();
    History h;
    applyOk(s, h, countAnswer(s, "retro-1", Scale::Roti, 4, +1));
    applyOk(s, h, countAnswer(s, "retro-1", Scale::Roti, 4, +1));
    applyOk(s, h, countAnswer(s, "retro-1", Scale::CheckIn, 1, +1));
    CHECK(retro(s).roti.counts == std::array<int, 5>{0, 0, 0, 2, 0});
    CHECK(retro(s).checkIn.counts == std::array<int, 5>{1, 0, 0, 0, 0});
    CHECK(answerCount(retro(s).roti) == 2);
    applyOk(s, h, countAnswer(s, "retro-1", Scale::Roti, 4, -1));
    CHECK(countAnswer(s, "retro-1", Scale::Roti, 5, -1).refusal().code == refusal::NoVotes);
    CHECK(countAnswer(s, "retro-1", Scale::Roti, 6, +1).refusal().code == refusal::InvalidValue);
    applyOk(s, h, setScaleQuestion(s, "retro-1", Scale::CheckIn, "Wie geht es dir? (1-5)"));
    CHECK(retro(s).checkIn.question == "Wie geht es dir? (1-5)");
}

TEST_CASE("a click on the phase bar goes straight to a phase, with the same agenda rule", "[retro][phases]") {
    Session s = room();
    s.agenda = {AgendaItem{"agenda-1", "Check-in", "", Phase::SetTheStage, 10, 0, false, ""},
                AgendaItem{"agenda-2", "Karten schreiben", "", Phase::GatherData, 20, 0, false, ""},
                AgendaItem{"agenda-3", "ROTI", "", Phase::Close, 5, 0, false, ""}};
    History h;
    const auto jump = goToPhase(s, "retro-1", Phase::Close);
    REQUIRE(jump.ok());
    CHECK(jump.change().label == "Change retrospective phase");
    applyOk(s, h, jump);
    CHECK(retro(s).phase == Phase::Close);
    CHECK(currentAgendaItem(s)->id == "agenda-3"); // both open items before it are done
    CHECK(s.agenda[0].done);
    CHECK(s.agenda[1].done);
    CHECK(goToPhase(s, "retro-1", Phase::Close).change().isNoOp()); // already there
    CHECK_FALSE(goToPhase(s, "retro-1", Phase::Count).ok());
    CHECK_FALSE(goToPhase(s, "retro-9", Phase::Close).ok());
    h.undo(s); // one step back: phase and agenda together
    CHECK(retro(s).phase == Phase::SetTheStage);
    CHECK(currentAgendaItem(s)->id == "agenda-1");
}

TEST_CASE("answers are cleared and dots reset in one undo step each", "[retro][scale][voting]") {
    Session s = room();
    History h;
    applyOk(s, h, countAnswer(s, "retro-1", Scale::CheckIn, 3, +1));
    applyOk(s, h, countAnswer(s, "retro-1", Scale::Roti, 5, +1));
    applyOk(s, h, clearAnswers(s, "retro-1", Scale::CheckIn));
    CHECK(answerCount(retro(s).checkIn) == 0);
    CHECK(answerCount(retro(s).roti) == 1); // the other scale stays

    applyOk(s, h, addRetroGroup(s, "retro-1", "group-1", "Mails"));
    applyOk(s, h, castVote(s, "retro-1", "item-1"));
    applyOk(s, h, castVote(s, "retro-1", "item-1"));
    applyOk(s, h, castVote(s, "retro-1", "group-1"));
    REQUIRE(votesCast(retro(s)) == 3);
    const Session voted = s;
    const auto reset = resetVotes(s, "retro-1");
    REQUIRE(reset.ok());
    CHECK(reset.change().label == "Reset dots");
    applyOk(s, h, reset);
    CHECK(votesCast(retro(s)) == 0);
    CHECK(retro(s).groups.size() == 1); // groups and cards stay, only the dots go
    CHECK(retro(s).items.size() == voted.retrospectives[0].items.size());
    h.undo(s);
    CHECK(s == voted);
    CHECK(resetVotes(room(), "retro-1").change().isNoOp());
    CHECK_FALSE(resetVotes(s, "retro-9").ok());
    CHECK_FALSE(clearAnswers(s, "retro-9", Scale::Roti).ok());
}
