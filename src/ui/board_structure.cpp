#include "ui/board_structure.hpp"

#include "core/commands.hpp"
#include "core/text.hpp"
#include "ui/i18n.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace lernraum::ui {
namespace {

constexpr int kKeyEscape = 256;

const core::Board* boardById(const core::Session& session, const core::Id& id) {
    for (const auto& b : session.boards)
        if (b.id == id) return &b;
    return nullptr;
}

template <typename T> const T* byId(const std::vector<T>& list, const core::Id& id) {
    for (const auto& x : list)
        if (x.id == id) return &x;
    return nullptr;
}

int cardsIn(const core::Board& board, const core::Id& columnId) {
    return static_cast<int>(std::count_if(board.cards.begin(), board.cards.end(),
                                          [&](const core::Card& c) { return c.columnId == columnId; }));
}

bool visited(const core::Board& board, const core::Id& columnId) {
    return std::any_of(board.cards.begin(), board.cards.end(), [&](const core::Card& c) {
        return std::any_of(c.history.begin(), c.history.end(), [&](const auto& v) { return v.columnId == columnId; });
    });
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

const char* kindLabel(core::ColumnKind kind) {
    switch (kind) {
    case core::ColumnKind::Todo: return _("To do");
    case core::ColumnKind::InProgress: return _("In progress");
    case core::ColumnKind::Done: return _("Done");
    default: return "?";
    }
}

std::string refusalText(const core::CommandResult& result) {
    return result.refusal().message([](const char* msgid) { return translate(msgid); });
}

} // namespace

BoardStructure::BoardStructure() : m_ids(core::IdGenerator::fromRandomDevice()) {}

void BoardStructure::open(Dialog dialog, core::Id boardId, core::Id targetId, std::string text) {
    m_dialog = dialog;
    m_requested = true;
    m_boardId = std::move(boardId);
    m_targetId = std::move(targetId);
    m_text = std::move(text);
    m_moveTo.clear();
    m_error.clear();
    m_kind = core::ColumnKind::InProgress;
}

void BoardStructure::newBoard() { open(Dialog::NewBoard, {}, {}, {}); }
void BoardStructure::renameBoard(const core::Board& board) { open(Dialog::RenameBoard, board.id, {}, board.title); }
void BoardStructure::deleteBoard(const core::Board& board) { open(Dialog::DeleteBoard, board.id, {}, board.title); }
void BoardStructure::addLane(const core::Board& board) { open(Dialog::AddLane, board.id, {}, {}); }
void BoardStructure::renameLane(const core::Board& board, const core::Lane& lane) {
    open(Dialog::RenameLane, board.id, lane.id, lane.title);
}

void BoardStructure::addColumn(const core::Board& board, std::size_t atIndex) {
    open(Dialog::AddColumn, board.id, {}, {});
    m_index = atIndex;
    // New columns are mostly steps of the work ("Review", "Klärung"); only one at the very left
    // is a backlog. Counting a new column as done by accident would distort lead times.
    if (atIndex == 0) m_kind = core::ColumnKind::Todo;
}

void BoardStructure::deleteColumn(const core::Board& board, const core::Column& column) {
    open(Dialog::DeleteColumn, board.id, column.id, column.title);
    // Suggest the nearest column that can take the cards, left before right (unfinished work
    // came from the left); a hard WIP limit that would refuse them rules a column out.
    const int entering = static_cast<int>(std::count_if(board.cards.begin(), board.cards.end(), [&](const core::Card& c) {
        return c.columnId == column.id && !c.archived;
    }));
    auto fits = [&](const core::Column& c) {
        return c.wipMode != core::WipMode::Hard || c.wipLimit <= 0 || core::wipCount(board, c.id) + entering <= c.wipLimit;
    };
    std::size_t at = 0;
    while (at < board.columns.size() && board.columns[at].id != column.id) ++at;
    for (std::size_t distance = 1; distance < board.columns.size() && m_moveTo.empty(); ++distance) {
        if (at >= distance && fits(board.columns[at - distance])) m_moveTo = board.columns[at - distance].id;
        else if (at + distance < board.columns.size() && fits(board.columns[at + distance]))
            m_moveTo = board.columns[at + distance].id;
    }
    if (m_moveTo.empty()) // nothing fits: suggest the left neighbour, the dialog shows why it is refused
        m_moveTo = board.columns[at > 0 ? at - 1 : std::min<std::size_t>(1, board.columns.size() - 1)].id;
}

void BoardStructure::drawTabs(const core::Session& session, core::Id& current, bool presentation) {
    if (presentation && session.boards.size() == 1) {
        heading(session.boards.front().title);
        return;
    }
    FontScope font(fonts().bold);
    for (std::size_t i = 0; i < session.boards.size(); ++i) {
        const core::Board& b = session.boards[i];
        ImGui::PushID(b.id.c_str());
        if (i > 0) ImGui::SameLine(0.0f, em(0.5f));
        const ImVec2 size = ImGui::CalcTextSize(b.title.c_str());
        bool clicked = false;
        {
            const SelectedTabStyle style(b.id == current); // looks like the selected main tab
            clicked = ImGui::Selectable(b.title.c_str(), b.id == current, 0, ImVec2(size.x + em(0.5f), 0.0f));
        }
        if (clicked) current = b.id;
        recordLastItem(b.title);
        if (!presentation && ImGui::BeginPopupContextItem("board-tab-menu")) {
            current = b.id;
            if (menuItem(_("Rename board..."))) renameBoard(b);
            if (menuItem(_("Delete board..."))) deleteBoard(b);
            ImGui::EndPopup();
        }
        if (!presentation && ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) renameBoard(b);
        ImGui::PopID();
    }
    if (!presentation) {
        ImGui::SameLine(0.0f, em(1.0f));
        if (ImGui::SmallButton(_("+ Board"))) newBoard();
        recordLastItem(_("+ Board"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("New board"));
    }
}

void BoardStructure::columnMenuItems(const core::Board& board, std::size_t columnIndex, PendingCommands& pending) {
    const core::Column& column = board.columns[columnIndex];
    const core::Id boardId = board.id;
    const core::Id columnId = column.id;
    ImGui::Separator();
    if (menuItem(_("Move left"), nullptr, false, columnIndex > 0)) {
        const std::size_t to = columnIndex - 1;
        pending.push_back([=](const core::Session& s) { return core::moveColumn(s, boardId, columnId, to); });
        ImGui::CloseCurrentPopup();
    }
    if (menuItem(_("Move right"), nullptr, false, columnIndex + 1 < board.columns.size())) {
        const std::size_t to = columnIndex + 1;
        pending.push_back([=](const core::Session& s) { return core::moveColumn(s, boardId, columnId, to); });
        ImGui::CloseCurrentPopup();
    }
    if (menuItem(_("Insert column to the right..."))) {
        addColumn(board, columnIndex + 1);
        ImGui::CloseCurrentPopup();
    }
    // A column whose cards have nowhere else to go cannot be deleted.
    const bool needsTarget = cardsIn(board, column.id) > 0 || visited(board, column.id);
    if (menuItem(_("Delete column..."), nullptr, false, !needsTarget || board.columns.size() > 1)) {
        if (needsTarget) {
            deleteColumn(board, column);
        } else {
            pending.push_back([=](const core::Session& s) { return core::removeColumn(s, boardId, columnId, {}, {}); });
        }
        ImGui::CloseCurrentPopup();
    }
}

void BoardStructure::laneHeader(const core::Board& board, std::size_t laneIndex, bool withMenu, PendingCommands& pending) {
    const core::Lane& lane = board.lanes[laneIndex];
    {
        FontScope font(fonts().bold);
        mutedText(lane.title);
    }
    if (!withMenu) return;
    ImGui::SameLine();
    if (ImGui::SmallButton("...##lane")) ImGui::OpenPopup("lane-menu");
    recordLastItem("Swimlane menu");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Swimlane"));
    if (!ImGui::BeginPopup("lane-menu")) return;
    const core::Id boardId = board.id;
    const core::Id laneId = lane.id;
    if (menuItem(_("Rename swimlane..."))) renameLane(board, lane);
    if (menuItem(_("Move up"), nullptr, false, laneIndex > 0)) {
        const std::size_t to = laneIndex - 1;
        pending.push_back([=](const core::Session& s) { return core::moveLane(s, boardId, laneId, to); });
    }
    if (menuItem(_("Move down"), nullptr, false, laneIndex + 1 < board.lanes.size())) {
        const std::size_t to = laneIndex + 1;
        pending.push_back([=](const core::Session& s) { return core::moveLane(s, boardId, laneId, to); });
    }
    if (menuItem(_("Delete swimlane"))) // its cards stay in their columns; undo brings the lane back
        pending.push_back([=](const core::Session& s) { return core::removeLane(s, boardId, laneId); });
    ImGui::EndPopup();
}

void BoardStructure::drawDialogs(const core::Session& session, core::Id& current, ViewContext& ctx,
                                 PendingCommands& pending) {
    if (m_dialog == Dialog::None) return;
    const core::Board* board = boardById(session, m_boardId);
    if (m_dialog != Dialog::NewBoard && !board) { // undone or deleted meanwhile
        m_dialog = Dialog::None;
        return;
    }
    const char* title = "";
    switch (m_dialog) {
    case Dialog::NewBoard: title = _("New board"); break;
    case Dialog::RenameBoard: title = _("Rename board"); break;
    case Dialog::DeleteBoard: title = _("Delete board"); break;
    case Dialog::AddColumn: title = _("New column"); break;
    case Dialog::DeleteColumn: title = _("Delete column"); break;
    case Dialog::AddLane: title = _("New swimlane"); break;
    case Dialog::RenameLane: title = _("Rename swimlane"); break;
    case Dialog::None: break;
    }
    const std::string popupId = std::string(title) + "###board-structure";
    if (m_requested) {
        ImGui::OpenPopup(popupId.c_str());
        m_requested = false;
    }
    ImGui::SetNextWindowSize(em(34.0f, 0.0f));
    if (!ImGui::BeginPopupModal(popupId.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        m_dialog = Dialog::None;
        return;
    }

    using Make = std::function<core::CommandResult(const core::Session&)>;
    Make make;
    bool confirm = false;
    const char* confirmLabel = _("OK");
    const bool typed = m_dialog != Dialog::DeleteBoard && m_dialog != Dialog::DeleteColumn;
    if (typed) {
        mutedText(_("Title"));
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(-1.0f);
        confirm = inputText("##structure-title", m_text, ImGuiInputTextFlags_EnterReturnsTrue);
        recordLastItem("Structure title");
        if (m_dialog == Dialog::AddColumn) {
            mutedText(_("Counts for the flow metrics as"));
            for (auto kind : {core::ColumnKind::Todo, core::ColumnKind::InProgress, core::ColumnKind::Done}) {
                if (kind != core::ColumnKind::Todo) ImGui::SameLine();
                if (ImGui::RadioButton(kindLabel(kind), m_kind == kind)) m_kind = kind;
                recordLastItem(kindLabel(kind));
            }
        }
    } else if (m_dialog == Dialog::DeleteBoard) {
        wrappedText(core::fillPlaceholders(_("Delete the board '{1}' with its {2} cards? Undo (Ctrl+Z) brings it back."),
                                           {board->title, std::to_string(board->cards.size())}));
        confirmLabel = _("Delete");
    } else {
        const core::Column* column = byId(board->columns, m_targetId);
        if (!column) {
            m_dialog = Dialog::None;
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
            return;
        }
        const int n = cardsIn(*board, column->id);
        wrappedText(n > 0 ? core::fillPlaceholders(_("Cards in the column '{1}': {2}. Where should they go?"),
                                                   {column->title, std::to_string(n)})
                          : core::fillPlaceholders(_("Cards passed through '{1}'. Which column should their history "
                                                     "count that time for?"),
                                                   {column->title}));
        const core::Column* target = byId(board->columns, m_moveTo);
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::BeginCombo("##move-to", target ? target->title.c_str() : "")) {
            for (const auto& c : board->columns) {
                if (c.id == column->id) continue;
                ImGui::PushID(c.id.c_str());
                if (selectable(c.title.c_str(), c.id == m_moveTo) && c.id != m_moveTo) {
                    m_moveTo = c.id;
                    m_error.clear(); // the reason was about the other column
                }
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        recordLastItem("Move cards to");
        confirmLabel = _("Delete column");
    }
    if (!m_error.empty()) {
        colouredText(palette().warning, m_error);
        recordLastItem(m_error); // tests read the reason
    }
    ImGui::Spacing();
    confirm = button(confirmLabel) || confirm;
    ImGui::SameLine();
    const bool cancel = button(_("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) ||
                        std::any_of(ctx.keys.begin(), ctx.keys.end(), [](const KeyChord& k) { return k.key == kKeyEscape; });

    if (confirm) {
        const core::Id boardId = m_boardId;
        const core::Id targetId = m_targetId;
        const std::string text = m_text;
        const core::Timestamp now = ctx.now;
        core::Id created;
        switch (m_dialog) {
        case Dialog::NewBoard: {
            core::Board fresh = core::makeBoard(m_ids, text, language());
            created = fresh.id;
            make = [fresh](const core::Session& s) { return core::addBoard(s, fresh); };
            break;
        }
        case Dialog::RenameBoard:
            make = [=](const core::Session& s) { return core::renameBoard(s, boardId, text); };
            break;
        case Dialog::DeleteBoard: make = [=](const core::Session& s) { return core::removeBoard(s, boardId); }; break;
        case Dialog::AddColumn: {
            const core::Column column{m_ids.next("col"), text, m_kind, 0, core::WipMode::Soft};
            const std::size_t at = m_index;
            make = [=](const core::Session& s) { return core::addColumn(s, boardId, column, at); };
            break;
        }
        case Dialog::DeleteColumn: {
            const core::Id moveTo = m_moveTo;
            make = [=](const core::Session& s) { return core::removeColumn(s, boardId, targetId, moveTo, now); };
            break;
        }
        case Dialog::AddLane: {
            const core::Lane lane{m_ids.next("lane"), text};
            make = [=](const core::Session& s) { return core::addLane(s, boardId, lane); };
            break;
        }
        case Dialog::RenameLane:
            make = [=](const core::Session& s) { return core::renameLane(s, boardId, targetId, text); };
            break;
        case Dialog::None: break;
        }
        // Commands are pure: try it on this frame's session, so a refusal stays in the dialog.
        if (typed && blank(text)) {
            m_error = _("Please enter a title.");
        } else if (const core::CommandResult tried = make(session); !tried) {
            m_error = refusalText(tried);
        } else {
            pending.push_back(std::move(make));
            if (!created.empty()) current = created;
            m_dialog = Dialog::None;
            ImGui::CloseCurrentPopup();
        }
    } else if (cancel) {
        m_dialog = Dialog::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace lernraum::ui
