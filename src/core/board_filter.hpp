#pragma once
// Board filter and search: which cards match what the facilitator typed or picked. Non-matching
// cards are dimmed by the board view, never hidden, so the board keeps its shape on the screen.
// Pure rules over the model; no GUI.

#include "model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::core {

struct CardFilter {
    std::string text;              // case-insensitive substring of title, description, tags, checklist
    std::string tag;               // exact tag (case-insensitive); empty = any
    std::optional<Role> ownerRole; // empty = any
    bool overdueOnly = false;      // only cards past their due date and not done

    [[nodiscard]] bool isActive() const { return !text.empty() || !tag.empty() || ownerRole || overdueOnly; }
    friend bool operator==(const CardFilter&, const CardFilter&) = default;
};

// Due date set, before `today`, and the card is not in a Done-kind column.
bool isOverdue(const Board& board, const Card& card, Date today);

bool matchesFilter(const Board& board, const Card& card, const CardFilter& filter, Date today);

// Every tag used by a not archived card of the board, sorted case-insensitively, without duplicates.
std::vector<std::string> boardTags(const Board& board);

// Lower case for searching: ASCII letters and the Latin-1 capitals (Ä, Ö, Ü, ...) in UTF-8.
std::string foldCase(std::string_view text);

} // namespace lernraum::core
