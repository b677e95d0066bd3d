#include "core/demo.hpp"
#include "core/follow_up.hpp"
#include "core/templates.hpp"
#include "core/validate.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

using namespace lernraum::core;

namespace {

std::string problemsText(const Session& s) {
    std::string text;
    for (const auto& p : validate(s)) text += p.toString() + "\n";
    return text;
}

const Experiment* findExperiment(const Session& s, const Id& id) {
    for (const auto& e : s.experiments)
        if (e.id == id) return &e;
    return nullptr;
}

const Action* findAction(const Session& s, const Id& id) {
    for (const auto& r : s.retrospectives)
        for (const auto& a : r.actions)
            if (a.id == id) return &a;
    return nullptr;
}

std::set<Id> linkableIds(const Session& s) {
    std::set<Id> ids;
    for (const auto& b : s.boards)
        for (const auto& c : b.cards) ids.insert(c.id);
    for (const auto& r : s.retrospectives) {
        for (const auto& i : r.items) ids.insert(i.id);
        for (const auto& g : r.groups) ids.insert(g.id);
        for (const auto& a : r.actions) ids.insert(a.id);
    }
    return ids;
}

Session followUpOfDemo(FollowUpOptions options = {}) {
    IdGenerator ids(1234);
    return makeFollowUp(makeDemoSession(), options, ids);
}

} // namespace

TEST_CASE("a follow-up of the demo session validates", "[core][follow-up]") {
    const Session next = followUpOfDemo();
    INFO(problemsText(next));
    CHECK(validate(next).empty());
}

TEST_CASE("a follow-up links to the previous workshop and keeps the Lernraum's header", "[core][follow-up]") {
    const Session prev = makeDemoSession();
    const Session next = followUpOfDemo();
    CHECK_FALSE(next.id.empty());
    CHECK(next.id != prev.id);
    CHECK(next.previousSessionId == prev.id);
    CHECK(next.lernraum == prev.lernraum);
    CHECK(next.orgUnit == prev.orgUnit);
    CHECK(next.language == prev.language);
    CHECK(next.facilitator == prev.facilitator);
    CHECK(next.participants == prev.participants);
    // Per-workshop fields start empty.
    CHECK(next.goal.empty());
    CHECK(next.agenda.empty());
    CHECK_FALSE(next.nextReview.isSet());
    // Defaults: the date planned for the next workshop, the next kind in the lifecycle.
    CHECK(next.date == prev.nextReview);
    REQUIRE(prev.kind == SessionKind::Review);
    CHECK(next.kind == SessionKind::Planning);
    CHECK(next.title == defaultFollowUpTitle(prev, SessionKind::Planning));
    CHECK(next.title.find(prev.lernraum) != std::string::npos);
    CHECK(next.title.find("Planungssitzung") != std::string::npos);
}

TEST_CASE("research consent is not carried into a follow-up", "[core][follow-up]") {
    Session prev = makeDemoSession();
    REQUIRE(prev.researchConsent);
    IdGenerator ids(1);
    CHECK_FALSE(makeFollowUp(prev, {}, ids).researchConsent);
    prev.researchConsent = false;
    CHECK_FALSE(makeFollowUp(prev, {}, ids).researchConsent);
}

TEST_CASE("follow-up options set date, title and kind", "[core][follow-up]") {
    FollowUpOptions options;
    options.date = Date{2027, 1, 13};
    options.title = "Evaluationssitzung mit Amtsleitung und Personalrat";
    options.kind = SessionKind::Evaluation;
    const Session next = followUpOfDemo(options);
    CHECK(next.date == options.date);
    CHECK(next.title == options.title);
    CHECK(next.kind == SessionKind::Evaluation);
    CHECK(validate(next).empty());
}

TEST_CASE("the next session kind follows the Lernraum lifecycle", "[core][follow-up]") {
    CHECK(nextSessionKind(SessionKind::KickOff) == SessionKind::Planning);
    CHECK(nextSessionKind(SessionKind::Planning) == SessionKind::Review);
    CHECK(nextSessionKind(SessionKind::Review) == SessionKind::Planning);
    CHECK(nextSessionKind(SessionKind::Evaluation) == SessionKind::Other);
    CHECK(nextSessionKind(SessionKind::Other) == SessionKind::Other);
}

TEST_CASE("the default title is English for English sessions and works without a Lernraum name", "[core][follow-up]") {
    Session prev;
    prev.language = "en";
    CHECK(defaultFollowUpTitle(prev, SessionKind::Review) == "Review session");
    prev.lernraum = "Remote leadership";
    CHECK(defaultFollowUpTitle(prev, SessionKind::Planning) == "Remote leadership \u2013 Planning session");
    prev.language = "de";
    CHECK(defaultFollowUpTitle(prev, SessionKind::Review) == "Remote leadership \u2013 Auswertungssitzung");
}

TEST_CASE("boards are carried with their ids and done cards are archived with their history", "[core][follow-up]") {
    const Session prev = makeDemoSession();
    const Session next = followUpOfDemo();
    REQUIRE(next.boards.size() == prev.boards.size());
    int newlyArchived = 0, stillOnBoard = 0;
    for (std::size_t b = 0; b < prev.boards.size(); ++b) {
        const Board& before = prev.boards[b];
        const Board& after = next.boards[b];
        CHECK(after.id == before.id);
        CHECK(after.columns == before.columns);
        CHECK(after.lanes == before.lanes);
        REQUIRE(after.cards.size() == before.cards.size());
        std::map<Id, ColumnKind> kinds;
        for (const auto& c : before.columns) kinds[c.id] = c.kind;
        for (std::size_t i = 0; i < before.cards.size(); ++i) {
            const Card& c0 = before.cards[i];
            const Card& c1 = after.cards[i];
            INFO(c0.id);
            const bool done = kinds.at(c0.columnId) == ColumnKind::Done;
            CHECK(c1.archived == (done || c0.archived));
            if (done && !c0.archived) ++newlyArchived;
            if (!c1.archived) ++stillOnBoard;
            Card expected = c0;
            expected.archived = c1.archived;
            CHECK(c1 == expected); // id, column, history ... unchanged
        }
    }
    CHECK(newlyArchived >= 1); // the demo has finished cards: the test must see some
    CHECK(stillOnBoard >= 1);
}

TEST_CASE("open experiments are carried with the same ids, finished ones stay behind", "[core][follow-up]") {
    const Session prev = makeDemoSession();
    const Session next = followUpOfDemo();
    std::set<ExperimentStatus> seen;
    for (const auto& e : prev.experiments) {
        INFO(e.id << " " << toName(e.status));
        seen.insert(e.status);
        const Experiment* carried = findExperiment(next, e.id);
        const bool open = e.status == ExperimentStatus::Idea || e.status == ExperimentStatus::Planned ||
                          e.status == ExperimentStatus::Running;
        CHECK((carried != nullptr) == open);
        if (!carried) continue;
        Experiment expected = e;
        expected.links = carried->links; // links are checked separately
        CHECK(*carried == expected);     // observations, status, origin, ... unchanged
        CHECK(carried->originSessionId == e.originSessionId);
    }
    // The demo covers both sides.
    CHECK(seen.count(ExperimentStatus::Running));
    CHECK(seen.count(ExperimentStatus::Planned));
    CHECK(seen.count(ExperimentStatus::Idea));
    CHECK(seen.count(ExperimentStatus::Evaluated));
    CHECK(seen.count(ExperimentStatus::Transferred));
    for (const auto& e : next.experiments) CHECK(findExperiment(prev, e.id));
}

TEST_CASE("stopped experiments are not carried, ideas only when asked", "[core][follow-up]") {
    Session prev = makeDemoSession();
    prev.experiments[0].status = ExperimentStatus::Stopped;
    const Id stopped = prev.experiments[0].id;
    IdGenerator ids(9);
    CHECK_FALSE(findExperiment(makeFollowUp(prev, {}, ids), stopped));

    FollowUpOptions noIdeas;
    noIdeas.carryIdeas = false;
    const Session next = makeFollowUp(prev, noIdeas, ids);
    INFO(problemsText(next));
    CHECK(validate(next).empty());
    int ideas = 0;
    for (const auto& e : prev.experiments) {
        if (e.status != ExperimentStatus::Idea) continue;
        ++ideas;
        CHECK_FALSE(findExperiment(next, e.id));
    }
    CHECK(ideas >= 1);
    for (const auto& e : next.experiments) CHECK(e.status != ExperimentStatus::Idea);
    // An action that pointed at a left-behind idea loses that link.
    for (const auto& r : next.retrospectives)
        for (const auto& a : r.actions)
            if (!a.experimentId.empty()) CHECK(findExperiment(next, a.experimentId));
}

TEST_CASE("links stay local when their target came along and point to the previous file otherwise", "[core][follow-up]") {
    const Session prev = makeDemoSession();
    const Session next = followUpOfDemo();
    const auto here = linkableIds(next);
    const auto before = linkableIds(prev);
    int local = 0, repointed = 0, older = 0;
    for (const auto& e : next.experiments) {
        const Experiment* original = findExperiment(prev, e.id);
        REQUIRE(original);
        REQUIRE(e.links.size() == original->links.size());
        for (std::size_t i = 0; i < e.links.size(); ++i) {
            const Link& l0 = original->links[i];
            const Link& l1 = e.links[i];
            INFO(e.id << " -> " << l0.targetId);
            CHECK(l1.targetId == l0.targetId);
            CHECK(l1.label == l0.label);
            const bool wasLocal = l0.sessionId.empty() || l0.sessionId == prev.id;
            if (!wasLocal) {
                CHECK(l1.sessionId == l0.sessionId);
                ++older;
            } else if (here.count(l0.targetId)) {
                CHECK(l1.sessionId.empty());
                ++local;
            } else {
                CHECK(before.count(l0.targetId)); // it did exist in the previous file
                CHECK(l1.sessionId == prev.id);
                ++repointed;
            }
        }
    }
    CHECK(local >= 1);     // cards and carried actions
    CHECK(repointed >= 1); // retrospective items and groups
    (void)older;           // the demo's carried experiments have none; covered by the chain test
}

TEST_CASE("open actions are listed for review in a fresh retrospective", "[core][follow-up]") {
    const Session prev = makeDemoSession();
    const Session next = followUpOfDemo();
    REQUIRE(prev.retrospectives.size() == 1);
    REQUIRE(next.retrospectives.size() == 1);
    const Retrospective& r0 = prev.retrospectives[0];
    const Retrospective& r1 = next.retrospectives[0];

    // Same format and prompts, new ids, nothing answered yet.
    CHECK(r1.id != r0.id);
    CHECK(r1.formatId == r0.formatId);
    CHECK(r1.title == "Retrospektive"); // not "Retrospektive Sprint 2"
    CHECK(r1.title != r0.title);
    REQUIRE(r1.prompts.size() == r0.prompts.size());
    for (std::size_t i = 0; i < r0.prompts.size(); ++i) {
        CHECK(r1.prompts[i].text == r0.prompts[i].text);
        CHECK(r1.prompts[i].id != r0.prompts[i].id);
    }
    CHECK(r1.items.empty());
    CHECK(r1.groups.empty());
    CHECK(r1.phase == Phase::SetTheStage);
    CHECK_FALSE(r1.voting.open);
    CHECK(r1.voting.budgetPerParticipant == r0.voting.budgetPerParticipant);
    CHECK(r1.checkIn.question == r0.checkIn.question);
    CHECK(r1.roti.question == r0.roti.question);
    CHECK(r1.checkIn.counts == std::array<int, 5>{});
    CHECK(r1.roti.counts == std::array<int, 5>{});

    int carried = 0, left = 0;
    for (const auto& a0 : r0.actions) {
        INFO(a0.id);
        const Action* a1 = findAction(next, a0.id);
        const bool open = a0.status == ActionStatus::Open || a0.status == ActionStatus::InProgress;
        CHECK((a1 != nullptr) == open);
        if (!a1) {
            ++left;
            continue;
        }
        ++carried;
        CHECK(a1->text == a0.text);
        CHECK(a1->status == a0.status);
        CHECK(a1->ownerRole == a0.ownerRole);
        CHECK(a1->due == a0.due);
        CHECK(a1->outcome == a0.outcome);
        CHECK(a1->carriedFromSessionId == prev.id);
        CHECK(a1->sourceId.empty());
        CHECK(a1->cardId == a0.cardId); // every card is carried
        const bool experimentCarried = !a0.experimentId.empty() && findExperiment(next, a0.experimentId);
        CHECK(a1->experimentId == (experimentCarried ? a0.experimentId : Id{}));
    }
    CHECK(carried >= 2);
    CHECK(left >= 1);
    CHECK(r1.actions.size() == static_cast<std::size_t>(carried));
}

TEST_CASE("an action's experiment link is cleared when the experiment stays behind", "[core][follow-up]") {
    Session prev = makeDemoSession();
    // action-lf-02 links to exp-lf-remote-first (planned); finish that experiment.
    for (auto& e : prev.experiments)
        if (e.id == "exp-lf-remote-first") e.status = ExperimentStatus::Stopped;
    const Action* a0 = findAction(prev, "action-lf-02");
    REQUIRE(a0);
    REQUIRE(a0->experimentId == "exp-lf-remote-first");
    IdGenerator ids(5);
    const Session next = makeFollowUp(prev, {}, ids);
    const Action* a1 = findAction(next, "action-lf-02");
    REQUIRE(a1);
    CHECK(a1->experimentId.empty());
    CHECK(a1->cardId == a0->cardId);
    INFO(problemsText(next));
    CHECK(validate(next).empty());
}

TEST_CASE("a follow-up of a session without retrospective or experiments is valid", "[core][follow-up]") {
    IdGenerator ids(3);
    Session prev = makeEmptySession("Auftakt", Date{2026, 9, 1}, ids);
    prev.kind = SessionKind::KickOff;
    prev.retrospectives.clear();
    const Session next = makeFollowUp(prev, {}, ids);
    CHECK(next.retrospectives.empty());
    CHECK(next.experiments.empty());
    CHECK(next.kind == SessionKind::Planning);
    CHECK_FALSE(next.date.isSet()); // no next review planned and no date given
    INFO(problemsText(next));
    CHECK(validate(next).empty());
}

TEST_CASE("new ids never collide with carried ones", "[core][follow-up]") {
    // The previous session's ids come from the same seed, so the generator's first "session" id
    // equals the previous session's id and its prompts' ids are the ones the generator yields next.
    IdGenerator first(77);
    const Session prev = makeEmptySession("Auftakt", Date{2026, 9, 1}, first);
    IdGenerator same(77);
    const Session next = makeFollowUp(prev, {}, same);
    CHECK(next.id != prev.id);
    INFO(problemsText(next));
    CHECK(validate(next).empty());
}

TEST_CASE("a chain of three follow-ups keeps experiment ids and links each file to the previous one", "[core][follow-up]") {
    IdGenerator ids(2026);
    std::vector<Session> chain{makeDemoSession()};
    for (int i = 0; i < 3; ++i) chain.push_back(makeFollowUp(chain.back(), {}, ids));

    std::set<Id> carried;
    for (const auto& e : chain[1].experiments) carried.insert(e.id);
    REQUIRE(carried.size() >= 2);
    std::set<Id> sessionIds;
    for (std::size_t i = 1; i < chain.size(); ++i) {
        INFO("follow-up " << i << "\n" << problemsText(chain[i]));
        CHECK(validate(chain[i]).empty());
        CHECK(chain[i].previousSessionId == chain[i - 1].id);
        CHECK(sessionIds.insert(chain[i].id).second);
        std::set<Id> here;
        for (const auto& e : chain[i].experiments) here.insert(e.id);
        CHECK(here == carried);
    }
    // Links into the first file survive two more follow-ups unchanged.
    const Session& last = chain.back();
    int intoFirst = 0;
    for (const auto& e : last.experiments)
        for (const auto& l : e.links)
            if (l.sessionId == chain[0].id) ++intoFirst;
    CHECK(intoFirst >= 1);
    // Actions keep their ids and point to the file they were carried from.
    for (const auto& a : last.retrospectives.at(0).actions) {
        CHECK(a.carriedFromSessionId == chain[2].id);
        CHECK(findAction(chain[0], a.id));
    }
}
