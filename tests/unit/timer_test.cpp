// Timer arithmetic: start/pause/reset/+1 min from passed-in steady times; idle time counts because
// elapsed time comes from the start time, not from summed frames.

#include "core/timer.hpp"

#include <catch2/catch.hpp>

using lernraum::core::Timer;
using lernraum::core::TimerWarning;

TEST_CASE("a timebox counts down from the start time and survives idle stretches", "[timer]") {
    Timer t;
    t.setTimebox(10 * 60);
    CHECK(t.remaining(100.0) == 600);
    t.start(100.0);
    CHECK(t.running());
    CHECK(t.remaining(100.0) == 600);
    CHECK(t.remaining(100.2) == 600); // rounded up: 0 only when time is really up
    CHECK(t.remaining(101.0) == 599);
    // No frame for 5 minutes (minimised window): the next reading is still right.
    CHECK(t.remaining(400.0) == 300);
    CHECK(t.elapsed(400.0) == Approx(300.0));
}

TEST_CASE("pause keeps the elapsed time, resume continues from there", "[timer]") {
    Timer t;
    t.setTimebox(300);
    t.start(0.0);
    t.pause(60.0);
    CHECK_FALSE(t.running());
    CHECK(t.remaining(60.0) == 240);
    CHECK(t.remaining(5000.0) == 240); // paused time does not count, however long
    t.start(5000.0);
    CHECK(t.remaining(5030.0) == 210);
    t.pause(5030.0);
    t.pause(6000.0); // second pause: no-op
    CHECK(t.remaining(7000.0) == 210);
    t.toggle(7000.0);
    CHECK(t.running());
    t.start(7100.0); // start while running: no-op, keeps the original start
    CHECK(t.remaining(7010.0) == 200);
}

TEST_CASE("plus one minute, reset, retarget", "[timer]") {
    Timer t;
    t.setTimebox(120);
    t.start(0.0);
    t.addMinute();
    CHECK(t.remaining(100.0) == 80);
    CHECK(t.extraSeconds() == 60);
    t.reset();
    CHECK_FALSE(t.running());
    CHECK(t.remaining(500.0) == 120);
    CHECK(t.extraSeconds() == 0);
    t.start(500.0);
    t.retarget("agenda-2", 600, 550.0);
    CHECK(t.target() == "agenda-2");
    CHECK(t.running());
    CHECK(t.remaining(560.0) == 590);
}

TEST_CASE("warnings in the last minute and at zero, flashing only while running", "[timer]") {
    Timer t;
    t.setTimebox(120);
    t.start(0.0);
    CHECK(t.warning(59.0) == TimerWarning::None);
    CHECK(t.warning(60.5) == TimerWarning::LastMinute);
    CHECK(t.warning(119.5) == TimerWarning::LastMinute);
    CHECK(t.warning(120.0) == TimerWarning::Zero);
    CHECK(t.warning(200.0) == TimerWarning::Zero);
    CHECK(t.remaining(200.0) == -80);
    CHECK(t.flashOn(120.1));
    CHECK_FALSE(t.flashOn(121.3));
    CHECK(t.flashOn(122.6));
    CHECK(t.flashOn(90.7));  // last minute: steady warning colour
    CHECK(t.flashOn(30.7));  // no warning: steady
    t.pause(200.3);
    CHECK(t.flashOn(200.3)); // paused: steady warning colour, no flashing
}

TEST_CASE("without a timebox the timer counts up and never warns, a clock going back counts as zero", "[timer]") {
    Timer t;
    t.start(10.0);
    CHECK(t.remaining(75.9) == 65);
    CHECK(t.warning(100000.0) == TimerWarning::None);
    CHECK(t.elapsed(5.0) == 0.0);
}

TEST_CASE("the idle window sleeps until the shown second changes, never past it", "[timer]") {
    Timer t;
    t.setTimebox(300);
    CHECK(t.secondsUntilChange(5.0) < 0.0); // not started: nothing changes, no wake-up
    t.start(10.25);
    CHECK(t.secondsUntilChange(10.25) == Approx(1.0));
    CHECK(t.secondsUntilChange(10.75) == Approx(0.5));
    // Just after the wake-up the display shows the next second, and the next wait is almost a second.
    const double wake = 10.75 + t.secondsUntilChange(10.75);
    CHECK(t.remaining(wake + 0.001) == t.remaining(10.75) - 1);
    CHECK(t.secondsUntilChange(wake + 0.001) == Approx(0.999));
    // Paused after 2.6 s and started again: the boundaries follow the elapsed time, not the clock.
    t.pause(12.85);
    CHECK(t.secondsUntilChange(13.0) < 0.0);
    t.start(20.0);
    CHECK(t.secondsUntilChange(20.0) == Approx(0.4));
    CHECK(t.remaining(20.0) == 298); // ceil(300 - 2.6)
    CHECK(t.remaining(20.0 + 0.4 + 0.001) == 297);
    // Counting up without a timebox changes at the same boundaries.
    Timer up;
    up.start(0.3);
    CHECK(up.secondsUntilChange(1.0) == Approx(0.3));
    CHECK(up.remaining(1.0 + 0.3 + 0.001) == up.remaining(1.0) + 1);
}
