// runGui(): wires the runner (window, fonts, idle policy), the shell (document, menus, views),
// the store (load/save), settings, autosave/recovery and --screenshot together.

#include "app/gui.hpp"

#include "app/audience_window.hpp"
#include "app/file_dialog.hpp"
#include "app/frame_stats.hpp"
#include "app/gui_export.hpp"
#include "app/document_services.hpp"
#include "app/import_services.hpp"
#include "app/gui_room.hpp"
#include "app/line_reader.hpp"
#include "app/runner.hpp"
#include "app/user_files.hpp"
#include "core/ids.hpp"
#include "core/templates.hpp"
#include "store/assets_file.hpp"
#include "store/recovery.hpp"
#include "store/session_file.hpp"
#include "ui/hyphenation.hpp"
#include "ui/audience_view.hpp"
#include "ui/i18n.hpp"
#include "ui/retro_library.hpp"
#include "ui/settings.hpp"
#include "ui/shell.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>

#include <unistd.h>

namespace lernraum::app {
namespace {

core::Timestamp wallClock() {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    return core::Timestamp{now.count()};
}

core::Session newSession() {
    auto ids = core::IdGenerator::fromRandomDevice();
    return core::makeEmptySession(_("New workshop"), wallClock().date(), ids);
}

// interactive: a real user's window (lock files, recovery copies in stateDir, the desktop's file
// dialog); otherwise a --screenshot run, which writes nothing.
ui::ShellServices makeServices(const std::filesystem::path& stateDir, bool interactive) {
    ui::ShellServices services;
    addDocumentServices(services, std::make_shared<store::DocumentFile>(stateDir, interactive));
    services.newSession = newSession;
    addExportServices(services); // File > Export
    addImportServices(services); // Board menu > Import board
    if (interactive) services.nativeDialog = std::make_shared<DesktopFileDialog>(&Runner::wake);
    return services;
}

// Retrospective formats and the activity library from the assets (build tree or install prefix).
void loadRetroAssets() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    auto load = store::findRetroLibrary(ec ? std::filesystem::path{} : exe.parent_path());
    for (const auto& error : load.errors) std::fprintf(stderr, "lernraum: warning: %s\n", error.c_str());
    ui::setRetroLibrary(std::move(load.library));
}

ui::Tab tabFrom(const std::string& name, ui::Tab fallback) { return ui::parseTab(name).value_or(fallback); }

std::string audienceTitle() { return std::string(_("Audience window")) + " \xE2\x80\x93 Lernraum"; }

// The audience window (View > Audience window, F5) next to the main window: opens and closes it
// as the shell's AudienceState asks, freezes its view, draws the facilitator's preview and
// controls, and draws the room's frame. Called between the main window's frame start and end.
class AudiencePair {
public:
    AudiencePair(Runner& runner, ui::Shell& shell, ui::AudienceState& state) : m_runner(runner), m_shell(shell), m_state(state) {
        m_window.onEvent = [&runner] { runner.keepRendering(3); };
        m_window.onKey = [&shell](const ui::KeyChord& chord) { shell.queueKey(chord); };
    }

    [[nodiscard]] bool isOpen() const { return m_window.isOpen(); }

    // Before the frame: match the window to the state (also after its close button or an
    // unplugged monitor).
    void update(bool onMonitor, int width = 960, int height = 540) {
        m_state.monitors = AudienceWindow::monitorCount();
        m_state.connected = AudienceWindow::monitors();
        // View > Audience monitor: a chosen monitor that is gone falls back to automatic.
        if (!m_state.monitor.empty() &&
            std::none_of(m_state.connected.begin(), m_state.connected.end(), [&](const ui::AudienceMonitor& m) { return m.name == m_state.monitor; })) {
            m_state.monitor.clear();
        }
        if (m_window.closeRequested()) m_state.open = false;
        if (m_state.open && m_window.isOpen() && onMonitor && m_state.monitor != m_placedOn) {
            m_window.moveTo(m_runner.window(), m_state.monitor, width, height);
            m_placedOn = m_state.monitor;
        }
        if (m_state.open == m_window.isOpen()) return;
        if (m_state.open) {
            m_placedOn = m_state.monitor;
            if (auto error = m_window.open(m_runner.window(), audienceTitle(), width, height, onMonitor, m_state.monitor); !error.empty()) {
                std::fprintf(stderr, "lernraum: warning: %s\n", error.c_str());
                m_state.open = false;
            }
        } else {
            m_window.close();
            m_state.preview = nullptr;
            m_state.frozen = false;
            m_view.thaw();
        }
    }

    // Within the main window's frame, after the shell drew: the controls, then the room's frame.
    std::string draw(ui::Settings& settings, const ui::RoomPanelInfo& room, double time, const std::string& screenshot = {}) {
        if (!m_window.isOpen()) return {};
        if (m_state.frozen != m_view.frozen()) {
            if (m_state.frozen) {
                m_view.freeze(m_shell.session(), m_shell.follow());
            } else {
                m_view.thaw();
            }
        }
        if (!m_shell.presentation()) ui::drawAudienceControls(m_state, settings.roomSize, room.open);
        const ui::AudienceFollow follow = m_shell.follow();
        const ui::RoomPanelInfo* join = m_state.joinPanel ? &room : nullptr;
        std::string error = m_window.frame(settings.theme, settings.roomSize, time, [&] {
            m_view.draw(m_shell.session(), follow, &m_shell.timer(), time, wallClock(), join);
        }, screenshot);
        m_state.preview = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(m_window.previewTexture()));
        m_state.previewAspect = m_window.aspect();
        dumpForEndToEndTests();
        return error;
    }

private:
    // tests/e2e/audience_window.sh: with LERNRAUM_E2E_AUDIENCE=FILE set, one line a frame says
    // what each window showed: "FRAME main=TITLE audience=TITLE tab=TAB".
    void dumpForEndToEndTests() {
        static const char* const path = std::getenv("LERNRAUM_E2E_AUDIENCE");
        if (!path || !*path) return;
        if (std::FILE* f = std::fopen(path, "a")) {
            std::fprintf(f, "%ld main=%s audience=%s tab=%s\n", ++m_frames, m_shell.session().title.c_str(),
                         m_view.shownTitle().c_str(), std::string(ui::toName(m_view.shownTab())).c_str());
            std::fclose(f);
        }
    }

    long m_frames = 0;
    std::string m_placedOn; // the monitor choice the open window was placed by
    Runner& m_runner;
    ui::Shell& m_shell;
    ui::AudienceState& m_state;
    AudienceWindow m_window;
    ui::AudienceView m_view;
};

int runScreenshot(const GuiOptions& options) {
    // A short-lived process: the patterns from their cache file, else word by word (the same
    // breaks); compiling all of them would cost seconds. Started first, it runs beside the window.
    ui::Hyphenator::setStart(ui::Hyphenator::Start::LazyOnly);
    ui::Hyphenator::instance();
    // Deterministic pictures: default settings, nothing read from or written to the config dir.
    ui::Settings settings;
    ui::setLanguage(options.language.empty() ? "de" : options.language);
    if (!options.theme.empty()) ui::parseTheme(options.theme, settings.theme);
    if (!options.roomSize.empty()) ui::parseRoomSize(options.roomSize, settings.roomSize);
    loadRetroAssets();
    ui::AudienceState audienceState;
    audienceState.open = options.audience;
    auto shellServices = makeServices({}, false);
    if (options.audience) shellServices.audience = &audienceState;
    ui::Shell shell(std::move(shellServices), settings);
    shell.setSession(newSession(), {});
    if (!options.file.empty()) shell.openFile(options.file);
    shell.selectTab(tabFrom(options.view, ui::Tab::Agenda));
    shell.setPresentation(options.presentation);
    if (options.dialog == "workshop-data") shell.editWorkshopData();
    if (options.dialog == "follow-up") shell.openFollowUpDialog(wallClock().date());

    Runner runner;
    RunnerOptions ro;
    ro.width = options.width > 0 ? options.width : 1920;
    ro.height = options.height > 0 ? options.height : 1080;
    ro.title = shell.windowTitle();
    if (auto error = runner.open(ro); !error.empty()) {
        std::fprintf(stderr, "lernraum: error: %s\n", error.c_str());
        return 1;
    }
    // The join panel of the participants' room, opened on the given address (never by default).
    GuiRoom room([] {});
    ui::RoomPanel roomPanel(room.services(shell));
    if (!options.roomAddress.empty()) {
        if (auto error = room.openFromCommandLine(shell, options.roomAddress); !error.empty()) {
            std::fprintf(stderr, "lernraum: error: %s\n", error.c_str());
            return 1;
        }
        roomPanel.show();
    }
    ui::Hyphenator::instance().waitUntilLoaded(); // the final line breaks, not the interim ones
    // --audience: the room's window beside this one, the same size (not on a monitor: deterministic).
    AudiencePair audience(runner, shell, audienceState);
    const auto roomServices = room.services(shell);
    // A few frames let tables and auto-sized windows settle; the last one is captured.
    constexpr int kFrames = 5;
    for (int frame = 0; frame < kFrames; ++frame) {
        runner.pollEvents();
        audience.update(false, ro.width, ro.height);
        if (options.audience && !audienceState.open) {
            std::fprintf(stderr, "lernraum: error: cannot open the audience window\n");
            return 1;
        }
        runner.beginFrame({settings.zoom, settings.theme, shell.presentation(), false, settings.roomSize});
        shell.draw(0.0, wallClock());
        roomPanel.draw(0.0, shell.presentation());
        const bool last = frame == kFrames - 1;
        const std::string audiencePath = last && options.audience ? options.screenshotPath : std::string{};
        const std::string mainPath = !last ? std::string{} : options.audience ? options.mainScreenshot : options.screenshotPath;
        if (auto error = audience.draw(settings, roomServices.info ? roomServices.info() : ui::RoomPanelInfo{}, 0.0, audiencePath);
            !error.empty()) {
            std::fprintf(stderr, "lernraum: %s: error: %s\n", audiencePath.c_str(), error.c_str());
            return 1;
        }
        if (auto error = runner.endFrame(mainPath); !error.empty()) {
            std::fprintf(stderr, "lernraum: %s: error: %s\n", mainPath.c_str(), error.c_str());
            return 1;
        }
    }
    return 0;
}

int runInteractive(const GuiOptions& options) {
    const UserFiles files = prepareUserFiles(); // XDG config and state directories
    ui::Settings settings = ui::loadSettings(files.settingsFile, files.stateFile);
    // German on the first start (and whenever the settings hold no valid language).
    if (!options.language.empty()) settings.language = options.language;
    if (settings.language.empty()) settings.language = "de";
    if (!options.theme.empty()) ui::parseTheme(options.theme, settings.theme);
    if (!options.roomSize.empty()) ui::parseRoomSize(options.roomSize, settings.roomSize);
    if (!ui::setLanguage(settings.language)) {
        std::fprintf(stderr, "lernraum: warning: no translations for '%s' found; showing English\n", settings.language.c_str());
    }

    loadRetroAssets();
    GuiRoom room(&Runner::wake);
    ui::RoomPanel* roomPanelPtr = nullptr;
    auto services = makeServices(files.stateDir, true);
    services.openRoomPanel = [&roomPanelPtr] {
        if (roomPanelPtr) roomPanelPtr->show();
    };
    ui::AudienceState audienceState;
    services.audience = &audienceState;
    ui::Shell shell(std::move(services), settings);
    ui::RoomPanel roomPanel(room.services(shell));
    roomPanelPtr = &roomPanel;
    shell.setSession(newSession(), {});
    if (!options.file.empty()) {
        std::error_code ec;
        const auto absolute = std::filesystem::absolute(options.file, ec);
        shell.openFile(ec ? options.file : absolute.string());
    }
    if (!options.view.empty()) shell.selectTab(tabFrom(options.view, ui::Tab::Agenda));
    shell.setPresentation(options.presentation);

    std::optional<store::RecoveryOffer> recovery = store::findRecovery(files.stateDir, shell.path());
    if (recovery) shell.offerRecovery(recovery->session, recovery->savedAt);

    Runner runner;
    RunnerOptions ro;
    ro.width = options.width > 0 ? options.width : settings.windowWidth;
    ro.height = options.height > 0 ? options.height : settings.windowHeight;
    ro.title = shell.windowTitle();
    ro.iniPath = files.imguiIni.string();
    if (auto error = runner.open(ro); !error.empty()) {
        std::fprintf(stderr, "lernraum: error: %s\n", error.c_str());
        return 1;
    }
    runner.onKey = [&shell](const ui::KeyChord& chord) { shell.queueKey(chord); };
    // The hyphenation patterns load in the background; lay the text out again once they are there.
    ui::Hyphenator::setOnLoaded(&Runner::wake);
    ui::Hyphenator::instance();
    runner.onCloseRequest = [&shell] { shell.requestClose(); };
    // Asked for on the command line only (--room ADDR): the room never opens by itself.
    if (!options.roomAddress.empty()) {
        if (auto error = room.openFromCommandLine(shell, options.roomAddress); !error.empty()) {
            std::fprintf(stderr, "lernraum: error: %s\n", error.c_str());
            return 1;
        }
        roomPanel.show();
    }
    std::unique_ptr<LineReader> roomCommands; // --room-commands: the facilitator on stdin (scripted tests)
    if (options.roomCommands) roomCommands = std::make_unique<LineReader>(STDIN_FILENO, &Runner::wake);
    FrameStats frameStats;

    store::Autosaver autosaver(files.stateDir);
    bool recoveryPending = recovery.has_value();
    // Participants' requests are answered as soon as they arrive, but a frame asked for only by
    // the room's requests (no input, no timer) is put off: at least 0.1 s between such frames,
    // and twice the last frame's duration (at most 0.5 s), so that at least half of the time stays
    // free for answering. 60 phones writing at once would otherwise re-render the whole window per
    // request, and with a slow (software) renderer every request would wait for the frame in
    // progress (docs/benchmarks.md). Input is drawn at once, as always.
    AudiencePair audience(runner, shell, audienceState); // destroyed before the runner
    const auto roomServices = room.services(shell);
    double lastFrame = -1.0;
    double wakeFrameInterval = 0.1;
    double frameDue = -1.0; // a put-off frame is drawn then at the latest
    while (!shell.wantsQuit()) {
        // Idle: block until input; with a running timer, wake when its displayed second changes
        // (a few ms late, so the new second shows), else once a second while something is due;
        // a frame put off for the room (see above) is due at frameDue.
        double wake = shell.timerRunning() ? shell.secondsUntilTimerChanges(runner.time()) + 0.005 : -1.0;
        if (autosaver.pending(shell.isDirty(), shell.history().version()) || room.waitingForFirstDevice(shell))
            wake = wake < 0.0 ? 1.0 : std::min(wake, 1.0);
        if (frameDue >= 0.0) {
            const double due = std::max(0.0, frameDue - runner.time());
            wake = wake < 0.0 ? due : std::min(wake, due);
        }
        runner.waitForEventsTimeout(wake);
        frameStats.begin();
        // Participants' requests, on this thread, through the undo history.
        const bool roomChanged = room.pump(shell, wallClock());
        if (roomCommands)
            for (const auto& line : roomCommands->take()) room.command(shell, line);
        if (roomChanged && !runner.wantsFrame() && !shell.wantsQuit() && runner.time() < lastFrame + wakeFrameInterval) {
            frameDue = lastFrame + wakeFrameInterval;
            frameStats.cancel();
            continue;
        }
        frameDue = -1.0;
        lastFrame = runner.time();
        audience.update(true);
        runner.beginFrame({settings.zoom, settings.theme, shell.presentation(), shell.fullscreen(), settings.roomSize});
        const bool fileDialogWasOpen = shell.fileDialogOpen();
        shell.draw(runner.time(), wallClock());
        // The desktop's dialog opened or ended (its thread woke us for one frame): let popups settle.
        if (shell.fileDialogOpen() != fileDialogWasOpen) runner.keepRendering(3);
        roomPanel.draw(runner.time(), shell.presentation());
        audience.draw(settings, roomServices.info ? roomServices.info() : ui::RoomPanelInfo{}, runner.time());
        // While something is dragged, keep drawing: the board scrolls under a card held at its edge.
        if (ImGui::GetDragDropPayload() != nullptr) runner.keepRendering(1);
        frameStats.beginPresent();
        runner.setFullRedraw(audience.isOpen()); // the preview's pixels change under the same draw data
        runner.endFrame();
        frameStats.endPresent();
        runner.setTitle(shell.windowTitle());
        if (recoveryPending && shell.modal() != ui::Modal::Recovery) {
            // Answered: restored copies are rewritten by autosave; declined ones are kept aside.
            recoveryPending = false;
            if (!shell.isDirty()) store::keepDeclined(recovery->file);
        }
        if (auto error = autosaver.tick(runner.time(), shell.session(), shell.path(), shell.isDirty(),
                                        shell.history().version());
            !error.empty()) {
            std::fprintf(stderr, "lernraum: warning: recovery copy: %s\n", error.c_str());
        }
        wakeFrameInterval = std::clamp(2.0 * (runner.time() - lastFrame), 0.1, 0.5);
        frameStats.end();
    }
    if (!options.frameStatsPath.empty()) {
        if (auto error = frameStats.write(options.frameStatsPath); !error.empty())
            std::fprintf(stderr, "lernraum: warning: %s\n", error.c_str());
    }
    ui::Hyphenator::setOnLoaded({}); // the window is about to go away
    if (!runner.isFullscreen()) {
        settings.windowWidth = runner.windowWidth();
        settings.windowHeight = runner.windowHeight();
    }
    if (!ui::saveSettings(settings, files.settingsFile, files.stateFile)) {
        std::fprintf(stderr, "lernraum: warning: cannot write %s\n", files.stateFile.string().c_str());
    }
    return 0;
}

} // namespace

int runGui(const GuiOptions& options) {
    int code = 1;
    try {
        code = options.screenshotPath.empty() ? runInteractive(options) : runScreenshot(options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "lernraum: error: %s\n", e.what());
    }
    // Everything is saved and the window is gone. A quit within the first seconds must not wait for
    // the hyphenation patterns still being compiled on their thread (seconds on a busy machine;
    // the Hyphenator's destructor would join it): leave without running static destructors.
    if (ui::Hyphenator::instance().busy()) {
        std::fflush(nullptr);
        std::_Exit(code);
    }
    return code;
}

} // namespace lernraum::app
