#pragma once
// The shape of the boards, as opposed to their cards: the strip of board tabs with "+ Board", and
// the dialogs that add, rename and delete boards, columns and swimlanes. Deleting a column that
// still holds cards asks where they go; deleting a board or a lane needs no question because undo
// brings it back. Everything goes through commands queued for after the frame.

#include "core/ids.hpp"
#include "core/model.hpp"
#include "ui/view.hpp"

#include <functional>
#include <string>
#include <vector>

namespace lernraum::ui {

// Commands built after the frame's drawing, when nothing refers into the session any more.
using PendingCommands = std::vector<std::function<core::CommandResult(const core::Session&)>>;

class BoardStructure {
public:
    BoardStructure();

    // The board tabs (one per board) and, outside presentation mode, "+ Board". Clicking a tab
    // makes it current; right-clicking it opens the board dialogs. `current` may change.
    void drawTabs(const core::Session& session, core::Id& current, bool presentation);

    // Open a dialog (from the board menu, a column's or a lane's menu).
    void newBoard();
    void renameBoard(const core::Board& board);
    void deleteBoard(const core::Board& board);
    void addColumn(const core::Board& board, std::size_t atIndex);
    void deleteColumn(const core::Board& board, const core::Column& column);
    void addLane(const core::Board& board);
    void renameLane(const core::Board& board, const core::Lane& lane);

    // The column menu's structure items (move, insert, delete), inside an open popup.
    void columnMenuItems(const core::Board& board, std::size_t columnIndex, PendingCommands& pending);
    // A lane's title row: the title, and with `withMenu` its "..." menu (rename, move, delete).
    void laneHeader(const core::Board& board, std::size_t laneIndex, bool withMenu, PendingCommands& pending);

    // The open dialog, if any. Sets `current` to a board this frame's commands create.
    void drawDialogs(const core::Session& session, core::Id& current, ViewContext& ctx, PendingCommands& pending);

private:
    enum class Dialog { None, NewBoard, RenameBoard, DeleteBoard, AddColumn, DeleteColumn, AddLane, RenameLane };
    void open(Dialog dialog, core::Id boardId, core::Id targetId, std::string text);

    Dialog m_dialog = Dialog::None;
    bool m_requested = false; // open the popup next frame
    core::Id m_boardId;
    core::Id m_targetId;      // column or lane
    std::size_t m_index = 0;  // where a new column goes
    std::string m_text;       // title being typed, or the name shown in a question
    core::Id m_moveTo;        // the column that takes a deleted column's cards
    std::string m_error;      // why OK did nothing
    core::ColumnKind m_kind = core::ColumnKind::InProgress; // of a new column
    core::IdGenerator m_ids;
};

} // namespace lernraum::ui
