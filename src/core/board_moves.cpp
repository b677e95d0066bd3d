#include "board_moves.hpp"

#include "commands.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace lernraum::core {
namespace {

// Lanes top to bottom as the board shows them; "" (no lane) first when the card is there.
std::vector<Id> laneOrder(const Board& board, const Id& currentLane) {
    std::vector<Id> order;
    if (board.lanes.empty() || currentLane.empty()) order.push_back({});
    for (const auto& lane : board.lanes) order.push_back(lane.id);
    return order;
}

std::ptrdiff_t columnIndex(const Board& board, const Id& columnId) {
    const auto it = std::find_if(board.columns.begin(), board.columns.end(), [&](const Column& c) { return c.id == columnId; });
    return it == board.columns.end() ? -1 : it - board.columns.begin();
}

std::ptrdiff_t laneIndex(const std::vector<Id>& order, const Id& laneId) {
    const auto it = std::find(order.begin(), order.end(), laneId);
    return it == order.end() ? -1 : it - order.begin();
}

} // namespace

std::optional<CardPlace> placeOf(const Board& board, const Id& cardId) {
    for (std::size_t i = 0; i < board.cards.size(); ++i) {
        const Card& c = board.cards[i];
        if (c.id != cardId) continue;
        if (c.archived) return std::nullopt;
        const auto cell = cellCards(board, c.columnId, c.laneId);
        const auto pos = std::find(cell.begin(), cell.end(), i) - cell.begin();
        return CardPlace{c.columnId, c.laneId, static_cast<std::size_t>(pos)};
    }
    return std::nullopt;
}

std::optional<CardPlace> keyboardTarget(const Board& board, const Id& cardId, MoveDirection direction) {
    const auto here = placeOf(board, cardId);
    if (!here) return std::nullopt;
    const auto col = columnIndex(board, here->columnId);
    if (col < 0) return std::nullopt;
    const std::size_t cellSize = cellCards(board, here->columnId, here->laneId).size();
    const std::vector<Id> lanes = laneOrder(board, here->laneId);
    const auto lane = laneIndex(lanes, here->laneId);

    switch (direction) {
    case MoveDirection::Left:
    case MoveDirection::Right: {
        const auto to = col + (direction == MoveDirection::Left ? -1 : 1);
        if (to < 0 || to >= static_cast<std::ptrdiff_t>(board.columns.size())) return std::nullopt;
        const Id& columnId = board.columns[static_cast<std::size_t>(to)].id;
        const std::size_t size = cellCards(board, columnId, here->laneId).size();
        return CardPlace{columnId, here->laneId, std::min(here->index, size)};
    }
    case MoveDirection::Up:
        if (here->index > 0) return CardPlace{here->columnId, here->laneId, here->index - 1};
        if (lane <= 0) return std::nullopt;
        {
            const Id& laneId = lanes[static_cast<std::size_t>(lane - 1)];
            return CardPlace{here->columnId, laneId, cellCards(board, here->columnId, laneId).size()};
        }
    case MoveDirection::Down:
        if (here->index + 1 < cellSize) return CardPlace{here->columnId, here->laneId, here->index + 1};
        if (lane < 0 || lane + 1 >= static_cast<std::ptrdiff_t>(lanes.size())) return std::nullopt;
        return CardPlace{here->columnId, lanes[static_cast<std::size_t>(lane + 1)], 0};
    }
    return std::nullopt;
}

std::optional<Id> neighbourCard(const Board& board, const Id& cardId, MoveDirection direction) {
    const auto here = placeOf(board, cardId);
    if (!here) return std::nullopt;
    const auto col = columnIndex(board, here->columnId);
    if (col < 0) return std::nullopt;
    const std::vector<Id> lanes = laneOrder(board, here->laneId);
    const auto lane = laneIndex(lanes, here->laneId);

    if (direction == MoveDirection::Up || direction == MoveDirection::Down) {
        const auto cell = cellCards(board, here->columnId, here->laneId);
        if (direction == MoveDirection::Up && here->index > 0) return board.cards[cell[here->index - 1]].id;
        if (direction == MoveDirection::Down && here->index + 1 < cell.size()) return board.cards[cell[here->index + 1]].id;
        // Continue in the next non-empty lane of the same column.
        const std::ptrdiff_t step = direction == MoveDirection::Up ? -1 : 1;
        for (auto l = lane + step; l >= 0 && l < static_cast<std::ptrdiff_t>(lanes.size()); l += step) {
            const auto other = cellCards(board, here->columnId, lanes[static_cast<std::size_t>(l)]);
            if (!other.empty()) return board.cards[direction == MoveDirection::Up ? other.back() : other.front()].id;
        }
        return std::nullopt;
    }

    const std::ptrdiff_t step = direction == MoveDirection::Left ? -1 : 1;
    for (auto c = col + step; c >= 0 && c < static_cast<std::ptrdiff_t>(board.columns.size()); c += step) {
        const Id& columnId = board.columns[static_cast<std::size_t>(c)].id;
        auto cell = cellCards(board, columnId, here->laneId);
        if (!cell.empty()) return board.cards[cell[std::min(here->index, cell.size() - 1)]].id;
        // Same lane empty: the first card of the nearest lane that has one.
        std::optional<Id> best;
        std::ptrdiff_t bestDistance = 0;
        const std::vector<Id> all = laneOrder(board, {});
        for (std::size_t l = 0; l < all.size(); ++l) {
            cell = cellCards(board, columnId, all[l]);
            if (cell.empty()) continue;
            const auto distance = std::abs(static_cast<std::ptrdiff_t>(l) - std::max<std::ptrdiff_t>(0, laneIndex(all, here->laneId)));
            if (!best || distance < bestDistance) {
                best = board.cards[cell.front()].id;
                bestDistance = distance;
            }
        }
        if (best) return best;
    }
    return std::nullopt;
}

} // namespace lernraum::core
