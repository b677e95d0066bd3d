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
#include <cmath>
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
    // Compared with a reference measured in the same run (its own row, named here): this figure's
    // CPU median / the reference's CPU median. -1 = no reference.
    double ratio = -1;
    std::string reference{};
    bool measured = true; // false: could not be measured; printed as such, and the command exits 1
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
// The fields beyond name/median/min/cpu/unit, for --json.
std::string jsonExtras(const Figure& f) {
    std::string out;
    if (!f.measured) out += ", \"measured\": false";
    if (f.ratio >= 0) {
        char ratio[64];
        std::snprintf(ratio, sizeof ratio, "%.3f", f.ratio);
        out += std::string(", \"ratio\": ") + ratio + ", \"reference\": \"" + f.reference + "\"";
    }
    return out;
}

Figure repeat(const std::string& name, int runs, const std::function<double()>& oneRun, const std::string& unit = "ms") {
    std::vector<double> values, cpu;
    for (int i = 0; i < runs; ++i) {
        values.push_back(oneRun());
        cpu.push_back(lastCpuMs);
    }
    const double minValue = *std::min_element(values.begin(), values.end());
    return {name, median(values), minValue, unit, median(cpu)};
}

#ifdef LERNRAUM_HAS_GUI
// The board frame next to a raw Dear ImGui board with ImGuiListClipper of the same card count
// (ui::benchReferenceBoardFrame), interleaved run by run; the ratio is taken of the CPU medians.
void addBoardFigures(std::vector<Figure>& figures, int cards, int runs) {
    core::GenerateOptions options;
    options.cards = cards;
    options.boards = 1;
    options.retroItems = 10;
    options.seed = 42;
    const core::Session session = core::generateSession(options);
    const core::Board& board = session.boards.front();
    // The reference shows the same not archived cards, by column (lanes are left out).
    std::vector<std::vector<std::string>> titles(board.columns.size());
    std::size_t shown = 0;
    for (const auto& c : board.cards) {
        for (std::size_t k = 0; k < board.columns.size(); ++k) {
            if (c.archived || board.columns[k].id != c.columnId) continue;
            titles[k].push_back(c.title);
            ++shown;
        }
    }
    const int frames = 40;
    std::vector<double> wall, cpu, refWall, refCpu;
    for (int i = 0; i < runs; ++i) {
        const ui::FrameTiming t = ui::benchBoardFrame(session, frames);
        const ui::FrameTiming r = ui::benchReferenceBoardFrame(titles, frames);
        wall.push_back(t.wallMs);
        cpu.push_back(t.cpuMs);
        refWall.push_back(r.wallMs);
        refCpu.push_back(r.cpuMs);
    }
    const std::string n = std::to_string(cards);
    Figure boardFrame{"board frame, " + n + " cards (shell + Board tab, headless)", median(wall),
                      *std::min_element(wall.begin(), wall.end()), "ms", median(cpu)};
    Figure reference{"  reference: raw ImGui + ListClipper, same " + std::to_string(shown) + " cards",
                     median(refWall), *std::min_element(refWall.begin(), refWall.end()), "ms", median(refCpu)};
    boardFrame.reference = reference.name.substr(reference.name.find_first_not_of(' '));
    const bool ok = std::isfinite(boardFrame.cpuMedian) && std::isfinite(reference.cpuMedian) && reference.cpuMedian > 0.0 &&
                    boardFrame.cpuMedian > 0.0;
    boardFrame.measured = ok;
    reference.measured = ok;
    if (ok) boardFrame.ratio = boardFrame.cpuMedian / reference.cpuMedian;
    figures.push_back(std::move(boardFrame));
    figures.push_back(std::move(reference));
    // The frame after a change reads every card once (the layout is rebuilt): no reference.
    std::vector<double> changeWall, changeCpu;
    for (int i = 0; i < runs; ++i) {
        const ui::FrameTiming t = ui::benchBoardChangeFrame(session, 10);
        changeWall.push_back(t.wallMs);
        changeCpu.push_back(t.cpuMs);
    }
    figures.push_back({"board frame after a change (layout rebuilt), " + n + " cards", median(changeWall),
                       *std::min_element(changeWall.begin(), changeWall.end()), "ms", median(changeCpu)});
}
#endif

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
        {
            // A session the store refused to write (over the size cap) has no size: marked, not fatal.
            std::error_code error;
            const auto bytes = fs::file_size(bigFile, error);
            Figure size{"file size of the " + std::to_string(args->cards) + "-card session",
                        static_cast<double>(bytes) / (1024.0 * 1024.0), static_cast<double>(bytes) / (1024.0 * 1024.0), "MiB"};
            size.measured = !error;
            figures.push_back(std::move(size));
        }
#ifdef LERNRAUM_HAS_GUI
        // benchHeadlessFrameMs returns the mean frame time; CPU time per frame is derived from the
        // CPU time of the whole call.
        figures.push_back(repeat("UI frame, demo session, 1920x1080, headless", args->runs, [&] {
            double frame = 0;
            measureMs([&] { frame = ui::benchHeadlessFrameMs(demo, 200); });
            lastCpuMs /= 200;
            return frame;
        }));
        addBoardFigures(figures, args->cards, args->runs);
#else
        Figure board{"board frame, " + std::to_string(args->cards) + " cards: built without the GUI", 0, 0, "ms"};
        board.measured = false;
        figures.push_back(std::move(board));
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
                std::printf("    {\"name\": \"%s\", \"median\": %.3f, \"min\": %.3f, \"cpu_median\": %.3f, \"unit\": \"%s\"%s}%s\n",
                            figures[i].name.c_str(), figures[i].median, figures[i].min, figures[i].cpuMedian,
                            figures[i].unit.c_str(), jsonExtras(figures[i]).c_str(), i + 1 < figures.size() ? "," : "");
            std::printf("  ]\n}\n");
        } else {
            std::printf("%-66s %13s %13s %13s %9s\n", "figure", "wall median", "wall min", "CPU median", "ratio");
            for (const auto& f : figures) {
                if (!f.measured) {
                    std::printf("%-66s %13s\n", f.name.c_str(), "NOT MEASURED");
                    continue;
                }
                std::printf("%-66s %9.2f %-3s %9.2f %-3s", f.name.c_str(), f.median, f.unit.c_str(), f.min, f.unit.c_str());
                if (f.cpuMedian >= 0) std::printf(" %9.2f %s", f.cpuMedian, f.unit.c_str());
                if (f.ratio >= 0) std::printf(" %8.2fx", f.ratio);
                std::printf("\n");
            }
            std::printf("\nwall = steady clock, CPU = this thread's CPU time; frame rows are per frame with set-up\n"
                        "(session, shell, warm-up frames) excluded; ratio = CPU median / CPU median of the reference\n"
                        "row below it, measured in the same run, interleaved.\n");
        }
        for (const auto& f : figures) {
            if (!f.measured) {
                std::fprintf(stderr, "lernraum: bench: error: not measured: %s\n", f.name.c_str());
                ok = false;
            }
        }
        ctx.exitCode = ok ? kExitOk : kExitFailed;
    });
}

} // namespace lernraum::app
