#pragma once
// The board's toolbar and what hangs off it: filter and search (text, tag, owner role, overdue),
// the flow-diagram and archive toggles, the board menu (new card, boards, columns, swimlanes, CSV export / import) and the
// archive panel with restore and delete. Everything it changes goes through commands.

#include "core/board_filter.hpp"
#include "core/ids.hpp"
#include "ui/path_dialog.hpp"
#include "ui/view.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace lernraum::ui {

// What was chosen in the board menu this frame.
enum class BoardMenuChoice { None, NewCard, NewBoard, RenameBoard, DeleteBoard, NewColumn, NewLane, ImportBoard };

class BoardToolbar {
public:
    BoardToolbar();

    // Draws the toolbar row (outside presentation mode); `archived` = archived cards of the board.
    BoardMenuChoice draw(const core::Board& board, const ViewContext& ctx, std::size_t archived);
    // The archive panel (when toggled on) and the CSV dialogs.
    void drawPanels(const core::Session& session, const core::Board& board, ViewContext& ctx);

    [[nodiscard]] const core::CardFilter& filter() const { return m_filter; }
    [[nodiscard]] bool showFlow() const { return m_showFlow; }

private:
    void drawArchive(const core::Session& session, const core::Board& board, ViewContext& ctx);
    void drawCsvDialog(const core::Session& session, const core::Board& board, ViewContext& ctx);

    core::CardFilter m_filter;
    bool m_showFlow = false;
    bool m_showArchive = false;

    enum class Csv { None, Export, Import } m_csv = Csv::None;
    bool m_csvRequested = false;
    std::string m_csvPath;
    std::string m_csvMessage;
    bool m_csvExcel = false; // export as "Excel (German)": ';', UTF-8 with BOM, German headers
    PathDialog m_browse; // "Browse..." in the CSV dialog
    // The archive panel's list (indices into board.cards), collected when the board changed.
    std::vector<std::size_t> m_archived;
    core::Id m_archivedBoard;
    std::uint64_t m_archivedVersion = 0;
    const core::Card* m_archivedData = nullptr;
    std::size_t m_archivedCount = 0;
    core::IdGenerator m_ids;
};

// Where board files (CSV, imports) start: the session's folder, else home, else the working directory.
std::string defaultFolder(const ViewContext& ctx);

// Reads and writes whole text files for the CSV dialog; "" on success, else the reason.
std::string writeTextFile(const std::string& path, const std::string& text);
std::string readTextFile(const std::string& path, std::string& text, std::size_t maxBytes);

} // namespace lernraum::ui
