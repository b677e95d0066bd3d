#pragma once
// The Board tab: the session's kanban boards, columns side by side, cards top to bottom. Cards
// outside the visible part of a column are measured but not drawn, so a 10,000-card board stays
// fast. Double-clicking a card edits its title (outside presentation mode).

#include "ui/view.hpp"

#include <string>

namespace lernraum::ui {

class BoardView {
public:
    void draw(const core::Session& session, ViewContext& ctx);

private:
    void drawColumn(const core::Board& board, const core::Column& column, float width, ViewContext& ctx);
    void drawCell(const core::Board& board, const core::Id& columnId, const core::Id& laneId, ViewContext& ctx);
    void drawEditPopup(const core::Session& session, ViewContext& ctx);

    core::Id m_boardId;
    core::Id m_editCardId; // card whose title is being edited
    std::string m_editTitle;
    bool m_openEditPopup = false;
};

} // namespace lernraum::ui
