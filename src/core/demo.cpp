#include "demo.hpp"

#include <initializer_list>
#include <utility>

// The demo workshop. Everything here is invented: the county, the people, the numbers. It is meant
// to read like a real Auswertungssitzung so that screenshots, reports and UI tests look like the
// tool's everyday use. Ids are hand-written and readable; dates are fixed.

namespace lernraum::core {

namespace {

const Id kSessionId = "session-lf-2026-11-18-auswertung-s2";
const Id kPreviousSessionId = "session-lf-2026-10-21-planung-s2"; // Planungssitzung Sprint 2
const Id kSprint1SessionId = "session-lf-2026-09-23-planung-s1";  // Planungssitzung Sprint 1

// Board columns.
const Id kIdeas = "col-lf-ideen";
const Id kPlanned = "col-lf-geplant";
const Id kDoing = "col-lf-in-arbeit";
const Id kReview = "col-lf-review";
const Id kDone = "col-lf-erledigt";

// Swimlanes.
const Id kLanePilot = "lane-lf-pilot";
const Id kLaneAll = "lane-lf-verwaltung";

// Retrospective prompts and groups.
const Id kGood = "prompt-lf-gut";
const Id kImprove = "prompt-lf-verbessern";
const Id kTry = "prompt-lf-ausprobieren";
const Id kGroupReach = "group-lf-erreichbarkeit";
const Id kGroupMeetings = "group-lf-besprechungen";
const Id kGroupTrust = "group-lf-vertrauen";
const Id kGroupTech = "group-lf-technik";
const Id kGroupAgreement = "group-lf-dienstvereinbarung";

// Times in UTC. The session starts 09:00 local time (CET = UTC+1), i.e. 08:00Z.
Timestamp at(Date day, int hour, int minute) {
    return Timestamp{static_cast<std::int64_t>(day.daysSinceEpoch()) * 86400 + hour * 3600 + minute * 60};
}

constexpr Date d(int year, int month, int day) { return Date{year, month, day}; }

Participant person(Id id, std::string name, Role role, std::string department) {
    return Participant{std::move(id), std::move(name), role, std::move(department)};
}

AgendaItem agendaItem(Id id, std::string title, std::string description, Phase phase, int minutes, int usedSeconds,
                      bool done, std::string activity = {}) {
    return AgendaItem{std::move(id), std::move(title), std::move(description), phase, minutes, usedSeconds, done,
                      std::move(activity)};
}

struct Visit {
    const Id& column;
    Timestamp at;
};

struct Check {
    const char* text;
    bool done;
};

struct CardSpec {
    const char* id;
    const char* title;
    const char* description;
    std::optional<Role> owner;
    std::initializer_list<const char*> tags;
    CardColour colour;
    Date due;
    std::initializer_list<Check> checklist;
    const Id& lane;
    std::initializer_list<Visit> history; // the last visit is the current column
    bool archived = false;
};

Card card(const CardSpec& spec) {
    Card c;
    c.id = spec.id;
    c.title = spec.title;
    c.description = spec.description;
    c.ownerRole = spec.owner;
    for (const char* t : spec.tags) c.tags.emplace_back(t);
    c.colour = spec.colour;
    c.due = spec.due;
    int n = 0;
    for (const auto& check : spec.checklist)
        c.checklist.push_back(ChecklistItem{c.id + "-check-" + std::to_string(++n), check.text, check.done});
    for (const auto& v : spec.history) c.history.push_back(ColumnVisit{v.column, v.at});
    c.columnId = c.history.back().columnId;
    c.laneId = spec.lane;
    c.archived = spec.archived;
    c.createdAt = c.history.front().enteredAt;
    return c;
}

RetroItem item(Id id, const Id& prompt, std::string text, const Id& group, int votes, Timestamp createdAt,
               Id author = {}) {
    RetroItem i;
    i.id = std::move(id);
    i.promptId = prompt;
    i.text = std::move(text);
    i.authorId = std::move(author);
    i.groupId = group;
    i.votes = votes;
    i.createdAt = createdAt;
    return i;
}

Link link(Id target, std::string label, Id session = {}) {
    return Link{std::move(target), std::move(session), std::move(label)};
}

// ---------------------------------------------------------------------------------------------

std::vector<Participant> participants() {
    return {
        person("person-lf-01", "Dr. Katrin Vogt", Role::Manager, "Fachbereich 1 – Zentrale Dienste (Fachbereichsleitung)"),
        person("person-lf-02", "Markus Lehmann", Role::Manager, "Amt 10 – Personal und Organisation (Amtsleitung)"),
        person("person-lf-03", "Sabine Hartwig", Role::Manager, "Straßenverkehrsamt, Sachgebietsleitung Zulassung"),
        person("person-lf-04", "Yusuf Demir", Role::Employee, "Straßenverkehrsamt, Zulassungsstelle Außenstelle Nord"),
        person("person-lf-05", "Anna Kowalski", Role::Employee, "Amt 10 – Personalentwicklung"),
        person("person-lf-06", "Jonas Brandt", Role::Employee, "Amt 11 – Digitalisierung und IT-Service"),
        person("person-lf-07", "Claudia Reuter", Role::Employee, "Jugendamt, Wirtschaftliche Jugendhilfe"),
        person("person-lf-08", "Thomas Wilke", Role::Employee, "Kämmerei, Kasse"),
        person("person-lf-09", "Petra Schönfeld", Role::StaffCouncil, "Personalrat (Vorsitz)"),
        person("person-lf-10", "Murat Aydın", Role::StaffCouncil, "Personalrat, freigestellt"),
        person("person-lf-11", "Friederike Adam", Role::Facilitator, "Stabsstelle Organisationsentwicklung"),
        person("person-lf-12", "Lena Hofmann", Role::Facilitator, "Stabsstelle Organisationsentwicklung (Co-Moderation, Dokumentation)"),
        person("person-lf-13", "Prof. Dr. Stefan Albers", Role::External, "Hochschule für öffentliche Verwaltung Lindenfeld, Begleitforschung"),
    };
}

std::vector<AgendaItem> agenda() {
    return {
        agendaItem("agenda-lf-01", "Ankommen und Check-in",
                   "Begrüßung, Ziel und Ablauf der Sitzung. Check-in auf der Skala: „Wie verbunden fühle ich mich "
                   "gerade mit meinem Team?“ (1–5).",
                   Phase::SetTheStage, 15, 1040, true, "check-in-skala"),
        agendaItem("agenda-lf-02", "Rückblick Sprint 2: Board und Praxisexperimente",
                   "Gemeinsamer Gang über das Board „Praxisaufgaben“: Was ist erledigt, was hängt, was ist überfällig? "
                   "Kurzberichte aus den laufenden Experimenten.",
                   Phase::GatherData, 30, 2160, true),
        agendaItem("agenda-lf-03", "Retrospektive: Karten schreiben",
                   "Stilles Schreiben zu „Was lief gut?“, „Was können wir verbessern?“ und „Was probieren wir aus?“. "
                   "Karten sind anonym, Namen nur auf Wunsch.",
                   Phase::GatherData, 20, 1320, true, "gut-verbessern-ausprobieren"),
        agendaItem("agenda-lf-04", "Clustern und Punkte-Abstimmung",
                   "Karten gemeinsam zu Themen gruppieren, danach Punkte-Abstimmung mit drei Punkten pro Person.",
                   Phase::GenerateInsights, 25, 1795, true, "punkte-abstimmung"),
        agendaItem("agenda-lf-05", "Pause", "", Phase::GenerateInsights, 15, 960, true),
        agendaItem("agenda-lf-06", "Experimente auswerten",
                   "Für jedes Experiment aus Sprint 2: Ergebnis, Belastbarkeit der Daten, Erkenntnis und Entscheidung "
                   "(beibehalten, anpassen oder verwerfen). Input der Begleitforschung zur Kurzumfrage.",
                   Phase::GenerateInsights, 35, 2290, true),
        agendaItem("agenda-lf-07", "Maßnahmen und Experimente für Sprint 3",
                   "Aus den Themen mit den meisten Punkten Maßnahmen mit Verantwortung und Termin ableiten; neue "
                   "Experimente mit Hypothese und Erfolgskriterium formulieren.",
                   Phase::DecideWhatToDo, 30, 780, false),
        agendaItem("agenda-lf-08", "Praxistransfer: Was geben wir weiter?",
                   "Welche Ergebnisse sind reif für andere Ämter? Was brauchen die dafür?", Phase::DecideWhatToDo, 10, 0,
                   false),
        agendaItem("agenda-lf-09", "ROTI und Abschluss",
                   "Return on Time Invested (1–5), offene Punkte, Termin der nächsten Auswertungssitzung.", Phase::Close,
                   10, 0, false, "roti"),
    };
}

Board board() {
    Board b;
    b.id = "board-lf-praxisaufgaben";
    b.title = "Praxisaufgaben";
    b.columns = {
        Column{kIdeas, "Ideen / Backlog", ColumnKind::Todo, 0, WipMode::Soft},
        Column{kPlanned, "Geplant", ColumnKind::Todo, 0, WipMode::Soft},
        Column{kDoing, "In Arbeit", ColumnKind::InProgress, 3, WipMode::Hard},
        Column{kReview, "Review", ColumnKind::InProgress, 2, WipMode::Soft},
        Column{kDone, "Erledigt", ColumnKind::Done, 0, WipMode::Soft},
    };
    b.lanes = {
        Lane{kLanePilot, "Pilotbereich Zulassungsstelle"},
        Lane{kLaneAll, "Verwaltungsweit"},
    };

    const Date oct07 = d(2026, 10, 7), oct08 = d(2026, 10, 8), oct14 = d(2026, 10, 14), oct21 = d(2026, 10, 21);
    const Date oct22 = d(2026, 10, 22), oct23 = d(2026, 10, 23), oct26 = d(2026, 10, 26), oct28 = d(2026, 10, 28);
    const Date oct29 = d(2026, 10, 29), oct30 = d(2026, 10, 30), nov02 = d(2026, 11, 2), nov03 = d(2026, 11, 3);
    const Date nov04 = d(2026, 11, 4), nov05 = d(2026, 11, 5), nov06 = d(2026, 11, 6), nov09 = d(2026, 11, 9);
    const Date nov10 = d(2026, 11, 10), nov11 = d(2026, 11, 11), nov12 = d(2026, 11, 12), nov13 = d(2026, 11, 13);
    const Date nov16 = d(2026, 11, 16), nov17 = d(2026, 11, 17), nov18 = d(2026, 11, 18);

    const CardSpec specs[] = {
        // --- Erledigt
        {"card-lf-01", "Erreichbarkeitsregeln im Teams-Kanal festhalten",
         "Die im Team vereinbarten Kern- und Reaktionszeiten (Kernzeit 9–12 Uhr, Antwort auf Chatnachrichten am "
         "selben Arbeitstag) als angeheftete Nachricht im Kanal „Zulassung intern“ veröffentlichen.",
         Role::Employee, {"Erreichbarkeit", "Teams"}, CardColour::Orange, d(2026, 10, 30),
         {{"Entwurf im Team abstimmen", true}, {"Mit der Sachgebietsleitung klären", true}, {"Im Kanal anheften", true}},
         kLanePilot,
         {{kIdeas, at(oct07, 13, 12)}, {kPlanned, at(oct21, 9, 40)}, {kDoing, at(oct22, 7, 55)},
          {kReview, at(oct28, 14, 3)}, {kDone, at(oct30, 10, 21)}}},
        {"card-lf-02", "Montags-Stand-up per Video (15 Minuten) einführen",
         "Kurzer Wochenstart im Videocall: Wer arbeitet woran, wo brauche ich Hilfe, wer ist wann vor Ort? "
         "Moderation reihum, Kamera freiwillig.",
         Role::Manager, {"Besprechungen"}, CardColour::Blue, d(2026, 10, 26),
         {{"Serientermin anlegen", true}, {"Moderationsreihenfolge festlegen", true}}, kLanePilot,
         {{kPlanned, at(oct08, 8, 30)}, {kDoing, at(oct21, 10, 5)}, {kDone, at(oct26, 9, 0)}}},
        {"card-lf-03", "Headsets und Webcams für die Außenstelle Nord beschaffen",
         "In der Außenstelle gab es bisher nur zwei Headsets für zwölf Arbeitsplätze. Bestellung über den "
         "Rahmenvertrag des IT-Service.",
         Role::Employee, {"Technik", "Ausstattung"}, CardColour::SkyBlue, d(2026, 11, 13),
         {{"Bedarf erheben (12 Headsets, 4 Webcams)", true},
          {"Bestellung über Rahmenvertrag", true},
          {"Ausgabe gegen Quittung dokumentieren", true}},
         kLanePilot,
         {{kIdeas, at(oct14, 11, 47)}, {kPlanned, at(oct21, 9, 42)}, {kDoing, at(oct23, 8, 15)},
          {kDone, at(nov12, 13, 30)}}},
        {"card-lf-04", "Personalrat zur Zwischenbilanz der Dienstvereinbarung einladen",
         "Termin mit dem Personalrat: Wie wirkt die Dienstvereinbarung mobiles Arbeiten im Alltag, wo gibt es "
         "Lücken (Erreichbarkeit, Arbeitszeiterfassung)?",
         Role::StaffCouncil, {"Dienstvereinbarung"}, CardColour::ReddishPurple, d(2026, 11, 6),
         {{"Termin finden", true}, {"Fragen vorab sammeln", true}}, kLaneAll,
         {{kPlanned, at(oct21, 9, 45)}, {kDoing, at(oct29, 12, 10)}, {kDone, at(nov05, 15, 0)}}},
        {"card-lf-05", "Kurzumfrage „Wie gut fühle ich mich informiert?“ – Welle 1",
         "Fünf Fragen, anonym, über das Umfragewerkzeug der Hochschule. Auswertung durch die Begleitforschung; "
         "Ergebnisse nur für Gruppen ab fünf Personen.",
         Role::External, {"Begleitforschung", "Umfrage"}, CardColour::Grey, d(2026, 11, 11),
         {{"Fragebogen mit Personalrat abstimmen", true}, {"Link verschicken", true}, {"Erinnerung nach einer Woche", true}},
         kLaneAll,
         {{kPlanned, at(oct21, 9, 50)}, {kDoing, at(oct26, 8, 0)}, {kReview, at(nov09, 16, 20)},
          {kDone, at(nov11, 10, 0)}}},
        {"card-lf-06", "Vorlage für Übergabenotizen im Wiki anlegen",
         "Eine Seite pro Tag: offene Vorgänge, Rückrufbitten, Besonderheiten. Ersetzt die morgendliche Telefonrunde.",
         Role::Employee, {"Übergabe", "Wiki"}, CardColour::SkyBlue, d(2026, 10, 23),
         {{"Vorlage entwerfen", true}, {"Im Team vorstellen", true}}, kLanePilot,
         {{kIdeas, at(oct07, 13, 20)}, {kDoing, at(oct21, 11, 0)}, {kDone, at(oct23, 14, 45)}}, true},

        // --- In Arbeit (hard WIP limit 3)
        {"card-lf-07", "Leitfaden „Hybride Besprechungen“ – Entwurf",
         "Zwei Seiten: Technik-Check, Rederecht, Chat im Blick, Ergebnisse im Kanal statt im Flur. Grundlage für das "
         "Experiment „Remote first“.",
         Role::Manager, {"Besprechungen", "Leitfaden"}, CardColour::Blue, d(2026, 11, 27),
         {{"Erfahrungen aus Sprint 2 sammeln", true},
          {"Entwurf schreiben", true},
          {"Rückmeldung Personalrat", false},
          {"Im Wiki veröffentlichen", false}},
         kLaneAll,
         {{kIdeas, at(oct08, 9, 5)}, {kPlanned, at(oct21, 9, 55)}, {kDoing, at(nov03, 7, 30)}}},
        {"card-lf-08", "Vertretungsregel für Chat-Anfragen bei Abwesenheit",
         "Wer beantwortet Nachrichten, wenn jemand krank, im Urlaub oder im Außendienst ist? Status in Teams plus "
         "benannte Vertretung.",
         Role::Employee, {"Erreichbarkeit", "Teams"}, CardColour::Orange, d(2026, 11, 13),
         {{"Vorschlag im Stand-up besprechen", true}, {"Vertretungsliste anlegen", false}}, kLanePilot,
         {{kIdeas, at(oct22, 12, 40)}, {kPlanned, at(oct28, 8, 10)}, {kDoing, at(nov04, 9, 25)}}},
        {"card-lf-09", "Austausch „Vertrauen statt Kontrolle“ für Führungskräfte vorbereiten",
         "90 Minuten kollegiale Beratung: Woran merke ich, dass es meinem Team gut geht, ohne ständig nachzufragen?",
         Role::Manager, {"Führung", "Vertrauen"}, CardColour::Blue, d(2026, 11, 25),
         {{"Fallbeispiele sammeln", false}, {"Raum und Termin", true}}, kLaneAll,
         {{kIdeas, at(oct14, 15, 0)}, {kPlanned, at(oct21, 10, 0)}, {kDoing, at(nov16, 8, 5)}}},

        // --- Review
        {"card-lf-10", "Entwurf Anlage 2 zur Dienstvereinbarung mobiles Arbeiten: Erreichbarkeit",
         "Ergänzung zur Dienstvereinbarung: Kernzeiten, Reaktionszeiten, Recht auf Nichterreichbarkeit nach "
         "Dienstschluss. Nach der ersten Rückmeldung des Personalrats überarbeitet.",
         Role::StaffCouncil, {"Dienstvereinbarung", "Erreichbarkeit"}, CardColour::Yellow, d(2026, 11, 20),
         {{"Entwurf", true}, {"Rechtliche Prüfung Amt 10", true}, {"Beschluss Personalrat", false}}, kLaneAll,
         {{kPlanned, at(oct21, 10, 10)}, {kDoing, at(oct23, 9, 0)}, {kReview, at(nov02, 13, 0)},
          {kDoing, at(nov06, 10, 30)}, {kReview, at(nov13, 11, 15)}}},
        {"card-lf-11", "Onboarding-Checkliste für neue Kolleg*innen im Homeoffice",
         "Erste Woche: Wer holt die neue Person ab (digital und vor Ort), Patenschaft, Zugänge, Vorstellungsrunde im "
         "Team.",
         Role::Employee, {"Onboarding"}, CardColour::BluishGreen, d(2026, 11, 16),
         {{"Checkliste entwerfen", true}, {"Mit Personalentwicklung abgleichen", true}, {"Test mit nächster Einstellung", false}},
         kLaneAll,
         {{kIdeas, at(oct14, 11, 50)}, {kPlanned, at(oct21, 10, 12)}, {kDoing, at(oct30, 8, 45)},
          {kReview, at(nov17, 15, 40)}}},

        // --- Geplant
        {"card-lf-12", "Offene Videosprechstunde der Amtsleitung",
         "Einmal pro Woche 30 Minuten, ohne Anmeldung, für Fragen aller Art. Termin Donnerstag 14 Uhr.",
         Role::Manager, {"Führung"}, CardColour::Blue, d(2026, 12, 4), {}, kLaneAll,
         {{kIdeas, at(nov10, 14, 0)}, {kPlanned, at(nov18, 10, 55)}}},
        {"card-lf-13", "Schulung Teams-Grundlagen für Beschäftigte ohne Vorerfahrung",
         "Zwei Termine à 90 Minuten, kleine Gruppen, mit eigenem Gerät. Inhalte: Kanäle, Chat, Besprechungen, "
         "Dateiablage.",
         Role::Employee, {"Tools", "Qualifizierung"}, CardColour::SkyBlue, d(2026, 12, 11),
         {{"Termine buchen", false}, {"Einladung über Personalentwicklung", false}}, kLaneAll,
         {{kIdeas, at(oct21, 11, 20)}, {kPlanned, at(nov04, 8, 35)}}},
        {"card-lf-14", "Regel für Nachrichten nach 18 Uhr formulieren",
         "„Senden planen“ statt sofort senden; Ausnahmen für echte Eilfälle benennen. Abstimmung mit dem Personalrat.",
         Role::StaffCouncil, {"Gesundheit", "Erreichbarkeit"}, CardColour::BluishGreen, d(2026, 11, 10), {}, kLaneAll,
         {{kIdeas, at(oct29, 16, 5)}, {kPlanned, at(nov02, 9, 15)}}},
        {"card-lf-15", "Kurzumfrage Welle 2 vorbereiten",
         "Gleiche Fragen wie Welle 1 plus zwei Fragen zu hybriden Besprechungen, damit Veränderungen sichtbar werden.",
         Role::External, {"Begleitforschung", "Umfrage"}, CardColour::Grey, d(2026, 12, 9),
         {{"Zusatzfragen formulieren", false}}, kLaneAll,
         {{kPlanned, at(nov11, 10, 30)}}},

        // --- Ideen / Backlog
        {"card-lf-16", "Virtuelle Kaffeepause am Freitag",
         "15 Minuten, freiwillig, ohne Thema. Vorschlag aus der Retrospektive.", std::nullopt, {"Teamgefühl"},
         CardColour::Orange, Date{}, {}, kLanePilot,
         {{kIdeas, at(nov18, 9, 50)}}},
        {"card-lf-17", "Desk-Sharing im Verwaltungsgebäude Marktstraße prüfen",
         "Wenn viele mobil arbeiten, stehen Büros leer. Prüfen mit Gebäudemanagement und Personalrat – nicht als "
         "Sparprogramm, sondern für bessere Teamräume.",
         Role::Manager, {"Arbeitsplatz"}, CardColour::Grey, Date{}, {}, kLaneAll,
         {{kIdeas, at(oct07, 13, 30)}}},
        {"card-lf-18", "Gemeinsamer Teamtag vor Ort einmal im Monat",
         "Ein fester Tag, an dem alle im Büro sind: Besprechungen, Einarbeitung, gemeinsames Mittagessen.",
         Role::Manager, {"Teamgefühl", "Besprechungen"}, CardColour::Orange, Date{}, {}, kLanePilot,
         {{kIdeas, at(nov18, 9, 52)}}},
        {"card-lf-19", "Führungskräfte-Tandems zum Erfahrungsaustausch",
         "Je zwei Führungskräfte aus verschiedenen Ämtern treffen sich monatlich zu „Führung auf Distanz“.",
         Role::Facilitator, {"Führung"}, CardColour::Blue, Date{}, {}, kLaneAll,
         {{kIdeas, at(oct26, 14, 10)}}},
        {"card-lf-20", "Ergebnisse in die Führungskräfteklausur im Januar einbringen",
         "Kurzvortrag und Materialtisch: Leitfaden, Erreichbarkeitsregeln, Erfahrungen mit dem Stand-up.",
         Role::Facilitator, {"Transfer"}, CardColour::Vermillion, d(2027, 1, 15),
         {{"Zeitfenster bei der Verwaltungsleitung anfragen", true}, {"Material zusammenstellen", false}}, kLaneAll,
         {{kIdeas, at(nov09, 10, 0)}}},
    };
    for (const auto& spec : specs) b.cards.push_back(card(spec));
    return b;
}

Retrospective retrospective() {
    Retrospective r;
    r.id = "retro-lf-sprint-2";
    r.title = "Retrospektive Sprint 2";
    r.formatId = "gut-verbessern-ausprobieren";
    r.phase = Phase::DecideWhatToDo;
    r.prompts = {
        Prompt{kGood, "Was lief gut?"},
        Prompt{kImprove, "Was können wir verbessern?"},
        Prompt{kTry, "Was probieren wir aus?"},
    };
    r.groups = {
        RetroGroup{kGroupReach, "Erreichbarkeit und Reaktionszeiten", 8},
        RetroGroup{kGroupMeetings, "Hybride Besprechungen", 6},
        RetroGroup{kGroupTrust, "Vertrauen statt Kontrolle", 5},
        RetroGroup{kGroupTech, "Technik und Ausstattung", 3},
        RetroGroup{kGroupAgreement, "Dienstvereinbarung mobiles Arbeiten", 4},
    };
    const Date day = d(2026, 11, 18);
    const Id none;
    r.items = {
        // Was lief gut?
        item("item-lf-01", kGood,
             "Das kurze Stand-up am Montag per Video hat sich bewährt – ich weiß jetzt, woran die anderen in der Woche "
             "arbeiten.",
             kGroupMeetings, 0, at(day, 8, 47)),
        item("item-lf-02", kGood, "Erreichbarkeitsregeln im Teams-Kanal: Endlich ist klar, wann ich mit einer Antwort rechnen kann.",
             kGroupReach, 0, at(day, 8, 48)),
        item("item-lf-03", kGood, "Die neuen Headsets! Niemand muss mehr „Ich höre dich nicht“ sagen.", kGroupTech, 0,
             at(day, 8, 48)),
        item("item-lf-04", kGood,
             "Meine Führungskraft hat nicht ständig nachgefragt, was ich gerade mache. Das war ungewohnt, aber gut.",
             kGroupTrust, 0, at(day, 8, 50)),
        item("item-lf-05", kGood,
             "Der Personalrat war von Anfang an dabei – dadurch gab es keine Gerüchte über „Leistungskontrolle durch die "
             "Hintertür“.",
             kGroupAgreement, 0, at(day, 8, 51)),
        item("item-lf-06", kGood, "Dass wir Dinge wirklich ausprobieren dürfen, ohne dass gleich alles perfekt sein muss.",
             none, 1, at(day, 8, 52)),
        item("item-lf-07", kGood, "Die Übergabenotizen im Wiki sparen mir morgens eine halbe Stunde Telefonieren.", none, 0,
             at(day, 8, 53)),
        item("item-lf-08", kGood,
             "Teilzeitkräfte bekommen Infos jetzt im Kanal und nicht mehr „zwischen Tür und Angel“ auf dem Flur.",
             kGroupReach, 0, at(day, 8, 55)),
        // Was können wir verbessern?
        item("item-lf-09", kImprove,
             "In hybriden Besprechungen reden die im Raum miteinander – wer zugeschaltet ist, kommt kaum zu Wort.",
             kGroupMeetings, 0, at(day, 8, 47)),
        item("item-lf-10", kImprove,
             "Kamerapflicht? Bitte nicht. Manchmal sitze ich am Küchentisch und möchte nicht die ganze Familie zeigen.",
             kGroupMeetings, 0, at(day, 8, 49)),
        item("item-lf-11", kImprove,
             "Chatnachrichten nach 18 Uhr setzen mich unter Druck, auch wenn „keine Eile“ drinsteht.", kGroupReach, 0,
             at(day, 8, 50)),
        item("item-lf-12", kImprove,
             "Zu viele Kanäle: Teams, E-Mail, Telefon, Zettel auf dem Schreibtisch … Wo steht denn jetzt was?",
             kGroupReach, 0, at(day, 8, 51)),
        item("item-lf-13", kImprove,
             "Als Führungskraft merke ich zu spät, wenn jemand im Homeoffice überlastet ist. Da fehlt mir ein Gespür.",
             kGroupTrust, 0, at(day, 8, 52), "person-lf-03"),
        item("item-lf-14", kImprove, "Die VPN-Verbindung bricht in der Außenstelle Nord mehrmals am Tag ab.", kGroupTech, 0,
             at(day, 8, 53)),
        item("item-lf-15", kImprove,
             "Die Dienstvereinbarung regelt Zeiten, aber nicht, wie wir als Team füreinander erreichbar sind.",
             kGroupAgreement, 0, at(day, 8, 54)),
        item("item-lf-16", kImprove,
             "Entscheidungen fallen manchmal nach der Besprechung auf dem Flur – die Zugeschalteten erfahren es zuletzt.",
             kGroupMeetings, 0, at(day, 8, 56)),
        item("item-lf-17", kImprove, "Neue Kolleg*innen kennen nach vier Wochen das halbe Team nur als Kachel.", none, 3,
             at(day, 8, 57)),
        // Was probieren wir aus?
        item("item-lf-18", kTry, "Feste Kernzeit 9–12 Uhr, danach ist „Nicht stören“ ausdrücklich erlaubt.", kGroupReach, 0,
             at(day, 8, 49)),
        item("item-lf-19", kTry,
             "Hybride Besprechungen nach „Remote first“: Alle wählen sich einzeln ein, auch die im Raum.",
             kGroupMeetings, 0, at(day, 8, 50)),
        item("item-lf-20", kTry, "Einmal im Monat ein Teamtag vor Ort – ohne Tagesordnung, einfach zusammen arbeiten.", none,
             1, at(day, 8, 52)),
        item("item-lf-21", kTry,
             "Statt Anwesenheit abzufragen: Wochenziele auf dem Board, am Freitag schauen wir kurz gemeinsam drauf.",
             kGroupTrust, 0, at(day, 8, 53)),
        item("item-lf-22", kTry, "Offene Videosprechstunde der Amtsleitung, ohne Termin, für alle Fragen.", kGroupTrust, 0,
             at(day, 8, 55), "person-lf-02"),
        item("item-lf-23", kTry, "Leihgeräte-Pool für Headsets und Webcams beim IT-Service.", kGroupTech, 0, at(day, 8, 56)),
        item("item-lf-24", kTry,
             "Eine Seite „So arbeiten wir“ als Ergänzung zur Dienstvereinbarung – vom Team selbst geschrieben.",
             kGroupAgreement, 0, at(day, 8, 57)),
        item("item-lf-25", kTry, "Virtuelle Kaffeepause am Freitag, 15 Minuten, freiwillig ☕", none, 0, at(day, 8, 58),
             "person-lf-07"),
    };

    Action carried;
    carried.id = "action-lf-01";
    carried.text = "Erreichbarkeitsregeln mit dem Personalrat abstimmen und als Anlage zur Dienstvereinbarung vorschlagen";
    carried.ownerRole = Role::StaffCouncil;
    carried.due = d(2026, 11, 30);
    carried.status = ActionStatus::InProgress;
    carried.cardId = "card-lf-10";
    carried.carriedFromSessionId = kPreviousSessionId;
    carried.outcome = "In Sprint 2 im Pilotbereich erprobt; der Entwurf der Anlage 2 liegt im Review. Beschluss im "
                      "Personalrat am 26.11. vorgesehen.";

    Action remoteFirst;
    remoteFirst.id = "action-lf-02";
    remoteFirst.text = "„Remote first“ in allen hybriden Teambesprechungen des Pilotbereichs vier Wochen lang erproben";
    remoteFirst.ownerRole = Role::Manager;
    remoteFirst.due = d(2026, 12, 16);
    remoteFirst.sourceId = kGroupMeetings;
    remoteFirst.cardId = "card-lf-07";
    remoteFirst.experimentId = "exp-lf-remote-first";

    Action lateMessages;
    lateMessages.id = "action-lf-03";
    lateMessages.text = "Regel für Nachrichten nach 18 Uhr formulieren: „Senden planen“ statt sofort senden";
    lateMessages.ownerRole = Role::StaffCouncil;
    lateMessages.due = d(2026, 12, 2);
    lateMessages.sourceId = "item-lf-11";
    lateMessages.cardId = "card-lf-14";

    Action vpn;
    vpn.id = "action-lf-04";
    vpn.text = "VPN-Abbrüche in der Außenstelle Nord als Störung melden und Ursache mit dem IT-Service klären";
    vpn.ownerRole = Role::Employee;
    vpn.due = d(2026, 11, 25);
    vpn.status = ActionStatus::InProgress;
    vpn.sourceId = "item-lf-14";

    Action weeklyGoals;
    weeklyGoals.id = "action-lf-05";
    weeklyGoals.text = "Experiment „Wochenziele statt Anwesenheitsabfrage“ mit zwei Sachgebieten vorbereiten";
    weeklyGoals.ownerRole = Role::Manager;
    weeklyGoals.due = d(2026, 12, 2);
    weeklyGoals.sourceId = kGroupTrust;
    weeklyGoals.experimentId = "exp-lf-wochenziele";

    Action camera;
    camera.id = "action-lf-06";
    camera.text = "Kamera in Videobesprechungen verpflichtend machen";
    camera.ownerRole = Role::Manager;
    camera.status = ActionStatus::Dropped;
    camera.sourceId = "item-lf-10";
    camera.outcome = "Verworfen: Privatsphäre im Homeoffice geht vor. Stattdessen Kamera freiwillig, kurze "
                     "Begrüßungsrunde mit Bild.";

    Action headsets;
    headsets.id = "action-lf-07";
    headsets.text = "Neue Headsets in der Außenstelle Nord ausgeben und Leihgeräte-Pool prüfen";
    headsets.ownerRole = Role::Employee;
    headsets.due = d(2026, 11, 13);
    headsets.status = ActionStatus::Done;
    headsets.sourceId = kGroupTech;
    headsets.cardId = "card-lf-03";

    r.actions = {carried, remoteFirst, lateMessages, vpn, weeklyGoals, camera, headsets};

    r.voting = VotingSettings{3, 0, true, false};
    r.checkIn = ScaleQuestion{"Wie verbunden fühle ich mich gerade mit meinem Team? (1 = kaum, 5 = sehr)", {0, 2, 5, 4, 2}};
    r.roti = ScaleQuestion{"Hat sich die Zeit heute gelohnt? (1 = verschwendet, 5 = sehr wertvoll)", {0, 1, 3, 6, 2}};
    return r;
}

std::vector<Experiment> experiments() {
    Experiment standup;
    standup.id = "exp-lf-standup";
    standup.title = "Montags-Stand-up per Video";
    standup.hypothesis = "Wir glauben, dass ein festes 15-minütiges Stand-up per Video am Montagmorgen dazu führt, dass "
                         "sich Beschäftigte im mobilen Arbeiten besser informiert fühlen und weniger Rückfragen per "
                         "Telefon nötig sind.";
    standup.method = "Vier Wochen lang jeden Montag um 8:30 Uhr, 15 Minuten, Moderation reihum. Drei Fragen: Woran "
                     "arbeite ich? Wo brauche ich Hilfe? Wann bin ich vor Ort?";
    standup.measure = "Kurzumfrage „Wie gut fühle ich mich informiert?“ (1–5) vor und nach dem Experiment; Zahl der "
                      "Rückfragen per Telefon in der Woche (Strichliste).";
    standup.successCriterion = "Mittelwert der Umfrage steigt um mindestens 0,5 Punkte; Rückfragen sinken um ein Viertel.";
    standup.ownerRole = Role::Manager;
    standup.participantRoles = {Role::Manager, Role::Employee};
    standup.startDate = d(2026, 9, 28);
    standup.reviewDate = d(2026, 10, 21);
    standup.status = ExperimentStatus::Transferred;
    standup.observations = {
        Observation{"obs-lf-01", d(2026, 9, 28), "Erstes Stand-up dauerte 28 Minuten – zu viele Details. Timer eingeführt."},
        Observation{"obs-lf-02", d(2026, 10, 5), "15 Minuten eingehalten, 11 von 12 dabei."},
        Observation{"obs-lf-03", d(2026, 10, 19), "Rückfragen per Telefon: 23 pro Woche vorher, jetzt 14."},
    };
    standup.result = ExperimentResult::Confirmed;
    standup.evidence = EvidenceStrength::Strong;
    standup.learning = "Die Umfrage stieg von 2,9 auf 3,7. Entscheidend waren die feste Uhrzeit und die wechselnde "
                       "Moderation; Führungskräfte sollten nicht jedes Mal moderieren.";
    standup.decision = Decision::Persevere;
    standup.transferRecommendation =
        "Geeignet für Sachgebiete mit Außenstellen oder hohem Anteil mobiler Arbeit. Voraussetzungen: Headset für "
        "jede Person, fester Termin, Moderation reihum, Kamera freiwillig. Empfohlen für Amt 32 und das Jugendamt; "
        "die „Stand-up-Karte“ liegt im Wiki.";
    standup.links = {
        link("card-lf-02", "Montags-Stand-up per Video (15 Minuten) einführen"),
        link("item-lf-s1-07", "Wir sehen uns kaum noch und wissen nicht, wer woran arbeitet.", kSprint1SessionId),
        link("item-lf-01", "Das kurze Stand-up am Montag per Video hat sich bewährt …"),
    };
    standup.originSessionId = kSprint1SessionId;

    Experiment coreHours;
    coreHours.id = "exp-lf-kernzeit";
    coreHours.title = "Kernzeit 9–12 Uhr mit Antwortzusage";
    coreHours.hypothesis = "Wir glauben, dass eine gemeinsame Kernzeit mit der Zusage, Chatnachrichten am selben "
                           "Arbeitstag zu beantworten, die Erreichbarkeit verlässlicher macht, ohne dass sich jemand "
                           "ständig verfügbar halten muss.";
    coreHours.method = "Regel im Teams-Kanal anheften; in der Kernzeit Status „Verfügbar“, außerhalb darf „Nicht "
                       "stören“ gesetzt werden. Zwei Wochen Selbstaufschreibung der Antwortzeiten.";
    coreHours.measure = "Anteil der Chatanfragen, die am selben Arbeitstag beantwortet werden; Zufriedenheit mit der "
                        "Erreichbarkeit (1–5).";
    coreHours.successCriterion = "Mindestens 80 % Antworten am selben Tag und Zufriedenheit im Mittel ≥ 3,5.";
    coreHours.ownerRole = Role::Employee;
    coreHours.participantRoles = {Role::Employee, Role::Manager, Role::StaffCouncil};
    coreHours.startDate = d(2026, 10, 22);
    coreHours.reviewDate = d(2026, 11, 18);
    coreHours.status = ExperimentStatus::Evaluated;
    coreHours.observations = {
        Observation{"obs-lf-04", d(2026, 10, 30), "Regel angeheftet; zwei Kolleginnen fragen, ob „Nicht stören“ wirklich in Ordnung ist."},
        Observation{"obs-lf-05", d(2026, 11, 6), "Erste Woche: 81 % Antworten am selben Tag."},
        Observation{"obs-lf-06", d(2026, 11, 13), "Zweite Woche: 86 %. Teilzeitkräfte mit Arbeitsbeginn ab 12 Uhr fühlen sich ausgeschlossen."},
    };
    coreHours.result = ExperimentResult::Confirmed;
    coreHours.evidence = EvidenceStrength::Moderate;
    coreHours.learning = "Die Kernzeit wird gut angenommen, die Zufriedenheit liegt bei 3,8. Für Teilzeitkräfte am "
                         "Nachmittag braucht es eine zweite, kürzere Kernzeit oder eine benannte Vertretung.";
    coreHours.decision = Decision::Adapt;
    coreHours.links = {
        link("item-lf-02", "Erreichbarkeitsregeln im Teams-Kanal: Endlich ist klar, wann ich mit einer Antwort rechnen kann."),
        link("item-lf-18", "Feste Kernzeit 9–12 Uhr, danach ist „Nicht stören“ ausdrücklich erlaubt."),
        link("card-lf-01", "Erreichbarkeitsregeln im Teams-Kanal festhalten"),
    };
    coreHours.originSessionId = kPreviousSessionId;

    Experiment handover;
    handover.id = "exp-lf-uebergabe";
    handover.title = "Übergabenotizen im Wiki statt Telefonrunde";
    handover.hypothesis = "Wir glauben, dass tägliche Übergabenotizen im Wiki die morgendliche Telefonrunde ersetzen "
                          "und allen – auch den Kolleg*innen im Homeoffice – einen gleichen Informationsstand geben.";
    handover.method = "Vorlage im Wiki; wer den Tag abschließt, trägt offene Vorgänge und Rückrufbitten ein.";
    handover.measure = "Minuten für Rückfragen zu Beginn des Arbeitstages (Selbstaufschreibung, 5 Personen).";
    handover.successCriterion = "Im Mittel mindestens 15 Minuten weniger pro Person und Tag.";
    handover.ownerRole = Role::Employee;
    handover.participantRoles = {Role::Employee};
    handover.startDate = d(2026, 10, 26);
    handover.reviewDate = d(2026, 12, 16);
    handover.status = ExperimentStatus::Running;
    handover.observations = {
        Observation{"obs-lf-07", d(2026, 10, 30), "Vorlage wird genutzt, Einträge aber sehr unterschiedlich lang."},
        Observation{"obs-lf-08", d(2026, 11, 9), "Rückfragen am Morgen: im Mittel 34 Minuten vorher, jetzt 21 Minuten."},
        Observation{"obs-lf-09", d(2026, 11, 17), "Zwei Tage ohne Eintrag (Krankheit) – dann doch wieder Telefonrunde. Vertretung klären."},
    };
    handover.links = {
        link("card-lf-06", "Vorlage für Übergabenotizen im Wiki anlegen"),
        link("item-lf-07", "Die Übergabenotizen im Wiki sparen mir morgens eine halbe Stunde Telefonieren."),
    };
    handover.originSessionId = kPreviousSessionId;

    Experiment remoteFirst;
    remoteFirst.id = "exp-lf-remote-first";
    remoteFirst.title = "„Remote first“ in hybriden Besprechungen";
    remoteFirst.hypothesis = "Wir glauben, dass sich zugeschaltete Kolleg*innen gleichberechtigter beteiligen, wenn sich "
                             "in hybriden Besprechungen alle einzeln per Video einwählen – auch die im Raum.";
    remoteFirst.method = "Vier Wochen in allen Teambesprechungen des Pilotbereichs: jede Person mit eigenem Gerät und "
                         "Headset, Wortmeldungen über die Hand-Funktion, Ergebnisse direkt im Kanal.";
    remoteFirst.measure = "Redeanteile von zugeschalteten Personen (Beobachtung durch Co-Moderation); "
                          "Einschätzung „Ich konnte mich einbringen“ (1–5) nach jeder Besprechung.";
    remoteFirst.successCriterion = "Einschätzung der Zugeschalteten im Mittel ≥ 4 und kein Unterschied zu den "
                                   "Anwesenden größer als 0,5 Punkte.";
    remoteFirst.ownerRole = Role::Manager;
    remoteFirst.participantRoles = {Role::Manager, Role::Employee, Role::Facilitator};
    remoteFirst.startDate = d(2026, 11, 23);
    remoteFirst.reviewDate = d(2026, 12, 16);
    remoteFirst.status = ExperimentStatus::Planned;
    remoteFirst.links = {
        link(kGroupMeetings, "Hybride Besprechungen"),
        link("item-lf-19", "Hybride Besprechungen nach „Remote first“: Alle wählen sich einzeln ein, auch die im Raum."),
        link("card-lf-07", "Leitfaden „Hybride Besprechungen“ – Entwurf"),
    };
    remoteFirst.originSessionId = kSessionId;

    Experiment weeklyGoals;
    weeklyGoals.id = "exp-lf-wochenziele";
    weeklyGoals.title = "Wochenziele statt Anwesenheitsabfrage";
    weeklyGoals.hypothesis = "Wir glauben, dass gemeinsam vereinbarte Wochenziele Führungskräften mehr Sicherheit geben "
                             "als die Frage „Wer ist heute da?“ und das Vertrauen im Team stärken.";
    weeklyGoals.method = "Noch offen: Wochenziele montags im Stand-up, freitags kurzer Blick aufs Board.";
    weeklyGoals.measure = "Noch festzulegen – Vorschlag: Vertrauensskala aus der Kurzumfrage.";
    weeklyGoals.ownerRole = Role::Manager;
    weeklyGoals.participantRoles = {Role::Manager, Role::Employee, Role::StaffCouncil};
    weeklyGoals.status = ExperimentStatus::Idea;
    weeklyGoals.links = {
        link(kGroupTrust, "Vertrauen statt Kontrolle"),
        link("item-lf-21", "Statt Anwesenheit abzufragen: Wochenziele auf dem Board …"),
        link("action-lf-05", "Experiment „Wochenziele statt Anwesenheitsabfrage“ mit zwei Sachgebieten vorbereiten"),
    };
    weeklyGoals.originSessionId = kSessionId;

    return {standup, coreHours, handover, remoteFirst, weeklyGoals};
}

} // namespace

Session makeDemoSession() {
    Session s;
    s.id = kSessionId;
    s.title = "Auswertungssitzung Sprint 2 – Führung auf Distanz";
    s.date = d(2026, 11, 18);
    s.lernraum = "Lernraum „Führung auf Distanz“";
    s.orgUnit = "Kreisverwaltung Lindenfeld, Fachbereich 1 – Zentrale Dienste";
    s.kind = SessionKind::Review;
    s.language = "de";
    s.facilitator = "Friederike Adam";
    s.goal = "Praxisexperimente aus Sprint 2 auswerten, Erfahrungen mit Erreichbarkeit und hybriden Besprechungen "
             "austauschen und Maßnahmen sowie neue Experimente für Sprint 3 beschließen.";
    s.researchConsent = true;
    s.previousSessionId = kPreviousSessionId;
    s.nextReview = d(2026, 12, 16);
    s.participants = participants();
    s.agenda = agenda();
    s.boards = {board()};
    s.retrospectives = {retrospective()};
    s.experiments = experiments();
    return s;
}

} // namespace lernraum::core
