#include "ui/board_card_editor.hpp"

#include "core/change.hpp"
#include "core/commands.hpp"
#include "core/flow.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lernraum::ui {
namespace {

const char* colourName(core::CardColour colour) {
    using core::CardColour;
    switch (colour) {
    case CardColour::None: return _("No colour");
    case CardColour::Orange: return _("Orange");
    case CardColour::SkyBlue: return _("Sky blue");
    case CardColour::BluishGreen: return _("Bluish green");
    case CardColour::Yellow: return _("Yellow");
    case CardColour::Blue: return _("Blue");
    case CardColour::Vermillion: return _("Vermillion");
    case CardColour::ReddishPurple: return _("Reddish purple");
    case CardColour::Grey: return _("Grey");
    case CardColour::Count: break;
    }
    return "";
}

std::string joinTags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) {
        if (!out.empty()) out += ", ";
        out += t;
    }
    return out;
}

std::string days(double value) { return core::fillPlaceholders(_("{1} days"), {formatDecimal(value)}); }

const core::Board* findBoard(const core::Session& s, const core::Id& id) {
    for (const auto& b : s.boards)
        if (b.id == id) return &b;
    return nullptr;
}

const core::Card* findCard(const core::Board& board, const core::Id& id) {
    for (const auto& c : board.cards)
        if (c.id == id) return &c;
    return nullptr;
}

} // namespace

CardEditor::CardEditor() : m_ids(core::IdGenerator::fromRandomDevice()) {}

void CardEditor::open(const core::Id& boardId, const core::Card& card) {
    m_boardId = boardId;
    m_draft = card;
    m_tags = joinTags(card.tags);
    m_due = formatDate(card.due);
    m_newItem.clear();
    m_error.clear();
    m_requestOpen = true;
}

bool CardEditor::applyTextFields() {
    m_draft.tags.clear();
    for (std::size_t start = 0; start <= m_tags.size();) {
        auto end = m_tags.find_first_of(",;", start);
        if (end == std::string::npos) end = m_tags.size();
        std::string tag = m_tags.substr(start, end - start);
        tag.erase(0, tag.find_first_not_of(" #"));
        tag.erase(tag.find_last_not_of(' ') + 1);
        if (!tag.empty() && std::find(m_draft.tags.begin(), m_draft.tags.end(), tag) == m_draft.tags.end())
            m_draft.tags.push_back(tag);
        start = end + 1;
    }
    const auto due = parseDate(m_due);
    if (!due) {
        m_error = _("The due date is not a date (e.g. 24.12.2026).");
        return false;
    }
    m_draft.due = *due;
    m_error.clear();
    return true;
}

void CardEditor::draw(const core::Session& session, ViewContext& ctx) {
    const char* popupId = _("Edit card");
    if (m_requestOpen) {
        ImGui::OpenPopup(popupId);
        m_requestOpen = false;
        m_open = true;
    }
    const core::Board* board = findBoard(session, m_boardId);
    const core::Card* current = board ? findCard(*board, m_draft.id) : nullptr;
    if (m_open && !current) { // deleted (e.g. undone creation) while open
        m_open = false;
        if (ImGui::IsPopupOpen(popupId)) {
            if (ImGui::BeginPopupModal(popupId)) {
                ImGui::CloseCurrentPopup();
                ImGui::EndPopup();
            }
        }
        return;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + em(2.0f)),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(em(36.0f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, viewport->WorkSize.y - em(3.0f)));
    if (!ImGui::BeginPopupModal(popupId, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        m_open = false;
        return;
    }
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter =
        inputText("##card-title", m_draft.title, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    drawFields(*board);
    drawChecklist();
    drawFlow(*board, *current, ctx.now);
    if (!m_error.empty()) colouredText(palette().warning, m_error);

    ImGui::Separator();
    bool save = button(_("Save")) || enter;
    ImGui::SameLine();
    bool close = button(_("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    ImGui::SameLine(0.0f, em(2.0f));
    if (current->archived) {
        if (button(_("Restore"))) {
            if (ctx.submit) ctx.submit(core::restoreCard(session, m_boardId, m_draft.id));
            close = true;
        }
    } else if (button(C_("card command", "Archive"))) {
        if (ctx.submit) ctx.submit(core::archiveCard(session, m_boardId, m_draft.id));
        close = true;
    }
    ImGui::SameLine();
    if (button(_("Delete"))) {
        if (ctx.submit) ctx.submit(core::deleteCard(session, m_boardId, m_draft.id));
        close = true;
    }
    if (save) {
        if (applyTextFields()) {
            auto result = core::updateCard(session, m_boardId, m_draft);
            if (result) {
                if (!result.change().isNoOp() && ctx.submit) ctx.submit(std::move(result));
                close = true;
            } else {
                m_error = result.refusal().message([](const char* msgid) { return translate(msgid); });
            }
        }
    }
    if (close) {
        ImGui::CloseCurrentPopup();
        m_open = false;
    }
    ImGui::EndPopup();
}

void CardEditor::drawFields(const core::Board& board) {
    (void)board;
    mutedText(_("Description"));
    inputTextMultiline("##description", m_draft.description, ImVec2(-1.0f, em(5.0f)));
    recordLastItem("Description");

    // The longest label decides (German "Verantwortliche Rolle" is longer than any English one).
    float labelWidth = 0.0f;
    for (const char* text : {_("Owner role"), _("Tags"), _("Due date"), _("Colour")})
        labelWidth = std::max(labelWidth, ImGui::CalcTextSize(text).x);
    labelWidth += em(1.0f);
    auto rowLabel = [labelWidth](const char* text) {
        ImGui::AlignTextToFramePadding();
        mutedText(text);
        ImGui::SameLine(labelWidth);
        ImGui::SetNextItemWidth(-1.0f);
    };

    rowLabel(_("Owner role"));
    const char* preview = m_draft.ownerRole ? label(*m_draft.ownerRole) : _("nobody");
    if (ImGui::BeginCombo("##owner", preview)) {
        if (ImGui::Selectable(_("nobody"), !m_draft.ownerRole)) m_draft.ownerRole.reset();
        for (int i = 0; i < static_cast<int>(core::Role::Count); ++i) {
            const auto role = static_cast<core::Role>(i);
            if (selectable(label(role), m_draft.ownerRole == role)) m_draft.ownerRole = role;
        }
        ImGui::EndCombo();
    }
    recordLastItem("Owner role");

    rowLabel(_("Tags"));
    inputText("##tags", m_tags);
    recordLastItem("Tags");

    rowLabel(_("Due date"));
    inputText("##due", m_due);
    recordLastItem("Due date");

    ImGui::AlignTextToFramePadding();
    mutedText(_("Colour"));
    ImGui::SameLine(labelWidth);
    const Palette& p = palette();
    for (int i = 0; i < static_cast<int>(core::CardColour::Count); ++i) {
        const auto colour = static_cast<core::CardColour>(i);
        ImGui::PushID(i);
        if (i > 0) ImGui::SameLine();
        const bool selected = m_draft.colour == colour;
        const ImVec4 swatch = colour == core::CardColour::None ? p.card : cardColour(colour);
        if (ImGui::ColorButton(colourName(colour), swatch, ImGuiColorEditFlags_NoAlpha | ImGuiColorEditFlags_NoTooltip,
                               em(1.6f, 1.6f)))
            m_draft.colour = colour;
        recordLastItem(colourName(colour));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", colourName(colour));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (colour == core::CardColour::None) // a diagonal says "no colour"
            dl->AddLine(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::GetColorU32(p.muted), 1.5f);
        if (selected) {
            const ImVec2 grow(em(0.15f), em(0.15f));
            dl->AddRect(ImVec2(ImGui::GetItemRectMin().x - grow.x, ImGui::GetItemRectMin().y - grow.y),
                        ImVec2(ImGui::GetItemRectMax().x + grow.x, ImGui::GetItemRectMax().y + grow.y),
                        ImGui::GetColorU32(p.text), 0.0f, 0, em(0.12f));
        }
        ImGui::PopID();
    }
}

void CardEditor::drawChecklist() {
    ImGui::Spacing();
    const auto done = std::count_if(m_draft.checklist.begin(), m_draft.checklist.end(), [](const auto& c) { return c.done; });
    boldText(std::string(_("Checklist")) + "  " + std::to_string(done) + "/" + std::to_string(m_draft.checklist.size()));
    std::optional<std::size_t> remove;
    for (std::size_t i = 0; i < m_draft.checklist.size(); ++i) {
        auto& item = m_draft.checklist[i];
        ImGui::PushID(item.id.c_str());
        ImGui::Checkbox("##done", &item.done);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-em(2.5f));
        inputText("##text", item.text);
        ImGui::SameLine();
        if (ImGui::Button("\xC3\x97")) remove = i; // multiplication sign as a close mark
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Remove item"));
        ImGui::PopID();
    }
    if (remove) m_draft.checklist.erase(m_draft.checklist.begin() + static_cast<std::ptrdiff_t>(*remove));
    // Leave room for the button after the field, whatever its label in this language.
    ImGui::SetNextItemWidth(-(ImGui::CalcTextSize(_("Add item")).x + ImGui::GetStyle().FramePadding.x * 2.0f +
                              ImGui::GetStyle().ItemSpacing.x + em(0.2f)));
    if (m_focusNewItem) { // after Enter the field keeps the keyboard for the next item
        ImGui::SetKeyboardFocusHere();
        m_focusNewItem = false;
    }
    const bool enter = inputText("##new-item", m_newItem, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((button(_("Add item")) || enter) && m_newItem.find_first_not_of(' ') != std::string::npos) {
        m_draft.checklist.push_back(core::ChecklistItem{m_ids.next("check"), m_newItem, false});
        m_newItem.clear();
        m_focusNewItem = enter;
    }
}

void CardEditor::drawFlow(const core::Board& board, const core::Card& card, core::Timestamp now) {
    ImGui::Spacing();
    std::string flow;
    auto add = [&flow](const char* name, const std::optional<double>& value) {
        if (!flow.empty()) flow += "   ";
        flow += name;
        flow += " ";
        flow += value ? days(*value) : std::string("\xE2\x80\x93"); // en dash: not yet known
    };
    add(_("Lead time:"), core::leadTimeDays(board, card));
    add(_("Cycle time:"), core::cycleTimeDays(board, card));
    add(_("In this column:"), core::ageInColumnDays(card, now));
    mutedText(flow);
}

} // namespace lernraum::ui
