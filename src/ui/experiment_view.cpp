#include "ui/experiment_view.hpp"

#include "core/commands.hpp"
#include "ui/experiment_links.hpp"

#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <string>

namespace lernraum::ui {
namespace {

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
    experimentStatusLabel(e.status);
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
    dl->AddRectFilled(start, ImVec2(start.x + em(0.3f), end.y), ImGui::GetColorU32(experimentStatusColour(e.status)), em(0.3f),
                      ImDrawFlags_RoundCornersLeft);
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y));
    ImGui::Dummy(ImVec2(width, em(0.3f)));
    ImGui::PopID();
}

} // namespace

void ExperimentView::drawToolbar(const core::Session& session, const ViewContext& ctx) {
    if (ctx.presentation) return;
    auto emit = [this](core::CommandResult r) { m_outbox.push_back(std::move(r)); };
    if (button(_("New experiment"))) {
        core::Experiment e = newExperiment(m_ids.next("exp"), _("Untitled experiment"));
        m_selected = e.id;
        m_panel = Panel::Open;
        m_editor.focusTitle(); // the first thing to write is its title
        emit(core::addExperiment(session, std::move(e)));
    }
    // Actions agreed in a retrospective that have no experiment yet.
    std::vector<std::pair<const core::Retrospective*, const core::Action*>> open;
    for (const auto& retro : session.retrospectives) {
        for (const auto& action : retro.actions) {
            if (action.experimentId.empty()) open.emplace_back(&retro, &action);
        }
    }
    if (open.empty()) return;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(22.0f));
    const bool combo = ImGui::BeginCombo("##from-action", _("From an action\xE2\x80\xA6"));
    if (!combo) {
        recordLastItem(_("From an action\xE2\x80\xA6"));
        return;
    }
    for (const auto& [retro, action] : open) {
        ImGui::PushID(action->id.c_str());
        if (selectable(action->text.c_str())) {
            const core::Id id = m_ids.next("exp");
            auto result = experimentFromAction(session, retro->id, action->id, id);
            if (result.ok()) {
                m_selected = id;
                m_panel = Panel::Open;
                m_editor.focusTitle();
            }
            emit(std::move(result));
        }
        ImGui::PopID();
    }
    ImGui::EndCombo();
}

void ExperimentView::draw(const core::Session& session, ViewContext& ctx) {
    m_outbox.clear();
    auto emit = [this](core::CommandResult r) { m_outbox.push_back(std::move(r)); };
    heading(_("Practice experiments"));
    if (!ctx.presentation) ImGui::SameLine(0.0f, em(2.0f));
    drawToolbar(session, ctx);
    if (session.experiments.empty()) {
        mutedText(_("No practice experiments yet."));
    } else {
        const core::Experiment* selected = nullptr;
        for (const auto& e : session.experiments) {
            if (e.id == m_selected) selected = &e;
        }
        // At the facilitator's desk the editor stays beside the board (the first experiment until
        // another is clicked) unless it was hidden; in front of the room the board takes the whole
        // width until a card is clicked.
        const bool open = m_panel == Panel::Open || (m_panel == Panel::Auto && !ctx.presentation);
        if (!open) selected = nullptr;
        if (open && !selected) selected = &session.experiments.front();
        const float avail = ImGui::GetContentRegionAvail().x;
        const float gap = em(0.8f);
        const float share = ctx.presentation ? 0.4f : 0.3f;
        const float panelWidth = selected ? std::min(avail * 0.5f, std::clamp(avail * share, em(24.0f), em(40.0f))) : 0.0f;
        const float boardWidth = selected ? avail - panelWidth - gap : avail;
        const core::Id shown = selected ? selected->id : core::Id{};
        core::Id clicked;
        m_board.draw(session, ctx, boardWidth, shown, clicked, emit);
        if (selected) {
            ImGui::SameLine(0.0f, gap);
            ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel);
            ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, em(0.8f, 0.6f));
            ImGui::BeginChild("experiment-detail", ImVec2(panelWidth, 0.0f), true);
            syncScroll(ctx, "experiment-detail");
            if (!ctx.presentation) {
                if (button(_("Hide details"))) m_panel = Panel::Hidden;
                ImGui::SameLine();
                experimentStatusLabel(selected->status);
                // Removing is one undo step; refused while an action links the experiment.
                ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(_("Delete experiment")).x -
                                2.0f * ImGui::GetStyle().FramePadding.x);
                if (button(_("Delete experiment"))) emit(core::removeExperiment(session, selected->id));
                ImGui::Separator();
                const std::vector<std::string> none;
                const auto& missing = m_board.refusedExperiment() == selected->id ? m_board.missingFields() : none;
                const core::Id id = selected->id;
                m_editor.draw(session, *selected, ctx, m_ids, missing, emit,
                              [&](core::ExperimentStatus status) { m_board.move(session, id, status, emit); });
            } else {
                drawExperiment(*selected, ctx);
            }
            ImGui::EndChild();
            ImGui::PopStyleVar();
            ImGui::PopStyleColor();
        }
        if (!clicked.empty()) {
            // In front of the room a second click on the shown card puts it away again.
            const bool putAway = ctx.presentation && clicked == shown;
            if (clicked != shown && !ctx.presentation) m_editor.focusTitle();
            m_selected = clicked;
            m_panel = putAway ? Panel::Hidden : Panel::Open;
        }
    }
    // Commands go out after drawing: applying one changes the session the loops above walk over.
    std::vector<core::CommandResult> outbox;
    outbox.swap(m_outbox);
    for (auto& result : outbox) ctx.submit(std::move(result));
}

} // namespace lernraum::ui
