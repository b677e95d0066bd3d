// [SECTION] check-in / ROTI: question (with editor), counts, histogram
// [SECTION] actions table

#include "ui/retro_outcomes.hpp"

#include "core/text.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace lernraum::ui {
namespace {

std::string fill(const char* msgid, std::vector<std::string> args) { return core::fillPlaceholders(translate(msgid), args); }

// A small button the harness finds by `record` (its visible text may differ).
bool smallButton(const std::string& text, const std::string& id, const std::string& record) {
    const bool pressed = ImGui::SmallButton((text + "##" + id).c_str());
    recordLastItem(record);
    return pressed;
}

} // namespace

// -----------------------------------------------------------------------------------------------
// [SECTION] check-in / ROTI

void ScalePanel::drawQuestion(const core::Session& session, const core::Retrospective& retro, core::Scale scale,
                              const std::string& name, ViewContext& ctx) {
    const core::ScaleQuestion& q = scale == core::Scale::CheckIn ? retro.checkIn : retro.roti;
    const bool editingThis = m_editing && m_editRetro == retro.id && m_editScale == scale && !ctx.presentation;
    if (editingThis) {
        if (m_focus) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, em(40.0f)));
        const bool enter = inputTextWithHint("##question", _("Question for the room\xE2\x80\xA6"), m_draft,
                                             ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
        recordLastItem(std::string(_("Question")) + ": " + name);
        if (ImGui::IsItemActive()) m_focus = false;
        if (enter) {
            // Enter applies; the text as typed, only surrounding blanks dropped.
            std::string text(core::trim(m_draft));
            if (text != q.question) ctx.submit(core::setScaleQuestion(session, retro.id, scale, std::move(text)));
            m_editing = false;
        } else if (!m_focus && !ImGui::IsItemActive()) {
            m_editing = false; // Escape or a click elsewhere: nothing changes
        }
        mutedText(_("Enter applies \xC2\xB7 Esc cancels"));
        return;
    }
    const auto startEditing = [&] {
        m_editing = true;
        m_editRetro = retro.id;
        m_editScale = scale;
        m_draft = q.question;
        m_focus = true;
    };
    if (q.question.empty()) {
        if (ctx.presentation) return;
        mutedText(_("No question yet."));
    } else {
        FontScope font(ctx.presentation ? fonts().bold : nullptr);
        wrappedText(q.question);
        if (ctx.presentation) return;
        recordLastItem(q.question);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
        if (ImGui::IsItemClicked()) startEditing();
    }
    ImGui::SameLine();
    if (smallButton(_("Edit"), "edit-question", std::string(_("Edit question")) + ": " + name)) startEditing();
}

void ScalePanel::draw(const core::Session& session, const core::Retrospective& retro, core::Scale scale, ViewContext& ctx) {
    const Palette& p = palette();
    const bool checkIn = scale == core::Scale::CheckIn;
    const core::ScaleQuestion& q = checkIn ? retro.checkIn : retro.roti;
    const std::string name = checkIn ? _("Check-in") : "ROTI";
    ImGui::PushID(checkIn ? "checkin" : "roti");
    heading(checkIn ? _("Check-in") : _("ROTI \xE2\x80\x93 was the time well spent?"));
    drawQuestion(session, retro, scale, name, ctx);
    const int answers = core::answerCount(q);
    if (answers > 0) {
        int sum = 0;
        for (int v = 0; v < 5; ++v) sum += (v + 1) * q.counts[static_cast<std::size_t>(v)];
        mutedText(fill(N_("Average {1} from {2} answers"),
                       {formatDecimal(static_cast<double>(sum) / answers), std::to_string(answers)}));
        if (!ctx.presentation) { // e.g. after the question was changed
            ImGui::SameLine();
            if (ImGui::SmallButton(_("Clear answers"))) ctx.submit(core::clearAnswers(session, retro.id, scale));
            recordLastItem(std::string(_("Clear answers")) + ": " + name);
        }
    } else {
        mutedText(_("No answers counted yet."));
    }
    int top = 1;
    for (int c : q.counts) top = std::max(top, c);
    const float barArea = em(ctx.presentation ? 7.0f : 5.0f);
    const float width = std::min(ImGui::GetContentRegionAvail().x, em(30.0f));
    if (ImGui::BeginTable("histogram", 5, ImGuiTableFlags_SizingStretchSame, ImVec2(width, 0.0f))) {
        ImGui::TableNextRow();
        for (int v = 0; v < 5; ++v) {
            ImGui::TableSetColumnIndex(v);
            ImGui::PushID(v);
            const int count = q.counts[static_cast<std::size_t>(v)];
            const float w = ImGui::GetContentRegionAvail().x;
            const ImVec2 a = ImGui::GetCursorScreenPos();
            const float h = barArea * static_cast<float>(count) / static_cast<float>(top);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(ImVec2(a.x, a.y + barArea - h), ImVec2(a.x + w * 0.8f, a.y + barArea), ImGui::GetColorU32(p.accent), em(0.15f));
            dl->AddLine(ImVec2(a.x, a.y + barArea), ImVec2(a.x + w, a.y + barArea), ImGui::GetColorU32(p.border));
            ImGui::Dummy(ImVec2(w, barArea));
            {
                FontScope font(fonts().bold);
                ImGui::TextUnformatted((std::to_string(v + 1) + ": " + std::to_string(count)).c_str());
            }
            if (!ctx.presentation) {
                const std::string answer = name + " " + std::to_string(v + 1);
                if (smallButton("+", "plus", answer + " +")) ctx.submit(core::countAnswer(session, retro.id, scale, v + 1, +1));
                ImGui::SameLine();
                if (smallButton("\xE2\x88\x92", "minus", answer + " \xE2\x88\x92")) ctx.submit(core::countAnswer(session, retro.id, scale, v + 1, -1));
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
}

// -----------------------------------------------------------------------------------------------
// [SECTION] actions table

namespace {
ActionsFrameStats g_actionsStats;

// Where an action comes from, under its text.
std::string actionOrigin(const core::Action& action) {
    std::string from;
    if (!action.carriedFromSessionId.empty()) from = _("carried over from the last workshop");
    if (!action.cardId.empty()) from += (from.empty() ? "" : " \xC2\xB7 ") + std::string(_("on the board"));
    if (!action.experimentId.empty()) from += (from.empty() ? "" : " \xC2\xB7 ") + std::string(_("experiment"));
    return from;
}
} // namespace

const ActionsFrameStats& lastActionsFrameStats() { return g_actionsStats; }

void ActionsTable::draw(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx) {
    g_actionsStats = {};
    drawEditor(session, retro, ctx);
    const Palette& p = palette();
    heading(_("Actions"));
    if (!ctx.presentation) {
        // An action agreed in the room that did not come from a card (core::addAction).
        ImGui::SameLine(0.0f, em(1.0f));
        if (button(_("New action\xE2\x80\xA6"))) {
            m_editId.clear();
            m_new = true;
            m_requestOpen = true;
            m_text.clear();
            m_role = -1;
            m_due.clear();
            m_error.clear();
            m_formPos = ImGui::GetMousePos();
        }
    }
    if (retro.actions.empty()) {
        mutedText(_("No actions agreed yet."));
        return;
    }
    // The status column fits the longest status name (and the combo's arrow when editable).
    float statusWidth = 0.0f;
    for (int s = 0; s < static_cast<int>(core::ActionStatus::Count); ++s)
        statusWidth = std::max(statusWidth, ImGui::CalcTextSize(label(static_cast<core::ActionStatus>(s))).x);
    statusWidth += ctx.presentation ? em(0.5f) : ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().FramePadding.x + em(0.3f);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    // The rows' heights, kept between frames: a frame draws only the rows on screen.
    const float width = ImGui::GetContentRegionAvail().x;
    RowsKey key{retro.id, sessionVersion(ctx), retro.actions.data(), retro.actions.size(), width, ImGui::GetFontSize(),
                ctx.presentation, language()};
    if (!m_haveRows || !(key == m_rowsKey)) {
        m_rowsKey = std::move(key);
        m_haveRows = true;
        const ImGuiStyle& style = ImGui::GetStyle();
        const float line = ctx.presentation ? ImGui::GetTextLineHeightWithSpacing() : ImGui::GetFrameHeightWithSpacing();
        const float wrap = std::max(em(6.0f), width - em(24.0f) - statusWidth);
        m_rows.clear();
        m_rows.reserve(retro.actions.size());
        for (const auto& action : retro.actions) {
            float h = std::max(line, ImGui::CalcTextSize(action.text.c_str(), nullptr, false, wrap).y + style.ItemSpacing.y);
            if (!actionOrigin(action).empty()) h += ImGui::GetTextLineHeightWithSpacing();
            m_rows.push(h + 2.0f * style.CellPadding.y);
        }
        g_actionsStats.measured = retro.actions.size();
    }
    g_actionsStats.listed = retro.actions.size();
    // The header row sits above the rows the layout holds.
    TableRowClip clip(m_rows, ImGui::GetFrameHeight());
    if (!ImGui::BeginTable("actions", 4, flags)) return;
    ImGui::TableSetupColumn(_("Action"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(_("Who"), ImGuiTableColumnFlags_WidthFixed, em(9.0f));
    ImGui::TableSetupColumn(_("Due"), ImGuiTableColumnFlags_WidthFixed, em(6.5f));
    ImGui::TableSetupColumn(_("Status"), ImGuiTableColumnFlags_WidthFixed, std::max(em(7.0f), statusWidth));
    {
        FontScope font(fonts().bold);
        ImGui::TableHeadersRow();
    }
    clip.begin();
    for (std::size_t row = clip.first(); row < clip.last(); ++row) {
        const core::Action& action = retro.actions[row];
        ++g_actionsStats.drawn;
        ImGui::PushID(action.id.c_str());
        clip.row(row);
        // Text on the same baseline as the status combo.
        const auto cell = [&](int column) {
            ImGui::TableSetColumnIndex(column);
            if (!ctx.presentation) ImGui::AlignTextToFramePadding();
        };
        cell(0);
        if (!ctx.presentation) {
            if (ImGui::SmallButton(_("Edit"))) {
                m_editId = action.id;
                m_new = false;
                m_formPos = ImGui::GetMousePos();
                m_requestOpen = true;
                m_text = action.text;
                m_role = action.ownerRole && core::inRange(*action.ownerRole) ? static_cast<int>(*action.ownerRole) : -1;
                m_due = formatDate(action.due);
                m_error.clear();
            }
            recordLastItem(std::string(_("Edit")) + ": " + action.text);
            ImGui::SameLine();
        }
        wrappedText(action.text);
        recordLastItem(std::string(_("Action")) + ": " + action.text);
        if (const std::string from = actionOrigin(action); !from.empty()) mutedText(from);
        cell(1);
        wrappedText(action.ownerRole && core::inRange(*action.ownerRole) ? label(*action.ownerRole) : "\xE2\x80\x93");
        cell(2);
        wrappedText(action.due.isSet() ? formatDate(action.due) : "\xE2\x80\x93");
        ImGui::TableSetColumnIndex(3);
        const char* status = core::inRange(action.status) ? label(action.status) : "";
        if (ctx.presentation) {
            colouredText(action.status == core::ActionStatus::Done ? p.success : p.text, status);
        } else {
            ImGui::SetNextItemWidth(-FLT_MIN);
            const bool open = ImGui::BeginCombo("##status", status);
            if (!open) recordLastItem(std::string(_("Status")) + ": " + action.text);
            if (open) {
                for (int s = 0; s < static_cast<int>(core::ActionStatus::Count); ++s) {
                    const auto value = static_cast<core::ActionStatus>(s);
                    if (selectable(label(value), value == action.status) && value != action.status) {
                        core::Action changed = action;
                        changed.status = value;
                        ctx.submit(core::updateAction(session, retro.id, changed));
                    }
                }
                ImGui::EndCombo();
            }
        }
        ImGui::PopID();
    }
    clip.end();
    ImGui::EndTable();
}

void ActionsTable::drawEditor(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx) {
    const char* title = m_new ? _("New action") : _("Edit action");
    const std::string popupId = std::string(title) + "###action-editor";
    if (m_requestOpen) {
        ImGui::OpenPopup(popupId.c_str());
        m_requestOpen = false;
    }
    // Where the facilitator clicked, opening away from the nearer screen edges.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 centre = viewport->GetCenter();
    const ImVec2 at = m_formPos.x < viewport->Pos.x || m_formPos.y < viewport->Pos.y ? centre : m_formPos;
    ImGui::SetNextWindowPos(at, ImGuiCond_Appearing, ImVec2(at.x > centre.x ? 1.0f : 0.0f, at.y > centre.y ? 1.0f : 0.0f));
    ImGui::SetNextWindowSize(em(36.0f, 0.0f));
    if (!ImGui::BeginPopupModal(popupId.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const core::Action* action = nullptr;
    for (const auto& a : retro.actions)
        if (a.id == m_editId) action = &a;
    core::Action fresh; // a new action (m_new) starts empty
    if (m_new) action = &fresh;
    if (!action) { // undone or removed meanwhile
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    mutedText(_("Action"));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = inputText("##action-text", m_text, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem("Action text");
    mutedText(_("Who"));
    ImGui::SetNextItemWidth(em(14.0f));
    if (ImGui::BeginCombo("##action-role", m_role < 0 ? _("(open)") : label(static_cast<core::Role>(m_role)))) {
        if (selectable(_("(open)"), m_role < 0)) m_role = -1;
        for (int r = 0; r < static_cast<int>(core::Role::Count); ++r)
            if (selectable(label(static_cast<core::Role>(r)), m_role == r)) m_role = r;
        ImGui::EndCombo();
    }
    recordLastItem("Action owner");
    mutedText(_("Due"));
    ImGui::SetNextItemWidth(em(10.0f));
    inputText("##action-due", m_due);
    recordLastItem("Action due");
    if (!m_error.empty()) {
        colouredText(palette().warning, m_error);
        recordLastItem(m_error);
    }
    const bool apply = button(m_new ? _("Create action") : _("Apply")) || enter;
    ImGui::SameLine();
    const bool cancel = button(_("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (!m_new) {
        // Removing is one undo step; refused while an experiment links the action.
        ImGui::SameLine(0.0f, em(2.0f));
        if (button(_("Delete action"))) {
            core::CommandResult result = core::removeAction(session, retro.id, action->id);
            if (!result) {
                m_error = result.refusal().message([](const char* msgid) { return translate(msgid); });
            } else {
                if (ctx.submit) ctx.submit(std::move(result));
                m_editId.clear();
                ImGui::CloseCurrentPopup();
                ImGui::EndPopup();
                return;
            }
        }
    }
    if (apply) {
        core::Action changed = *action;
        changed.text = m_text;
        changed.ownerRole.reset();
        if (m_role >= 0) changed.ownerRole = static_cast<core::Role>(m_role);
        const auto due = parseDate(m_due);
        if (!due) {
            m_error = _("The due date is not a date (e.g. 24.12.2026).");
        } else {
            changed.due = *due;
            if (m_new) {
                changed.id = m_ids.next("action");
                while (core::idInUse(session, changed.id)) changed.id = m_ids.next("action");
            }
            core::CommandResult result =
                m_new ? core::addAction(session, retro.id, changed) : core::updateAction(session, retro.id, changed);
            if (!result) {
                m_error = result.refusal().message([](const char* msgid) { return translate(msgid); });
            } else {
                if (!result.change().isNoOp() && ctx.submit) ctx.submit(std::move(result));
                m_editId.clear();
                m_new = false;
                ImGui::CloseCurrentPopup();
            }
        }
    } else if (cancel) {
        m_editId.clear();
        m_new = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace lernraum::ui
