// [SECTION] document: open, save, undo, recovery
// [SECTION] keyboard shortcuts
// [SECTION] frame: main window, header, timer, tabs, status bar, toast
// Menus and modal dialogs are in shell_dialogs.cpp.

#include "ui/shell.hpp"

#include "core/commands.hpp"
#include "core/follow_up.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <filesystem>
#include <utility>

namespace lernraum::ui {
namespace {

constexpr std::array<std::string_view, 4> kTabNames{"agenda", "board", "retro", "experiments"};

std::string fileNameOf(const std::string& path) { return std::filesystem::path(path).filename().string(); }

} // namespace

std::string_view toName(Tab tab) {
    const auto i = static_cast<std::size_t>(tab);
    return i < kTabNames.size() ? kTabNames[i] : "agenda";
}

std::optional<Tab> parseTab(std::string_view name) {
    for (std::size_t i = 0; i < kTabNames.size(); ++i) {
        if (kTabNames[i] == name) return static_cast<Tab>(i);
    }
    return std::nullopt;
}

Shell::Shell(ShellServices services, Settings& settings) : m_services(std::move(services)), m_settings(settings) {
    if (auto tab = parseTab(m_settings.view)) m_requestedTab = *tab;
}

// -----------------------------------------------------------------------------------------------
// [SECTION] document

void Shell::setPath(std::string path) {
    const bool changed = path != m_path;
    m_path = std::move(path);
    if (changed && m_services.documentChanged) m_services.documentChanged(m_path);
}

void Shell::setSession(core::Session session, std::string path) {
    m_session = std::move(session);
    setPath(std::move(path));
    m_history.clear();
    m_unsavedRestore = false;
    m_timer.clear();
    if (!m_path.empty()) addRecentFile(m_settings, m_path);
}

bool Shell::openFile(const std::string& path) {
    if (!m_services.load) return false;
    LoadOutcome outcome;
    try {
        outcome = m_services.load(path);
    } catch (const std::exception& e) {
        outcome.error = path + ": error: " + e.what();
    }
    if (!outcome.session) {
        // The current session stays open; the typed message explains what is wrong with the file.
        showModal(Modal::LoadError, outcome.error.empty() ? path : outcome.error);
        return false;
    }
    setSession(std::move(*outcome.session), path);
    if (!outcome.heldBy.empty()) showModal(Modal::FileInUse, outcome.heldBy);
    return true;
}

bool Shell::save() {
    if (m_path.empty()) {
        saveAsDialog();
        return false;
    }
    return saveAs(m_path);
}

bool Shell::saveAs(const std::string& path, bool overwrite) {
    if (!m_services.save) return false;
    m_timer.commit(m_time, [this](core::CommandResult result) { submit(result); }); // the time used so far
    SaveOutcome outcome;
    try {
        outcome = m_services.save(m_session, path, overwrite);
    } catch (const std::exception& e) {
        outcome = {SaveOutcome::Status::Failed, path + ": error: " + e.what()};
    }
    switch (outcome.status) {
    case SaveOutcome::Status::Saved: break;
    case SaveOutcome::Status::ChangedOnDisk:
    case SaveOutcome::Status::ReadOnly:
        // Not silently: the user decides (reload, save as, overwrite); the file stays as it is.
        m_conflict = outcome.status;
        m_conflictPath = path;
        showModal(Modal::SaveConflict, outcome.error);
        return false;
    case SaveOutcome::Status::Failed:
        showModal(Modal::LoadError, outcome.error.empty() ? path : outcome.error);
        return false;
    }
    setPath(path);
    m_history.markSaved();
    m_unsavedRestore = false;
    addRecentFile(m_settings, m_path);
    if (m_services.onSaved) m_services.onSaved(m_path);
    showToast(std::string(_("Saved")) + ": " + fileNameOf(m_path));
    return true;
}

std::string Shell::windowTitle() const {
    std::string title = isDirty() ? "*" : "";
    title += m_path.empty() ? std::string(_("Untitled")) : fileNameOf(m_path);
    title += " \xE2\x80\x93 Lernraum"; // en dash
    return title;
}

void Shell::submit(const core::CommandResult& result) {
    if (!result.ok()) {
        const core::Refusal& refusal = result.refusal();
        showToast(refusal.message([](const char* msgid) { return translate(msgid); }));
        return;
    }
    try {
        m_history.apply(m_session, result);
    } catch (const std::exception& e) {
        showToast(e.what());
    }
}

bool Shell::undo() {
    try {
        return m_history.undo(m_session);
    } catch (const std::exception& e) {
        showToast(e.what());
        return false;
    }
}

bool Shell::redo() {
    try {
        return m_history.redo(m_session);
    } catch (const std::exception& e) {
        showToast(e.what());
        return false;
    }
}

void Shell::offerRecovery(core::Session recovered, std::string savedAt) {
    m_recovered = std::move(recovered);
    m_recoveredAt = std::move(savedAt);
    showModal(Modal::Recovery);
}

void Shell::requestClose() {
    if (fileDialogOpen()) m_services.nativeDialog->cancel(); // quitting closes the desktop's dialog
    guarded(Pending::Quit);
}

void Shell::guarded(Pending action, std::string path) {
    m_pending = action;
    m_pendingPath = std::move(path);
    if (isDirty()) {
        showModal(Modal::UnsavedChanges);
    } else {
        runPending();
    }
}

void Shell::runPending() {
    const Pending action = m_pending;
    m_pending = Pending::None;
    switch (action) {
    case Pending::Quit: m_quit = true; break;
    case Pending::New: newSession(); break;
    case Pending::FollowUp: newFollowUp(); break;
    case Pending::Open: openDialog(); break;
    case Pending::OpenPath: openFile(m_pendingPath); break;
    case Pending::None: break;
    }
}

void Shell::newSession() {
    if (m_services.newSession) setSession(m_services.newSession(), {});
}

void Shell::newFollowUp() {
    // The next workshop's file, not yet saved: marked unsaved so that closing asks for a name.
    auto ids = core::IdGenerator::fromRandomDevice();
    core::Session next = core::makeFollowUp(m_session, m_followUpOptions, ids);
    setSession(std::move(next), {});
    m_unsavedRestore = true;
    showToast(_("Follow-up session created. Save it under a new name."));
}

void Shell::openDialog() {
    if (fileDialogOpen()) return; // one file dialog at a time
    const std::string start = m_path.empty() ? std::string{} : std::filesystem::path(m_path).parent_path().string();
    FileDialogRequest request;
    request.suggestion = start.empty() ? start : start + "/"; // inside the session's folder
    if (startNativeDialog(NativeFor::Open, request, start)) return;
    m_pathDialog.open(PathDialog::Mode::Open, start);
    showModal(Modal::PathDialog);
}

void Shell::saveAsDialog() {
    if (fileDialogOpen()) return;
    const std::string suggestion = m_path.empty() ? std::string("workshop.lernraum") : m_path;
    FileDialogRequest request;
    request.save = true;
    request.suggestion = suggestion;
    if (startNativeDialog(NativeFor::SaveAs, request, suggestion)) return;
    m_pathDialog.open(PathDialog::Mode::Save, suggestion);
    showModal(Modal::PathDialog);
}

bool Shell::startNativeDialog(NativeFor purpose, const FileDialogRequest& request, std::string fallbackStart) {
    if (!m_services.nativeDialog || !m_services.nativeDialog->start(request)) return false;
    m_native = purpose;
    m_nativeFallback = std::move(fallbackStart);
    return true;
}

void Shell::pollNativeDialog() {
    if (!m_services.nativeDialog) return;
    const bool forExport = m_export.waitingForNativeDialog();
    if (m_native == NativeFor::None && !forExport) return;
    const std::optional<NativeDialogAnswer> answer = m_services.nativeDialog->poll();
    if (!answer) return;
    if (forExport) {
        m_export.nativeDialogAnswered(*answer, m_session, m_services);
        return;
    }
    const NativeFor purpose = std::exchange(m_native, NativeFor::None);
    switch (answer->result) {
    case NativeDialogAnswer::Result::Chosen:
        if (purpose == NativeFor::Open) {
            guarded(Pending::OpenPath, answer->path); // asks again if something changed meanwhile
        } else if (saveAs(answer->path) && m_saveAsThenPending) {
            m_saveAsThenPending = false;
            runPending();
        }
        break;
    case NativeDialogAnswer::Result::Cancelled:
        if (purpose == NativeFor::SaveAs) m_saveAsThenPending = false;
        break;
    case NativeDialogAnswer::Result::Unavailable: // it could not run: the built-in dialog instead
        m_pathDialog.open(purpose == NativeFor::Open ? PathDialog::Mode::Open : PathDialog::Mode::Save, m_nativeFallback);
        showModal(Modal::PathDialog);
        break;
    }
}

void Shell::startRename() {
    m_renameText = m_session.title;
    showModal(Modal::Rename);
}

void Shell::editWorkshopData() {
    m_workshop.open(m_session);
    m_modal = Modal::WorkshopData;
}

void Shell::openFollowUpDialog(core::Date today) {
    m_followUp.open(m_session, today);
    m_modal = Modal::FollowUp;
}

void Shell::changeZoom(float delta) {
    if (delta == 0.0f) {
        m_settings.zoom = 1.0f;
        return;
    }
    // Steps of 10 %, rounded so that repeated steps land on round values.
    const float zoom = std::round((m_settings.zoom + delta) * 10.0f) / 10.0f;
    m_settings.zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
}

void Shell::toggleAudienceOrPresentation() {
    // Like presentation software: F5 shows the room its own window on the second screen (the
    // projector); with one screen the laptop's screen is the room's, so presentation mode.
    AudienceState* audience = m_services.audience;
    if (audience && (audience->open || audience->monitors > 1)) {
        audience->open = !audience->open;
    } else {
        m_presentation = !m_presentation;
    }
}

AudienceFollow Shell::follow() const {
    AudienceFollow f;
    f.tab = m_tab;
    f.board = m_board.boardId();
    f.retro = m_retro.retroId();
    f.experiment = m_experiments.shownExperiment();
    f.scroll = m_scroll;
    return f;
}

void Shell::showModal(Modal modal, std::string message) {
    m_modal = modal;
    m_modalMessage = std::move(message);
    m_modalRequested = true;
}

void Shell::showToast(std::string message) {
    m_toast = std::move(message);
    m_toastUntil = m_time + 4.0;
}

// -----------------------------------------------------------------------------------------------
// [SECTION] keyboard shortcuts

void Shell::queueKey(const KeyChord& chord) { m_keys.push_back(chord); }

void Shell::handleKeys() {
    std::vector<KeyChord> keys;
    keys.swap(m_keys);
    m_viewKeys.clear();
    // The desktop's file dialog counts as a modal: it has the user's attention.
    const bool modalOpen = m_modal != Modal::None || fileDialogOpen();
    const bool typing = ImGui::GetIO().WantTextInput;
    for (const KeyChord& k : keys) {
        if (modalOpen) continue; // the dialog handles Enter/Escape itself
        if (k.ctrl && !k.alt) {
            switch (k.key) {
            case 'S':
                if (k.shift) {
                    saveAsDialog();
                } else {
                    save();
                }
                break;
            case 'O': guarded(Pending::Open); break;
            case 'P': m_export.openReport(m_session, m_services); break;
            case 'N': guarded(Pending::New); break;
            case 'Q': requestClose(); break;
            case 'Z':
                if (typing) break; // the text field has its own undo
                if (k.shift) {
                    redo();
                } else {
                    undo();
                }
                break;
            case 'Y':
                if (!typing) redo();
                break;
            case '+':
            case '=': changeZoom(0.1f); break;
            case '-': changeZoom(-0.1f); break;
            case '0': changeZoom(0.0f); break;
            case '1':
            case '2':
            case '3':
            case '4': m_requestedTab = static_cast<Tab>(k.key - '1'); break;
            default: m_viewKeys.push_back(k); break;
            }
            continue;
        }
        if (k.ctrl || k.alt) continue;
        switch (k.key) {
        case key::F5:
            if (k.shift) {
                m_presentation = !m_presentation;
            } else {
                toggleAudienceOrPresentation();
            }
            break;
        case key::F11: m_fullscreen = !m_fullscreen; break;
        case key::F2:
            if (!m_presentation) startRename();
            break;
        case key::F1: showModal(Modal::Shortcuts); break;
        case key::F6: toggleTimer(); break;
        case key::Escape:
            if (m_presentation && !typing) m_presentation = false;
            m_viewKeys.push_back(k);
            break;
        default: m_viewKeys.push_back(k); break;
        }
    }
}

// -----------------------------------------------------------------------------------------------
// [SECTION] frame

void Shell::draw(double time, core::Timestamp now) {
    m_time = time;
    m_now = now;
    pollNativeDialog();
    handleKeys();

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (!m_presentation) flags |= ImGuiWindowFlags_MenuBar;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, em(1.0f, 0.6f));
    ImGui::Begin("##lernraum", nullptr, flags);
    ImGui::PopStyleVar(3);
    try {
        if (!m_presentation) drawMenuBar();
        drawHeader();
        drawTabs();
        if (!m_presentation) drawStatusBar();
        drawModals();
    } catch (const std::exception& e) {
        // No exception escapes a frame: unwind ImGui's stacks and tell the user.
        ImGui::ErrorCheckEndWindowRecover(nullptr, nullptr);
        showToast(std::string(_("Internal error")) + ": " + e.what());
    }
    ImGui::End();
    drawToast();
    if (m_showDemoWindow) ImGui::ShowDemoWindow(&m_showDemoWindow);
}

void Shell::drawHeader() {
    // The timer block's width from its content, so it never clips at any zoom or language.
    const float timerWidth = m_timer.width();
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + ImGui::GetContentRegionAvail().x - timerWidth);
    titleText(m_session.title.empty() ? std::string(_("Untitled workshop")) : m_session.title);
    std::string sub = label(m_session.kind);
    auto add = [&sub](const std::string& part) {
        if (!part.empty()) sub += "\xC2\xA0\xC2\xB7 " + part;
    };
    add(formatDate(m_session.date));
    add(m_session.lernraum);
    add(m_session.orgUnit);
    mutedText(sub);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float headerBottom = ImGui::GetItemRectMax().y;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - timerWidth);
    drawTimer();
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, std::max(ImGui::GetCursorScreenPos().y, headerBottom)));
    ImGui::Spacing();
}

void Shell::toggleTimer() {
    m_timer.toggle(m_time, [this](core::CommandResult result) { submit(result); });
}

void Shell::drawTimer() {
    const auto send = [this](core::CommandResult result) { submit(result); };
    m_timer.follow(m_session, m_time, send);
    m_timer.drawCompact(m_time, send, m_presentation); // presentation: the clock only, F6 still works
}

void Shell::drawTabs() {
    ViewContext ctx;
    ctx.presentation = m_presentation;
    ctx.now = m_now;
    ctx.time = m_time;
    ctx.timer = &m_timer;
    ctx.submit = [this](core::CommandResult result) { submit(result); };
    ctx.keys = m_viewKeys;
    ctx.editWorkshopData = [this] { editWorkshopData(); };
    ctx.documentPath = m_path;
    ctx.openRoomPanel = m_services.openRoomPanel;
    ctx.recordScroll = &m_scroll;
    ctx.history = &m_history;
    ctx.readBoardFile = m_services.readBoardFile;

    const float statusHeight = m_presentation ? 0.0f : ImGui::GetFrameHeightWithSpacing();
    if (!ImGui::BeginTabBar("tabs", ImGuiTabBarFlags_NoTooltip)) return;
    const std::array<std::string, 4> labels{std::string(_("Agenda")) + "###agenda", std::string(_("Board")) + "###board",
                                            std::string(_("Retrospective")) + "###retro",
                                            std::string(_("Experiments")) + "###experiments"};
    for (int i = 0; i < static_cast<int>(Tab::Count); ++i) {
        const Tab tab = static_cast<Tab>(i);
        const ImGuiTabItemFlags flags = m_requestedTab == tab ? ImGuiTabItemFlags_SetSelected : 0;
        FontScope tabFont(fonts().bold);
        bool open = false;
        {
            const SelectedTabStyle style(m_requestedTab ? *m_requestedTab == tab : m_tab == tab);
            open = beginTabItem(labels[static_cast<std::size_t>(i)].c_str(), flags);
        }
        if (!open) continue;
        FontScope bodyFont(fonts().body);
        if (m_tab != tab) {
            m_tab = tab;
            m_scroll.regions.clear(); // the last tab's scroll regions
            m_settings.view = std::string(toName(tab));
        }
        ImGui::BeginChild("view", ImVec2(0, -statusHeight), false);
        syncScroll(ctx, "view");
        switch (tab) {
        case Tab::Agenda: m_agenda.draw(m_session, ctx); break;
        case Tab::Board: m_board.draw(m_session, ctx); break;
        case Tab::Retro: m_retro.draw(m_session, ctx); break;
        case Tab::Experiments: m_experiments.draw(m_session, ctx); break;
        case Tab::Count: break;
        }
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    m_requestedTab.reset();
    ImGui::EndTabBar();
}

void Shell::drawStatusBar() {
    std::string status = m_path.empty() ? std::string(_("Not saved yet")) : m_path;
    if (isDirty()) status += std::string("  \xE2\x80\xA2  ") + _("Unsaved changes");
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ImGui::GetFrameHeightWithSpacing());
    ImGui::AlignTextToFramePadding();
    mutedText(status);
}

void Shell::drawToast() {
    if (m_toast.empty()) return;
    if (m_time > m_toastUntil) {
        m_toast.clear();
        return;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y - em(3.0f)),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(1.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("##toast", nullptr, flags)) {
        ImGui::PushTextWrapPos(em(40.0f));
        wrappedText(m_toast);
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

} // namespace lernraum::ui
