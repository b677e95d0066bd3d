// runGui(): wires the runner (window, fonts, idle policy), the shell (document, menus, views),
// the store (load/save), settings, autosave/recovery and --screenshot together.

#include "app/gui.hpp"

#include "app/file_dialog.hpp"
#include "app/gui_export.hpp"
#include "app/document_services.hpp"
#include "app/gui_room.hpp"
#include "app/runner.hpp"
#include "core/ids.hpp"
#include "core/templates.hpp"
#include "store/assets_file.hpp"
#include "store/recovery.hpp"
#include "store/session_file.hpp"
#include "ui/hyphenation.hpp"
#include "ui/i18n.hpp"
#include "ui/retro_library.hpp"
#include "ui/settings.hpp"
#include "ui/shell.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>

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

// interactive: a real user's window (lock files, recovery copies, the desktop's file dialog);
// otherwise a --screenshot run, which writes nothing.
ui::ShellServices makeServices(const std::filesystem::path& configDir, bool interactive) {
    ui::ShellServices services;
    addDocumentServices(services, std::make_shared<store::DocumentFile>(configDir, interactive));
    services.newSession = newSession;
    addExportServices(services); // File > Export
    if (interactive) services.nativeDialog = runNativeFileDialog;
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

int runScreenshot(const GuiOptions& options) {
    // A short-lived process: the patterns from their cache file, else word by word (the same
    // breaks); compiling all of them would cost seconds. Started first, it runs beside the window.
    ui::Hyphenator::setStart(ui::Hyphenator::Start::LazyOnly);
    ui::Hyphenator::instance();
    // Deterministic pictures: default settings, nothing read from or written to the config dir.
    ui::Settings settings;
    ui::setLanguage(options.language.empty() ? "de" : options.language);
    if (!options.theme.empty()) ui::parseTheme(options.theme, settings.theme);
    loadRetroAssets();
    ui::Shell shell(makeServices({}, false), settings);
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
        auto services = room.services(shell);
        if (auto error = services.open(options.roomAddress); !error.empty()) {
            std::fprintf(stderr, "lernraum: error: %s\n", error.c_str());
            return 1;
        }
        std::printf("join: %s\n", services.info().url.c_str());
        std::fflush(stdout);
        roomPanel.show();
    }
    ui::Hyphenator::instance().waitUntilLoaded(); // the final line breaks, not the interim ones
    // A few frames let tables and auto-sized windows settle; the last one is captured.
    constexpr int kFrames = 5;
    for (int frame = 0; frame < kFrames; ++frame) {
        runner.pollEvents();
        runner.beginFrame({settings.zoom, settings.theme, shell.presentation(), false});
        shell.draw(0.0, wallClock());
        roomPanel.draw(0.0, shell.presentation());
        const bool last = frame == kFrames - 1;
        if (auto error = runner.endFrame(last ? options.screenshotPath : std::string{}); !error.empty()) {
            std::fprintf(stderr, "lernraum: %s: error: %s\n", options.screenshotPath.c_str(), error.c_str());
            return 1;
        }
    }
    return 0;
}

int runInteractive(const GuiOptions& options) {
    const std::filesystem::path configDir = ui::configDirectory();
    const std::filesystem::path settingsFile = configDir.empty() ? std::filesystem::path{} : configDir / "settings.ini";
    ui::Settings settings = settingsFile.empty() ? ui::Settings{} : ui::loadSettings(settingsFile);
    // German on the first start (and whenever the settings hold no valid language).
    if (!options.language.empty()) settings.language = options.language;
    if (settings.language.empty()) settings.language = "de";
    if (!options.theme.empty()) ui::parseTheme(options.theme, settings.theme);
    if (!ui::setLanguage(settings.language)) {
        std::fprintf(stderr, "lernraum: warning: no translations for '%s' found; showing English\n", settings.language.c_str());
    }

    loadRetroAssets();
    GuiRoom room(&Runner::wake);
    ui::RoomPanel* roomPanelPtr = nullptr;
    auto services = makeServices(configDir, true);
    services.openRoomPanel = [&roomPanelPtr] {
        if (roomPanelPtr) roomPanelPtr->show();
    };
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

    std::optional<store::RecoveryOffer> recovery = store::findRecovery(configDir, shell.path());
    if (recovery) shell.offerRecovery(recovery->session, recovery->savedAt);

    Runner runner;
    RunnerOptions ro;
    ro.width = options.width > 0 ? options.width : settings.windowWidth;
    ro.height = options.height > 0 ? options.height : settings.windowHeight;
    ro.title = shell.windowTitle();
    if (!configDir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(configDir, ec);
        ro.iniPath = (configDir / "imgui.ini").string();
    }
    if (auto error = runner.open(ro); !error.empty()) {
        std::fprintf(stderr, "lernraum: error: %s\n", error.c_str());
        return 1;
    }
    runner.onKey = [&shell](const ui::KeyChord& chord) { shell.queueKey(chord); };
    // The hyphenation patterns load in the background; lay the text out again once they are there.
    ui::Hyphenator::setOnLoaded(&Runner::wake);
    ui::Hyphenator::instance();
    runner.onCloseRequest = [&shell] { shell.requestClose(); };

    store::Autosaver autosaver(configDir);
    bool recoveryPending = recovery.has_value();
    while (!shell.wantsQuit()) {
        runner.waitForEvents(shell.timerRunning() || autosaver.pending(shell.isDirty(), shell.history().version()) ||
                             room.waitingForFirstDevice(shell));
        room.pump(shell, wallClock()); // participants' requests, on this thread, through the undo history
        runner.beginFrame({settings.zoom, settings.theme, shell.presentation(), shell.fullscreen()});
        shell.draw(runner.time(), wallClock());
        roomPanel.draw(runner.time(), shell.presentation());
        // While something is dragged, keep drawing: the board scrolls under a card held at its edge.
        if (ImGui::GetDragDropPayload() != nullptr) runner.keepRendering(1);
        runner.endFrame();
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
    }
    ui::Hyphenator::setOnLoaded({}); // the window is about to go away
    if (!runner.isFullscreen()) {
        settings.windowWidth = runner.windowWidth();
        settings.windowHeight = runner.windowHeight();
    }
    if (!settingsFile.empty() && !ui::saveSettings(settings, settingsFile)) {
        std::fprintf(stderr, "lernraum: warning: cannot write %s\n", settingsFile.string().c_str());
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
