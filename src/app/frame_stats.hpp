#pragma once
// `--frame-stats FILE`: the wall and CPU time of every GUI frame (from the end of the wait for
// events to the end of the frame: room requests, drawing, presenting, autosave), written at exit
// as a small JSON summary plus the samples, so a load script can pick the frames of its own
// time window (the sample times are CLOCK_MONOTONIC seconds, as Python's time.monotonic()):
//
//   {"frames": N, "wall_ms": {"median": M, "p95": P, "max": X}, "cpu_ms": {...},
//    "present_ms": {...}, "samples": [[t, wall_ms, cpu_ms, present_ms], ...]}
//
// present_ms is the part of the wall time spent in rendering and presenting (Runner::endFrame:
// the OpenGL draw calls and the buffer swap, which a software renderer such as Mesa's llvmpipe
// under Xvfb runs on threads of its own); cpu_ms counts the GUI thread only.

#include <string>
#include <vector>

namespace lernraum::app {

struct FrameSummary {
    double median = 0.0;
    double p95 = 0.0;
    double max = 0.0;
};
// Nearest-rank percentiles of `values` (all zero when empty).
FrameSummary summarize(std::vector<double> values);

class FrameStats {
public:
    void begin();        // after the wait for events
    void beginPresent(); // before Runner::endFrame
    void endPresent();   // after it
    void end();          // at the end of the loop iteration
    void cancel();       // no frame after all (put off, see gui.cpp)
    // Writes the JSON; returns an error message or "".
    [[nodiscard]] std::string write(const std::string& path) const;

private:
    struct Sample {
        double start = 0.0; // CLOCK_MONOTONIC seconds
        double wallMs = 0.0;
        double cpuMs = 0.0;
        double presentMs = 0.0;
    };
    std::vector<Sample> m_samples;
    double m_wallStart = 0.0;
    double m_cpuStart = 0.0;
    double m_presentStart = 0.0;
    double m_presentEnd = 0.0;
    bool m_running = false;
};

} // namespace lernraum::app
