#include "ui/board_view.hpp"

#include "core/commands.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <string>

namespace lernraum::ui {
namespace {

const core::Board* findBoard(const core::Session& session, const core::Id& id) {
    for (const auto& board : session.boards) {
        if (board.id == id) return &board;
    }
    return session.boards.empty() ? nullptr : &session.boards.front();
}

std::string cardMeta(const core::Card& card, bool withTags) {
    std::string meta;
    auto add = [&meta](std::string_view part) {
        if (part.empty()) return;
        if (!meta.empty()) meta += " \xC2\xB7 "; // middle dot
        meta += part;
    };
    if (card.ownerRole && core::inRange(*card.ownerRole)) add(label(*card.ownerRole));
    if (card.due.isSet()) add(std::string(_("due")) + " " + formatDate(card.due));
    if (!card.checklist.empty()) {
        const auto done = std::count_if(card.checklist.begin(), card.checklist.end(), [](const auto& c) { return c.done; });
        add("\xE2\x98\x91 " + std::to_string(done) + "/" + std::to_string(card.checklist.size()));
    }
    if (withTags) {
        for (const auto& tag : card.tags) add("#" + tag);
    }
    return meta;
}

} // namespace

void BoardView::draw(const core::Session& session, ViewContext& ctx) {
    const core::Board* board = findBoard(session, m_boardId);
    if (!board) {
        mutedText(_("This session has no board yet."));
        return;
    }
    m_boardId = board->id;

    if (session.boards.size() > 1) {
        for (const auto& b : session.boards) {
            ImGui::PushID(b.id.c_str());
            if (selectable(b.title.c_str(), b.id == m_boardId)) m_boardId = b.id;
            ImGui::PopID();
            ImGui::SameLine();
        }
        ImGui::NewLine();
    } else {
        heading(board->title);
    }

    const int count = static_cast<int>(board->columns.size());
    if (count == 0) {
        mutedText(_("This board has no columns."));
        return;
    }
    const float gap = em(0.75f);
    const float minWidth = em(10.0f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::max(minWidth, (avail - gap * static_cast<float>(count - 1)) / static_cast<float>(count));
    // Wide boards scroll horizontally instead of squeezing columns below readability.
    ImGui::BeginChild("board-columns", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    for (int i = 0; i < count; ++i) {
        if (i > 0) ImGui::SameLine(0.0f, gap);
        drawColumn(*board, board->columns[static_cast<std::size_t>(i)], width, ctx);
    }
    ImGui::EndChild();
    drawEditPopup(session, ctx);
}

void BoardView::drawColumn(const core::Board& board, const core::Column& column, float width, ViewContext& ctx) {
    const Palette& p = palette();
    ImGui::PushID(column.id.c_str());
    beginPanel("column", width, !ctx.presentation); // the wheel still scrolls
    const int n = core::wipCount(board, column.id);
    const bool over = core::isOverWipLimit(board, column);
    {
        FontScope font(fonts().heading);
        std::string title = column.title + "  (" + std::to_string(n);
        if (column.wipLimit > 0) title += "/" + std::to_string(column.wipLimit);
        title += ")";
        colouredText(over ? p.warning : p.accent, title);
    }
    if (over) mutedText(_("WIP limit exceeded"));
    ImGui::Spacing();

    if (board.lanes.empty()) {
        drawCell(board, column.id, {}, ctx);
    } else {
        if (!core::cellCards(board, column.id, {}).empty()) drawCell(board, column.id, {}, ctx);
        for (const auto& lane : board.lanes) {
            ImGui::PushID(lane.id.c_str());
            ImGui::Spacing();
            {
                FontScope font(fonts().bold);
                mutedText(lane.title);
            }
            drawCell(board, column.id, lane.id, ctx);
            ImGui::PopID();
        }
    }
    endPanel();
    ImGui::PopID();
}

void BoardView::drawCell(const core::Board& board, const core::Id& columnId, const core::Id& laneId, ViewContext& ctx) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float visibleTop = ImGui::GetWindowPos().y;
    const float visibleBottom = visibleTop + ImGui::GetWindowHeight();
    for (std::size_t index : core::cellCards(board, columnId, laneId)) {
        const core::Card& c = board.cards[index];
        CardContent content;
        content.id = c.id;
        content.title = c.title;
        content.meta = cardMeta(c, !ctx.presentation); // tags are detail, not for the room
        content.stripe = c.colour == core::CardColour::None ? ImVec4(0, 0, 0, 0) : cardColour(c.colour);
        const float y = ImGui::GetCursorScreenPos().y;
        // Off-screen: reserve the same space without submitting the card's widgets.
        if (y > visibleBottom || y + em(12.0f) < visibleTop) {
            const float h = cardHeight(content, width);
            if (y + h < visibleTop || y > visibleBottom) {
                ImGui::Dummy(ImVec2(width, h));
                continue;
            }
        }
        if (card(content, width) && !ctx.presentation) {
            m_editCardId = c.id;
            m_editTitle = c.title;
            m_openEditPopup = true;
        }
    }
}

void BoardView::drawEditPopup(const core::Session& session, ViewContext& ctx) {
    const char* popupId = _("Edit card");
    if (m_openEditPopup) {
        ImGui::OpenPopup(popupId);
        m_openEditPopup = false;
    }
    ImGui::SetNextWindowSize(em(30.0f, 0.0f));
    if (!ImGui::BeginPopupModal(popupId, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = inputText("##card-title", m_editTitle, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    const bool save = button(_("Save")) || enter;
    ImGui::SameLine();
    const bool cancel = button(_("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (save) {
        const core::Board* board = findBoard(session, m_boardId);
        if (board) {
            auto it = std::find_if(board->cards.begin(), board->cards.end(), [&](const auto& c) { return c.id == m_editCardId; });
            if (it != board->cards.end()) {
                core::Card edited = *it;
                edited.title = m_editTitle;
                if (ctx.submit) ctx.submit(core::updateCard(session, board->id, edited));
            }
        }
    }
    if (save || cancel) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace lernraum::ui
