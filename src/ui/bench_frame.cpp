#include "ui/bench_frame.hpp"

#include "ui/hyphenation.hpp"

#include "ui/headless.hpp"
#include "ui/shell.hpp"

#include <chrono>
#include <ctime>

namespace lernraum::ui {
namespace {

double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

} // namespace

double benchHeadlessFrameMs(const core::Session& session, int frames) {
    if (frames < 1) frames = 1;
    Hyphenator::instance().waitUntilLoaded(); // measure the layout users see
    HeadlessContext context(ImVec2(1920, 1080));
    Settings settings;
    Shell shell(ShellServices{}, settings);
    shell.setSession(session, {});
    shell.selectTab(Tab::Board);
    const core::Timestamp now{1'790'000'000};
    for (int i = 0; i < 3; ++i) {
        context.newFrame();
        shell.draw(0.0, now);
        context.endFrame();
    }
    const double start = cpuSeconds();
    for (int i = 0; i < frames; ++i) {
        context.newFrame();
        shell.draw(0.0, now);
        context.endFrame();
    }
    return (cpuSeconds() - start) * 1000.0 / frames;
}

} // namespace lernraum::ui
