#include "ui/experiment_view.hpp"

#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <string>

namespace lernraum::ui {
namespace {

ImVec4 statusColour(core::ExperimentStatus status) {
    const Palette& p = palette();
    switch (status) {
    case core::ExperimentStatus::Running: return p.accent;
    case core::ExperimentStatus::Evaluated:
    case core::ExperimentStatus::Transferred: return p.success;
    case core::ExperimentStatus::Stopped: return p.warning;
    default: return p.muted;
    }
}

void drawExperiment(const core::Experiment& e, const ViewContext& ctx) {
    const Palette& p = palette();
    ImGui::PushID(e.id.c_str());
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = em(0.6f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The outline is drawn after the content, whose height is only known then.
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width - 2 * pad);
    {
        FontScope font(fonts().heading);
        ImGui::TextUnformatted(e.title.c_str());
    }
    if (core::inRange(e.status)) {
        FontScope font(fonts().bold);
        colouredText(statusColour(e.status), label(e.status));
    }
    labelledText(_("Hypothesis:"), e.hypothesis);
    if (!ctx.presentation) labelledText(_("Method:"), e.method);
    labelledText(_("Measure:"), e.measure);
    labelledText(_("Success criterion:"), e.successCriterion);
    std::string who;
    if (e.ownerRole && core::inRange(*e.ownerRole)) who = label(*e.ownerRole);
    labelledText(_("Responsible:"), who);
    std::string period = formatDate(e.startDate);
    if (e.reviewDate.isSet()) period += " \xE2\x80\x93 " + formatDate(e.reviewDate);
    labelledText(_("Period:"), period);
    if (!e.observations.empty()) {
        const auto& last = e.observations.back();
        labelledText(_("Latest observation:"), formatDate(last.date) + (last.date.isSet() ? ": " : "") + last.text);
    }
    if (e.result != core::ExperimentResult::None && core::inRange(e.result)) {
        std::string result = label(e.result);
        if (e.evidence != core::EvidenceStrength::None && core::inRange(e.evidence)) {
            result += " (" + std::string(label(e.evidence)) + ")";
        }
        labelledText(_("Result:"), result);
    }
    labelledText(_("Learning:"), e.learning);
    if (e.decision != core::Decision::None && core::inRange(e.decision)) labelledText(_("Decision:"), label(e.decision));
    labelledText(_("Transfer:"), e.transferRecommendation);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad);
    dl->AddRect(start, end, ImGui::GetColorU32(p.border), em(0.3f), 0, 1.5f);
    dl->AddRectFilled(start, ImVec2(start.x + em(0.3f), end.y), ImGui::GetColorU32(statusColour(e.status)), em(0.3f),
                      ImDrawFlags_RoundCornersLeft);
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y));
    ImGui::Dummy(ImVec2(width, em(0.3f)));
    ImGui::PopID();
}

} // namespace

void ExperimentView::draw(const core::Session& session, ViewContext& ctx) {
    if (session.experiments.empty()) {
        mutedText(_("No practice experiments yet."));
        return;
    }
    ImGui::BeginChild("experiments", ImVec2(0, 0));
    heading(_("Practice experiments"));
    ImGui::Spacing();
    // Two experiments side by side where there is room for ~35 characters a line each.
    const int columns = ImGui::GetContentRegionAvail().x > em(50.0f) ? 2 : 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("experiment-grid", columns, flags)) {
        for (std::size_t i = 0; i < session.experiments.size(); ++i) {
            if (i % static_cast<std::size_t>(columns) == 0) ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(static_cast<int>(i % static_cast<std::size_t>(columns)));
            drawExperiment(session.experiments[i], ctx);
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

} // namespace lernraum::ui
