#include "strings.hpp"

#include <array>

namespace lernraum::report {

namespace {

// Field order must follow the struct; designated initializers keep that checkable.
constexpr Strings kGerman{
    .htmlLang = "de",
    .reportTitle = "Transferbericht",
    .seriesTitle = "Transferbericht zur Lernraum-Reihe",
    .asOf = "Stand",
    .generatedBy = "Erstellt mit Lernraum",
    .context = "Kontext",
    .lernraum = "Lernraum",
    .orgUnit = "Organisationseinheit",
    .date = "Datum",
    .sessionKind = "Art der Sitzung",
    .facilitator = "Moderation",
    .participants = "Teilnehmende",
    .participantNames = "Namen der Teilnehmenden",
    .role = "Rolle",
    .count = "Anzahl",
    .noParticipants = "Keine Teilnehmenden erfasst.",
    .nobody = "niemand",
    .goalAndAgenda = "Ziel und Ablauf",
    .number = "Nr.",
    .goal = "Ziel",
    .noGoal = "Kein Ziel festgehalten.",
    .agenda = "Ablauf",
    .noAgenda = "Kein Ablauf erfasst.",
    .phase = "Phase",
    .agendaItem = "Programmpunkt",
    .planned = "geplant (Min.)",
    .used = "genutzt (Min.)",
    .done = "erledigt",
    .total = "Summe",
    .minutesShort = "Min.",
    .yes = "ja",
    .no = "nein",
    .retrospective = "Retrospektive",
    .format = "Format",
    .group = "Gruppe",
    .item = "Beitrag",
    .prompt = "Frage",
    .votes = "Stimmen",
    .ungrouped = "ohne Gruppe",
    .hiddenItem = "(verdeckte Karte, nicht aufgedeckt)",
    .noItems = "Keine Beiträge.",
    .votesPerGroup = "Stimmen je Gruppe",
    .votingBudget = "Punkte je Person",
    .checkIn = "Einstimmung (Skala 1–5)",
    .actions = "Entscheidungen und Maßnahmen",
    .action = "Maßnahme",
    .owner = "Verantwortlich (Rolle)",
    .due = "fällig",
    .status = "Status",
    .carried = "übernommen",
    .outcome = "Ergebnis",
    .noActions = "Keine Maßnahmen beschlossen.",
    .carriedNote = "Übernommene Maßnahmen stammen aus einer früheren Sitzung; die Spalte Ergebnis sagt, was daraus wurde.",
    .experiments = "Praxisexperimente",
    .noExperiments = "Keine Praxisexperimente.",
    .hypothesis = "Hypothese",
    .method = "Vorgehen",
    .measure = "Messgröße",
    .successCriterion = "Erfolgskriterium",
    .period = "Zeitraum",
    .observations = "Beobachtungen",
    .result = "Ergebnis",
    .evidence = "Belastbarkeit",
    .learning = "Erkenntnis",
    .decision = "Entscheidung",
    .experimentsByStatus = "Praxisexperimente nach Status",
    .transferRecommendation = "Transferempfehlung",
    .participantRoles = "Beteiligte Rollen",
    .board = "Board",
    .column = "Spalte",
    .kind = "Art",
    .wipLimit = "WIP-Limit",
    .cards = "Karten",
    .averageAge = "Ø Alter (Tage)",
    .oldestAge = "älteste (Tage)",
    .days = "Tage",
    .leadTime = "Durchlaufzeit",
    .cycleTime = "Bearbeitungszeit",
    .average = "Durchschnitt",
    .cardsDone = "erledigte Karten",
    .cumulativeFlow = "Kumulatives Flussdiagramm",
    .noCards = "Keine Karten.",
    .wipExceeded = "WIP-Limit überschritten",
    .noBoards = "Kein Board.",
    .evaluation = "Auswertung",
    .roti = "ROTI (Return on Time Invested)",
    .rotiScale = "1 = verschwendet … 5 = sehr wertvoll",
    .answers = "Antworten",
    .mean = "Mittelwert",
    .noRoti = "Keine ROTI-Abfrage.",
    .transfer = "Transfer und nächste Schritte",
    .noTransfer = "Noch keine Transferempfehlungen.",
    .nextReview = "Nächster Termin",
    .notPlanned = "noch nicht geplant",
    .seriesOverview = "Überblick über die Sitzungen",
    .experimentDevelopment = "Entwicklung der Praxisexperimente",
    .session = "Sitzung",
    .workshop = "Workshop",
    .privacy = "Hinweis zum Datenschutz",
    .privacyText = "Dieser Bericht nennt Teilnehmende nur nach ihrer Rolle (Hierarchieebene), nicht mit Namen. "
                   "Beiträge der Retrospektive sind anonym; wer wofür gestimmt hat, wird nicht erfasst. Verdeckte, "
                   "nicht aufgedeckte Karten erscheinen ohne Text. Vor der Weitergabe bitte prüfen, ob Freitexte "
                   "Rückschlüsse auf einzelne Personen zulassen.",
    .privacyScrubbed = "Namen erfasster Teilnehmender, E-Mail-Adressen und Telefonnummern in Freitexten sind "
                       "durch [NAME], [EMAIL] und [PHONE] ersetzt.",
    .privacyNamesShown = "Achtung: Dieser Bericht wurde ausdrücklich mit Namen erstellt und ist nur für den "
                         "internen Gebrauch der Teilnehmenden bestimmt.",
    .customFormat = "eigenes Format",
    .groupVotes = "(Punkte auf die ganze Gruppe)",
    .cardDone = "erledigte Karte",
    .openItems = "Offene Punkte",
    .openItemsNote = "Offene Board-Karten und Maßnahmen mit Verantwortlichkeit und Fälligkeit, früheste Fälligkeit zuerst.",
    .openItem = "Offener Punkt",
    .card = "Karte",
    .noOpenItems = "Keine offenen Karten oder Maßnahmen.",
    .notSet = "–",
    .organisation = "Organisation",
    .fileNumber = "Aktenzeichen",
    .author = "Verfasst von",
    .documentStatus = "Status",
    .page = "Seite",
    .pageOf = "von",
    .chartData = "Daten der Grafik als Tabelle",
    .value = "Wert",
    .day = "Tag",
};

constexpr Strings kEnglish{
    .htmlLang = "en",
    .reportTitle = "Transfer report",
    .seriesTitle = "Transfer report for the Lernraum series",
    .asOf = "As of",
    .generatedBy = "Created with Lernraum",
    .context = "Context",
    .lernraum = "Lernraum (learning space)",
    .orgUnit = "Organisation unit",
    .date = "Date",
    .sessionKind = "Kind of session",
    .facilitator = "Facilitator",
    .participants = "Participants",
    .participantNames = "Names of participants",
    .role = "Role",
    .count = "Count",
    .noParticipants = "No participants recorded.",
    .nobody = "nobody",
    .goalAndAgenda = "Goal and agenda",
    .number = "No.",
    .goal = "Goal",
    .noGoal = "No goal recorded.",
    .agenda = "Agenda",
    .noAgenda = "No agenda recorded.",
    .phase = "Phase",
    .agendaItem = "Agenda item",
    .planned = "planned (min)",
    .used = "used (min)",
    .done = "done",
    .total = "Total",
    .minutesShort = "min",
    .yes = "yes",
    .no = "no",
    .retrospective = "Retrospective",
    .format = "Format",
    .group = "Group",
    .item = "Item",
    .prompt = "Prompt",
    .votes = "Votes",
    .ungrouped = "ungrouped",
    .hiddenItem = "(hidden card, not revealed)",
    .noItems = "No items.",
    .votesPerGroup = "Votes per group",
    .votingBudget = "Dots per person",
    .checkIn = "Check-in (scale 1–5)",
    .actions = "Decisions and actions",
    .action = "Action",
    .owner = "Owner (role)",
    .due = "due",
    .status = "Status",
    .carried = "carried over",
    .outcome = "Outcome",
    .noActions = "No actions decided.",
    .carriedNote = "Carried-over actions come from an earlier session; the outcome column says what became of them.",
    .experiments = "Practice experiments",
    .noExperiments = "No practice experiments.",
    .hypothesis = "Hypothesis",
    .method = "Method",
    .measure = "Measure",
    .successCriterion = "Success criterion",
    .period = "Period",
    .observations = "Observations",
    .result = "Result",
    .evidence = "Evidence",
    .learning = "Learning",
    .decision = "Decision",
    .experimentsByStatus = "Practice experiments by status",
    .transferRecommendation = "Transfer recommendation",
    .participantRoles = "Roles involved",
    .board = "Board",
    .column = "Column",
    .kind = "Kind",
    .wipLimit = "WIP limit",
    .cards = "Cards",
    .averageAge = "avg. age (days)",
    .oldestAge = "oldest (days)",
    .days = "days",
    .leadTime = "Lead time",
    .cycleTime = "Cycle time",
    .average = "average",
    .cardsDone = "cards done",
    .cumulativeFlow = "Cumulative flow diagram",
    .noCards = "No cards.",
    .wipExceeded = "WIP limit exceeded",
    .noBoards = "No board.",
    .evaluation = "Evaluation",
    .roti = "ROTI (return on time invested)",
    .rotiScale = "1 = waste of time … 5 = excellent",
    .answers = "Answers",
    .mean = "Mean",
    .noRoti = "No ROTI poll.",
    .transfer = "Transfer and next steps",
    .noTransfer = "No transfer recommendations yet.",
    .nextReview = "Next review",
    .notPlanned = "not yet planned",
    .seriesOverview = "Sessions at a glance",
    .experimentDevelopment = "How the practice experiments developed",
    .session = "Session",
    .workshop = "Workshop",
    .privacy = "Data protection note",
    .privacyText = "This report names participants only by their role (hierarchy level), not by name. Retrospective "
                   "items are anonymous; who voted for what is not recorded. Hidden cards that were never revealed "
                   "appear without text. Before passing the report on, check whether free text allows conclusions "
                   "about individuals.",
    .privacyScrubbed = "Names of recorded participants, e-mail addresses and phone numbers in free text are "
                       "replaced by [NAME], [EMAIL] and [PHONE].",
    .privacyNamesShown = "Caution: this report was explicitly created with names and is meant only for the "
                         "participants' internal use.",
    .customFormat = "custom format",
    .groupVotes = "(dots on the group as a whole)",
    .cardDone = "card done",
    .openItems = "Open items",
    .openItemsNote = "Open board cards and actions with owner and due date, earliest due date first.",
    .openItem = "Open item",
    .card = "Card",
    .noOpenItems = "No open cards or actions.",
    .notSet = "–",
    .organisation = "Organisation",
    .fileNumber = "File number",
    .author = "Author",
    .documentStatus = "Status",
    .page = "Page",
    .pageOf = "of",
    .chartData = "Chart data as a table",
    .value = "Value",
    .day = "Day",
};

template <typename E, std::size_t N>
std::string_view pick(Language l, E v, const std::array<std::string_view, N>& de, const std::array<std::string_view, N>& en) {
    const auto i = static_cast<std::size_t>(v);
    if (i >= N) return "?";
    return l == Language::German ? de[i] : en[i];
}

} // namespace

const Strings& stringsFor(Language language) { return language == Language::German ? kGerman : kEnglish; }

std::string_view label(Language l, core::SessionKind v) {
    return core::sessionKindLabel(v, l == Language::German ? "de" : "en"); // the GUI's labels
}
std::string_view label(Language l, core::Role v, bool plural) {
    if (plural)
        return pick<core::Role, 5>(l, v, {"Führungskräfte", "Beschäftigte", "Personalrat", "Moderation", "Externe"},
                                   {"Managers", "Employees", "Staff council", "Facilitation", "External"});
    return pick<core::Role, 5>(l, v, {"Führungskraft", "Beschäftigte", "Personalrat", "Moderation", "Extern"},
                               {"Manager", "Employee", "Staff council", "Facilitator", "External"});
}
std::string_view label(Language l, core::Phase v) {
    return pick<core::Phase, 5>(l, v, {"Einstimmung", "Daten sammeln", "Erkenntnisse gewinnen", "Maßnahmen beschließen", "Abschluss"},
                                {"Set the stage", "Gather data", "Generate insights", "Decide what to do", "Close"});
}
std::string_view label(Language l, core::ColumnKind v) {
    return pick<core::ColumnKind, 3>(l, v, {"offen", "in Arbeit", "erledigt"}, {"to do", "in progress", "done"});
}
std::string_view label(Language l, core::ActionStatus v) {
    return pick<core::ActionStatus, 4>(l, v, {"offen", "in Arbeit", "erledigt", "verworfen"}, {"open", "in progress", "done", "dropped"});
}
std::string_view label(Language l, core::ExperimentStatus v) {
    return pick<core::ExperimentStatus, 6>(l, v, {"Idee", "geplant", "läuft", "ausgewertet", "übertragen", "abgebrochen"},
                                           {"idea", "planned", "running", "evaluated", "transferred", "stopped"});
}
std::string_view label(Language l, core::ExperimentResult v) {
    return pick<core::ExperimentResult, 4>(l, v, {"noch offen", "bestätigt", "widerlegt", "nicht eindeutig"},
                                           {"open", "confirmed", "refuted", "inconclusive"});
}
std::string_view label(Language l, core::EvidenceStrength v) {
    return pick<core::EvidenceStrength, 4>(l, v, {"keine", "schwach", "mittel", "stark"}, {"none", "weak", "moderate", "strong"});
}
std::string_view label(Language l, core::Decision v) {
    return pick<core::Decision, 4>(l, v, {"noch offen", "beibehalten", "anpassen", "verwerfen"},
                                   {"pending", "persevere", "adapt", "stop"});
}

} // namespace lernraum::report
