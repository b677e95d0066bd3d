#include "ui/experiment_board.hpp"

#include "core/commands.hpp"
#include "core/experiment_rules.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <string>

namespace lernraum::ui {
namespace {

constexpr const char* kPayload = "LR_EXPERIMENT";

std::string observationCount(std::size_t n) {
    return std::to_string(n) + " " + (n == 1 ? _("observation") : _("observations"));
}

// One experiment card. Returns true when clicked (pressed and released on it without dragging).
bool experimentCard(const core::Experiment& e, float width, bool selected, bool refused, core::Date today) {
    const Palette& p = palette();
    ImGui::PushID(e.id.c_str());
    const float pad = em(0.5f);
    const float stripe = em(0.35f);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Content on channel 1, background (whose height is only known afterwards) on channel 0.
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad + stripe, start.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width - 2 * pad - stripe);
    boldText(e.title);
    if (e.ownerRole && core::inRange(*e.ownerRole)) mutedText(label(*e.ownerRole));
    const bool overdue = core::isReviewOverdue(e, today);
    if (overdue) {
        FontScope font(fonts().bold);
        const std::string line = std::string("\xE2\x9A\xA0 ") + _("Review overdue") + ": " + formatDate(e.reviewDate);
        colouredText(p.warning, line);
        recordLastItem(line);
    } else if (e.reviewDate.isSet()) {
        mutedText(std::string(_("Review")) + ": " + formatDate(e.reviewDate));
    }
    mutedText(observationCount(e.observations.size()));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad);
    dl->ChannelsSetCurrent(0);
    const float rounding = em(0.25f);
    dl->AddRectFilled(start, end, ImGui::GetColorU32(p.card), rounding);
    dl->AddRectFilled(start, ImVec2(start.x + stripe, end.y), ImGui::GetColorU32(experimentStatusColour(e.status)),
                      rounding, ImDrawFlags_RoundCornersLeft);
    const bool strong = selected || overdue || refused;
    const ImVec4 outline = refused || overdue ? p.warning : selected ? p.accent : p.border;
    dl->AddRect(start, end, ImGui::GetColorU32(outline), rounding, 0, strong ? em(0.15f) : 1.0f);
    dl->ChannelsMerge();

    ImGui::SetCursorScreenPos(start);
    const bool clicked = ImGui::InvisibleButton("##experiment", ImVec2(end.x - start.x, end.y - start.y));
    recordLastItem(e.title);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kPayload, e.id.data(), e.id.size());
        ImGui::TextUnformatted(e.title.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
        ImGui::TextUnformatted(_("Drop on a status column"));
        ImGui::PopStyleColor();
        ImGui::EndDragDropSource();
    }
    ImGui::Dummy(ImVec2(0.0f, em(0.1f)));
    ImGui::PopID();
    return clicked;
}

} // namespace

ImVec4 experimentStatusColour(core::ExperimentStatus status) {
    const Palette& p = palette();
    switch (status) {
    case core::ExperimentStatus::Planned: return cardColour(core::CardColour::SkyBlue);
    case core::ExperimentStatus::Running: return p.accent;
    case core::ExperimentStatus::Evaluated: return cardColour(core::CardColour::Yellow);
    case core::ExperimentStatus::Transferred: return p.success;
    case core::ExperimentStatus::Stopped: return p.muted;
    default: return p.border;
    }
}

void ExperimentBoard::move(const core::Session& session, const core::Id& experimentId, core::ExperimentStatus status,
                           const Emit& emit) {
    auto result = core::setExperimentStatus(session, experimentId, status);
    if (result.ok()) {
        m_refusedId.clear();
        m_missing.clear();
        m_message.clear();
    } else {
        const core::Experiment* e = nullptr;
        for (const auto& x : session.experiments) {
            if (x.id == experimentId) e = &x;
        }
        m_refusedId = experimentId;
        m_refusedStatus = status;
        m_missing = e ? core::missingForStatus(*e, status) : std::vector<std::string>{};
        m_message = result.refusal().message([](const char* msgid) { return translate(msgid); });
        if (e) m_message = "\xE2\x80\x9E" + e->title + "\xE2\x80\x9C: " + m_message;
    }
    emit(std::move(result));
}

void ExperimentBoard::forgetStaleRefusal(const core::Session& session) {
    if (m_refusedId.empty()) return;
    const auto it = std::find_if(session.experiments.begin(), session.experiments.end(),
                                 [&](const core::Experiment& e) { return e.id == m_refusedId; });
    if (it == session.experiments.end() || core::missingForStatus(*it, m_refusedStatus).empty()) {
        m_refusedId.clear();
        m_missing.clear();
        m_message.clear();
    }
}

void ExperimentBoard::drawSummary(const core::Session& session, const ViewContext& ctx) {
    const Palette& p = palette();
    const core::ExperimentSummary summary = core::summarizeExperiments(session.experiments, ctx.now.date());
    std::string line = std::string(_("Experiments")) + ": " + std::to_string(summary.total);
    for (int i = 0; i < static_cast<int>(core::ExperimentStatus::Count); ++i) {
        const auto status = static_cast<core::ExperimentStatus>(i);
        line += std::string(i == 0 ? "  \xE2\x80\x93  " : " \xC2\xB7 ") + label(status) + " " +
                std::to_string(summary.count(status));
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(line.c_str());
    recordLastItem(line);
    if (summary.overdue > 0) {
        ImGui::SameLine();
        FontScope font(fonts().bold);
        const std::string overdue = std::string("\xC2\xB7 \xE2\x9A\xA0 ") + _("Reviews overdue") + ": " +
                                    std::to_string(summary.overdue);
        colouredText(p.warning, overdue);
        recordLastItem(overdue);
    }
    ImGui::PopTextWrapPos();
    if (!m_message.empty()) {
        FontScope font(fonts().bold);
        colouredText(p.warning, m_message);
        recordLastItem(m_message);
    }
}

void ExperimentBoard::drawColumn(const core::Session& session, core::ExperimentStatus status, float width, float height,
                                 const ViewContext& ctx, core::Id& selected, const Emit& emit) {
    ImGui::PushID(static_cast<int>(status));
    int count = 0;
    for (const auto& e : session.experiments) count += e.status == status ? 1 : 0;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, em(0.5f, 0.5f));
    ImGui::BeginChild("status-column", ImVec2(width, height), true);
    {
        FontScope font(fonts().heading);
        colouredText(palette().accent, std::string(label(status)) + "  " + std::to_string(count));
    }
    ImGui::Spacing();
    const float cardWidth = ImGui::GetContentRegionAvail().x;
    for (const auto& e : session.experiments) {
        if (e.status != status) continue;
        if (experimentCard(e, cardWidth, e.id == selected, e.id == m_refusedId, ctx.now.date())) selected = e.id;
    }
    if (count == 0) mutedText("\xE2\x80\x93");
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    // The whole column accepts a dropped card.
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kPayload)) {
            const core::Id id(static_cast<const char*>(payload->Data), static_cast<std::size_t>(payload->DataSize));
            selected = id;
            move(session, id, status, emit);
        }
        ImGui::EndDragDropTarget();
    }
    recordLastItem(std::string("column:") + std::string(core::toName(status)));
    ImGui::PopID();
}

void ExperimentBoard::draw(const core::Session& session, const ViewContext& ctx, float width, core::Id& selected,
                           const Emit& emit) {
    forgetStaleRefusal(session);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    drawSummary(session, ctx);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    constexpr int kColumns = static_cast<int>(core::ExperimentStatus::Count);
    const float gap = em(0.4f);
    const float columnWidth = std::max(em(8.0f), (width - gap * (kColumns - 1)) / kColumns);
    const float height = std::max(em(10.0f), ImGui::GetContentRegionAvail().y);
    for (int i = 0; i < kColumns; ++i) {
        if (i > 0) ImGui::SameLine(0.0f, gap);
        drawColumn(session, static_cast<core::ExperimentStatus>(i), columnWidth, height, ctx, selected, emit);
    }
    ImGui::EndGroup();
}

} // namespace lernraum::ui
