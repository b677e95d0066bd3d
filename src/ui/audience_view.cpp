// The audience window's content and the facilitator's controls for it; see audience_view.hpp.

#include "ui/audience_view.hpp"

#include "ui/i18n.hpp"
#include "ui/theme.hpp"
#include "ui/timer_widget.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace lernraum::ui {
void syncScroll(const ViewContext& ctx, const char* region) {
    if (ctx.recordScroll) {
        const float maxX = ImGui::GetScrollMaxX();
        const float maxY = ImGui::GetScrollMaxY();
        ctx.recordScroll->regions[region] = {maxX > 0.0f ? ImGui::GetScrollX() / maxX : 0.0f,
                                             maxY > 0.0f ? ImGui::GetScrollY() / maxY : 0.0f};
    }
    if (ctx.followScroll) {
        const auto at = ctx.followScroll->regions.find(region);
        if (at == ctx.followScroll->regions.end()) return;
        const float x = std::round(std::clamp(at->second.x, 0.0f, 1.0f) * ImGui::GetScrollMaxX());
        const float y = std::round(std::clamp(at->second.y, 0.0f, 1.0f) * ImGui::GetScrollMaxY());
        if (std::abs(x - ImGui::GetScrollX()) >= 1.0f) ImGui::SetScrollX(x);
        if (std::abs(y - ImGui::GetScrollY()) >= 1.0f) ImGui::SetScrollY(y);
    }
}

void AudienceView::freeze(const core::Session& session, const AudienceFollow& follow) {
    m_frozenSession = session;
    m_frozenFollow = follow;
}

void AudienceView::thaw() { m_frozenSession.reset(); }

void AudienceView::drawHeader(const core::Session& session, WorkshopTimer* timer, double time) {
    float clockWidth = 0.0f;
    if (timer) {
        FontScope font(fonts().title);
        clockWidth = ImGui::CalcTextSize("-00:00").x + em(0.5f);
    }
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + ImGui::GetContentRegionAvail().x - clockWidth);
    // The title only: each view names itself (Agenda, the board, the retrospective, ...).
    titleText(session.title.empty() ? std::string(_("Untitled workshop")) : session.title);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y;
    if (timer) {
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - clockWidth);
        timer->drawCompact(time, {}, true); // the clock only
    }
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(ImGui::GetCursorScreenPos().y, bottom)));
    ImGui::Spacing();
}

void AudienceView::drawJoin(const RoomPanelInfo& info) {
    heading(_("Join with your phone"));
    ImGui::Spacing();
    // As large as the window allows: a phone must read it from the back row.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float modules = static_cast<float>(std::max(info.qrSize, 21) + 8);
    const float module = std::max(2.0f, std::floor(std::min(avail.y * 0.9f, avail.x * 0.45f) / modules));
    drawJoinDetails(info, module);
}

void AudienceView::draw(const core::Session& liveSession, const AudienceFollow& liveFollow, WorkshopTimer* timer,
                        double time, core::Timestamp now, const RoomPanelInfo* join) {
    const core::Session& session = m_frozenSession ? *m_frozenSession : liveSession;
    const AudienceFollow& follow = m_frozenSession ? m_frozenFollow : liveFollow;
    m_shown = follow.tab;
    m_title = session.title;

    // The views are the facilitator's too: what they note for the main window stays as it was.
    const ItemRecordingPause noRecording;
    const core::Id facilitatorsBoard = lastShownBoard();

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    // No menu bar, no title, no input: the room watches, the facilitator works in the other window.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoInputs;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, em(1.0f, 0.6f));
    ImGui::Begin("##audience", nullptr, flags);
    ImGui::PopStyleVar(3);

    drawHeader(session, timer, time);
    if (join && join->open) {
        drawJoin(*join);
    } else {
        ViewContext ctx;
        ctx.presentation = true;
        ctx.audience = true;
        ctx.now = now;
        ctx.time = time;
        ctx.timer = timer;
        ctx.submit = [](core::CommandResult) {}; // display only: nothing here edits
        ctx.followScroll = &follow.scroll;
        FontScope bodyFont(fonts().body);
        ImGui::BeginChild("view", ImVec2(0, 0), false, ImGuiWindowFlags_NoNav);
        syncScroll(ctx, "view");
        switch (follow.tab) {
        case Tab::Agenda: m_agenda.draw(session, ctx); break;
        case Tab::Board:
            m_board.showBoard(follow.board);
            m_board.draw(session, ctx);
            break;
        case Tab::Retro:
            m_retro.showRetro(follow.retro);
            m_retro.draw(session, ctx);
            break;
        case Tab::Experiments:
            m_experiments.showExperiment(follow.experiment);
            m_experiments.draw(session, ctx);
            break;
        case Tab::Count: break;
        }
        ImGui::EndChild();
    }
    ImGui::End();
    noteBoardShown(facilitatorsBoard);
}

void drawAudienceControls(AudienceState& state, RoomSize& roomSize, bool roomOpen) {
    if (!state.open) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - em(1.0f),
                                   viewport->WorkPos.y + viewport->WorkSize.y - em(2.5f)),
                            ImGuiCond_Appearing, ImVec2(1.0f, 1.0f));
    const std::string title = std::string(_("The room sees")) + "###audience-controls";
    const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoSavedSettings;
    if (!ImGui::Begin(title.c_str(), nullptr, flags)) {
        ImGui::End();
        return;
    }
    const float width = em(16.0f);
    const ImVec2 previewSize(width, width / std::max(0.5f, state.previewAspect));
    if (state.preview) {
        // The texture holds GL's bottom-up rows.
        ImGui::Image(state.preview, previewSize, ImVec2(0, 1), ImVec2(1, 0), ImVec4(1, 1, 1, 1), palette().border);
    } else {
        ImGui::Dummy(previewSize);
    }
    recordLastItem(_("Preview of the audience window"));
    if (state.frozen) {
        FontScope font(fonts().bold);
        colouredText(palette().warning, _("Frozen: the room still sees the moment you froze it."));
    }
    ImGui::Checkbox(_("Freeze view"), &state.frozen);
    recordLastItem(_("Freeze view"));
    ImGui::BeginDisabled(!roomOpen);
    ImGui::Checkbox(_("Show the join panel"), &state.joinPanel);
    recordLastItem(_("Show the join panel"));
    ImGui::EndDisabled();
    ImGui::SetNextItemWidth(em(12.0f));
    if (ImGui::BeginCombo(_("Room size"), displayName(roomSize))) {
        for (int i = 0; i < static_cast<int>(RoomSize::Count); ++i) {
            const RoomSize size = static_cast<RoomSize>(i);
            if (selectable(displayName(size), size == roomSize)) roomSize = size;
        }
        ImGui::EndCombo();
    }
    recordLastItem(_("Room size"));
    if (button(_("Close the audience window"))) state.open = false;
    ImGui::End();
}

} // namespace lernraum::ui
