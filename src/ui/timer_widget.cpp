#include "ui/timer_widget.hpp"

#include "core/commands.hpp"
#include "core/formats.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace lernraum::ui {
namespace {

ImVec4 clockColour(const core::Timer& t, double time) {
    const Palette& p = palette();
    switch (t.warning(time)) {
    case core::TimerWarning::Zero: return t.flashOn(time) ? p.warning : p.text;
    case core::TimerWarning::LastMinute: return p.warning;
    case core::TimerWarning::None: break;
    }
    return t.running() ? p.accent : p.text;
}

} // namespace

void WorkshopTimer::follow(const core::Session& session, double time, const Submit& submit) {
    m_session = &session;
    const core::AgendaItem* current = core::currentAgendaItem(session);
    const core::Id target = current ? current->id : core::Id{};
    if (!m_following || target != m_timer.target()) {
        if (m_following) record(time, submit);
        // An item that already used part of its timebox (an earlier stretch, a reopened file)
        // continues with what is left of it.
        m_alreadyUsed = current ? current->usedSeconds : 0;
        m_timer.retarget(target, timeboxOf(current), time);
        m_recorded = 0;
        m_following = true;
    } else if (timeboxOf(current) != m_timer.timebox()) {
        m_timer.setTimebox(timeboxOf(current)); // the item's timebox was edited
    }
}

int WorkshopTimer::timeboxOf(const core::AgendaItem* item) const {
    if (!item || item->timeboxMinutes <= 0) return 0;
    // At least one second, so an overrun item still counts down (to below zero), not up.
    return std::max(1, item->timeboxMinutes * 60 - m_alreadyUsed);
}

void WorkshopTimer::record(double time, const Submit& submit) {
    if (!m_session || m_timer.target().empty()) return;
    const int elapsed = static_cast<int>(std::floor(m_timer.elapsed(time)));
    const int delta = elapsed - m_recorded;
    if (delta <= 0) return;
    bool exists = false;
    for (const auto& item : m_session->agenda) exists = exists || item.id == m_timer.target();
    if (!exists) return;
    submit(core::addUsedSeconds(*m_session, m_timer.target(), delta));
    m_recorded = elapsed;
}

void WorkshopTimer::toggle(double time, const Submit& submit) {
    if (m_timer.running()) {
        m_timer.pause(time);
        record(time, submit);
    } else {
        m_timer.start(time);
    }
}

void WorkshopTimer::reset(double time, const Submit& submit) {
    record(time, submit);
    m_timer.reset();
    m_recorded = 0;
    m_alreadyUsed = 0; // the full timebox again
    if (m_session) m_timer.setTimebox(timeboxOf(core::currentAgendaItem(*m_session)));
}

void WorkshopTimer::clear() {
    m_timer = core::Timer{};
    m_session = nullptr;
    m_recorded = 0;
    m_alreadyUsed = 0;
    m_following = false;
}

float WorkshopTimer::width() const {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttons = std::max(ImGui::CalcTextSize(_("Start")).x, ImGui::CalcTextSize(_("Pause")).x) +
                          ImGui::CalcTextSize(_("Reset")).x + ImGui::CalcTextSize(_("+1 min")).x +
                          6.0f * style.FramePadding.x + 2.0f * style.ItemSpacing.x;
    float clock = 0.0f;
    {
        FontScope font(fonts().title);
        clock = ImGui::CalcTextSize("-00:00").x;
    }
    return std::max(buttons, clock) + em(0.5f);
}

void WorkshopTimer::drawButtons(double time, const Submit& submit) {
    if (button(m_timer.running() ? _("Pause") : _("Start"))) toggle(time, submit);
    ImGui::SameLine();
    if (button(_("Reset"))) reset(time, submit);
    ImGui::SameLine();
    if (button(_("+1 min"))) addMinute();
}

void WorkshopTimer::drawCompact(double time, const Submit& submit, bool presentation) {
    ImGui::BeginGroup();
    {
        FontScope font(fonts().title);
        colouredText(clockColour(m_timer, time), formatSeconds(m_timer.remaining(time)));
        recordLastItem(std::string(_("Timer")) + ": " + formatSeconds(m_timer.remaining(time)));
    }
    if (!presentation) drawButtons(time, submit);
    ImGui::EndGroup();
}

void WorkshopTimer::drawBig(const core::Session& session, double time, const Submit& submit, bool presentation) {
    const Palette& p = palette();
    const core::AgendaItem* current = core::currentAgendaItem(session);
    const int remaining = m_timer.remaining(time);
    const core::TimerWarning warning = m_timer.warning(time);
    {
        // Readable from the back of the room: a font rasterized at the clock's size (digits only).
        // Without it (built-in font, headless tests) the title font is scaled up instead.
        ImFont* clock = presentation ? fonts().clockLarge : fonts().clock;
        const float titleScale = (presentation ? kClockLargeScale : kClockScale) / 1.7f;
        FontScope font(clock ? clock : fonts().title);
        if (!clock) ImGui::SetWindowFontScale(titleScale);
        colouredText(clockColour(m_timer, time), formatSeconds(remaining));
        recordLastItem(std::string(_("Big timer")) + ": " + formatSeconds(remaining));
        if (!clock) ImGui::SetWindowFontScale(1.0f);
    }
    if (warning == core::TimerWarning::Zero) {
        FontScope font(fonts().bold);
        colouredText(p.warning, _("Time is up"));
    } else if (warning == core::TimerWarning::LastMinute) {
        FontScope font(fonts().bold);
        colouredText(p.warning, _("Last minute"));
    }
    if (current) {
        boldText(current->title);
        std::string meta = label(current->phase);
        if (current->timeboxMinutes > 0) meta += " \xC2\xB7 " + std::to_string(current->timeboxMinutes) + " " + _("min");
        if (m_timer.extraSeconds() > 0) meta += " (+" + std::to_string(m_timer.extraSeconds() / 60) + " " + _("min") + ")";
        mutedText(meta);
    } else if (!session.agenda.empty()) {
        mutedText(_("All agenda items are done."));
    }
    if (!presentation) drawButtons(time, submit);
}

} // namespace lernraum::ui
