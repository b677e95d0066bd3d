// The workshop-data dialog's command (header + participants in one undo step), the quick entry of
// participants by role, the workshop's start time, and the agenda rules around them.

#include "core/commands.hpp"
#include "core/formats.hpp"
#include "core/history.hpp"
#include "core/ids.hpp"
#include "core/participants.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"

#include <catch2/catch.hpp>

using namespace lernraum::core;

namespace {

Session blank() {
    Session s;
    s.id = "session-1";
    s.title = "Neu";
    return s;
}

int countRole(const Session& s, Role role) {
    return static_cast<int>(std::count_if(s.participants.begin(), s.participants.end(),
                                          [&](const Participant& p) { return p.role == role; }));
}

} // namespace

TEST_CASE("quick entry by counts understands the dialog's and the command line's spelling", "[core][participants]") {
    const auto german = parseRoleCounts("3 Führungskraft, 6 Beschäftigte, 2 Personalrat");
    REQUIRE(german.counts);
    CHECK((*german.counts)[static_cast<std::size_t>(Role::Manager)] == 3);
    CHECK((*german.counts)[static_cast<std::size_t>(Role::Employee)] == 6);
    CHECK((*german.counts)[static_cast<std::size_t>(Role::StaffCouncil)] == 2);

    const auto cli = parseRoleCounts("fuehrungskraft=3,beschaeftigte=6,personalrat=2");
    REQUIRE(cli.counts);
    CHECK(*cli.counts == *german.counts);

    const auto english = parseRoleCounts("3 Manager; 6 employees; Staff council: 2; external 1; 1 Moderation");
    REQUIRE(english.counts);
    CHECK((*english.counts)[static_cast<std::size_t>(Role::StaffCouncil)] == 2);
    CHECK((*english.counts)[static_cast<std::size_t>(Role::External)] == 1);
    CHECK((*english.counts)[static_cast<std::size_t>(Role::Facilitator)] == 1);

    const auto twice = parseRoleCounts("2 Personalrat, 1 personalrat");
    REQUIRE(twice.counts);
    CHECK((*twice.counts)[static_cast<std::size_t>(Role::StaffCouncil)] == 3);

    const auto empty = parseRoleCounts("  ");
    REQUIRE(empty.counts);
    CHECK(*empty.counts == RoleCounts{});

    CHECK(parseRoleCounts("3 Führungskraft, drei Personalrat").badPart == "drei Personalrat");
    CHECK(parseRoleCounts("3 Chefs").badPart == "3 Chefs");
    CHECK(parseRoleCounts("Personalrat").badPart == "Personalrat");
    CHECK(parseRoleCounts("-2 Personalrat").badPart == "-2 Personalrat");
    CHECK_FALSE(parseRoleCounts("100000 Personalrat").counts);
}

TEST_CASE("a time of day is read as typed and stored as HH:MM", "[core][text]") {
    CHECK(parseTimeOfDay("09:00") == 9 * 60);
    CHECK(parseTimeOfDay("9:05") == 9 * 60 + 5);
    CHECK(parseTimeOfDay(" 13.30 ") == 13 * 60 + 30);
    CHECK(parseTimeOfDay("23:59") == 23 * 60 + 59);
    CHECK(parseTimeOfDay("24:00") == -1);
    CHECK(parseTimeOfDay("9:5") == -1);
    CHECK(parseTimeOfDay("0900") == -1);
    CHECK(parseTimeOfDay("") == -1);
    CHECK(parseTimeOfDay("a9:00") == -1);
    CHECK(formatTimeOfDay(9 * 60) == "09:00");
    CHECK(formatTimeOfDay(24 * 60 + 15) == "00:15");

    Session s = blank();
    auto r = setSessionField(s, SessionField::StartTime, "9:00");
    REQUIRE(r.ok());
    applyAfter(s, r.change());
    CHECK(s.startTime == "09:00");
    CHECK_FALSE(setSessionField(s, SessionField::StartTime, "25:00").ok());
    s.startTime = "9:00"; // not the stored form
    CHECK_FALSE(validate(s).empty());
}

TEST_CASE("the workshop data are one undo step: header, 11 participants, consent", "[core][participants]") {
    Session s = blank();
    History history;
    auto ids = IdGenerator::fromRandomDevice();
    SessionHeader header = headerOf(s);
    header.title = "Auftakt Lernraum Digitalisierung";
    header.date = Date{2026, 12, 3};
    header.kind = SessionKind::KickOff;
    header.researchConsent = true;
    header.startTime = "09:00";
    const auto counts = parseRoleCounts("3 Führungskraft, 6 Beschäftigte, 2 Personalrat");
    REQUIRE(counts.counts);
    auto people = anonymousParticipants(s, *counts.counts, ids);
    REQUIRE(people.size() == 11);
    people[0].displayName = "Frau Beispiel";

    REQUIRE(history.apply(s, updateWorkshopData(s, header, people)));
    CHECK(s.title == "Auftakt Lernraum Digitalisierung");
    CHECK(s.researchConsent);
    CHECK(s.participants.size() == 11);
    CHECK(countRole(s, Role::StaffCouncil) == 2);
    CHECK(s.participants[0].displayName == "Frau Beispiel");
    CHECK(validate(s).empty());
    CHECK(history.undoLabel() == "Edit workshop data");

    // Correct it: one manager removed, one employee renamed, one person added, order changed.
    std::vector<Participant> next = s.participants;
    next.erase(next.begin() + 1);
    next[4].department = "Amt 32";
    Participant extra;
    extra.id = ids.next("part");
    extra.role = Role::External;
    next.insert(next.begin(), extra);
    const Session before = s;
    REQUIRE(history.apply(s, updateWorkshopData(s, headerOf(s), next)));
    CHECK(s.participants == next);
    REQUIRE(history.undo(s));
    CHECK(s == before);
    REQUIRE(history.undo(s));
    CHECK(s == blank());
    REQUIRE(history.redo(s));
    REQUIRE(history.redo(s));
    CHECK(s.participants == next);

    // Nothing changed: a no-op the history does not record.
    auto same = updateWorkshopData(s, headerOf(s), s.participants);
    REQUIRE(same.ok());
    CHECK(same.change().isNoOp());
}

TEST_CASE("the workshop data refuse bad input and leave authorship like removeParticipant", "[core][participants]") {
    Session s = blank();
    s.participants = {Participant{"part-a", "Anna", Role::Manager, ""}};
    Retrospective r;
    r.id = "retro-1";
    r.title = "Retro";
    r.prompts = {Prompt{"prompt-1", "Gut?"}};
    r.items = {RetroItem{"item-1", "prompt-1", "Text", "part-a", false, "", 0, Timestamp{0}}};
    s.retrospectives = {r};

    SessionHeader header = headerOf(s);
    header.title = "  ";
    CHECK(updateWorkshopData(s, header, s.participants).refusal().code == refusal::EmptyText);
    header = headerOf(s);
    header.startTime = "9 Uhr";
    CHECK(updateWorkshopData(s, header, s.participants).refusal().code == refusal::InvalidValue);
    header = headerOf(s);
    header.id = "other";
    CHECK_FALSE(updateWorkshopData(s, header, s.participants).ok());

    std::vector<Participant> dup = {s.participants[0], s.participants[0]};
    CHECK(updateWorkshopData(s, headerOf(s), dup).refusal().code == refusal::DuplicateId);
    std::vector<Participant> clash = {Participant{"retro-1", "", Role::Employee, ""}};
    CHECK(updateWorkshopData(s, headerOf(s), clash).refusal().code == refusal::DuplicateId);

    History history;
    REQUIRE(history.apply(s, updateWorkshopData(s, headerOf(s), {})));
    CHECK(s.participants.empty());
    CHECK(s.retrospectives[0].items[0].authorId.empty());
    REQUIRE(history.undo(s));
    CHECK(s.retrospectives[0].items[0].authorId == "part-a");
}

TEST_CASE("library activities go after the last agenda item of their phase", "[core][agenda]") {
    Session s = blank();
    s.agenda = {AgendaItem{"agenda-1", "Ankommen", "", Phase::SetTheStage, 10, 0, false, ""},
                AgendaItem{"agenda-2", "Abschluss", "", Phase::Close, 5, 0, false, ""}};
    Activity gather;
    gather.id = "timeline";
    gather.phase = Phase::GatherData;
    gather.minutes = 15;
    gather.title = LocalText{"Zeitstrahl", "Timeline"};
    Activity stage = gather;
    stage.id = "weather";
    stage.phase = Phase::SetTheStage;
    stage.title = LocalText{"Wetterbericht", "Weather report"};
    auto ids = IdGenerator::fromRandomDevice();
    auto r = addActivitiesToAgenda(s, {&gather, &stage, &gather}, "de", ids);
    REQUIRE(r.ok());
    applyAfter(s, r.change());
    REQUIRE(s.agenda.size() == 5);
    CHECK(s.agenda[0].id == "agenda-1");
    CHECK(s.agenda[1].activityId == "weather");
    CHECK(s.agenda[2].activityId == "timeline");
    CHECK(s.agenda[3].activityId == "timeline");
    CHECK(s.agenda[4].id == "agenda-2");
}
