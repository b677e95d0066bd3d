#pragma once
// The application shell every view lives in: the open document (session, file, undo history),
// menus, tabs, the header with the workshop timer, keyboard shortcuts and the modal dialogs
// (unsaved changes, load error, recovery, rename, file dialog, about, shortcuts).
//
// It knows neither GLFW nor the store: the runner feeds it key chords and the frame time, and
// loading/saving goes through ShellServices (src/app/gui.cpp wires them to the store; the UI tests
// wire them to the store or to fakes). The runner reads display() each frame and applies changes
// (zoom, theme, presentation, full screen) before the next one.

#include "core/history.hpp"
#include "core/model.hpp"
#include "ui/agenda_view.hpp"
#include "ui/audience_view.hpp"
#include "ui/board_view.hpp"
#include "ui/experiment_view.hpp"
#include "ui/export_menu.hpp"
#include "ui/follow_up_dialog.hpp"
#include "ui/keys.hpp"
#include "ui/path_dialog.hpp"
#include "ui/retro_view.hpp"
#include "ui/settings.hpp"
#include "ui/timer_widget.hpp"
#include "ui/workshop_dialog.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::ui {

struct LoadOutcome {
    std::optional<core::Session> session;
    std::string error; // the store's typed message ("FILE: error: ..."), when session is empty
    // Opened, but another Lernraum instance holds the file's lock: who ("anna @ pc-12 (...)").
    std::string heldBy;
};

struct SaveOutcome {
    enum class Status {
        Saved,
        Failed,        // error says why; nothing was replaced
        ChangedOnDisk, // the file changed on disk since it was opened or last saved: not overwritten
        ReadOnly,      // the file is read-only: not replaced
    } status = Status::Saved;
    std::string error; // the store's message ("FILE: error: ...") unless Saved
};

// What a file dialog is for: its title and the files it lists (each export has its own).
struct FileDialogRequest {
    bool save = false;
    bool folder = false;         // choose a folder (the research export), not a file
    std::string suggestion;      // file or folder to start in / name to propose
    std::string title;           // translated; "" = "Open session" / "Save session as"
    std::string filterName;      // translated, e.g. "HTML report"; "" = Lernraum sessions
    std::string pattern;         // e.g. "*.html"; "" = "*.lernraum"
};

struct NativeDialogAnswer {
    enum class Result { Chosen, Cancelled, Unavailable } result = Result::Unavailable;
    std::string path;
};

// The desktop's own file dialog (zenity, kdialog), running outside the frame so that the window
// keeps drawing while it is open (src/app/file_dialog.cpp runs it as a child process and wakes the
// main loop when it ends). One at a time: while it is open the shell shows a small waiting popup,
// takes no shortcuts and opens no second dialog.
class NativeFileDialog {
public:
    virtual ~NativeFileDialog() = default;
    // Opens the dialog and returns at once; false when there is none here (the built-in dialog is
    // used then) or one is already open.
    virtual bool start(const FileDialogRequest& request) = 0;
    // Called every frame: nullopt while the dialog is open; once it has closed, its answer, exactly
    // once. Unavailable when it could not run after all (the built-in dialog is used then).
    virtual std::optional<NativeDialogAnswer> poll() = 0;
    [[nodiscard]] virtual bool isOpen() const = 0;
    // Closes an open dialog; its answer is then Cancelled.
    virtual void cancel() = 0;
};

struct ShellServices {
    std::function<LoadOutcome(const std::string& path)> load;
    // Saves the session. Without `overwrite` a file changed on disk since it was opened or last
    // saved, or a read-only file, is not replaced (the shell then asks); with it, it is.
    std::function<SaveOutcome(const core::Session& session, const std::string& path, bool overwrite)> save;
    // Optional: the document shown is now the file `path` ("" = untitled), e.g. to move the lock file.
    std::function<void(const std::string& path)> documentChanged;
    std::function<core::Session()> newSession;
    // Optional: the desktop's file dialog (zenity, kdialog). None or unavailable -> built-in dialog.
    std::shared_ptr<NativeFileDialog> nativeDialog;
    // Optional: called after every successful save (e.g. to remove the recovery copy).
    std::function<void(const std::string& path)> onSaved;
    // Optional (File > Export): writes the transfer report of the session to path; format "html",
    // "odt" or "md", lang "de" or "en", head: the optional head fields. Returns an error message,
    // or "" when written.
    std::function<std::string(const core::Session& session, const std::string& path, std::string_view format,
                              std::string_view lang, const ReportHead& head)>
        exportReport;
    // Optional (File > Export > Open / print report): writes the HTML report to a private cache file
    // and hands it to the desktop's browser without waiting for it. Returns an error message or "".
    std::function<std::string(const core::Session& session, std::string_view lang, const ReportHead& head)> openReport;
    // Optional (File > Export): writes the research data set of the session into the directory dir.
    std::function<ResearchExportOutcome(const core::Session& session, const std::string& dir)> exportResearch;
    // Optional (View > participation by smartphone): shows the participants' room panel.
    std::function<void()> openRoomPanel;
    // Optional (View > Audience window, F5): the room's own window on a second screen, owned by the
    // app (src/app/audience_window.*). Null: no such window (tests, screenshots); F5 is then
    // presentation mode, as it is with one screen.
    AudienceState* audience = nullptr;
    // Optional (Board menu > Import board): reads a Trello export or a CSV file for a new board.
    std::function<core::BoardRead(const std::string& path, bool csv, std::string_view language)> readBoardFile;
};

std::string_view toName(Tab tab);             // "agenda", "board", "retro", "experiments"
std::optional<Tab> parseTab(std::string_view name);

// Modal dialogs the shell can show (at most one at a time).
enum class Modal { None, UnsavedChanges, LoadError, Recovery, Rename, About, Shortcuts, PathDialog, SaveConflict, FileInUse,
                   WorkshopData, FollowUp };

class Shell {
public:
    Shell(ShellServices services, Settings& settings);

    // --- document ---
    void setSession(core::Session session, std::string path); // fresh history, not dirty
    bool openFile(const std::string& path);                    // false: load error modal shown
    bool save();                                               // asks for a path when there is none
    bool saveAs(const std::string& path, bool overwrite = false);
    [[nodiscard]] const core::Session& session() const { return m_session; }
    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] core::History& history() { return m_history; }
    // The participants' room applies device requests through history() (src/app/gui_room.cpp).
    [[nodiscard]] core::Session& editableSession() { return m_session; }
    // A running timer counts time that belongs to the document, so the document is unsaved then.
    [[nodiscard]] bool isDirty() const { return m_history.isDirty() || m_unsavedRestore || m_timer.running(); }
    [[nodiscard]] std::string windowTitle() const;
    // Applies a command's result on the history; a refusal shows as a toast.
    void submit(const core::CommandResult& result);
    bool undo();
    bool redo();

    void editWorkshopData(); // Edit > Workshop data (workshop_dialog.hpp)
    void openFollowUpDialog(core::Date today); // File > New follow-up session (follow_up_dialog.hpp)

    // A recovery copy newer than the file: ask whether to restore it.
    void offerRecovery(core::Session recovered, std::string savedAt);

    // --- input from the runner ---
    void queueKey(const KeyChord& chord);
    void requestClose(); // window close button / Ctrl+Q: asks about unsaved changes
    [[nodiscard]] bool wantsQuit() const { return m_quit; }

    // --- display state the runner applies ---
    [[nodiscard]] bool presentation() const { return m_presentation; }
    void setPresentation(bool on) { m_presentation = on; }
    [[nodiscard]] bool fullscreen() const { return m_fullscreen; }
    void setFullscreen(bool on) { m_fullscreen = on; }
    [[nodiscard]] const Settings& settings() const { return m_settings; }
    void selectTab(Tab tab) { m_requestedTab = tab; }
    [[nodiscard]] Tab currentTab() const { return m_tab; }
    // What the audience window follows: this frame's tab, board, retrospective, open experiment
    // and scroll positions (audience_view.hpp).
    [[nodiscard]] AudienceFollow follow() const;
    [[nodiscard]] WorkshopTimer& timer() { return m_timer; }

    // --- frame ---
    // time: seconds since start (monotonic); now: wall clock for the model.
    void draw(double time, core::Timestamp now);
    // True while a running timer is on screen: the runner wakes once a second.
    [[nodiscard]] bool timerRunning() const { return m_timer.running(); }
    // Seconds until the running timer's display changes (negative when it does not run).
    [[nodiscard]] double secondsUntilTimerChanges(double time) const { return m_timer.timer().secondsUntilChange(time); }

    // --- for tests ---
    [[nodiscard]] Modal modal() const { return m_modal; }
    [[nodiscard]] const std::string& modalMessage() const { return m_modalMessage; }
    [[nodiscard]] const std::string& toast() const { return m_toast; }
    [[nodiscard]] const ExportMenu& exportMenu() const { return m_export; }
    // The desktop's file dialog is open (the waiting popup shows).
    [[nodiscard]] bool fileDialogOpen() const { return m_services.nativeDialog && m_services.nativeDialog->isOpen(); }

private:
    enum class Pending { None, Quit, New, FollowUp, Open, OpenPath };

    void handleKeys();
    void drawMenuBar();
    void drawHeader();
    void drawTimer();
    void toggleTimer(); // F6 or the Start/Pause button
    void drawTabs();
    void drawStatusBar();
    void drawToast();
    void drawModals();
    void drawUnsavedPrompt();
    void drawRecoveryPrompt();
    void drawRenamePrompt();
    void drawMessageModal(const char* title, Modal which);
    void drawShortcuts();
    void drawSaveConflict();
    void drawFileInUse();
    void setPath(std::string path); // tells the services when the shown file changes

    void showModal(Modal modal, std::string message = {});
    void showToast(std::string message);
    // Runs `action` now, or after asking about unsaved changes.
    void guarded(Pending action, std::string path = {});
    void runPending();
    void newSession();
    void newFollowUp(); // after the follow-up dialog (follow_up_dialog.hpp) and the unsaved prompt
    void openDialog();
    void saveAsDialog();
    // The desktop's dialog, when there is one: started for `purpose`; its answer arrives in a later
    // frame (pollNativeDialog). False: use the built-in dialog.
    enum class NativeFor { None, Open, SaveAs };
    bool startNativeDialog(NativeFor purpose, const FileDialogRequest& request, std::string fallbackStart);
    void pollNativeDialog();
    void drawFileDialogWait();
    void startRename();
    void changeZoom(float delta);
    void toggleAudienceOrPresentation(); // F5

    ShellServices m_services;
    Settings& m_settings;

    core::Session m_session;
    std::string m_path;
    core::History m_history;
    bool m_unsavedRestore = false; // restored from a recovery copy: differs from the file

    std::optional<core::Session> m_recovered;
    std::string m_recoveredAt;

    std::vector<KeyChord> m_keys;
    std::vector<KeyChord> m_viewKeys; // chords handleKeys() left for the visible view
    bool m_quit = false;
    bool m_presentation = false;
    bool m_fullscreen = false;
    bool m_showDemoWindow = false;

    Tab m_tab = Tab::Agenda;
    std::optional<Tab> m_requestedTab;
    AgendaView m_agenda;
    BoardView m_board;
    RetroView m_retro;
    ExperimentView m_experiments;

    Modal m_modal = Modal::None;
    bool m_modalRequested = false;
    std::string m_modalMessage;
    Pending m_pending = Pending::None;
    std::string m_pendingPath;
    bool m_saveAsThenPending = false; // a Save-as dialog was opened from the unsaved prompt
    // A save the store refused because the file changed on disk or is read-only (SaveConflict).
    SaveOutcome::Status m_conflict = SaveOutcome::Status::Saved;
    std::string m_conflictPath;
    PathDialog m_pathDialog;
    NativeFor m_native = NativeFor::None; // what the open desktop dialog was started for
    std::string m_nativeFallback;         // where the built-in dialog starts if it cannot run
    bool m_fileDialogWaitShown = false;
    ExportMenu m_export; // File > Export
    std::string m_renameText;
    WorkshopDialog m_workshop;
    FollowUpDialog m_followUp;
    core::FollowUpOptions m_followUpOptions; // chosen in m_followUp, used once the unsaved prompt is answered

    std::string m_toast;
    double m_toastUntil = 0.0;
    double m_time = 0.0;
    core::Timestamp m_now;

    WorkshopTimer m_timer; // follows the current agenda item (timer_widget.hpp)
    ScrollPositions m_scroll; // of the visible view, for the audience window
};

} // namespace lernraum::ui
