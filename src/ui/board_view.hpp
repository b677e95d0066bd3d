#pragma once
// The Board tab: the session's kanban boards, columns side by side, swimlanes as rows inside
// each column, cards top to bottom. Cards are moved by drag and drop (a line shows where a card
// will land) or with the keyboard: arrow keys select a card, Ctrl+arrow keys move it, N adds a
// card to the selected column, Enter edits, Delete archives. Every change is a core command.
// Presentation mode keeps moving but hides the editing chrome.
//
// A frame costs what is on screen, not the number of cards: which card sits in which cell and
// each cell's card heights with their running sums (ui::ListLayout) are kept between frames and
// rebuilt only when the session changes (the undo history's version) or when card heights do
// (column width, font size, presentation mode, language, hyphenation, the day). A frame then
// finds the visible cards of each cell by binary search and draws only those.

#include "core/board_moves.hpp"
#include "core/ids.hpp"
#include "ui/board_card_editor.hpp"
#include "ui/board_import_dialog.hpp"
#include "ui/board_cfd.hpp"
#include "ui/board_structure.hpp"
#include "ui/board_toolbar.hpp"
#include "ui/list_layout.hpp"
#include "ui/view.hpp"
#include "ui/widgets.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace lernraum::ui {

// What the last board frame touched, for the UI tests and `lernraum bench` (counted always; it
// costs a few increments). A frame that changed nothing draws the visible cards and no others.
struct BoardFrameStats {
    std::size_t cards = 0;    // not archived cards of the board shown
    std::size_t drawn = 0;    // cards drawn (laid out as widgets)
    std::size_t measured = 0; // cards whose height was computed (drawn ones included)
    std::size_t sorted = 0;   // cards put into cells (only when the layout was rebuilt)
    bool rebuilt = false;     // the cached layout was rebuilt this frame
};
const BoardFrameStats& lastBoardFrameStats();

class BoardView {
public:
    BoardView();
    void draw(const core::Session& session, ViewContext& ctx);

    [[nodiscard]] const core::Id& selectedCard() const { return m_selected; }
    // The board shown; the audience window shows the facilitator's (audience_view.cpp).
    [[nodiscard]] const core::Id& boardId() const { return m_boardId; }
    void showBoard(const core::Id& boardId) { m_boardId = boardId; }

private:
    struct Cell;
    void updateLayout(const core::Board& board, const ViewContext& ctx, float width);
    void bucketCards(const core::Board& board);
    Cell& cellOf(const core::Board& board, std::size_t column, std::size_t lane);
    [[nodiscard]] CardContent contentOf(const core::Board& board, const core::Card& card, const ViewContext& ctx) const;
    void drawGrid(const core::Board& board, ViewContext& ctx);
    void drawColumnHeader(const core::Board& board, std::size_t columnIndex, ViewContext& ctx);
    void drawColumnSettings(const core::Board& board, std::size_t columnIndex);
    void drawCell(const core::Board& board, const core::Id& columnId, const core::Id& laneId, std::size_t laneSlot,
                  Cell& cell, ViewContext& ctx);
    void drawNewCardField(const core::Id& columnId, const core::Id& laneId);
    void handleKeys(const core::Board& board, ViewContext& ctx);
    void submitPending(const core::Session& session, ViewContext& ctx);
    void startNewCard(const core::Board& board);
    void queueMove(const core::Id& cardId, const core::Id& columnId, const core::Id& laneId, std::size_t index);

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

    // The not archived cards of each cell (indices into board.cards, in board order) and their
    // heights: cell (column c, lane slot l) = m_cells[c * (lanes + 1) + l], slot 0 = no lane.
    struct Cell {
        std::vector<std::size_t> cards;
        ListLayout layout; // card heights with item spacing
    };
    std::vector<Cell> m_cells;
    std::size_t m_archived = 0; // archived cards of the board (the toolbar's count)
    // What m_cells was built from: the board's content ...
    struct ContentKey {
        core::Id board;
        std::uint64_t version = 0;
        const core::Card* cards = nullptr; // guards against a change within the frame
        std::size_t count = 0;
        bool operator==(const ContentKey&) const = default;
    } m_contentKey;
    bool m_haveLayout = false;
    // ... and what card heights depend on besides the cards.
    struct HeightKey {
        float width = 0.0f;
        float font = 0.0f;
        const void* fontData = nullptr;
        bool presentation = false;
        std::string language;
        bool hyphenation = false;
        std::int64_t day = 0; // "overdue", days in the column
        bool operator==(const HeightKey&) const = default;
    } m_heightKey;

    // Card heights (with item spacing) by id, so a rebuild after a change measures only new cards:
    // measured when a card is drawn, computed once when it never was. Emptied when the height key
    // changes. An off-screen card whose text changed keeps its old height until it is drawn.
    std::unordered_map<core::Id, float> m_heights;
    // The selection is checked against the board when either changes (not by a search every frame).
    core::Id m_checkedSelection;
    std::uint64_t m_checkedVersion = 0;
    // Per row (lane slot): the tallest cell content before its end zone, this frame and the last.
    std::vector<float> m_rowContent;
    std::vector<float> m_rowLastFrame;
};

} // namespace lernraum::ui
