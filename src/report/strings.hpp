#pragma once
// The transfer report's own small string table (German, English). The UI uses gettext catalogues;
// the report keeps its texts here so its output never depends on the system locale.

#include "core/types.hpp"

#include <string_view>

namespace lernraum::report {

enum class Language { German, English };

struct Strings {
    std::string_view htmlLang;
    std::string_view reportTitle, seriesTitle, asOf, generatedBy;
    std::string_view context, lernraum, orgUnit, date, sessionKind, facilitator, participants, participantNames,
        role, count, noParticipants, nobody;
    std::string_view goalAndAgenda, number, goal, noGoal, agenda, noAgenda, phase, agendaItem, planned, used, done, total,
        minutesShort, yes, no;
    std::string_view retrospective, format, group, item, prompt, votes, ungrouped, hiddenItem, noItems, votesPerGroup,
        votingBudget, checkIn;
    std::string_view actions, action, owner, due, status, carried, outcome, noActions, carriedNote;
    std::string_view experiments, noExperiments, hypothesis, method, measure, successCriterion, period, observations,
        result, evidence, learning, decision, experimentsByStatus, transferRecommendation, participantRoles;
    std::string_view board, column, kind, wipLimit, cards, averageAge, oldestAge, days, leadTime, cycleTime, average,
        cardsDone, cumulativeFlow, noCards, wipExceeded, noBoards;
    std::string_view evaluation, roti, rotiScale, answers, mean, noRoti;
    std::string_view transfer, noTransfer, nextReview, notPlanned;
    std::string_view seriesOverview, experimentDevelopment, session, workshop;
    std::string_view privacy, privacyText, privacyScrubbed, privacyNamesShown;
    std::string_view customFormat, groupVotes, cardDone, openItems, openItemsNote, openItem, card, noOpenItems;
    std::string_view notSet;
    // Head fields (--org, --file-number, --author, --status), page footer, chart data tables.
    std::string_view organisation, fileNumber, author, documentStatus, page, pageOf, chartData, value, day;
};

const Strings& stringsFor(Language language);

std::string_view label(Language l, core::SessionKind v);
std::string_view label(Language l, core::Role v, bool plural = false);
std::string_view label(Language l, core::Phase v);
std::string_view label(Language l, core::ColumnKind v);
std::string_view label(Language l, core::ActionStatus v);
std::string_view label(Language l, core::ExperimentStatus v);
std::string_view label(Language l, core::ExperimentResult v);
std::string_view label(Language l, core::EvidenceStrength v);
std::string_view label(Language l, core::Decision v);

} // namespace lernraum::report
