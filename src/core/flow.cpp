#include "flow.hpp"

#include <algorithm>

namespace lernraum::core {

namespace {
constexpr double kSecondsPerDay = 86400.0;

std::optional<std::size_t> columnIndexOf(const Board& board, const Id& columnId) {
    for (std::size_t i = 0; i < board.columns.size(); ++i) {
        if (board.columns[i].id == columnId) return i;
    }
    return std::nullopt;
}
} // namespace

std::optional<ColumnKind> columnKindOf(const Board& board, const Id& columnId) {
    if (const auto i = columnIndexOf(board, columnId)) return board.columns[*i].kind;
    return std::nullopt;
}

std::optional<Timestamp> firstEntryInto(const Board& board, const Card& card, ColumnKind kind, Timestamp notBefore) {
    std::optional<Timestamp> best;
    for (const auto& visit : card.history) {
        if (!visit.enteredAt.isSet() || visit.enteredAt < notBefore) continue;
        if (columnKindOf(board, visit.columnId) != kind) continue;
        if (!best || visit.enteredAt < *best) best = visit.enteredAt;
    }
    return best;
}

std::optional<Timestamp> cardStart(const Card& card) {
    if (card.createdAt.isSet()) return card.createdAt;
    std::optional<Timestamp> first;
    for (const auto& visit : card.history) {
        if (visit.enteredAt.isSet() && (!first || visit.enteredAt < *first)) first = visit.enteredAt;
    }
    return first;
}

std::optional<double> leadTimeDays(const Board& board, const Card& card) {
    const auto start = cardStart(card);
    if (!start) return std::nullopt;
    const auto done = firstEntryInto(board, card, ColumnKind::Done, *start);
    if (!done) return std::nullopt;
    return static_cast<double>(done->seconds - start->seconds) / kSecondsPerDay;
}

std::optional<double> cycleTimeDays(const Board& board, const Card& card) {
    const auto started = firstEntryInto(board, card, ColumnKind::InProgress);
    if (!started) return std::nullopt;
    const auto done = firstEntryInto(board, card, ColumnKind::Done, *started);
    if (!done) return std::nullopt;
    return static_cast<double>(done->seconds - started->seconds) / kSecondsPerDay;
}

std::optional<double> ageInColumnDays(const Card& card, Timestamp asOf) {
    std::optional<Timestamp> since;
    if (!card.history.empty() && card.history.back().enteredAt.isSet()) since = card.history.back().enteredAt;
    else since = cardStart(card);
    if (!since || !asOf.isSet() || asOf < *since) return std::nullopt;
    return static_cast<double>(asOf.seconds - since->seconds) / kSecondsPerDay;
}

Timestamp latestActivity(const Board& board) {
    Timestamp latest{};
    for (const auto& card : board.cards) {
        latest = std::max(latest, card.createdAt);
        for (const auto& visit : card.history) latest = std::max(latest, visit.enteredAt);
    }
    return latest;
}

std::vector<FlowDay> cumulativeFlow(const Board& board, int maxDays) {
    std::vector<FlowDay> days;
    if (board.columns.empty() || maxDays <= 0) return days;
    std::optional<Timestamp> first;
    Timestamp last{};
    for (const auto& card : board.cards) {
        if (card.archived) continue;
        if (const auto s = cardStart(card); s && (!first || *s < *first)) first = *s;
        last = std::max(last, card.createdAt);
        for (const auto& visit : card.history) last = std::max(last, visit.enteredAt);
    }
    if (!first || !last.isSet()) return days;
    int firstDay = first->date().daysSinceEpoch();
    const int lastDay = last.date().daysSinceEpoch();
    if (lastDay - firstDay + 1 > maxDays) firstDay = lastDay - maxDays + 1;
    for (int d = firstDay; d <= lastDay; ++d) {
        FlowDay fd{Date::fromDaysSinceEpoch(d), std::vector<int>(board.columns.size(), 0)};
        const std::int64_t endOfDay = (static_cast<std::int64_t>(d) + 1) * 86400;
        for (const auto& card : board.cards) {
            if (card.archived) continue;
            const auto start = cardStart(card);
            if (!start || start->seconds >= endOfDay) continue;
            // The column the card was in at the end of the day: the latest visit entered before then.
            const ColumnVisit* current = nullptr;
            for (const auto& visit : card.history) {
                if (visit.enteredAt.isSet() && visit.enteredAt.seconds < endOfDay &&
                    (!current || visit.enteredAt >= current->enteredAt))
                    current = &visit;
            }
            const Id& columnId = current ? current->columnId : (card.history.empty() ? card.columnId : card.history.front().columnId);
            if (const auto i = columnIndexOf(board, columnId)) ++fd.counts[*i];
        }
        days.push_back(std::move(fd));
    }
    return days;
}

} // namespace lernraum::core
