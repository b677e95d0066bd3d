// [SECTION] text fields (single line with placeholder; wrapped box that edits on click)
// [SECTION] choices (roles, status, result, evidence, decision)
// [SECTION] observations and links
// [SECTION] the panel

#include "ui/experiment_editor.hpp"

#include "core/commands.hpp"
#include "core/experiment_rules.hpp"
#include "core/text.hpp"
#include "ui/experiment_board.hpp"
#include "ui/experiment_links.hpp"
#include "ui/experiment_wording.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <string>

namespace lernraum::ui {
namespace {

// Every committed edit is its own undo step. updateExperiment() merges consecutive edits of one field
// (meant for views that commit while typing); the editor commits once per finished edit, and a
// merge would fold e.g. "link added" and "link removed" into nothing.
core::CommandResult ownStep(core::CommandResult result) {
    if (result.ok()) result.change().mergeKey.clear();
    return result;
}

bool isMissing(const std::vector<std::string>& missing, std::string_view field) {
    return std::find(missing.begin(), missing.end(), field) != missing.end();
}

// Field label above its field; in the warning colour with "needed" when a status change needs it.
void fieldLabel(const char* text, bool needed = false) {
    FontScope font(fonts().bold);
    if (needed) {
        colouredText(palette().warning, std::string("\xE2\x9A\xA0 ") + text + " \xE2\x80\x93 " + _("needed for this status"));
        recordLastItem(std::string("\xE2\x9A\xA0 ") + text + " \xE2\x80\x93 " + _("needed for this status"));
    } else {
        colouredText(palette().muted, text);
    }
}

// Two labels side by side for two half-width fields below them (labels and fields each on one
// line, so that they line up; groups side by side would offset the second label).
float labelPair(const char* left, bool leftNeeded, const char* right, float half) {
    const float x2 = ImGui::GetCursorPosX() + half + ImGui::GetStyle().ItemSpacing.x;
    ImGui::PushTextWrapPos(x2 - ImGui::GetStyle().ItemSpacing.x);
    fieldLabel(left, leftNeeded);
    ImGui::PopTextWrapPos();
    const float leftBottom = ImGui::GetCursorPosY();
    ImGui::SameLine(x2);
    fieldLabel(right);
    ImGui::SetCursorPosY(std::max(leftBottom, ImGui::GetCursorPosY()));
    return x2;
}

void hintText(const char* text) {
    if (text == nullptr || *text == '\0') return;
    mutedText(text);
}

int moveCursorToEnd(ImGuiInputTextCallbackData* data) {
    auto* pending = static_cast<bool*>(data->UserData);
    if (*pending) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        *pending = false;
    }
    return 0;
}
bool g_moveCursorToEnd = false;

// A combo of an enum's translated labels; `first` lets a combo skip values (e.g. none).
template <typename E> bool enumCombo(const char* id, const char* recordAs, E current, E& out, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo(id, core::inRange(current) ? label(current) : "");
    if (!open) recordLastItem(recordAs);
    if (open) {
        for (int i = 0; i < static_cast<int>(E::Count); ++i) {
            const auto value = static_cast<E>(i);
            if (selectable(label(value), value == current) && value != current) {
                out = value;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

} // namespace

// -----------------------------------------------------------------------------------------------
// [SECTION] text fields

bool ExperimentEditor::lineField(const char* label, const char* hint, const std::string& value, std::string& out,
                                 float width) {
    const std::string id = std::string("##") + label;
    const std::string key = std::to_string(ImGui::GetID(id.c_str()));
    std::string* buffer = &m_scratch;
    if (m_activeKey == key) {
        buffer = &m_buffer;
    } else {
        m_scratch = value;
    }
    ImGui::SetNextItemWidth(width);
    inputTextWithHint(id.c_str(), hint, *buffer);
    recordLastItem(label);
    if (ImGui::IsItemActivated()) {
        m_activeKey = key;
        m_buffer = *buffer;
    }
    bool committed = false;
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        out = *buffer;
        committed = out != value;
    }
    if (ImGui::IsItemDeactivated() && m_activeKey == key) m_activeKey.clear();
    return committed;
}

bool ExperimentEditor::textArea(const char* label, const char* hint, const std::string& value, std::string& out,
                                bool highlight) {
    const Palette& p = palette();
    const std::string id = std::string("##") + label;
    const std::string key = std::to_string(ImGui::GetID(id.c_str()));
    if (m_activeKey == key) {
        if (m_focusArea) {
            ImGui::SetKeyboardFocusHere();
            m_focusArea = false;
            m_activeFrames = 0;
            g_moveCursorToEnd = true;
        }
        ++m_activeFrames;
        const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CtrlEnterForNewLine | ImGuiInputTextFlags_CallbackAlways;
        inputTextMultiline(id.c_str(), m_buffer, ImVec2(-FLT_MIN, em(6.0f)), flags, moveCursorToEnd, &g_moveCursorToEnd);
        recordLastItem(label);
        bool committed = false;
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            out = m_buffer;
            committed = out != value;
        }
        if (ImGui::IsItemDeactivated() || (!ImGui::IsItemActive() && m_activeFrames > 4)) m_activeKey.clear();
        if (ImGui::IsItemActive()) mutedText(_("Enter saves, Ctrl+Enter starts a new line."));
        return committed;
    }
    // Not editing: the text wrapped in a frame, readable at any width; a click edits it.
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad.x, start.y + pad.y));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width - 2 * pad.x);
    if (value.empty()) {
        mutedText(hint);
    } else {
        wrappedText(value);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const ImVec2 end(start.x + width, std::max(ImGui::GetItemRectMax().y, start.y + ImGui::GetFontSize()) + pad.y);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, end, ImGui::GetColorU32(ImGuiCol_FrameBg), ImGui::GetStyle().FrameRounding);
    dl->AddRect(start, end, ImGui::GetColorU32(highlight ? p.warning : p.border), ImGui::GetStyle().FrameRounding, 0,
                highlight ? em(0.15f) : 1.0f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(start);
    if (ImGui::InvisibleButton(id.c_str(), ImVec2(width, end.y - start.y))) {
        m_activeKey = key;
        m_buffer = value;
        m_focusArea = true;
    }
    recordLastItem(label);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    return false;
}

// -----------------------------------------------------------------------------------------------
// [SECTION] observations and links

void ExperimentEditor::drawObservations(const core::Session& session, const core::Experiment& e, const ViewContext& ctx,
                                        core::IdGenerator& ids, const Emit& emit) {
    heading(_("Observations"));
    if (e.observations.empty()) mutedText(_("No observations yet. Note what you see while the experiment runs."));
    for (const auto& o : e.observations) {
        ImGui::PushID(o.id.c_str());
        {
            FontScope font(fonts().bold);
            ImGui::TextUnformatted(o.date.isSet() ? formatDate(o.date).c_str() : "\xE2\x80\x93");
        }
        ImGui::SameLine();
        wrappedText(o.text);
        ImGui::PopID();
    }
    // The new entry: its text on a line of its own (room to write), then its date and the button.
    if (m_observationDate.empty()) m_observationDate = formatDate(ctx.now.date());
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (m_focusObservation) { // after Enter: the field keeps the keyboard for the next observation
        ImGui::SetKeyboardFocusHere();
        m_focusObservation = false;
    }
    const bool enter = inputTextWithHint("##observation-text", _("What did we see? Facts, numbers, quotes"),
                                         m_observationText, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem(_("New observation"));
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("00.00.00000").x + 2 * ImGui::GetStyle().FramePadding.x);
    inputTextWithHint("##observation-date", _("DD.MM.YYYY"), m_observationDate);
    recordLastItem(_("Observation date"));
    ImGui::SameLine();
    const bool add = button(_("Add observation"));
    if (enter) m_focusObservation = true;
    if ((enter || add) && !core::trim(m_observationText).empty()) {
        const auto date = parseDate(m_observationDate);
        if (!date) {
            m_dateError = std::string(_("Not a date")) + ": \xE2\x80\x9E" + m_observationDate + "\xE2\x80\x9C";
            return;
        }
        core::Observation o{ids.next("obs"), *date, m_observationText};
        auto result = core::addObservation(session, e.id, std::move(o));
        if (result.ok()) {
            m_observationText.clear();
            m_dateError.clear();
        }
        emit(std::move(result));
    }
}

void ExperimentEditor::drawLinks(const core::Session& session, const core::Experiment& e, const Emit& emit) {
    heading(_("Comes from"));
    if (e.links.empty()) mutedText(_("Not linked to a retrospective card, action or board card."));
    for (const auto& link : e.links) {
        const LinkTarget target = describeLink(session, link);
        ImGui::PushID(link.targetId.c_str());
        if (ImGui::SmallButton("\xC3\x97")) { // multiplication sign: remove
            core::Experiment changed = e;
            changed.links.erase(std::remove(changed.links.begin(), changed.links.end(), link), changed.links.end());
            emit(ownStep(core::updateExperiment(session, changed)));
        }
        recordLastItem(std::string(_("Remove link")) + ": " + target.text);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Remove link"));
        ImGui::SameLine();
        std::string line;
        line += target.earlier ? _("Earlier workshop") : kindLabel(target.kind);
        line += ": " + target.text;
        if (target.missing) {
            colouredText(palette().warning, line + " (" + _("not found in this file") + ")");
        } else {
            wrappedText(line);
        }
        recordLastItem(line);
        ImGui::PopID();
    }
    bool headed = false;
    for (const core::Action* action : actionsReferring(session, e.id)) {
        const bool listed = std::any_of(e.links.begin(), e.links.end(),
                                        [&](const core::Link& l) { return l.targetId == action->id; });
        if (listed) continue;
        if (!headed) {
            fieldLabel(_("Actions that refer to this experiment"));
            headed = true;
        }
        const std::string line = std::string("\xE2\x80\xA2 ") + _("Action") + ": " + action->text;
        wrappedText(line);
        recordLastItem(line);
    }
    // Add a link: a list of what there is in this session (clipped: a board may hold thousands of cards).
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (!ImGui::BeginCombo("##add-link", _("Link to\xE2\x80\xA6"), ImGuiComboFlags_HeightLarge)) {
        recordLastItem(_("Link to\xE2\x80\xA6"));
        return;
    }
    const std::vector<LinkCandidate> candidates = linkCandidates(session, e);
    if (candidates.empty()) mutedText(_("Nothing left to link in this file."));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(candidates.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const LinkCandidate& c = candidates[static_cast<std::size_t>(i)];
            ImGui::PushID(c.link.targetId.c_str());
            std::string text = c.link.label;
            if (text.size() > 90) {
                std::size_t cut = 87;
                while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut; // UTF-8 boundary
                text = text.substr(0, cut) + "\xE2\x80\xA6";
            }
            if (selectable((std::string(kindLabel(c.kind)) + ": " + text).c_str())) {
                core::Experiment changed = e;
                changed.links.push_back(c.link);
                emit(ownStep(core::updateExperiment(session, changed)));
            }
            ImGui::PopID();
        }
    }
    ImGui::EndCombo();
}

// -----------------------------------------------------------------------------------------------
// [SECTION] the panel

void ExperimentEditor::draw(const core::Session& session, const core::Experiment& experiment, const ViewContext& ctx,
                            core::IdGenerator& ids, const std::vector<std::string>& missing, const Emit& emit,
                            const MoveStatus& moveStatus) {
    const core::Experiment e = experiment; // a copy: emitted commands may change the session later
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    auto update = [&](auto&& edit) {
        core::Experiment changed = e;
        edit(changed);
        emit(ownStep(core::updateExperiment(session, changed)));
    };
    ImGui::PushID(e.id.c_str());
    std::string text;

    // Title and status.
    const FieldWording title = wording(ExperimentField::Title);
    fieldLabel(title.label);
    {
        FontScope font(fonts().heading);
        if (m_focusTitle) {
            ImGui::SetKeyboardFocusHere();
            m_focusTitle = false;
        }
        if (lineField(title.label, title.placeholder, e.title, text, -FLT_MIN)) {
            update([&](core::Experiment& x) { x.title = text; });
        }
    }
    const float half = (ImGui::GetContentRegionAvail().x - spacing) * 0.5f;
    float x2 = labelPair(_("Status"), false, _("Responsible (role)"), half);
    core::ExperimentStatus status = e.status;
    if (enumCombo("##status", _("Status"), e.status, status, half)) moveStatus(status);
    ImGui::SameLine(x2);
    ImGui::SetNextItemWidth(half);
    const char* owner = e.ownerRole && core::inRange(*e.ownerRole) ? label(*e.ownerRole) : "\xE2\x80\x93";
    if (ImGui::BeginCombo("##owner", owner)) {
        if (selectable("\xE2\x80\x93", !e.ownerRole)) update([](core::Experiment& x) { x.ownerRole.reset(); });
        for (int i = 0; i < static_cast<int>(core::Role::Count); ++i) {
            const auto role = static_cast<core::Role>(i);
            if (selectable(label(role), e.ownerRole == role)) update([&](core::Experiment& x) { x.ownerRole = role; });
        }
        ImGui::EndCombo();
    } else {
        recordLastItem(_("Responsible (role)"));
    }

    // The experiment card: hypothesis to success criterion, with guided wording.
    ImGui::Spacing();
    const struct {
        ExperimentField field;
        std::string core::Experiment::*member;
    } plan[] = {{ExperimentField::Hypothesis, &core::Experiment::hypothesis},
                {ExperimentField::Method, &core::Experiment::method},
                {ExperimentField::Measure, &core::Experiment::measure},
                {ExperimentField::SuccessCriterion, &core::Experiment::successCriterion}};
    for (const auto& row : plan) {
        const FieldWording w = wording(row.field);
        fieldLabel(w.label);
        if (textArea(w.label, w.placeholder, e.*row.member, text, false)) {
            update([&](core::Experiment& x) { x.*row.member = text; });
        }
        hintText(w.hint);
    }
    for (const auto& hint : wordingHints(e)) {
        FontScope font(fonts().bold);
        colouredText(palette().accent, std::string("\xE2\x80\xBA ") + hint);
    }

    // Who and when.
    ImGui::Spacing();
    fieldLabel(_("Participants' roles"));
    for (int i = 0; i < static_cast<int>(core::Role::Count); ++i) {
        const auto role = static_cast<core::Role>(i);
        const bool had = std::find(e.participantRoles.begin(), e.participantRoles.end(), role) != e.participantRoles.end();
        bool on = had;
        if (i > 0) {
            // Same line while the whole checkbox fits to the right of the previous one.
            const ImGuiStyle& style = ImGui::GetStyle();
            const float need = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label(role)).x;
            const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
            if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + need <= right) ImGui::SameLine();
        }
        if (ImGui::Checkbox(label(role), &on)) {
            update([&](core::Experiment& x) {
                if (on) {
                    x.participantRoles.push_back(role);
                } else {
                    x.participantRoles.erase(std::remove(x.participantRoles.begin(), x.participantRoles.end(), role),
                                             x.participantRoles.end());
                }
            });
        }
        recordLastItem(label(role));
    }
    x2 = labelPair(_("Start date"), false, _("Review date"), half);
    if (lineField(_("Start date"), _("DD.MM.YYYY"), formatDate(e.startDate), text, half)) {
        if (const auto date = parseDate(text)) {
            update([&](core::Experiment& x) { x.startDate = *date; });
            m_dateError.clear();
        } else {
            m_dateError = std::string(_("Not a date")) + ": \xE2\x80\x9E" + text + "\xE2\x80\x9C";
        }
    }
    ImGui::SameLine(x2);
    if (lineField(_("Review date"), _("DD.MM.YYYY"), formatDate(e.reviewDate), text, half)) {
        if (const auto date = parseDate(text)) {
            update([&](core::Experiment& x) { x.reviewDate = *date; });
            m_dateError.clear();
        } else {
            m_dateError = std::string(_("Not a date")) + ": \xE2\x80\x9E" + text + "\xE2\x80\x9C";
        }
    }
    if (const int days = core::daysOverdue(e, ctx.now.date()); days > 0) {
        FontScope font(fonts().bold);
        const std::string line = std::string("\xE2\x9A\xA0 ") + _("Review overdue") + ": " + std::to_string(days) + " " +
                                 (days == 1 ? _("day") : _("days"));
        colouredText(palette().warning, line);
        recordLastItem(line);
    }

    // Observations.
    ImGui::Spacing();
    ImGui::Separator();
    drawObservations(session, e, ctx, ids, emit);
    if (!m_dateError.empty()) colouredText(palette().warning, m_dateError);

    // Result and decision.
    ImGui::Spacing();
    ImGui::Separator();
    heading(_("Result and decision"));
    x2 = labelPair(_("Result"), isMissing(missing, "result"), _("Evidence"), half);
    core::ExperimentResult result = e.result;
    if (enumCombo("##result", _("Result"), e.result, result, half)) update([&](core::Experiment& x) { x.result = result; });
    ImGui::SameLine(x2);
    core::EvidenceStrength evidence = e.evidence;
    if (enumCombo("##evidence", _("Evidence"), e.evidence, evidence, half)) {
        update([&](core::Experiment& x) { x.evidence = evidence; });
    }
    const FieldWording learning = wording(ExperimentField::Learning);
    fieldLabel(learning.label);
    if (textArea(learning.label, learning.placeholder, e.learning, text, false)) {
        update([&](core::Experiment& x) { x.learning = text; });
    }
    fieldLabel(_("Decision"), isMissing(missing, "decision"));
    core::Decision decision = e.decision;
    if (enumCombo("##decision", _("Decision"), e.decision, decision, half)) {
        update([&](core::Experiment& x) { x.decision = decision; });
    }
    const FieldWording transfer = wording(ExperimentField::TransferRecommendation);
    const bool transferMissing = isMissing(missing, "transfer recommendation");
    fieldLabel(transfer.label, transferMissing);
    if (textArea(transfer.label, transfer.placeholder, e.transferRecommendation, text, transferMissing)) {
        update([&](core::Experiment& x) { x.transferRecommendation = text; });
    }

    // Where it came from.
    ImGui::Spacing();
    ImGui::Separator();
    drawLinks(session, e, emit);
    ImGui::PopID();
}

} // namespace lernraum::ui
