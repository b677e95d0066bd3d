// `lernraum bench`: headless timings of what a facilitator waits for — loading and saving a large
// session, a UI frame, the research export. Figures go to docs/benchmarks.md; tests never time.

#include "cli.hpp"

#include "core/demo.hpp"
#include "core/generate.hpp"
#include "store/bench_reference.hpp"
#include "store/session_file.hpp"
#include "ui/i18n.hpp"

#ifdef LERNRAUM_HAS_GUI
#include "app/screenshot.hpp"
#include "ui/bench_frame.hpp"

#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#endif
#ifdef LERNRAUM_HAS_REPORT_BENCH
#include "report/bench_export.hpp"
#include "report/report.hpp"
#include "report/research_export.hpp"
#endif

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sys/resource.h>
#include <sys/wait.h>
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
    // The limit timed in the same run on the same input (empty: none), and which of the two
    // medians the ratio compares ("CPU" or "wall").
    std::string reference;
    double refMedian = -1;
    double refCpuMedian = -1;
    std::string ratioBasis;
    bool measured = true;
    std::string note; // why it was not measured

    Figure() = default;
    Figure(std::string n, double med, double mn, std::string u, double cpu = -1)
        : name(std::move(n)), median(med), min(mn), unit(std::move(u)), cpuMedian(cpu) {}

    [[nodiscard]] double ratio() const {
        if (!measured || reference.empty()) return -1;
        const double mine = ratioBasis == "CPU" ? cpuMedian : median;
        const double limit = ratioBasis == "CPU" ? refCpuMedian : refMedian;
        return limit > 0 && mine >= 0 ? mine / limit : -1;
    }
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
    Figure boardFrame{"board frame, " + n + " cards (shell + Board tab, headless, per frame)", median(wall),
                      *std::min_element(wall.begin(), wall.end()), "ms", median(cpu)};
    boardFrame.reference = "raw ImGui + ListClipper, the same " + std::to_string(shown) + " cards";
    boardFrame.refMedian = median(refWall);
    boardFrame.refCpuMedian = median(refCpu);
    boardFrame.ratioBasis = "CPU";
    boardFrame.measured = std::isfinite(boardFrame.cpuMedian) && std::isfinite(boardFrame.refCpuMedian) &&
                          boardFrame.refCpuMedian > 0.0 && boardFrame.cpuMedian > 0.0;
    if (!boardFrame.measured) boardFrame.note = "no CPU time measured";
    figures.push_back(std::move(boardFrame));
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

// ---------------------------------------------------------------------------------------------
// Load and save next to their limits (RapidJSON alone; the system calls of a crash-safe write),
// run after run in turn, so a busy machine slows both alike.

void addLoadSaveFigures(std::vector<Figure>& figures, const std::string& label, const core::Session& session,
                        const std::filesystem::path& file, int runs, bool& ok) {
    const std::string bytes = store::serializeSession(session, core::Timestamp{1'800'000'000});
    auto referenceFile = file;
    referenceFile += ".reference";
    std::vector<double> save, saveCpu, write, writeCpu;
    for (int i = 0; i < runs; ++i) {
        save.push_back(measureMs([&] { ok = !store::saveSession(session, file) && ok; }));
        saveCpu.push_back(lastCpuMs);
        write.push_back(measureMs([&] { ok = store::referenceWrite(referenceFile, bytes) && ok; }));
        writeCpu.push_back(lastCpuMs);
    }
    Figure saveFigure{"save " + label + " (serialize, write, fsync, rename, backup)", median(save),
                      *std::min_element(save.begin(), save.end()), "ms", median(saveCpu)};
    saveFigure.reference = "write + fsync + rename of the same bytes";
    saveFigure.refMedian = median(write);
    saveFigure.refCpuMedian = median(writeCpu);
    saveFigure.ratioBasis = "wall"; // most of a save is waiting for the disk
    figures.push_back(saveFigure);

    std::string onDisk;
    {
        std::ifstream in(file, std::ios::binary);
        onDisk.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::vector<double> load, loadCpu, parse, parseCpu;
    for (int i = 0; i < runs; ++i) {
        load.push_back(measureMs([&] { ok = store::loadSession(file).session.has_value() && ok; }));
        loadCpu.push_back(lastCpuMs);
        parse.push_back(measureMs([&] { ok = store::referenceParse(onDisk) && ok; }));
        parseCpu.push_back(lastCpuMs);
    }
    Figure loadFigure{"load " + label + " (read, parse, model, validate)", median(load),
                      *std::min_element(load.begin(), load.end()), "ms", median(loadCpu)};
    loadFigure.reference = "RapidJSON DOM parse of the same bytes, same flags";
    loadFigure.refMedian = median(parse);
    loadFigure.refCpuMedian = median(parseCpu);
    loadFigure.ratioBasis = "CPU";
    figures.push_back(loadFigure);
}

// ---------------------------------------------------------------------------------------------
// Start-up: a whole process, from exec to exit, next to a GLFW + Dear ImGui hello world that
// opens a window of the same size, draws one frame and writes it as PNG.

struct ChildRun {
    bool ok = false;
    double wallMs = 0;
    double cpuMs = 0; // user + system of the child
};

ChildRun runSelf(const std::vector<std::string>& args) {
    ChildRun run;
    std::vector<char*> argv;
    std::string exe = "/proc/self/exe";
    argv.push_back(exe.data());
    std::vector<std::string> copies(args);
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) return run;
    if (pid == 0) {
        const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
        if (null >= 0) {
            ::dup2(null, STDOUT_FILENO);
            ::dup2(null, STDERR_FILENO);
        }
        ::execv(argv[0], argv.data());
        std::_Exit(127);
    }
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {}
    run.wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    run.cpuMs = (static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                 static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
    run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return run;
}

// Adds the start-up figure. Without a display (or when a window cannot open) it is marked as
// not measured; that fails the command only when it was asked for (`required`).
void addStartupFigure(std::vector<Figure>& figures, const std::filesystem::path& dir, const std::filesystem::path& demoFile,
                      int runs, bool required, bool& ok) {
    Figure f;
    f.name = "start-up: --screenshot of the demo session, 1280x720 (exec to exit, first frame + PNG)";
    f.unit = "ms";
    f.reference = "GLFW + Dear ImGui hello world: one frame + PNG, same size";
    f.ratioBasis = "wall";
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    const auto fail = [&](std::string why) {
        f.measured = false;
        f.note = std::move(why);
        if (required) ok = false;
        figures.push_back(f);
    };
#ifndef LERNRAUM_HAS_GUI
    (void)dir, (void)demoFile, (void)runs, (void)display, (void)wayland;
    return fail("built without the GUI");
#else
    if ((display == nullptr || *display == '\0') && (wayland == nullptr || *wayland == '\0'))
        return fail("no display (set DISPLAY, e.g. under xvfb-run)");
    std::vector<double> wall, cpu, refWall, refCpu;
    const std::string png = (dir / "startup.png").string();
    for (int i = 0; i < runs; ++i) {
        const auto mine = runSelf({"--screenshot", png, "--size", "1280x720", demoFile.string()});
        const auto hello = runSelf({"bench", "--hello-world-frame", png});
        if (!mine.ok || !hello.ok) return fail(mine.ok ? "the hello world window could not open" : "the window could not open");
        wall.push_back(mine.wallMs);
        cpu.push_back(mine.cpuMs);
        refWall.push_back(hello.wallMs);
        refCpu.push_back(hello.cpuMs);
    }
    f.median = median(wall);
    f.min = *std::min_element(wall.begin(), wall.end());
    f.cpuMedian = median(cpu);
    f.refMedian = median(refWall);
    f.refCpuMedian = median(refCpu);
    figures.push_back(f);
#endif
}


// A table (or --json with the same rows): each figure with wall and CPU medians, the reference timed
// in the same run and the ratio, saying which of the two it compares.
void printFigures(const std::vector<Figure>& figures, int cards, int runs, bool json) {
    const auto number = [](double v) { return v < 0 ? std::string("null") : std::to_string(v); };
    if (json) {
        std::printf("{\n  \"cards\": %d,\n  \"runs\": %d,\n  \"figures\": [\n", cards, runs);
        for (std::size_t i = 0; i < figures.size(); ++i) {
            const auto& f = figures[i];
            std::printf("    {\"name\": \"%s\", \"measured\": %s, \"median\": %s, \"min\": %s, \"cpu_median\": %s, \"unit\": \"%s\"",
                        f.name.c_str(), f.measured ? "true" : "false", f.measured ? number(f.median).c_str() : "null",
                        f.measured ? number(f.min).c_str() : "null", f.measured ? number(f.cpuMedian).c_str() : "null",
                        f.unit.c_str());
            if (!f.reference.empty())
                std::printf(", \"reference\": \"%s\", \"reference_median\": %s, \"reference_cpu_median\": %s, \"ratio\": %s, "
                            "\"ratio_basis\": \"%s\"",
                            f.reference.c_str(), f.measured ? number(f.refMedian).c_str() : "null",
                            f.measured ? number(f.refCpuMedian).c_str() : "null", number(f.ratio()).c_str(), f.ratioBasis.c_str());
            if (!f.measured) std::printf(", \"note\": \"%s\"", f.note.c_str());
            std::printf("}%s\n", i + 1 < figures.size() ? "," : "");
        }
        std::printf("  ]\n}\n");
        return;
    }
    std::printf("Wall: elapsed time; CPU: CPU time of the measuring thread (of the child process for start-up). "
                "Set-up (generating sessions, writing input files) is not timed.\n\n");
    std::printf("%-82s %13s %13s %13s %12s\n", "figure", "wall median", "wall min", "CPU median", "ratio");
    for (const auto& f : figures) {
        if (!f.measured) {
            std::printf("%-82s %s\n", f.name.c_str(), ("not measured: " + f.note).c_str());
            continue;
        }
        std::printf("%-82s %9.2f %-3s %9.2f %-3s", f.name.c_str(), f.median, f.unit.c_str(), f.min, f.unit.c_str());
        if (f.cpuMedian >= 0) std::printf(" %9.2f %-3s", f.cpuMedian, f.unit.c_str());
        else std::printf(" %13s", "");
        if (f.ratio() >= 0) std::printf(" %6.2f %-5s", f.ratio(), f.ratioBasis.c_str());
        std::printf("\n");
        if (!f.reference.empty())
            std::printf("  %-80s %9.2f %-3s %13s %9.2f %-3s\n", ("reference: " + f.reference).c_str(), f.refMedian,
                        f.unit.c_str(), "", f.refCpuMedian, f.unit.c_str());
    }
}

#ifdef LERNRAUM_HAS_GUI
// The hello world of the start-up reference: a window, one Dear ImGui frame, a PNG. Exit code 1
// when no window can open.
int helloWorldFrame(const std::string& png) {
    constexpr int kWidth = 1280, kHeight = 720;
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(kWidth, kHeight, "hello", nullptr, nullptr);
    if (window == nullptr) {
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("Hello");
    ImGui::TextUnformatted("Hello, world!");
    ImGui::End();
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.2f, 0.2f, 0.2f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const std::string error = writeFramebufferPng(png, width, height);
    glfwSwapBuffers(window);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return error.empty() ? 0 : 1;
}
#endif

} // namespace

void registerBenchCommand(CLI::App& app, CliContext& ctx) {
    struct Args {
        int cards = 10000;
        int runs = 5;
        bool json = false;
        bool startup = false;
        int exportSessions = 1000;
        std::string helloWorldPng;
        std::vector<std::string> only; // figure groups; empty = all
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("bench", _("Timings next to their limits: load/save, start-up, UI frame, research export"));
    cmd->add_option("--cards", args->cards, _("Cards in the generated large session"))->check(CLI::Range(1, 200000));
    cmd->add_option("--runs", args->runs, _("Repetitions per figure (the median is reported)"))->check(CLI::Range(1, 1000));
    cmd->add_flag("--json", args->json, _("Print the figures as JSON"));
    cmd->add_flag("--startup", args->startup,
                  _("Require the start-up figure (needs a display); without this flag it is measured when a display is there"));
    cmd->add_option("--export-sessions", args->exportSessions, _("Sessions in the research export figure (default 1000)"))
        ->check(CLI::Range(1, 100000));
    cmd->add_option("--only", args->only, _("Only these groups of figures: files, startup, frame, export (default: all)"))
        ->delimiter(',')
        ->check(CLI::IsMember({"files", "startup", "frame", "export"}));
    cmd->add_option("--hello-world-frame", args->helloWorldPng, _("Internal: the start-up reference (one frame, written as PNG)"))
        ->group("");
    cmd->callback([args, &ctx] {
        namespace fs = std::filesystem;
        if (!args->helloWorldPng.empty()) {
#ifdef LERNRAUM_HAS_GUI
            ctx.exitCode = helloWorldFrame(args->helloWorldPng);
#else
            ctx.exitCode = kExitFailed;
#endif
            return;
        }
        const auto want = [&](const char* group) {
            return args->only.empty() || std::find(args->only.begin(), args->only.end(), group) != args->only.end();
        };
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
                                                   std::tuple{std::to_string(args->cards) + "-card session", &big, bigFile}})
            if (want("files")) addLoadSaveFigures(figures, label, *session, file, args->runs, ok);
            else ok = !store::saveSession(*session, file) && ok; // the start-up figure opens the demo file
        if (want("startup") || args->startup) addStartupFigure(figures, dir, demoFile, std::min(args->runs, 5), args->startup, ok);
        {
            // A session the store refused to write (over the size cap) has no size: marked, and the command fails.
            std::error_code error;
            const auto bytes = fs::file_size(bigFile, error);
            Figure size{"file size of the " + std::to_string(args->cards) + "-card session",
                        static_cast<double>(bytes) / (1024.0 * 1024.0), static_cast<double>(bytes) / (1024.0 * 1024.0), "MiB"};
            size.measured = !error;
            if (error) {
                size.note = "the session was not written";
                ok = false;
            }
            figures.push_back(std::move(size));
        }
#ifdef LERNRAUM_HAS_GUI
        // benchHeadlessFrameMs returns the mean frame time; CPU time per frame is derived from the
        // CPU time of the whole call.
        if (want("frame")) figures.push_back(repeat("UI frame, demo session, 1920x1080, headless", args->runs, [&] {
            double frame = 0;
            measureMs([&] { frame = ui::benchHeadlessFrameMs(demo, 200); });
            lastCpuMs /= 200;
            return frame;
        }));
        if (want("frame")) addBoardFigures(figures, args->cards, args->runs);
#else
        if (want("frame")) {
            Figure board{"board frame, " + std::to_string(args->cards) + " cards", 0, 0, "ms"};
            board.measured = false;
            board.note = "built without the GUI";
            ok = false;
            figures.push_back(std::move(board));
        }
#endif
#ifdef LERNRAUM_HAS_REPORT_BENCH
        if (want("export")) figures.push_back(repeat("research export of " + std::to_string(args->exportSessions) +
                                     " sessions with text (load + export + write), " +
                                     std::to_string(report::exportThreads(0)) + " threads",
                                 std::min(args->runs, 3), [&] {
                                     double seconds = 0;
                                     measureMs([&] { seconds = report::benchResearchExportSeconds(args->exportSessions); });
                                     lastCpuMs = -1; // the work runs on other threads too
                                     return seconds * 1000.0;
                                 }));
        // Items × groups: n items in n groups, for n and 2n. n log n work gives a ratio near 2 between
        // the two rows; the quadratic code this replaced gave 4 (and 416 s for a 29 MiB file).
        for (const int n : {10000, 20000}) {
            if (!want("export")) break;
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

        printFigures(figures, args->cards, args->runs, args->json);
        ctx.exitCode = ok ? kExitOk : kExitFailed;
    });
}

} // namespace lernraum::app
