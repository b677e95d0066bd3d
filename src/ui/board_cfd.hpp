#pragma once
// Cumulative flow diagram of a board, drawn with ImGui's draw list: one stacked band per column
// (Done at the bottom), one step per day, from core::cumulativeFlow().

#include "core/flow.hpp"

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace lernraum::ui {

class FlowDiagram {
public:
    // Draws the diagram into a region of the given height (full available width). `version`: the
    // session's version (ViewContext::history); while it stays the same the cards are not read.
    void draw(const core::Board& board, float height, std::uint64_t version);

private:
    // Recomputed only when the board's activity changes.
    std::uint64_t m_version = 0;
    bool m_haveVersion = false;
    core::Id m_boardId;
    core::Timestamp m_latest;
    std::size_t m_cards = 0;
    std::size_t m_columns = 0;
    std::vector<core::FlowDay> m_days;
};

} // namespace lernraum::ui
