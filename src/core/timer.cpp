#include "timer.hpp"

#include <cmath>

namespace lernraum::core {

void Timer::start(double now) {
    if (m_running) return;
    m_running = true;
    m_startedAt = now;
}

void Timer::pause(double now) {
    if (!m_running) return;
    m_before = elapsed(now);
    m_running = false;
}

void Timer::reset() {
    m_running = false;
    m_before = 0.0;
    m_extra = 0;
}

void Timer::retarget(const Id& target, int timeboxSeconds, double now) {
    m_target = target;
    setTimebox(timeboxSeconds);
    m_before = 0.0;
    m_extra = 0;
    m_startedAt = now;
}

double Timer::elapsed(double now) const {
    double e = m_before;
    if (m_running && now > m_startedAt) e += now - m_startedAt;
    return e < 0.0 ? 0.0 : e;
}

int Timer::remaining(double now) const {
    const double e = elapsed(now);
    if (m_timebox == 0) return static_cast<int>(std::floor(e));
    return static_cast<int>(std::ceil(static_cast<double>(m_timebox + m_extra) - e));
}

TimerWarning Timer::warning(double now) const {
    if (m_timebox == 0) return TimerWarning::None;
    const int left = remaining(now);
    if (left <= 0) return TimerWarning::Zero;
    if (left <= 60) return TimerWarning::LastMinute;
    return TimerWarning::None;
}

double Timer::secondsUntilChange(double now) const {
    if (!m_running) return -1.0;
    const double e = elapsed(now);
    return std::floor(e) + 1.0 - e; // remaining() and flashOn() change at whole seconds of elapsed time
}

bool Timer::flashOn(double now) const {
    // Only at zero, and slow enough (one second on, one off) for a window that redraws once a second.
    if (warning(now) != TimerWarning::Zero || !m_running) return true;
    return std::fmod(elapsed(now), 2.0) < 1.0;
}

} // namespace lernraum::core
