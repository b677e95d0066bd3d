// `lernraum bench`: headless timings of what a facilitator waits for — loading and saving a large
// session, a UI frame, the research export. Figures go to docs/benchmarks.md; tests never time.

#include "cli.hpp"

#include "core/demo.hpp"
#include "core/generate.hpp"
#include "store/session_file.hpp"

#ifdef LERNRAUM_HAS_GUI
#include "ui/bench_frame.hpp"
#endif
#ifdef LERNRAUM_HAS_REPORT_BENCH
#include "report/bench_export.hpp"
#include "report/report.hpp"
#include "report/research_export.hpp"
#include "ui/i18n.hpp"
#endif

#include <CLI/CLI.hpp>

#include <algorithm>
#include <ctime>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <unistd.h>
#include <vector>

namespace lernraum::app {

namespace {

struct Figure {
    std::string name;
    double median = 0; // wall-clock time
    double min = 0;
    std::string unit;
    double cpuMedian = -1; // CPU time of this thread (robust on a busy machine); -1 = not measured
};

double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double lastCpuMs = 0; // CPU time of the last measureMs() call

double measureMs(const std::function<void()>& work) {
    const double cpuStart = threadCpuMs();
    const auto start = std::chrono::steady_clock::now();
    work();
    lastCpuMs = threadCpuMs() - cpuStart;
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Runs `oneRun` (which calls measureMs once) `runs` times; reports wall-clock median/min and CPU median.
Figure repeat(const std::string& name, int runs, const std::function<double()>& oneRun, const std::string& unit = "ms") {
    std::vector<double> values, cpu;
    for (int i = 0; i < runs; ++i) {
        values.push_back(oneRun());
        cpu.push_back(lastCpuMs);
    }
    const double minValue = *std::min_element(values.begin(), values.end());
    return {name, median(values), minValue, unit, median(cpu)};
}

} // namespace

void registerBenchCommand(CLI::App& app, CliContext& ctx) {
    struct Args {
        int cards = 10000;
        int runs = 5;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("bench", _("Headless timings: load/save, UI frame, research export"));
    cmd->add_option("--cards", args->cards, _("Cards in the generated large session"))->check(CLI::Range(1, 200000));
    cmd->add_option("--runs", args->runs, _("Repetitions per figure (the median is reported)"))->check(CLI::Range(1, 1000));
    cmd->add_flag("--json", args->json, _("Print the figures as JSON"));
    cmd->callback([args, &ctx] {
        namespace fs = std::filesystem;
        std::vector<Figure> figures;
        const auto dir = fs::temp_directory_path() / ("lernraum-bench-" + std::to_string(::getpid()));
        fs::create_directories(dir);

        core::GenerateOptions options;
        options.cards = args->cards;
        options.seed = 42;
        const auto big = core::generateSession(options);
        const auto demo = core::makeDemoSession();
        const auto bigFile = dir / "big.lernraum";
        const auto demoFile = dir / "demo.lernraum";
        bool ok = true;

        for (const auto& [label, session, file] : {std::tuple{std::string("demo session"), &demo, demoFile},
                                                   std::tuple{std::to_string(args->cards) + "-card session", &big, bigFile}}) {
            figures.push_back(repeat("save " + label + " (serialize, write, fsync, rename)", args->runs, [&] {
                return measureMs([&] { ok = !store::saveSession(*session, file) && ok; });
            }));
            figures.push_back(repeat("load " + label + " (read, parse, validate)", args->runs, [&] {
                return measureMs([&] { ok = store::loadSession(file).session.has_value() && ok; });
            }));
        }
        figures.push_back({"file size of the " + std::to_string(args->cards) + "-card session",
                           static_cast<double>(fs::file_size(bigFile)) / (1024.0 * 1024.0),
                           static_cast<double>(fs::file_size(bigFile)) / (1024.0 * 1024.0), "MiB"});
#ifdef LERNRAUM_HAS_GUI
        // benchHeadlessFrameMs returns the mean frame time; CPU time per frame is derived from the
        // CPU time of the whole call.
        figures.push_back(repeat("UI frame, demo session, 1920x1080, headless", args->runs, [&] {
            double frame = 0;
            measureMs([&] { frame = ui::benchHeadlessFrameMs(demo, 200); });
            lastCpuMs /= 200;
            return frame;
        }));
        figures.push_back(repeat("UI frame, " + std::to_string(args->cards) + "-card board, 1920x1080, headless", args->runs, [&] {
            double frame = 0;
            measureMs([&] { frame = ui::benchHeadlessFrameMs(big, 50); });
            lastCpuMs /= 50;
            return frame;
        }));
#endif
#ifdef LERNRAUM_HAS_REPORT_BENCH
        figures.push_back(repeat("research export of 1,000 sessions (load + export)", std::min(args->runs, 3), [&] {
            double seconds = 0;
            measureMs([&] { seconds = report::benchResearchExportSeconds(1000); });
            return seconds * 1000.0;
        }));
        // Items × groups: n items in n groups, for n and 2n. n log n work gives a ratio near 2 between
        // the two rows; the quadratic code this replaced gave 4 (and 416 s for a 29 MiB file).
        for (const int n : {10000, 20000}) {
            core::GenerateOptions g;
            g.seed = 7;
            g.cards = 10;
            g.retroItems = n;
            auto session = core::generateSession(g);
            session.researchConsent = true;
            auto& retro = session.retrospectives.front();
            retro.groups.clear();
            for (std::size_t i = 0; i < retro.items.size(); ++i) {
                const std::string id = "bench-group-" + std::to_string(i);
                retro.groups.push_back({id, "Gruppe " + std::to_string(i), static_cast<int>(i % 3)});
                retro.items[i].groupId = id;
            }
            const std::string what = std::to_string(n) + " retro items in " + std::to_string(n) + " groups";
            figures.push_back(repeat("transfer report (Markdown), " + what, std::min(args->runs, 3), [&] {
                return measureMs([&] { ok = !report::renderReport({session}, {}).empty() && ok; });
            }));
            figures.push_back(repeat("research export with text, " + what, std::min(args->runs, 3), [&] {
                report::ExportOptions o;
                o.key = std::string(report::kKeyBytes, 'k');
                o.includeText = true;
                return measureMs([&] { ok = report::exportResearch({{"bench", session}}, o).exportedSessions == 1 && ok; });
            }));
        }
#endif
        fs::remove_all(dir);

        if (args->json) {
            std::printf("{\n  \"cards\": %d,\n  \"runs\": %d,\n  \"figures\": [\n", args->cards, args->runs);
            for (std::size_t i = 0; i < figures.size(); ++i)
                std::printf("    {\"name\": \"%s\", \"median\": %.3f, \"min\": %.3f, \"cpu_median\": %.3f, \"unit\": \"%s\"}%s\n",
                            figures[i].name.c_str(), figures[i].median, figures[i].min, figures[i].cpuMedian,
                            figures[i].unit.c_str(), i + 1 < figures.size() ? "," : "");
            std::printf("  ]\n}\n");
        } else {
            std::printf("%-66s %13s %13s %13s\n", "figure", "wall median", "wall min", "CPU median");
            for (const auto& f : figures) {
                std::printf("%-66s %9.2f %-3s %9.2f %-3s", f.name.c_str(), f.median, f.unit.c_str(), f.min, f.unit.c_str());
                if (f.cpuMedian >= 0) std::printf(" %9.2f %s", f.cpuMedian, f.unit.c_str());
                std::printf("\n");
            }
        }
        ctx.exitCode = ok ? kExitOk : kExitFailed;
    });
}

} // namespace lernraum::app
