#pragma once
// The Board tab: the session's kanban boards, columns side by side, swimlanes as rows inside
// each column, cards top to bottom. Cards are moved by drag and drop (a line shows where a card
// will land) or with the keyboard: arrow keys select a card, Ctrl+arrow keys move it, N adds a
// card to the selected column, Enter edits, Delete archives. Every change is a core command.
// Cards outside the visible part of a column are measured but not drawn, so a 10,000-card board
// stays fast. Presentation mode keeps moving but hides the editing chrome.

#include "core/board_moves.hpp"
#include "core/ids.hpp"
#include "ui/board_card_editor.hpp"
#include "ui/board_import_dialog.hpp"
#include "ui/board_cfd.hpp"
#include "ui/board_structure.hpp"
#include "ui/board_toolbar.hpp"
#include "ui/view.hpp"
#include "ui/widgets.hpp"

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace lernraum::ui {

class BoardView {
public:
    BoardView();
    void draw(const core::Session& session, ViewContext& ctx);

    [[nodiscard]] const core::Id& selectedCard() const { return m_selected; }

private:
    void bucketCards(const core::Board& board);
    const std::vector<std::size_t>& cellOf(const core::Board& board, std::size_t column, std::size_t lane) const;
    void drawGrid(const core::Board& board, ViewContext& ctx);
    void drawColumnHeader(const core::Board& board, std::size_t columnIndex, ViewContext& ctx);
    void drawColumnSettings(const core::Board& board, std::size_t columnIndex);
    void drawCell(const core::Board& board, const core::Id& columnId, const core::Id& laneId, std::size_t laneSlot,
                  const std::vector<std::size_t>& cell, ViewContext& ctx);
    void drawNewCardField(const core::Id& columnId, const core::Id& laneId);
    void handleKeys(const core::Board& board, ViewContext& ctx);
    void submitPending(const core::Session& session, ViewContext& ctx);
    void startNewCard(const core::Board& board);
    void queueMove(const core::Id& cardId, const core::Id& columnId, const core::Id& laneId, std::size_t index);
    float cachedCardHeight(const core::Card& card, const CardContent& content, float width); // and stores it

    core::Id m_boardId;
    core::Id m_selected;         // selected card (keyboard focus of the board)
    core::Id m_focusColumn;      // where N adds a card when no card is selected
    core::Id m_focusLane;
    bool m_scrollToSelected = false;

    // Inline "new card" field in one cell.
    core::Id m_newColumn;
    core::Id m_newLane;
    std::string m_newTitle;
    bool m_newFocus = false;

    // Column settings popup (right-click on a column title).
    core::Id m_settingsColumn;
    std::string m_settingsTitle;
    int m_settingsLimit = 0;
    bool m_settingsHard = false;

    CardEditor m_editor;
    BoardToolbar m_toolbar;
    BoardStructure m_structure;
    BoardImportDialog m_import; // Board menu > Import board
    FlowDiagram m_flow;
    core::IdGenerator m_ids;
    core::Timestamp m_createdAt; // the frame's clock, for commands built later

    // Commands are built after the frame's drawing (the session must not change while drawn).
    PendingCommands m_pending;

    // Indices into board.cards of the not archived cards of each cell, rebuilt every frame in one
    // pass: cell (column c, lane slot l) = m_cells[c * (lanes + 1) + l], slot 0 = no lane.
    std::vector<std::vector<std::size_t>> m_cells;

    // Card heights (with item spacing) for clipping: measured when a card is drawn, estimated once when it never was.
    // Valid for one column width and font size; an off-screen card only needs a close guess.
    std::unordered_map<core::Id, float> m_heights;
    float m_heightsWidth = 0.0f;
    // Per row (lane slot): the tallest cell content before its end zone, this frame and the last.
    std::vector<float> m_rowContent;
    std::vector<float> m_rowLastFrame;
    float m_heightsFont = 0.0f;
};

} // namespace lernraum::ui
