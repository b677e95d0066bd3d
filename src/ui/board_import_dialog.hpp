#pragma once
// Board menu > Import board...: a Trello board export (JSON) or a spreadsheet's CSV file becomes a
// new board of the open session, in one undo step. The file is read through
// ViewContext::readBoardFile (src/app: the same reader as `lernraum import`); the dialog shows the
// summary (what was taken, what was left out and why) and the skipped lines.

#include "core/ids.hpp"
#include "core/model.hpp"
#include "ui/board_structure.hpp"
#include "ui/path_dialog.hpp"
#include "ui/view.hpp"

#include <string>

namespace lernraum::ui {

class BoardImportDialog {
public:
    BoardImportDialog();

    // Opens the dialog next frame; the file field starts in `folder`.
    void open(const std::string& folder);
    // Draws the dialog when open. An import queues its command on `pending` and sets `current`
    // to the new board, which the board view shows from the next frame on.
    void draw(const core::Session& session, ViewContext& ctx, core::Id& current, PendingCommands& pending);

private:
    void runImport(const core::Session& session, ViewContext& ctx, core::Id& current, PendingCommands& pending);

    bool m_requested = false;
    int m_format = 0; // 0 = Trello (JSON), 1 = CSV
    std::string m_folder;
    std::string m_path;
    std::string m_message;
    PathDialog m_browse;
    core::IdGenerator m_ids;
};

} // namespace lernraum::ui
