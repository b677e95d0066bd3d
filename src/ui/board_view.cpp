#include "ui/board_view.hpp"

#include "core/board_filter.hpp"
#include "core/commands.hpp"
#include "core/flow.hpp"
#include "core/validate.hpp"
#include "ui/hyphenation.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace lernraum::ui {
namespace {

constexpr const char* kCardPayload = "LERNRAUM_CARD";

// Key chord codes of named keys (GLFW's, like ui::key).
constexpr int kKeyInsert = 260;
constexpr int kKeyDelete = 261;
constexpr int kKeyRight = 262;
constexpr int kKeyLeft = 263;
constexpr int kKeyDown = 264;
constexpr int kKeyUp = 265;
constexpr int kKeyEnter = 257;
constexpr int kKeyPadEnter = 335;
constexpr int kKeyEscape = 256;

const core::Board* findBoard(const core::Session& session, const core::Id& id) {
    for (const auto& board : session.boards) {
        if (board.id == id) return &board;
    }
    return session.boards.empty() ? nullptr : &session.boards.front();
}

const core::Card* findCard(const core::Board& board, const core::Id& id) {
    if (id.empty()) return nullptr;
    for (const auto& c : board.cards)
        if (c.id == id) return &c;
    return nullptr;
}

std::string cardMeta(const core::Board& board, const core::Card& card, bool withTags, bool overdue, core::Timestamp now) {
    std::string meta;
    auto add = [&meta](std::string_view part) {
        if (part.empty()) return;
        if (!meta.empty()) meta += "\xC2\xA0\xC2\xB7 "; // no-break space, middle dot: "·" never starts a line
        meta += part;
    };
    if (card.ownerRole && core::inRange(*card.ownerRole)) add(label(*card.ownerRole));
    if (card.due.isSet()) add(std::string(overdue ? _("overdue since") : _("due")) + " " + formatDate(card.due));
    if (!card.checklist.empty()) {
        const auto done = std::count_if(card.checklist.begin(), card.checklist.end(), [](const auto& c) { return c.done; });
        add("\xE2\x98\x91\xC2\xA0" + std::to_string(done) + "/" + std::to_string(card.checklist.size()));
    }
    // Card ageing: whole days in the current column, while the work is not done.
    if (core::columnKindOf(board, card.columnId) != core::ColumnKind::Done) {
        if (const auto age = core::ageInColumnDays(card, now); age && *age >= 1.0)
            add(core::fillPlaceholders(_("{1} d in column"), {std::to_string(static_cast<int>(std::floor(*age)))}));
    }
    if (withTags) {
        for (const auto& tag : card.tags) add("#" + tag);
    }
    return meta;
}

// The top card of a column as the board shows it: the cell without lane first, then each lane.
std::optional<core::Id> firstCardOf(const core::Board& board, const core::Id& columnId) {
    if (auto cell = core::cellCards(board, columnId, {}); !cell.empty()) return board.cards[cell.front()].id;
    for (const auto& lane : board.lanes)
        if (auto cell = core::cellCards(board, columnId, lane.id); !cell.empty()) return board.cards[cell.front()].id;
    return std::nullopt;
}

// A horizontal line where a dragged card will land.
void dropIndicator(float x0, float x1, float y) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 colour = ImGui::GetColorU32(palette().accent);
    const float thick = std::max(2.0f, em(0.2f));
    dl->AddLine(ImVec2(x0 + thick, y), ImVec2(x1 - thick, y), colour, thick);
    dl->AddCircleFilled(ImVec2(x0 + thick, y), thick * 1.5f, colour);
    dl->AddCircleFilled(ImVec2(x1 - thick, y), thick * 1.5f, colour);
}

// The card id in a drag payload.
core::Id payloadCard(const ImGuiPayload* payload) {
    return core::Id(static_cast<const char*>(payload->Data), static_cast<std::size_t>(payload->DataSize));
}

BoardFrameStats g_stats;

} // namespace

const BoardFrameStats& lastBoardFrameStats() { return g_stats; }

BoardView::BoardView() : m_ids(core::IdGenerator::fromRandomDevice()) {}

void BoardView::draw(const core::Session& session, ViewContext& ctx) {
    m_createdAt = ctx.now;
    g_stats = {};
    if (session.boards.empty()) {
        mutedText(_("This session has no board yet."));
        if (!ctx.presentation) {
            if (button(_("+ Board"))) m_structure.newBoard();
            ImGui::SameLine();
            if (button(_("Import board..."))) m_import.open(defaultFolder(ctx));
        }
        m_structure.drawDialogs(session, m_boardId, ctx, m_pending);
        m_import.draw(session, ctx, m_boardId, m_pending);
        submitPending(session, ctx);
        return;
    }
    // The tabs first: a click there switches boards before anything of the old one is drawn.
    m_structure.drawTabs(session, m_boardId, ctx.presentation);
    const core::Board* board = findBoard(session, m_boardId);
    if (m_boardId != board->id) {
        m_boardId = board->id;
        m_selected.clear();
        m_heights.clear();
    }
    noteBoardShown(board->id); // the default board of "Turn into board card" (retro view)
    // A selected card that was archived or deleted (also by undo) is no longer selected. Checked
    // when the session or the selection changed, not by a search through the cards every frame.
    if (const std::uint64_t version = sessionVersion(ctx); version != m_checkedVersion || m_selected != m_checkedSelection) {
        if (const core::Card* c = findCard(*board, m_selected); !c || c->archived) m_selected.clear();
        m_checkedVersion = version;
        m_checkedSelection = m_selected;
    }

    if (!ctx.presentation) {
        // The archived count of the cached layout while it is current: a frame that changed
        // nothing never counts through the cards.
        const ContentKey current{board->id, sessionVersion(ctx), board->cards.data(), board->cards.size()};
        const std::size_t archived =
            m_haveLayout && m_contentKey == current
                ? m_archived
                : static_cast<std::size_t>(std::count_if(board->cards.begin(), board->cards.end(), [](const auto& c) { return c.archived; }));
        switch (m_toolbar.draw(*board, ctx, archived)) {
        case BoardMenuChoice::NewCard: startNewCard(*board); break;
        case BoardMenuChoice::NewBoard: m_structure.newBoard(); break;
        case BoardMenuChoice::RenameBoard: m_structure.renameBoard(*board); break;
        case BoardMenuChoice::DeleteBoard: m_structure.deleteBoard(*board); break;
        case BoardMenuChoice::NewColumn: m_structure.addColumn(*board, board->columns.size()); break;
        case BoardMenuChoice::NewLane: m_structure.addLane(*board); break;
        case BoardMenuChoice::ImportBoard: m_import.open(defaultFolder(ctx)); break;
        case BoardMenuChoice::None: break;
        }
    }
    if (ctx.presentation && m_toolbar.filter().isActive()) {
        // The search field is hidden here: say why most cards are pale.
        const core::CardFilter& f = m_toolbar.filter();
        std::string what;
        auto add = [&what](const std::string& part) { what += (what.empty() ? "" : " \xC2\xB7 ") + part; };
        if (!f.text.empty()) add("\xE2\x80\x9E" + f.text + "\xE2\x80\x9C");
        if (!f.tag.empty()) add("#" + f.tag);
        if (f.ownerRole) add(label(*f.ownerRole));
        if (f.overdueOnly) add(_("Overdue only"));
        const std::string notice = core::fillPlaceholders(_("Filtered: {1} (other cards are pale)"), {what});
        colouredText(palette().warning, notice);
        recordLastItem(notice);
    }
    m_toolbar.drawPanels(session, *board, ctx);
    if (m_toolbar.showFlow()) {
        m_flow.draw(*board, em(ctx.presentation ? 14.0f : 11.0f), sessionVersion(ctx));
        ImGui::Spacing();
    }

    const int count = static_cast<int>(board->columns.size());
    if (count == 0) {
        mutedText(_("This board has no columns."));
    } else {
        drawGrid(*board, ctx);
    }

    handleKeys(*board, ctx);
    m_editor.draw(session, ctx);
    m_structure.drawDialogs(session, m_boardId, ctx, m_pending);
    m_import.draw(session, ctx, m_boardId, m_pending);
    submitPending(session, ctx);
}

void BoardView::submitPending(const core::Session& session, ViewContext& ctx) {
    // Now that nothing refers into the session any more, build and send the frame's commands.
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto& make : pending) {
        if (!ctx.submit) break;
        core::CommandResult result = make(session);
        if (result && result.change().isNoOp()) continue;
        ctx.submit(std::move(result));
    }
}

void BoardView::bucketCards(const core::Board& board) {
    const std::size_t lanes = board.lanes.size() + 1; // slot 0: cards without a lane
    m_cells.resize(board.columns.size() * lanes);
    for (auto& cell : m_cells) cell.cards.clear();
    m_archived = 0;
    std::size_t column = 0;
    std::size_t lane = 0;
    g_stats.sorted += board.cards.size();
    for (std::size_t i = 0; i < board.cards.size(); ++i) {
        const core::Card& c = board.cards[i];
        if (c.archived) {
            ++m_archived;
            continue;
        }
        // Neighbouring cards mostly share column and lane: test the last hit first.
        if (column >= board.columns.size() || board.columns[column].id != c.columnId) {
            column = 0;
            while (column < board.columns.size() && board.columns[column].id != c.columnId) ++column;
            if (column == board.columns.size()) continue; // dangling column: shown nowhere
        }
        if (c.laneId.empty()) {
            lane = 0;
        } else if (lane == 0 || board.lanes[lane - 1].id != c.laneId) {
            lane = 1;
            while (lane < lanes && board.lanes[lane - 1].id != c.laneId) ++lane;
            if (lane == lanes) {
                lane = 0;
                continue;
            }
        }
        m_cells[column * lanes + lane].cards.push_back(i);
    }
}

BoardView::Cell& BoardView::cellOf(const core::Board& board, std::size_t column, std::size_t lane) {
    return m_cells[column * (board.lanes.size() + 1) + lane];
}

CardContent BoardView::contentOf(const core::Board& board, const core::Card& c, const ViewContext& ctx) const {
    const bool overdue = core::isOverdue(board, c, ctx.now.date());
    CardContent content;
    content.id = c.id;
    content.title = c.title;
    content.meta = cardMeta(board, c, !ctx.presentation, overdue, ctx.now); // tags are detail, not for the room
    content.stripe = c.colour == core::CardColour::None ? ImVec4(0, 0, 0, 0) : cardColour(c.colour);
    content.highlight = overdue;
    return content;
}

// Rebuilds the cells and their heights when the board or what card heights depend on changed;
// otherwise does nothing (the common frame).
void BoardView::updateLayout(const core::Board& board, const ViewContext& ctx, float width) {
    HeightKey heights{width,
                      ImGui::GetFontSize(),
                      ImGui::GetFont(),
                      ctx.presentation,
                      language(),
                      Hyphenator::instance().loaded(),
                      ctx.now.seconds / 86400};
    ContentKey content{board.id, sessionVersion(ctx), board.cards.data(), board.cards.size()};
    const std::size_t cells = board.columns.size() * (board.lanes.size() + 1);
    const bool heightsChanged = !(heights == m_heightKey);
    if (m_haveLayout && !heightsChanged && content == m_contentKey && m_cells.size() == cells) return;
    if (heightsChanged || m_heights.size() > 2 * board.cards.size() + 1024) m_heights.clear(); // new sizes, or many gone
    m_heightKey = std::move(heights);
    m_contentKey = std::move(content);
    m_haveLayout = true;
    g_stats.rebuilt = true;
    bucketCards(board);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    for (auto& cell : m_cells) {
        cell.layout.clear();
        cell.layout.reserve(cell.cards.size());
        for (const std::size_t index : cell.cards) {
            const core::Card& c = board.cards[index];
            auto [it, added] = m_heights.try_emplace(c.id, 0.0f);
            if (added) {
                it->second = cardHeight(contentOf(board, c, ctx), width) + spacing;
                ++g_stats.measured;
            }
            cell.layout.push(it->second);
        }
    }
}

// The board as a grid: a frozen header row with the columns' titles, then one row of cells per
// swimlane (the cards without a lane first), so a lane reads straight across the board and the
// titles stay visible while the cards scroll. One scrollbar for the whole board.
void BoardView::drawGrid(const core::Board& board, ViewContext& ctx) {
    const Palette& p = palette();
    const int count = static_cast<int>(board.columns.size());
    const float gap = em(0.75f);
    const float minWidth = em(10.0f);
    const float avail = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    const float width =
        std::max(minWidth, (avail - (gap + 2.0f * em(0.45f)) * static_cast<float>(count)) / static_cast<float>(count));
    updateLayout(board, ctx, width);
    g_stats.cards = board.cards.size() - m_archived;
    m_rowLastFrame = m_rowContent;
    m_rowLastFrame.resize(board.lanes.size() + 1, 0.0f);
    m_rowContent.assign(board.lanes.size() + 1, 0.0f);

    // Each cell: the column's panel colour; a column's content keeps `inset` from its panel edge,
    // and `gap` of window colour separates the panels (drawn after the table, see below).
    const float inset = em(0.45f);
    const float padX = gap * 0.5f + inset;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(padX, em(0.3f)));
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_NoSavedSettings |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    // One table column per board column: core keeps boards within this limit (validate, addColumn).
    static_assert(core::kMaxColumns <= IMGUI_TABLE_MAX_COLUMNS, "the board is one ImGui table");
    if (!ImGui::BeginTable("board-grid", count, flags, ImVec2(0.0f, 0.0f))) {
        ImGui::PopStyleVar();
        return;
    }
    for (const auto& column : board.columns) ImGui::TableSetupColumn(column.id.c_str(), ImGuiTableColumnFlags_WidthFixed, width);
    ImGui::TableSetupScrollFreeze(0, 1);
    syncScroll(ctx, "board-grid"); // the audience window follows the facilitator's scrolling

    const ImU32 panel = ImGui::GetColorU32(p.panel);
    std::vector<float> columnLeft(static_cast<std::size_t>(count), 0.0f); // content start of each column
    ImGui::TableNextRow(ImGuiTableRowFlags_None);
    for (int i = 0; i < count; ++i) {
        ImGui::TableSetColumnIndex(i);
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, panel);
        columnLeft[static_cast<std::size_t>(i)] = ImGui::GetCursorScreenPos().x;
        drawColumnHeader(board, static_cast<std::size_t>(i), ctx);
    }

    auto cellRow = [&](std::size_t laneSlot) {
        ImGui::TableNextRow();
        for (int i = 0; i < count; ++i) {
            ImGui::TableSetColumnIndex(i);
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, panel);
            const core::Column& column = board.columns[static_cast<std::size_t>(i)];
            ImGui::PushID(column.id.c_str());
            ImGui::PushID(static_cast<int>(laneSlot));
            drawCell(board, column.id, laneSlot == 0 ? core::Id{} : board.lanes[laneSlot - 1].id, laneSlot,
                     cellOf(board, static_cast<std::size_t>(i), laneSlot), ctx);
            ImGui::PopID();
            ImGui::PopID();
        }
    };
    bool withoutLane = board.lanes.empty();
    for (int i = 0; i < count && !withoutLane; ++i) withoutLane = !cellOf(board, static_cast<std::size_t>(i), 0).cards.empty();
    if (withoutLane) cellRow(0);
    for (std::size_t l = 0; l < board.lanes.size(); ++l) {
        // The lane's title row, one band across the board.
        ImGui::TableNextRow();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(p.background));
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(board.lanes[l].id.c_str());
        m_structure.laneHeader(board, l, !ctx.presentation, m_pending);
        ImGui::PopID();
        cellRow(l + 1);
    }
    // A dragged card near the top or bottom edge scrolls the board, so a lane further down can be
    // reached with the mouse (ImGui does not scroll while dragging by itself).
    if (const ImGuiPayload* payload = ImGui::GetDragDropPayload(); payload && payload->IsDataType(kCardPayload)) {
        const ImRect area = ImGui::GetCurrentTable()->InnerClipRect;
        const float mouse = ImGui::GetIO().MousePos.y;
        const float zone = em(2.5f);
        const float step = em(0.8f);
        if (ImGui::GetIO().MousePos.x >= area.Min.x && ImGui::GetIO().MousePos.x <= area.Max.x) {
            if (mouse > area.Max.y - zone && mouse < area.Max.y + zone) ImGui::SetScrollY(ImGui::GetScrollY() + step);
            else if (mouse < area.Min.y + zone + ImGui::GetFrameHeightWithSpacing() && mouse > area.Min.y - zone)
                ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - step));
        }
    }
    ImGuiWindow* inner = ImGui::GetCurrentTable()->InnerWindow;
    const ImRect clip = ImGui::GetCurrentTable()->InnerClipRect; // the cells' visible area
    ImGui::EndTable();
    ImGui::PopStyleVar();
    // Gaps between the columns in the window colour, over the cells' empty padding: the columns
    // read as separate panels while the lanes still line up across them. Drawn into the table's
    // own (scrolling) window after its cells, so popups stay on top.
    ImDrawList* dl = inner->DrawList;
    dl->PushClipRect(clip.Min, clip.Max, false);
    const ImU32 background = ImGui::GetColorU32(p.background);
    const ImU32 border = ImGui::GetColorU32(p.border);
    auto edge = [&](std::size_t i) { return i < columnLeft.size() ? columnLeft[i] - padX : columnLeft.back() + width + padX; };
    for (std::size_t i = 0; i <= columnLeft.size(); ++i)
        dl->AddRectFilled(ImVec2(edge(i) - gap * 0.5f, clip.Min.y), ImVec2(edge(i) + gap * 0.5f, clip.Max.y), background);
    // An outline per column (the high-contrast theme has panels in the window colour).
    for (std::size_t i = 0; i < columnLeft.size(); ++i)
        dl->AddRect(ImVec2(edge(i) + gap * 0.5f, clip.Min.y), ImVec2(edge(i + 1) - gap * 0.5f, clip.Max.y), border, em(0.3f));
    dl->PopClipRect();
}

void BoardView::drawColumnHeader(const core::Board& board, std::size_t columnIndex, ViewContext& ctx) {
    const Palette& p = palette();
    const core::Column& column = board.columns[columnIndex];
    ImGui::PushID(column.id.c_str());
    int n = 0;
    for (std::size_t lane = 0; lane <= board.lanes.size(); ++lane) n += static_cast<int>(cellOf(board, columnIndex, lane).cards.size());
    const bool over = column.wipLimit > 0 && n > column.wipLimit;
    const bool hard = column.wipLimit > 0 && column.wipMode == core::WipMode::Hard;
    const bool full = hard && n >= column.wipLimit;
    {
        FontScope font(fonts().heading);
        std::string title = column.title + "  " + std::to_string(n);
        if (column.wipLimit > 0) title += "/" + std::to_string(column.wipLimit);
        colouredText(over || full ? p.warning : p.accent, title);
    }
    if (!ctx.presentation) ImGui::OpenPopupOnItemClick("column-settings", ImGuiPopupFlags_MouseButtonRight);
    const char* status = over ? _("WIP limit exceeded") : full ? _("Full: hard WIP limit")
                                      : column.wipLimit > 0 ? (hard ? _("Hard WIP limit") : _("Soft WIP limit"))
                                                            : nullptr;
    if (status) {
        colouredText(over || full ? p.warning : p.muted, status);
        recordLastItem(status); // tests look for the column's WIP state
    }
    if (!ctx.presentation) {
        ImGui::SameLine();
        if (ImGui::SmallButton("...")) ImGui::OpenPopup("column-settings");
        recordLastItem("Column settings");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Column settings"));
        drawColumnSettings(board, columnIndex);
    }
    ImGui::PopID();
}

void BoardView::drawColumnSettings(const core::Board& board, std::size_t columnIndex) {
    const core::Column& column = board.columns[columnIndex];
    if (ImGui::IsPopupOpen("column-settings") && m_settingsColumn != column.id) {
        m_settingsColumn = column.id;
        m_settingsTitle = column.title;
        m_settingsLimit = column.wipLimit;
        m_settingsHard = column.wipMode == core::WipMode::Hard;
    }
    if (!ImGui::BeginPopup("column-settings")) {
        if (m_settingsColumn == column.id) m_settingsColumn.clear();
        return;
    }
    mutedText(_("Column title"));
    ImGui::SetNextItemWidth(em(16.0f));
    inputText("##column-title", m_settingsTitle);
    mutedText(_("WIP limit (0 = none)"));
    ImGui::SetNextItemWidth(em(8.0f));
    ImGui::InputInt("##wip", &m_settingsLimit);
    m_settingsLimit = std::clamp(m_settingsLimit, 0, 999);
    ImGui::Checkbox(_("Hard limit (refuse cards over the limit)"), &m_settingsHard);
    recordLastItem(_("Hard limit (refuse cards over the limit)"));
    if (button(_("Apply"))) {
        const core::Id boardId = board.id;
        const core::Id columnId = column.id;
        const std::string title = m_settingsTitle;
        const int limit = m_settingsLimit;
        const auto mode = m_settingsHard ? core::WipMode::Hard : core::WipMode::Soft;
        if (title != column.title)
            m_pending.push_back([=](const core::Session& s) { return core::renameColumn(s, boardId, columnId, title); });
        if (limit != column.wipLimit || mode != column.wipMode)
            m_pending.push_back([=](const core::Session& s) { return core::setColumnWip(s, boardId, columnId, limit, mode); });
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button(_("Cancel"))) ImGui::CloseCurrentPopup();
    m_structure.columnMenuItems(board, columnIndex, m_pending);
    ImGui::EndPopup();
}

void BoardView::drawCell(const core::Board& board, const core::Id& columnId, const core::Id& laneId, std::size_t laneSlot,
                         Cell& cell, ViewContext& ctx) {
    const Palette& p = palette();
    const float width = ImGui::GetContentRegionAvail().x;
    const float cellTop = ImGui::GetCursorScreenPos().y;
    const float visibleTop = ImGui::GetWindowPos().y;
    const float visibleBottom = visibleTop + ImGui::GetWindowHeight();
    const ImGuiPayload* drag = ImGui::GetDragDropPayload();
    const bool dragging = drag && drag->IsDataType(kCardPayload);
    const core::CardFilter& filter = m_toolbar.filter();
    const core::Date today = ctx.now.date();
    const float spacing = ImGui::GetStyle().ItemSpacing.y;

    // Where a drop at `pos` of this cell puts the card (positions count the cell without it).
    auto drop = [&](const core::Id& cardId, std::size_t pos) {
        if (const auto from = core::placeOf(board, cardId); from && from->columnId == columnId && from->laneId == laneId &&
                                                            from->index < pos)
            --pos;
        m_selected = cardId;
        queueMove(cardId, columnId, laneId, pos);
    };

    // Only the cards on screen are drawn; the space of the others is reserved above and below.
    ListClip clip(cell.layout);
    if (m_scrollToSelected && !m_selected.empty()) {
        // The frame after a key press or a new card: a selected card off screen is scrolled to
        // (found by a search through the cells, on this frame only) and drawn next frame.
        for (std::size_t pos = 0; pos < cell.cards.size(); ++pos) {
            if (board.cards[cell.cards[pos]].id != m_selected) continue;
            if (!clip.isVisible(pos)) {
                clip.scrollTo(pos);
                m_scrollToSelected = false;
            }
            break;
        }
    }
    for (std::size_t pos = clip.first(); pos < clip.last(); ++pos) {
        const core::Card& c = board.cards[cell.cards[pos]];
        const bool selected = c.id == m_selected;
        CardContent content = contentOf(board, c, ctx);
        content.height = cardHeight(content, width); // exact for what is drawn (text may have changed)
        ++g_stats.measured;
        ++g_stats.drawn;
        const bool dim = filter.isActive() && !core::matchesFilter(board, c, filter, today);
        if (dim) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.25f);
        const bool doubleClicked = card(content, width);
        if (dim) ImGui::PopStyleVar();
        const ImVec2 min = ImGui::GetItemRectMin();
        const ImVec2 max = ImGui::GetItemRectMax();
        if (const float h = content.height + spacing; h != cell.layout.height(pos)) m_heights[c.id] = h;

        if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
            m_selected = c.id;
            m_focusColumn = columnId;
            m_focusLane = laneId;
        }
        if (doubleClicked && !ctx.presentation) m_editor.open(board.id, c);
        if (selected) {
            const float grow = em(0.15f);
            ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - grow, min.y - grow), ImVec2(max.x + grow, max.y + grow),
                                                ImGui::GetColorU32(p.accent), em(0.3f), 0, em(0.18f));
            if (m_scrollToSelected) {
                if (min.y < visibleTop || max.y > visibleBottom) ImGui::SetScrollHereY(0.5f);
                m_scrollToSelected = false;
            }
        }
        if (ImGui::BeginDragDropSource(ImGuiDragDropFlags_None)) {
            ImGui::SetDragDropPayload(kCardPayload, c.id.data(), c.id.size());
            boldText(c.title);
            ImGui::EndDragDropSource();
        }
        if (dragging && ImGui::BeginDragDropTarget()) {
            if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(
                    kCardPayload, ImGuiDragDropFlags_AcceptBeforeDelivery | ImGuiDragDropFlags_AcceptNoDrawDefaultRect)) {
                const bool after = ImGui::GetMousePos().y > (min.y + max.y) * 0.5f;
                dropIndicator(min.x, max.x, after ? max.y + spacing * 0.5f : min.y - spacing * 0.5f);
                if (payload->IsDelivery()) drop(payloadCard(payload), pos + (after ? 1 : 0));
            }
            ImGui::EndDragDropTarget();
        }
        clip.measured(pos);
    }
    clip.end();

    // The rest of the cell: a drop zone for "at the end" that also focuses the cell on click.
    // It reaches down to where the row's longest cell ended last frame, so the whole empty part of
    // a cell takes drops, and its size never changes while a card is dragged (nothing jumps).
    const float used = ImGui::GetCursorScreenPos().y - cellTop;
    if (laneSlot < m_rowContent.size()) m_rowContent[laneSlot] = std::max(m_rowContent[laneSlot], used);
    const float previous = laneSlot < m_rowLastFrame.size() ? m_rowLastFrame[laneSlot] : 0.0f;
    ImGui::InvisibleButton("##cell-end", ImVec2(width, std::max(em(1.5f), previous - used + em(1.5f))));
    recordLastItem(ctx.presentation ? "##cell-end" : "Cell end");
    if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
        m_focusColumn = columnId;
        m_focusLane = laneId;
        m_selected.clear();
    }
    if (dragging && ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(
                kCardPayload, ImGuiDragDropFlags_AcceptBeforeDelivery | ImGuiDragDropFlags_AcceptNoDrawDefaultRect)) {
            dropIndicator(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().x, ImGui::GetItemRectMin().y + spacing * 0.5f);
            if (payload->IsDelivery()) drop(payloadCard(payload), cell.cards.size());
        }
        ImGui::EndDragDropTarget();
    }

    // In presentation mode only N opens the field (the room dictates, everyone reads along).
    if (m_newColumn == columnId && m_newLane == laneId) {
        drawNewCardField(columnId, laneId);
    } else if (ctx.presentation) {
        return;
    } else if (button(_("+ Card"), ImVec2(-1.0f, 0.0f))) {
        m_newColumn = columnId;
        m_newLane = laneId;
        m_newTitle.clear();
        m_newFocus = true;
    }
}

void BoardView::drawNewCardField(const core::Id& columnId, const core::Id& laneId) {
    if (m_newFocus) {
        ImGui::SetKeyboardFocusHere();
        m_newFocus = false;
    }
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter =
        inputTextWithHint("##new-card", _("Title, then Enter"), m_newTitle, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem("New card title");
    if (enter && m_newTitle.find_first_not_of(" \t") != std::string::npos) {
        const core::Id boardId = m_boardId;
        const core::Id cardId = m_ids.next("card");
        const std::string title = m_newTitle;
        const core::Timestamp now = m_createdAt;
        m_pending.push_back([=](const core::Session& s) {
            return core::addCard(s, boardId, cardId, columnId, laneId, title, core::kAtEnd, now);
        });
        m_selected = cardId;
        m_scrollToSelected = true;
        // The field stays, with the keyboard, for the next card (Escape or a click elsewhere closes it).
        m_newTitle.clear();
        m_newFocus = true;
    } else if (enter || ImGui::IsItemDeactivated() || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        // Enter on an empty field, Escape (also in the frame the field takes the keyboard back,
        // where ImGui ignores it), or a click elsewhere.
        m_newColumn.clear();
    }
}

void BoardView::startNewCard(const core::Board& board) {
    if (board.columns.empty()) return;
    core::Id column = m_focusColumn;
    core::Id lane = m_focusLane;
    if (const core::Card* c = findCard(board, m_selected)) {
        column = c->columnId;
        lane = c->laneId;
    }
    if (std::none_of(board.columns.begin(), board.columns.end(), [&](const auto& col) { return col.id == column; })) {
        column = board.columns.front().id;
        lane.clear();
    }
    if (lane.empty() && !board.lanes.empty() && core::cellCards(board, column, {}).empty()) lane = board.lanes.front().id;
    m_newColumn = column;
    m_newLane = lane;
    m_newTitle.clear();
    m_newFocus = true;
}

void BoardView::queueMove(const core::Id& cardId, const core::Id& columnId, const core::Id& laneId, std::size_t index) {
    const core::Id boardId = m_boardId;
    const core::Timestamp now = m_createdAt;
    m_pending.push_back([=](const core::Session& s) { return core::moveCard(s, boardId, cardId, columnId, laneId, index, now); });
}

void BoardView::handleKeys(const core::Board& board, ViewContext& ctx) {
    if (ctx.keys.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return; // N, Delete and arrows belong to the text field
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return;
    // Another ImGui window (e.g. the demo window) has the keyboard.
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow) && !ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows))
        return;

    auto direction = [](int key) -> std::optional<core::MoveDirection> {
        switch (key) {
        case kKeyLeft: return core::MoveDirection::Left;
        case kKeyRight: return core::MoveDirection::Right;
        case kKeyUp: return core::MoveDirection::Up;
        case kKeyDown: return core::MoveDirection::Down;
        default: return std::nullopt;
        }
    };
    for (const KeyChord& k : ctx.keys) {
        if (k.alt) continue;
        if (const auto d = direction(k.key)) {
            ImGui::NavMoveRequestCancel(); // the board's own focus, not ImGui's item navigation
            m_scrollToSelected = true;
            if (!findCard(board, m_selected)) {
                m_selected.clear();
                for (const auto& column : board.columns) {
                    if (const auto first = firstCardOf(board, column.id)) {
                        m_selected = *first;
                        break;
                    }
                }
            } else if (k.ctrl) {
                if (const auto target = core::keyboardTarget(board, m_selected, *d))
                    queueMove(m_selected, target->columnId, target->laneId, target->index);
            } else if (const auto next = core::neighbourCard(board, m_selected, *d)) {
                m_selected = *next;
            }
            if (const core::Card* c = findCard(board, m_selected)) {
                m_focusColumn = c->columnId;
                m_focusLane = c->laneId;
            }
            continue;
        }
        if (k.ctrl || k.shift) continue;
        if (k.key == kKeyEscape) m_selected.clear();
        if (k.key == 'N' || k.key == kKeyInsert) startNewCard(board); // also while presenting
        if (ctx.presentation) continue; // moving and adding yes, editing and archiving no
        const core::Card* c = findCard(board, m_selected);
        if (!c) continue;
        if (k.key == kKeyEnter || k.key == kKeyPadEnter) m_editor.open(board.id, *c);
        if (k.key == kKeyDelete) {
            const core::Id boardId = board.id;
            const core::Id cardId = c->id;
            m_pending.push_back([=](const core::Session& s) { return core::archiveCard(s, boardId, cardId); });
            const auto next = core::neighbourCard(board, cardId, core::MoveDirection::Down);
            const auto prev = core::neighbourCard(board, cardId, core::MoveDirection::Up);
            m_selected = next ? *next : prev ? *prev : core::Id{};
        }
    }
}

} // namespace lernraum::ui
