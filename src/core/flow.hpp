#pragma once
// Kanban flow metrics from a card's column history: lead time, cycle time, ageing and the
// cumulative flow diagram. Pure functions of the model; shared by the board view and the reports.
//
//   lead time  = createdAt (or the first history entry when createdAt is not set)
//                -> first entry into a Done-kind column
//   cycle time = first entry into an InProgress-kind column -> first entry into a Done-kind
//                column at or after it
//
// A card that never reached the relevant columns has no value (std::nullopt). Durations are in
// days (86,400 s), fractional.

#include "model.hpp"

#include <optional>
#include <vector>

namespace lernraum::core {

// The kind of the column with this id on the board; std::nullopt for an unknown column.
std::optional<ColumnKind> columnKindOf(const Board& board, const Id& columnId);

// First time the card entered a column of the given kind at or after `notBefore`.
std::optional<Timestamp> firstEntryInto(const Board& board, const Card& card, ColumnKind kind,
                                        Timestamp notBefore = {});

// When the card came into existence: createdAt, or its first history entry when that is not set.
std::optional<Timestamp> cardStart(const Card& card);

std::optional<double> leadTimeDays(const Board& board, const Card& card);
std::optional<double> cycleTimeDays(const Board& board, const Card& card);

// Days the card has been in its current column at `asOf` (last history entry -> asOf; falls back
// to cardStart). std::nullopt when nothing is known or asOf is earlier.
std::optional<double> ageInColumnDays(const Card& card, Timestamp asOf);

// The latest timestamp found on the board (card creation or column entry); {} when none.
Timestamp latestActivity(const Board& board);

// Cumulative flow: for each UTC day from the first to the last recorded activity, how many
// (non-archived) cards were in each column at the end of that day. counts[i] belongs to
// board.columns[i]. Cards not yet created on a day are not counted. Empty when the board has no
// timestamps. At most maxDays days (the most recent ones) are returned.
struct FlowDay {
    Date day;
    std::vector<int> counts;
    friend bool operator==(const FlowDay&, const FlowDay&) = default;
};
std::vector<FlowDay> cumulativeFlow(const Board& board, int maxDays = 366);

} // namespace lernraum::core
