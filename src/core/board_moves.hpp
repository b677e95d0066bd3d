#pragma once
// Where a card goes when moved with the keyboard, and which card is the neighbour when the focus
// moves with the arrow keys. Positions are those of core::moveCard: the index among the not
// archived cards of a cell (one column x one lane). Pure rules; the view submits core::moveCard.
//
//   Left / Right  the neighbouring column, same lane, same position (or the end when shorter)
//   Up / Down     one position up or down in the cell; past the top or bottom of the cell the
//                 card continues at the end of the lane above or the start of the lane below

#include "model.hpp"

#include <cstddef>
#include <optional>

namespace lernraum::core {

enum class MoveDirection { Left, Right, Up, Down };

struct CardPlace {
    Id columnId;
    Id laneId;
    std::size_t index = 0; // among the not archived cards of the cell
    friend bool operator==(const CardPlace&, const CardPlace&) = default;
};

// Where the card is now; std::nullopt for an unknown or archived card.
std::optional<CardPlace> placeOf(const Board& board, const Id& cardId);

// Where a keyboard move takes the card; std::nullopt at the edge of the board (nothing to do).
std::optional<CardPlace> keyboardTarget(const Board& board, const Id& cardId, MoveDirection direction);

// The card the focus moves to; std::nullopt when there is none in that direction. Left/Right
// skip empty columns and prefer the same lane, then any lane of that column.
std::optional<Id> neighbourCard(const Board& board, const Id& cardId, MoveDirection direction);

} // namespace lernraum::core
