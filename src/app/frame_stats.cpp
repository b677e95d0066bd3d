// Per-frame wall and CPU time of the GUI; see frame_stats.hpp.

#include "frame_stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace lernraum::app {

namespace {

double seconds(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

constexpr std::size_t kMaxSamples = 200000; // about an hour of continuous drawing

} // namespace

FrameSummary summarize(std::vector<double> values) {
    if (values.empty()) return {};
    std::sort(values.begin(), values.end());
    auto rank = [&](double p) {
        const auto i = static_cast<std::size_t>(std::lround(p / 100.0 * static_cast<double>(values.size() - 1)));
        return values[std::min(i, values.size() - 1)];
    };
    return FrameSummary{rank(50), rank(95), values.back()};
}

void FrameStats::begin() {
    m_wallStart = seconds(CLOCK_MONOTONIC);
    m_cpuStart = seconds(CLOCK_THREAD_CPUTIME_ID); // this (the GUI) thread only, not the server's
    m_presentStart = m_presentEnd = 0.0;
    m_running = true;
}

void FrameStats::cancel() { m_running = false; }

void FrameStats::beginPresent() { m_presentStart = seconds(CLOCK_MONOTONIC); }
void FrameStats::endPresent() { m_presentEnd = seconds(CLOCK_MONOTONIC); }

void FrameStats::end() {
    if (!m_running || m_samples.size() >= kMaxSamples) return;
    m_running = false;
    const double now = seconds(CLOCK_MONOTONIC);
    const double present = m_presentStart > 0.0 ? (m_presentEnd > 0.0 ? m_presentEnd : now) - m_presentStart : 0.0;
    m_samples.push_back(Sample{m_wallStart, (now - m_wallStart) * 1000.0,
                               (seconds(CLOCK_THREAD_CPUTIME_ID) - m_cpuStart) * 1000.0, present * 1000.0});
}

std::string FrameStats::write(const std::string& path) const {
    std::vector<double> wall, cpu, present;
    for (const auto& s : m_samples) {
        wall.push_back(s.wallMs);
        cpu.push_back(s.cpuMs);
        present.push_back(s.presentMs);
    }
    const auto w = summarize(wall);
    const auto c = summarize(cpu);
    const auto p = summarize(present);
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f) return "cannot write " + path;
    std::fprintf(f, "{\"frames\": %zu,\n \"wall_ms\": {\"median\": %.3f, \"p95\": %.3f, \"max\": %.3f},\n", m_samples.size(),
                 w.median, w.p95, w.max);
    std::fprintf(f, " \"cpu_ms\": {\"median\": %.3f, \"p95\": %.3f, \"max\": %.3f},\n", c.median, c.p95, c.max);
    std::fprintf(f, " \"present_ms\": {\"median\": %.3f, \"p95\": %.3f, \"max\": %.3f},\n \"samples\": [", p.median, p.p95, p.max);
    for (std::size_t i = 0; i < m_samples.size(); ++i)
        std::fprintf(f, "%s[%.6f, %.3f, %.3f, %.3f]", i ? ",\n  " : "\n  ", m_samples[i].start, m_samples[i].wallMs,
                     m_samples[i].cpuMs, m_samples[i].presentMs);
    std::fprintf(f, "]}\n");
    return std::fclose(f) == 0 ? std::string{} : "cannot write " + path;
}

} // namespace lernraum::app
