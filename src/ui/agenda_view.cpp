#include "ui/agenda_view.hpp"

#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/timer_widget.hpp"
#include "ui/widgets.hpp"

#include "core/commands.hpp"
#include "core/formats.hpp"

#include <array>
#include <string>

namespace lernraum::ui {
namespace {

void drawAgendaTable(const core::Session& session, ViewContext& ctx) {
    const Palette& p = palette();
    if (session.agenda.empty()) {
        mutedText(_("No agenda items yet."));
        return;
    }
    // The first item not done is "now"; it gets the accent colour and a marker.
    std::size_t current = session.agenda.size();
    for (std::size_t i = 0; i < session.agenda.size(); ++i) {
        if (!session.agenda[i].done) {
            current = i;
            break;
        }
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    const int columns = ctx.presentation ? 4 : 5;
    if (!ImGui::BeginTable("agenda", columns, flags)) return;
    ImGui::TableSetupColumn(_("Time"), ImGuiTableColumnFlags_WidthFixed, em(5.5f));
    ImGui::TableSetupColumn(_("Agenda item"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(_("Phase"), ImGuiTableColumnFlags_WidthFixed, em(9.0f));
    ImGui::TableSetupColumn(_("Duration"), ImGuiTableColumnFlags_WidthFixed, em(6.5f));
    if (!ctx.presentation) ImGui::TableSetupColumn(_("Done"), ImGuiTableColumnFlags_WidthFixed, em(3.5f));
    {
        FontScope font(fonts().bold);
        ImGui::TableHeadersRow();
    }
    int startMinutes = 0;
    for (std::size_t i = 0; i < session.agenda.size(); ++i) {
        const core::AgendaItem& item = session.agenda[i];
        ImGui::PushID(item.id.c_str());
        ImGui::TableNextRow(0, em(2.0f));
        const bool isCurrent = i == current;
        const ImVec4 colour = item.done ? p.muted : isCurrent ? p.accent : p.text;

        ImGui::TableSetColumnIndex(0);
        std::string time = formatClock(startMinutes) + "\xE2\x80\x93" + formatClock(startMinutes + item.timeboxMinutes);
        colouredText(colour, time);

        ImGui::TableSetColumnIndex(1);
        std::string title = item.done ? "\xE2\x9C\x93 " : isCurrent ? "\xE2\x96\xB6 " : "";
        title += item.title;
        {
            FontScope font(fonts().bold);
            colouredText(colour, title);
        }
        if (!item.description.empty()) mutedText(item.description);

        ImGui::TableSetColumnIndex(2);
        colouredText(item.done ? p.muted : p.text, label(item.phase));

        ImGui::TableSetColumnIndex(3);
        colouredText(colour, std::to_string(item.timeboxMinutes) + " " + _("min"));
        if (item.usedSeconds > 0) mutedText(std::string(_("used")) + " " + formatSeconds(item.usedSeconds));
        if (!ctx.presentation) {
            ImGui::TableSetColumnIndex(4);
            bool done = item.done;
            if (ImGui::Checkbox("##done", &done)) ctx.submit(core::setAgendaItemDone(session, item.id, done));
            recordLastItem(std::string(_("Done")) + ": " + item.title);
        }
        startMinutes += item.timeboxMinutes;
        ImGui::PopID();
    }
    ImGui::EndTable();
    ImGui::Spacing();
    const core::AgendaTotals totals = core::agendaTotals(session);
    const int usedMinutes = (totals.usedSeconds + 59) / 60;
    std::string total = std::string(_("Planned")) + ": " + formatClock(startMinutes) + " " + _("h") + " \xC2\xB7 " + _("Used") +
                        ": " + formatClock(usedMinutes) + " " + _("h") + " \xC2\xB7 " + std::to_string(totals.doneCount) + "/" +
                        std::to_string(session.agenda.size()) + " " + _("done");
    colouredText(usedMinutes > startMinutes ? p.warning : p.muted, total);
}

void drawSessionFacts(const core::Session& session, const ViewContext& ctx) {
    if (!session.goal.empty()) {
        heading(_("Goal"));
        wrappedText(session.goal);
        ImGui::Spacing();
    }
    heading(_("Workshop"));
    labelledText(_("Type:"), label(session.kind));
    labelledText(_("Date:"), formatDate(session.date));
    labelledText(_("Learning space:"), session.lernraum);
    labelledText(_("Unit:"), session.orgUnit);
    if (!ctx.presentation) labelledText(_("Facilitation:"), session.facilitator);
    labelledText(_("Next review:"), formatDate(session.nextReview));
    ImGui::Spacing();

    // The room by role, never by name: the shared screen is seen by everyone.
    heading(_("Participants"));
    std::array<int, static_cast<int>(core::Role::Count)> counts{};
    for (const auto& participant : session.participants) {
        if (core::inRange(participant.role)) ++counts[static_cast<int>(participant.role)];
    }
    if (session.participants.empty()) mutedText(_("No participants recorded."));
    for (int r = 0; r < static_cast<int>(core::Role::Count); ++r) {
        if (counts[r] == 0) continue;
        labelledText((std::string(label(static_cast<core::Role>(r))) + ":").c_str(), std::to_string(counts[r]));
    }
}

} // namespace

void AgendaView::draw(const core::Session& session, ViewContext& ctx) {
    const float factsWidth = ImGui::GetContentRegionAvail().x * (ctx.presentation ? 0.36f : 0.3f);
    ImGui::BeginChild("agenda-plan", ImVec2(ImGui::GetContentRegionAvail().x - factsWidth - em(1.0f), 0.0f));
    heading(_("Agenda"));
    drawAgendaTable(session, ctx);
    ImGui::EndChild();
    ImGui::SameLine(0.0f, em(1.0f));
    beginPanel("agenda-facts", factsWidth);
    if (ctx.timer) {
        ctx.timer->drawBig(session, ctx.time, ctx.submit, ctx.presentation);
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
    }
    drawSessionFacts(session, ctx);
    if (!ctx.presentation) {
        ImGui::Spacing();
        m_library.draw(session, ctx);
    }
    endPanel();
}

} // namespace lernraum::ui
