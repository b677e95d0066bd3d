#include "core/demo.hpp"
#include "core/history.hpp"
#include "core/retro_rules.hpp"
#include "core/validate.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace lernraum::core;

TEST_CASE("the demo session validates without problems", "[core][demo]") {
    const Session s = makeDemoSession();
    const auto problems = validate(s);
    std::string text;
    for (const auto& p : problems) text += p.toString() + "\n";
    INFO(text);
    CHECK(problems.empty());
}

TEST_CASE("the demo session is deterministic", "[core][demo]") {
    CHECK(makeDemoSession() == makeDemoSession());
}

TEST_CASE("the demo session is a German review workshop with consent", "[core][demo]") {
    const Session s = makeDemoSession();
    CHECK(s.kind == SessionKind::Review);
    CHECK(s.language == "de");
    CHECK(s.researchConsent);
    CHECK_FALSE(s.previousSessionId.empty());
    CHECK(s.previousSessionId != s.id);
    CHECK_FALSE(s.facilitator.empty());
    CHECK_FALSE(s.goal.empty());
    CHECK(s.date.isValid());
    CHECK(s.nextReview.isValid());
    CHECK(s.date < s.nextReview);
}

TEST_CASE("the demo session has 10 to 14 participants of every role", "[core][demo]") {
    const Session s = makeDemoSession();
    CHECK(s.participants.size() >= 10);
    CHECK(s.participants.size() <= 14);
    std::set<Role> roles;
    for (const auto& p : s.participants) roles.insert(p.role);
    CHECK(roles.size() == static_cast<std::size_t>(Role::Count));
}

TEST_CASE("the demo agenda follows the five phases and takes about three hours", "[core][demo]") {
    const Session s = makeDemoSession();
    std::set<Phase> phases;
    int minutes = 0;
    bool someDone = false, someOpen = false;
    for (const auto& a : s.agenda) {
        phases.insert(a.phase);
        minutes += a.timeboxMinutes;
        if (a.done) {
            someDone = true;
            CHECK(a.usedSeconds > 0);
        } else {
            someOpen = true;
        }
    }
    CHECK(phases.size() == static_cast<std::size_t>(Phase::Count));
    CHECK(minutes >= 150);
    CHECK(minutes <= 210);
    CHECK(someDone);
    CHECK(someOpen);
}

TEST_CASE("the demo board has 4 to 5 columns and 15 to 25 cards with histories", "[core][demo]") {
    const Session s = makeDemoSession();
    REQUIRE(s.boards.size() == 1);
    const Board& b = s.boards[0];
    CHECK(b.columns.size() >= 4);
    CHECK(b.columns.size() <= 5);
    CHECK(b.cards.size() >= 15);
    CHECK(b.cards.size() <= 25);

    std::set<ColumnKind> kinds;
    for (const auto& c : b.columns) kinds.insert(c.kind);
    CHECK(kinds.size() == static_cast<std::size_t>(ColumnKind::Count));

    // Every WIP limit is respected by the cards that are not archived.
    for (const auto& col : b.columns) {
        if (col.wipLimit == 0) continue;
        int n = 0;
        for (const auto& c : b.cards)
            if (c.columnId == col.id && !c.archived) ++n;
        CHECK(n <= col.wipLimit);
    }

    int overdue = 0;
    for (const auto& c : b.cards) {
        INFO(c.id);
        REQUIRE_FALSE(c.history.empty());
        CHECK(c.createdAt == c.history.front().enteredAt);
        CHECK(c.history.back().columnId == c.columnId);
        // Histories cover the six weeks before the session, never the future.
        CHECK(c.history.front().enteredAt.date() >= s.date.addDays(-42));
        CHECK(c.history.back().enteredAt.date() <= s.date);
        if (c.due.isSet() && c.due < s.date) {
            const bool inDone = c.columnId == b.columns.back().id;
            if (!inDone) ++overdue;
        }
    }
    CHECK(overdue >= 1);
}

TEST_CASE("the demo retrospective has items, groups, votes and actions", "[core][demo]") {
    const Session s = makeDemoSession();
    REQUIRE(s.retrospectives.size() == 1);
    const Retrospective& r = s.retrospectives[0];
    CHECK(r.formatId == "gut-verbessern-ausprobieren");
    REQUIRE(r.prompts.size() == 3);
    CHECK(r.prompts[0].text == "Was lief gut?");
    CHECK(r.prompts[1].text == "Was können wir verbessern?");
    CHECK(r.prompts[2].text == "Was probieren wir aus?");
    CHECK(r.phase == Phase::DecideWhatToDo);
    CHECK(r.voting.budgetPerParticipant == 3);
    CHECK(r.items.size() >= 20);
    CHECK(r.groups.size() >= 4);
    CHECK(r.groups.size() <= 5);

    int votes = 0, anonymous = 0, grouped = 0;
    for (const auto& i : r.items) {
        votes += i.votes;
        if (i.authorId.empty()) ++anonymous;
        if (!i.groupId.empty()) ++grouped;
    }
    for (const auto& g : r.groups) votes += g.votes;
    CHECK(votes > 0);
    // Nobody can hand out more dots than the room's budget allows (facilitators do not vote).
    REQUIRE(voteBudget(s, r));
    CHECK(votes <= *voteBudget(s, r));
    CHECK(anonymous * 2 > static_cast<int>(r.items.size()));
    CHECK(grouped > 0);

    int checkIn = 0, roti = 0;
    for (int i = 0; i < 5; ++i) {
        checkIn += r.checkIn.counts[static_cast<std::size_t>(i)];
        roti += r.roti.counts[static_cast<std::size_t>(i)];
    }
    CHECK(checkIn > 0);
    CHECK(roti > 0);

    CHECK(r.actions.size() >= 4);
    bool carried = false, linked = false;
    for (const auto& a : r.actions) {
        if (!a.carriedFromSessionId.empty()) {
            carried = true;
            CHECK(a.carriedFromSessionId == s.previousSessionId);
            CHECK_FALSE(a.outcome.empty());
        }
        linked = linked || !a.cardId.empty() || !a.experimentId.empty();
    }
    CHECK(carried);
    CHECK(linked);
}

TEST_CASE("the demo experiments are at different stages", "[core][demo]") {
    const Session s = makeDemoSession();
    CHECK(s.experiments.size() >= 3);
    CHECK(s.experiments.size() <= 5);
    std::set<ExperimentStatus> statuses;
    bool transferred = false, evaluated = false, running = false;
    for (const auto& e : s.experiments) {
        INFO(e.id);
        statuses.insert(e.status);
        CHECK(e.hypothesis.rfind("Wir glauben, dass", 0) == 0);
        CHECK_FALSE(e.links.empty());
        if (e.status == ExperimentStatus::Transferred) {
            transferred = true;
            CHECK_FALSE(e.transferRecommendation.empty());
        }
        if (e.status == ExperimentStatus::Evaluated) {
            evaluated = true;
            CHECK(e.result != ExperimentResult::None);
            CHECK(e.evidence != EvidenceStrength::None);
            CHECK(e.decision != Decision::None);
            CHECK_FALSE(e.learning.empty());
        }
        if (e.status == ExperimentStatus::Running) {
            running = true;
            CHECK_FALSE(e.observations.empty());
            for (const auto& o : e.observations) CHECK(o.date.isValid());
        }
    }
    CHECK(statuses.size() >= 3);
    CHECK(transferred);
    CHECK(evaluated);
    CHECK(running);
}

TEST_CASE("the demo's votes could have been cast under its own voting rules", "[core][demo]") {
    const Session demo = makeDemoSession();
    REQUIRE(demo.retrospectives.size() == 1);
    const Retrospective& r = demo.retrospectives[0];
    // The room's budget: dots per person x people who vote (not the facilitators).
    const auto budget = voteBudget(demo, r);
    REQUIRE(budget);
    CHECK(*budget == r.voting.budgetPerParticipant * voterCount(demo));
    CHECK(voterCount(demo) < static_cast<int>(demo.participants.size()));
    CHECK(votesCast(r) <= *budget);
    REQUIRE(votesLeft(demo, r));
    CHECK(*votesLeft(demo, r) == *budget - votesCast(r));
    if (r.voting.perItemLimit > 0) {
        for (const auto& i : r.items) CHECK(i.votes <= r.voting.perItemLimit);
        for (const auto& g : r.groups) CHECK(g.votes <= r.voting.perItemLimit);
    }

    // Replay: the same retrospective without votes, voting open, every dot cast with castVote()
    // (room budget, per-item limit) must be accepted and end with the demo's numbers.
    Session s = demo;
    Retrospective& replay = s.retrospectives[0];
    replay.voting.open = true;
    for (auto& i : replay.items) i.votes = 0;
    for (auto& g : replay.groups) g.votes = 0;
    const Id retroId = replay.id;
    History history;
    auto castAll = [&](const Id& target, int votes) {
        for (int n = 0; n < votes; ++n) {
            const auto result = castVote(s, retroId, target);
            INFO(target << ": dot " << n + 1 << " of " << votes << " refused after " << votesCast(s.retrospectives[0])
                        << " dots: " << (result ? std::string() : result.refusal().message()));
            REQUIRE(history.apply(s, result));
        }
    };
    for (const auto& i : r.items) castAll(i.id, i.votes);
    for (const auto& g : r.groups) castAll(g.id, g.votes);
    for (std::size_t k = 0; k < r.items.size(); ++k) CHECK(s.retrospectives[0].items[k].votes == r.items[k].votes);
    for (std::size_t k = 0; k < r.groups.size(); ++k) CHECK(s.retrospectives[0].groups[k].votes == r.groups[k].votes);
}
