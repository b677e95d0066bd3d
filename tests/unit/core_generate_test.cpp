#include "core/generate.hpp"
#include "core/validate.hpp"
#include "core/text.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <set>
#include <string>

using namespace lernraum::core;

namespace {

std::string problemsText(const std::vector<Problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += p.toString() + "\n";
    return out;
}

std::size_t cardCount(const Session& s) {
    std::size_t n = 0;
    for (const auto& b : s.boards) n += b.cards.size();
    return n;
}

std::size_t itemCount(const Session& s) {
    std::size_t n = 0;
    for (const auto& r : s.retrospectives) n += r.items.size();
    return n;
}

// Every free-text field of a session.
void forEachText(const Session& s, const std::function<void(const std::string&)>& f) {
    for (const auto* t : {&s.title, &s.lernraum, &s.orgUnit, &s.facilitator, &s.goal}) f(*t);
    for (const auto& p : s.participants) {
        f(p.displayName);
        f(p.department);
    }
    for (const auto& a : s.agenda) {
        f(a.title);
        f(a.description);
    }
    for (const auto& b : s.boards) {
        f(b.title);
        for (const auto& c : b.columns) f(c.title);
        for (const auto& l : b.lanes) f(l.title);
        for (const auto& c : b.cards) {
            f(c.title);
            f(c.description);
            for (const auto& t : c.tags) f(t);
            for (const auto& ci : c.checklist) f(ci.text);
        }
    }
    for (const auto& r : s.retrospectives) {
        f(r.title);
        for (const auto& p : r.prompts) f(p.text);
        for (const auto& i : r.items) f(i.text);
        for (const auto& g : r.groups) f(g.title);
        for (const auto& a : r.actions) {
            f(a.text);
            f(a.outcome);
        }
        f(r.checkIn.question);
        f(r.roti.question);
    }
    for (const auto& e : s.experiments) {
        for (const auto* t : {&e.title, &e.hypothesis, &e.method, &e.measure, &e.successCriterion, &e.learning,
                              &e.transferRecommendation})
            f(*t);
        for (const auto& o : e.observations) f(o.text);
        for (const auto& l : e.links) f(l.label);
    }
}

// Which values of each enum occur in a session (by enum name, as integers).
struct EnumSeen {
    std::set<int> kind, role, phase, columnKind, wipMode, colour, actionStatus, experimentStatus, result, evidence,
        decision;
};

void collectEnums(const Session& s, EnumSeen& seen) {
    const auto i = [](auto v) { return static_cast<int>(v); };
    seen.kind.insert(i(s.kind));
    for (const auto& p : s.participants) seen.role.insert(i(p.role));
    for (const auto& a : s.agenda) seen.phase.insert(i(a.phase));
    for (const auto& b : s.boards) {
        for (const auto& c : b.columns) {
            seen.columnKind.insert(i(c.kind));
            seen.wipMode.insert(i(c.wipMode));
        }
        for (const auto& c : b.cards) {
            seen.colour.insert(i(c.colour));
            if (c.ownerRole) seen.role.insert(i(*c.ownerRole));
        }
    }
    for (const auto& r : s.retrospectives) {
        seen.phase.insert(i(r.phase));
        for (const auto& a : r.actions) {
            seen.actionStatus.insert(i(a.status));
            if (a.ownerRole) seen.role.insert(i(*a.ownerRole));
        }
    }
    for (const auto& e : s.experiments) {
        seen.experimentStatus.insert(i(e.status));
        seen.result.insert(i(e.result));
        seen.evidence.insert(i(e.evidence));
        seen.decision.insert(i(e.decision));
        if (e.ownerRole) seen.role.insert(i(*e.ownerRole));
        for (const auto r : e.participantRoles) seen.role.insert(i(r));
    }
}

template <typename E> std::set<int> allValues() {
    std::set<int> out;
    for (int v = 0; v < static_cast<int>(E::Count); ++v) out.insert(v);
    return out;
}

GenerateOptions medium(std::uint64_t seed) {
    GenerateOptions o;
    o.seed = seed;
    o.cards = 200;
    o.retroItems = 120;
    o.experiments = 12;
    o.participants = 15;
    o.boards = 2;
    o.retrospectives = 2;
    return o;
}

} // namespace

TEST_CASE("generateSession is deterministic for equal options", "[core][generate]") {
    for (const std::uint64_t seed : {1ULL, 2ULL, 42ULL, 0xFFFFFFFFFFFFFFFFULL}) {
        GenerateOptions o;
        o.seed = seed;
        const Session a = generateSession(o);
        const Session b = generateSession(o);
        CHECK(a == b);
    }
}

TEST_CASE("generateSession gives different sessions for different seeds", "[core][generate]") {
    GenerateOptions o1, o2;
    o1.seed = 1;
    o2.seed = 2;
    const Session a = generateSession(o1);
    const Session b = generateSession(o2);
    CHECK_FALSE(a == b);
    CHECK(a.id != b.id);
    REQUIRE_FALSE(a.boards.empty());
    REQUIRE_FALSE(b.boards.empty());
    CHECK_FALSE(a.boards[0].cards == b.boards[0].cards);
}

TEST_CASE("generated sessions validate clean for many seeds and sizes", "[core][generate]") {
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
        GenerateOptions o;
        o.seed = seed;
        o.cards = static_cast<int>(seed * 7 % 90);
        o.retroItems = static_cast<int>(seed * 5 % 60);
        o.experiments = static_cast<int>(seed % 9);
        o.participants = static_cast<int>(seed % 16);
        o.boards = static_cast<int>(seed % 4);
        o.retrospectives = static_cast<int>(seed % 3);
        o.actions = static_cast<int>(seed % 7);
        INFO("seed " << seed);
        const auto problems = validate(generateSession(o));
        INFO(problemsText(problems));
        CHECK(problems.empty());
    }
}

TEST_CASE("generated sessions validate clean at the edges", "[core][generate]") {
    GenerateOptions empty;
    empty.cards = 0;
    empty.retroItems = 0;
    empty.experiments = 0;
    empty.participants = 0;
    empty.boards = 0;
    empty.retrospectives = 0;
    empty.actions = 0;
    empty.agendaItems = 0;
    const Session e = generateSession(empty);
    CHECK(validate(e).empty());
    CHECK(e.boards.empty());
    CHECK(e.retrospectives.empty());
    CHECK(e.experiments.empty());
    CHECK(e.participants.empty());
    CHECK_FALSE(e.title.empty());

    GenerateOptions negative;
    negative.cards = -5;
    negative.retroItems = -1;
    negative.experiments = -3;
    negative.participants = -2;
    const Session n = generateSession(negative);
    CHECK(validate(n).empty());
    CHECK(cardCount(n) == 0);
    CHECK(itemCount(n) == 0);
    CHECK(n.experiments.empty());

    GenerateOptions noBoards; // cards without boards still get a board to live on
    noBoards.boards = 0;
    noBoards.cards = 10;
    const Session nb = generateSession(noBoards);
    CHECK(validate(nb).empty());
    CHECK(cardCount(nb) == 10);

    GenerateOptions large = medium(7);
    large.cards = 3000;
    large.retroItems = 1000;
    large.experiments = 60;
    large.boards = 5;
    const auto problems = validate(generateSession(large));
    INFO(problemsText(problems));
    CHECK(problems.empty());
}

TEST_CASE("generateSession honours the requested counts", "[core][generate]") {
    GenerateOptions o;
    o.seed = 9;
    o.cards = 37;
    o.retroItems = 23;
    o.experiments = 4;
    o.participants = 7;
    o.boards = 3;
    o.retrospectives = 2;
    o.actions = 5;
    o.agendaItems = 8;
    const Session s = generateSession(o);
    CHECK(cardCount(s) == 37);
    CHECK(itemCount(s) == 23);
    CHECK(s.experiments.size() == 4);
    CHECK(s.participants.size() == 7);
    CHECK(s.boards.size() == 3);
    CHECK(s.retrospectives.size() == 2);
    CHECK(s.agenda.size() == 8);
    for (const auto& r : s.retrospectives) CHECK(r.actions.size() == 5);
    for (const auto& b : s.boards) CHECK_FALSE(b.cards.empty()); // 37 cards spread over 3 boards
}

TEST_CASE("a medium generated session uses every value of every enum", "[core][generate]") {
    EnumSeen seen;
    collectEnums(generateSession(medium(3)), seen);
    CHECK(seen.role == allValues<Role>());
    CHECK(seen.phase == allValues<Phase>());
    CHECK(seen.columnKind == allValues<ColumnKind>());
    CHECK(seen.wipMode == allValues<WipMode>());
    CHECK(seen.colour == allValues<CardColour>());
    CHECK(seen.actionStatus == allValues<ActionStatus>());
    CHECK(seen.experimentStatus == allValues<ExperimentStatus>());
    CHECK(seen.result == allValues<ExperimentResult>());
    CHECK(seen.evidence == allValues<EvidenceStrength>());
    CHECK(seen.decision == allValues<Decision>());

    // The session kind is one value per session; five consecutive seeds cover all of them.
    EnumSeen kinds;
    for (std::uint64_t seed = 10; seed < 15; ++seed) collectEnums(generateSession(GenerateOptions{.seed = seed}), kinds);
    CHECK(kinds.kind == allValues<SessionKind>());
}

TEST_CASE("a medium generated session exercises optional fields both ways", "[core][generate]") {
    const Session s = generateSession(medium(5));
    bool ownerSet = false, ownerEmpty = false, dueSet = false, dueEmpty = false, laneSet = false, laneEmpty = false;
    bool historyEmpty = false, historyLong = false, createdSet = false, createdEmpty = false, archived = false;
    bool checklistDone = false, checklistOpen = false, wipLimit = false, noLanes = false;
    for (const auto& b : s.boards) {
        noLanes = noLanes || b.lanes.empty();
        for (const auto& c : b.columns) wipLimit = wipLimit || c.wipLimit > 0;
        for (const auto& c : b.cards) {
            (c.ownerRole ? ownerSet : ownerEmpty) = true;
            (c.due.isSet() ? dueSet : dueEmpty) = true;
            (c.laneId.empty() ? laneEmpty : laneSet) = true;
            (c.createdAt.isSet() ? createdSet : createdEmpty) = true;
            historyEmpty = historyEmpty || c.history.empty();
            historyLong = historyLong || c.history.size() >= 3;
            archived = archived || c.archived;
            for (const auto& ci : c.checklist) (ci.done ? checklistDone : checklistOpen) = true;
        }
    }
    CHECK((ownerSet && ownerEmpty && dueSet && dueEmpty && laneSet && laneEmpty));
    CHECK((historyEmpty && historyLong && createdSet && createdEmpty && archived));
    CHECK((checklistDone && checklistOpen && wipLimit && noLanes));

    bool anonymous = false, authored = false, hidden = false, grouped = false, ungrouped = false, voted = false;
    bool carried = false, linkedCard = false, linkedExperiment = false, withOutcome = false;
    for (const auto& r : s.retrospectives) {
        for (const auto& i : r.items) {
            (i.authorId.empty() ? anonymous : authored) = true;
            (i.groupId.empty() ? ungrouped : grouped) = true;
            hidden = hidden || i.hidden;
            voted = voted || i.votes > 0;
        }
        for (const auto& a : r.actions) {
            carried = carried || !a.carriedFromSessionId.empty();
            linkedCard = linkedCard || !a.cardId.empty();
            linkedExperiment = linkedExperiment || !a.experimentId.empty();
            withOutcome = withOutcome || !a.outcome.empty();
        }
    }
    CHECK((anonymous && authored && hidden && grouped && ungrouped && voted));
    CHECK((carried && linkedCard && linkedExperiment && withOutcome));

    bool linkHere = false, linkElsewhere = false, observationDated = false, observationUndated = false;
    for (const auto& e : s.experiments) {
        for (const auto& l : e.links) (l.sessionId.empty() ? linkHere : linkElsewhere) = true;
        for (const auto& o : e.observations) (o.date.isSet() ? observationDated : observationUndated) = true;
    }
    CHECK((linkHere && linkElsewhere && observationDated && observationUndated));
}

TEST_CASE("generated text contains hard characters for the file format", "[core][generate]") {
    const Session s = generateSession(medium(11));
    bool newline = false, control = false, tab = false, backslash = false, quote = false, umlaut = false, emoji = false;
    bool typographic = false, longText = false, emptyOptional = false, padded = false;
    forEachText(s, [&](const std::string& t) {
        newline = newline || t.find('\n') != std::string::npos;
        control = control || findControlCharacter(t) != std::string::npos; // texts never hold CR, NUL, ESC, ...
        tab = tab || t.find('\t') != std::string::npos;
        backslash = backslash || t.find('\\') != std::string::npos;
        quote = quote || t.find('"') != std::string::npos;
        umlaut = umlaut || t.find("ü") != std::string::npos || t.find("ß") != std::string::npos;
        emoji = emoji || t.find("\xF0\x9F") != std::string::npos; // 4-byte UTF-8 (U+1F000 ff.)
        typographic = typographic || t.find("„") != std::string::npos;
        longText = longText || t.size() > 1000;
        emptyOptional = emptyOptional || t.empty();
        padded = padded || (!t.empty() && t.back() == ' ');
    });
    CHECK((newline && tab && backslash && quote));
    CHECK_FALSE(control);
    CHECK((umlaut && emoji && typographic && longText && emptyOptional && padded));
}

TEST_CASE("small generated sessions already use every enum value, for every seed", "[core][generate]") {
    // The guarantee documented in generate.hpp: 6 experiments, 9 cards, 4 actions, 5 participants.
    for (std::uint64_t seed = 0; seed < 30; ++seed) {
        GenerateOptions o;
        o.seed = seed;
        o.cards = 9;
        o.experiments = 6;
        o.actions = 4;
        o.participants = 5;
        o.retroItems = 3;
        INFO("seed " << seed);
        EnumSeen seen;
        collectEnums(generateSession(o), seen);
        CHECK(seen.role == allValues<Role>());
        CHECK(seen.phase == allValues<Phase>());
        CHECK(seen.columnKind == allValues<ColumnKind>());
        CHECK(seen.wipMode == allValues<WipMode>());
        CHECK(seen.colour == allValues<CardColour>());
        CHECK(seen.actionStatus == allValues<ActionStatus>());
        CHECK(seen.experimentStatus == allValues<ExperimentStatus>());
        CHECK(seen.result == allValues<ExperimentResult>());
        CHECK(seen.evidence == allValues<EvidenceStrength>());
        CHECK(seen.decision == allValues<Decision>());
    }
}
