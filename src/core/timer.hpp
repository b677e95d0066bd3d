#pragma once
// Timebox timer arithmetic. Times are steady (monotonic) seconds passed in by the caller; the timer
// stores when it was started and what had elapsed before, never a sum of frame times, so it stays
// right across idle or minimised windows. Pure: no clock, no GUI.
//
//   core::Timer t;
//   t.setTimebox(10 * 60);
//   t.start(now);            ... t.remaining(now), t.warning(now)
//   t.pause(now); t.start(later); t.addMinute(); t.reset();

#include "types.hpp"

namespace lernraum::core {

enum class TimerWarning { None, LastMinute, Zero };

class Timer {
public:
    // Planned seconds; 0 = no timebox (the timer counts up and never warns).
    void setTimebox(int seconds) { m_timebox = seconds < 0 ? 0 : seconds; }
    [[nodiscard]] int timebox() const { return m_timebox; }

    void start(double now);  // no-op while running
    void pause(double now);  // no-op while paused
    void toggle(double now) { running() ? pause(now) : start(now); }
    void reset();            // stopped, nothing elapsed, the extra minutes dropped
    void addMinute() { m_extra += 60; } // one more minute for this timebox
    // Forget elapsed time and extra minutes and use a new timebox (the next agenda item); a running
    // timer keeps running from `now`.
    void retarget(const Id& target, int timeboxSeconds, double now);

    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] const Id& target() const { return m_target; }
    [[nodiscard]] int extraSeconds() const { return m_extra; }
    [[nodiscard]] double elapsed(double now) const; // seconds, >= 0; a clock going back counts as 0
    // Timebox + extra minutes - elapsed, rounded up to whole seconds (so 0 shows only once the
    // time is really up); negative when over time. Without a timebox: elapsed (counting up).
    [[nodiscard]] int remaining(double now) const;
    [[nodiscard]] int shownSeconds(double now) const { return remaining(now); }
    [[nodiscard]] TimerWarning warning(double now) const;
    // Whether the warning colour is in its "on" half: at zero a running timer flashes (1 s on,
    // 1 s off); otherwise always true (the last minute shows a steady warning colour).
    [[nodiscard]] bool flashOn(double now) const;
    // Seconds from `now` until what the timer shows (shownSeconds, flashOn) next changes: the next
    // whole second of elapsed time. Negative while paused (nothing changes). An idle window sleeps
    // this long, so it redraws once per displayed second and never skips one.
    [[nodiscard]] double secondsUntilChange(double now) const;

private:
    Id m_target;
    int m_timebox = 0;
    int m_extra = 0;
    bool m_running = false;
    double m_startedAt = 0.0; // steady time of the last start
    double m_before = 0.0;    // elapsed before the last start
};

} // namespace lernraum::core
