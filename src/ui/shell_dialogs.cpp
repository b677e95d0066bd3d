// The shell's menus and modal dialogs (see shell.hpp).

#include "core/commands.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <lernraum/version.hpp>

#include <cstdlib>
#include <filesystem>

namespace lernraum::ui {
namespace {

// Centres the next modal and gives it a readable width.
void placeModal(float widthEm) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(widthEm), display.x * 0.9f), 0.0f));
}

bool escapePressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)); }
bool enterPressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)); }

} // namespace

void Shell::drawMenuBar() {
    if (!ImGui::BeginMenuBar()) return;
    if (beginMenu(_("File"))) {
        if (menuItem(_("New"), "Ctrl+N")) guarded(Pending::New);
        if (menuItem(_("New follow-up session\xE2\x80\xA6"))) openFollowUpDialog(m_now.date());
        if (menuItem(_("Open\xE2\x80\xA6"), "Ctrl+O")) guarded(Pending::Open);
        if (beginMenu(_("Open recent"), !m_settings.recentFiles.empty())) {
            const std::vector<std::string> recent = m_settings.recentFiles; // opening reorders the list
            for (const auto& file : recent) {
                if (menuItem(file.c_str())) guarded(Pending::OpenPath, file);
            }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (menuItem(_("Save"), "Ctrl+S")) save();
        if (menuItem(_("Save as\xE2\x80\xA6"), "Ctrl+Shift+S")) saveAsDialog();
        m_export.drawMenu(m_session, m_path, m_services);
        ImGui::Separator();
        if (menuItem(_("Quit"), "Ctrl+Q")) requestClose();
        ImGui::EndMenu();
    }
    if (beginMenu(_("Edit"))) {
        const std::string undoText = m_history.canUndo()
                                         ? std::string(_("Undo")) + ": " + translate(m_history.undoLabel().c_str())
                                         : std::string(_("Undo"));
        const std::string redoText = m_history.canRedo()
                                         ? std::string(_("Redo")) + ": " + translate(m_history.redoLabel().c_str())
                                         : std::string(_("Redo"));
        if (menuItem((undoText + "###undo").c_str(), "Ctrl+Z", false, m_history.canUndo())) undo();
        if (menuItem((redoText + "###redo").c_str(), "Ctrl+Y", false, m_history.canRedo())) redo();
        ImGui::Separator();
        if (menuItem(_("Workshop data\xE2\x80\xA6"))) editWorkshopData();
        if (menuItem(_("Rename workshop\xE2\x80\xA6"), "F2")) startRename();
        ImGui::EndMenu();
    }
    if (beginMenu(_("View"))) {
        if (menuItem(_("Zoom in"), "Ctrl++")) changeZoom(0.1f);
        if (menuItem(_("Zoom out"), "Ctrl+-")) changeZoom(-0.1f);
        if (menuItem(_("Reset zoom"), "Ctrl+0")) changeZoom(0.0f);
        ImGui::Separator();
        // F5 is the audience window when there is a second screen (or it is open), else presentation mode.
        AudienceState* audience = m_services.audience;
        const bool f5Audience = audience && (audience->open || audience->monitors > 1);
        if (menuItem(_("Presentation mode"), f5Audience ? "Shift+F5" : "F5", m_presentation)) m_presentation = !m_presentation;
        if (audience) {
            if (menuItem(_("Audience window"), f5Audience ? "F5" : nullptr, audience->open)) audience->open = !audience->open;
            if (menuItem(_("Freeze view"), nullptr, audience->frozen, audience->open)) audience->frozen = !audience->frozen;
            if (beginMenu(_("Audience monitor"))) {
                if (menuItem(_("Automatic"), nullptr, audience->monitor.empty())) audience->monitor.clear();
                for (std::size_t i = 0; i < audience->connected.size(); ++i) {
                    const AudienceMonitor& m = audience->connected[i];
                    const std::string label = (m.name.empty() ? std::string("?") : m.name) + " (" + std::to_string(m.width) +
                                              "\xC3\x97" + std::to_string(m.height) + ")##monitor" + std::to_string(i);
                    if (menuItem(label.c_str(), nullptr, !audience->monitor.empty() && audience->monitor == m.name)) audience->monitor = m.name;
                }
                ImGui::EndMenu();
            }
        }
        if (beginMenu(_("Room size"))) {
            for (int i = 0; i < static_cast<int>(RoomSize::Count); ++i) {
                const RoomSize size = static_cast<RoomSize>(i);
                if (menuItem(displayName(size), nullptr, m_settings.roomSize == size)) m_settings.roomSize = size;
            }
            ImGui::EndMenu();
        }
        if (menuItem(_("Full screen"), "F11", m_fullscreen)) m_fullscreen = !m_fullscreen;
        ImGui::Separator();
        if (m_services.openRoomPanel && menuItem(_("Open participation by smartphone\xE2\x80\xA6"))) m_services.openRoomPanel();
        ImGui::Separator();
        if (beginMenu(_("Theme"))) {
            for (int i = 0; i < static_cast<int>(Theme::Count); ++i) {
                const Theme theme = static_cast<Theme>(i);
                if (menuItem(displayName(theme), nullptr, m_settings.theme == theme)) m_settings.theme = theme;
            }
            ImGui::EndMenu();
        }
        if (beginMenu(_("Language"))) {
            // Language names are shown in their own language.
            if (menuItem("Deutsch", nullptr, language() == "de")) {
                m_settings.language = "de";
                setLanguage("de");
            }
            if (menuItem("English", nullptr, language() == "en")) {
                m_settings.language = "en";
                setLanguage("en");
            }
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (beginMenu(_("Help"))) {
        if (menuItem(_("Keyboard shortcuts"), "F1")) showModal(Modal::Shortcuts);
        if (menuItem(_("About Lernraum"))) showModal(Modal::About);
        // A developer tool (widget gallery, metrics); not for the room. LERNRAUM_DEBUG=1 shows it.
        static const bool debug = std::getenv("LERNRAUM_DEBUG") != nullptr;
        if (debug) {
            ImGui::Separator();
            if (menuItem("ImGui demo window", nullptr, m_showDemoWindow)) m_showDemoWindow = !m_showDemoWindow;
        }
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void Shell::drawModals() {
    static const char* const kIds[] = {"",         "###unsaved",   "###error", "###recovery", "###rename", "###about",
                                       "###shortcuts", "",         "###conflict", "###inuse",  "",         ""};
    // The path, workshop-data and follow-up dialogs open their popups themselves.
    const bool isPopup = m_modal != Modal::PathDialog && m_modal != Modal::WorkshopData && m_modal != Modal::FollowUp &&
                         m_modal != Modal::None;
    if (m_modalRequested) {
        m_modalRequested = false;
        if (isPopup) ImGui::OpenPopup(kIds[static_cast<int>(m_modal)]);
    } else if (isPopup && !ImGui::IsPopupOpen(kIds[static_cast<int>(m_modal)])) {
        m_modal = Modal::None; // closed behind our back; never leave the shell blocked
    }
    switch (m_modal) {
    case Modal::None: break;
    case Modal::UnsavedChanges: drawUnsavedPrompt(); break;
    case Modal::LoadError: drawMessageModal(_("The file could not be opened or saved"), Modal::LoadError); break;
    case Modal::Recovery: drawRecoveryPrompt(); break;
    case Modal::Rename: drawRenamePrompt(); break;
    case Modal::About: drawMessageModal(_("About Lernraum"), Modal::About); break;
    case Modal::Shortcuts: drawShortcuts(); break;
    case Modal::SaveConflict: drawSaveConflict(); break;
    case Modal::FileInUse: drawFileInUse(); break;
    case Modal::WorkshopData:
        m_workshop.draw(m_session, [this](core::CommandResult result) { submit(result); }, m_presentation);
        if (!m_workshop.isOpen()) m_modal = Modal::None;
        break;
    case Modal::FollowUp:
        if (auto options = m_followUp.draw(m_session)) {
            m_modal = Modal::None;
            m_followUpOptions = *options;
            guarded(Pending::FollowUp); // asks about unsaved changes; Cancel there leaves everything
        } else if (!m_followUp.isOpen()) {
            m_modal = Modal::None;
        }
        break;
    case Modal::PathDialog:
        if (auto chosen = m_pathDialog.draw()) {
            const bool saving = m_pathDialog.mode() == PathDialog::Mode::Save;
            m_modal = Modal::None;
            if (saving) {
                if (saveAs(chosen->string()) && m_saveAsThenPending) {
                    m_saveAsThenPending = false;
                    runPending();
                }
            } else {
                openFile(chosen->string());
            }
        } else if (!m_pathDialog.isOpen()) {
            m_modal = Modal::None;
            m_saveAsThenPending = false;
        }
        break;
    }
    m_export.drawDialogs(m_session, m_services);
    drawFileDialogWait();
}

void Shell::drawFileDialogWait() {
    // While the desktop's dialog is open the window keeps drawing, under this popup: it blocks the
    // menus (a second dialog, an edit behind the dialog's back) and says where to look.
    static constexpr const char* kId = "###file-dialog-wait";
    const bool open = fileDialogOpen();
    if (open && !m_fileDialogWaitShown && m_modal == Modal::None) {
        ImGui::OpenPopup(kId);
        m_fileDialogWaitShown = true;
    }
    if (!m_fileDialogWaitShown) return;
    placeModal(30.0f);
    const std::string title = std::string(_("File dialog")) + kId;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize)) {
        m_fileDialogWaitShown = false;
        return;
    }
    wrappedText(_("Choose the file in the desktop's file dialog; Lernraum waits for it."));
    ImGui::Spacing();
    if (button(_("Cancel")) && open) m_services.nativeDialog->cancel();
    if (!open) {
        ImGui::CloseCurrentPopup();
        m_fileDialogWaitShown = false;
    }
    ImGui::EndPopup();
}

void Shell::drawUnsavedPrompt() {
    placeModal(34.0f);
    const std::string title = std::string(_("Unsaved changes")) + "###unsaved";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize)) return;
    const std::string name = m_path.empty() ? std::string(_("Untitled")) : std::filesystem::path(m_path).filename().string();
    wrappedText(std::string(_("Save the changes to")) + " \xE2\x80\x9E" + name + "\xE2\x80\x9C?");
    mutedText(_("Without saving, your changes since the last save are lost."));
    ImGui::Spacing();
    bool close = false;
    if (button(_("Save")) || enterPressed()) {
        close = true;
        if (m_path.empty()) {
            m_saveAsThenPending = true;
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
            m_modal = Modal::None;
            saveAsDialog();
            return;
        }
        if (saveAs(m_path)) {
            runPending();
        } else {
            if (m_modal == Modal::SaveConflict) {
                m_saveAsThenPending = true; // once the conflict is settled by saving, carry on
            } else {
                m_pending = Pending::None; // the error modal explains; nothing is lost
            }
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
            return;
        }
    }
    ImGui::SameLine();
    if (button(_("Discard"))) {
        close = true;
        m_history.markSaved(); // the user chose to drop the changes
        m_unsavedRestore = false;
        runPending();
    }
    ImGui::SameLine();
    if (button(_("Cancel")) || escapePressed()) {
        close = true;
        m_pending = Pending::None;
    }
    if (close) {
        ImGui::CloseCurrentPopup();
        if (m_modal == Modal::UnsavedChanges) m_modal = Modal::None;
    }
    ImGui::EndPopup();
}

void Shell::drawRecoveryPrompt() {
    placeModal(36.0f);
    const std::string title = std::string(_("Restore unsaved work?")) + "###recovery";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize)) return;
    wrappedText(_("Lernraum found a recovery copy that is newer than the file. It holds changes that were not saved, "
                  "for example because the program was closed unexpectedly."));
    if (!m_recoveredAt.empty()) {
        // "2026-11-22 10:15" from the app; the date in the UI language's form.
        std::string when = m_recoveredAt;
        if (const auto date = core::Date::parse(std::string_view(when).substr(0, 10)); date && date->isValid())
            when = formatDate(*date) + when.substr(10);
        const std::string line = std::string(_("Recovery copy from")) + " " + when;
        mutedText(line);
        recordLastItem(line);
    }
    ImGui::Spacing();
    bool close = false;
    if (button(_("Restore")) || enterPressed()) {
        close = true;
        if (m_recovered) {
            std::string path = m_path;
            setSession(std::move(*m_recovered), std::move(path));
            m_unsavedRestore = true; // differs from the file until saved
        }
    }
    ImGui::SameLine();
    if (button(_("Not now")) || escapePressed()) close = true; // the copy stays until the next save
    if (close) {
        m_recovered.reset();
        ImGui::CloseCurrentPopup();
        m_modal = Modal::None;
    }
    ImGui::EndPopup();
}

void Shell::drawRenamePrompt() {
    placeModal(36.0f);
    const std::string title = std::string(_("Rename workshop")) + "###rename";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize)) return;
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = inputText("##title", m_renameText, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    bool close = false;
    if (button(_("OK")) || enter) {
        close = true;
        submit(core::setSessionTitle(m_session, m_renameText));
        m_history.endMergeGroup(); // each rename is its own undo step
    }
    ImGui::SameLine();
    if (button(_("Cancel")) || escapePressed()) close = true;
    if (close) {
        ImGui::CloseCurrentPopup();
        m_modal = Modal::None;
    }
    ImGui::EndPopup();
}

void Shell::drawMessageModal(const char* title, Modal which) {
    placeModal(40.0f);
    const std::string id = std::string(title) + (which == Modal::About ? "###about" : "###error");
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoResize)) return;
    if (which == Modal::About) {
        titleText("Lernraum");
        wrappedText(std::string(_("Version")) + " " + kVersion);
        wrappedText(_("Digital boards, retrospectives and practice experiments for learning-space workshops."));
        mutedText(_("Free software. Your sessions stay on this computer."));
    } else {
        colouredText(palette().warning, m_modalMessage);
        mutedText(_("The open workshop was not changed."));
    }
    ImGui::Spacing();
    if (button(_("OK")) || enterPressed() || escapePressed()) {
        ImGui::CloseCurrentPopup();
        m_modal = Modal::None;
    }
    ImGui::EndPopup();
}

void Shell::drawSaveConflict() {
    placeModal(40.0f);
    const bool changed = m_conflict == SaveOutcome::Status::ChangedOnDisk;
    const std::string title =
        std::string(changed ? _("The file was changed by someone else") : _("The file is read-only")) + "###conflict";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize)) return;
    const std::string name = std::filesystem::path(m_conflictPath).filename().string();
    boldText("\xE2\x80\x9E" + name + "\xE2\x80\x9C");
    if (changed) {
        wrappedText(_("Since you opened or last saved it, this file was changed on disk, for example by a colleague "
                      "in another Lernraum or by a sync client. Saving now would overwrite those changes."));
    } else {
        wrappedText(_("This file is write-protected. Saving would replace it anyway."));
    }
    mutedText(_("Nothing has been saved yet; your changes are still open here."));
    ImGui::Spacing();
    enum class Choice { None, Reload, SaveAs, Overwrite, Cancel } choice = Choice::None;
    if (changed) {
        if (button(_("Reload (discard my changes)"))) choice = Choice::Reload;
        ImGui::SameLine();
    }
    if (button(_("Save as\xE2\x80\xA6"))) choice = Choice::SaveAs;
    ImGui::SameLine();
    if (button(_("Overwrite"))) choice = Choice::Overwrite;
    ImGui::SameLine();
    if (button(_("Cancel")) || escapePressed()) choice = Choice::Cancel;
    if (choice == Choice::None) {
        ImGui::EndPopup();
        return;
    }
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    m_modal = Modal::None;
    const std::string path = m_conflictPath;
    m_conflict = SaveOutcome::Status::Saved;
    switch (choice) {
    case Choice::Reload:
        m_saveAsThenPending = false;
        m_pending = Pending::None;
        openFile(path); // replaces the open session only if the file loads; otherwise it stays, unsaved

        break;
    case Choice::SaveAs: saveAsDialog(); break; // a pending quit/open runs after that save
    case Choice::Overwrite:
        if (saveAs(path, true) && m_saveAsThenPending) {
            m_saveAsThenPending = false;
            runPending();
        }
        break;
    case Choice::Cancel:
    case Choice::None:
        m_saveAsThenPending = false;
        m_pending = Pending::None;
        break;
    }
}

void Shell::drawFileInUse() {
    placeModal(40.0f);
    const std::string title = std::string(_("The file is open in another Lernraum")) + "###inuse";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize)) return;
    wrappedText(std::string(_("Opened by")) + " " + m_modalMessage);
    wrappedText(_("If you both edit it, one of you could overwrite the other's work. Lernraum asks before it "
                  "overwrites changes made elsewhere. Agree who saves, or save your work under another name."));
    ImGui::Spacing();
    if (button(_("OK")) || enterPressed() || escapePressed()) {
        ImGui::CloseCurrentPopup();
        m_modal = Modal::None;
    }
    ImGui::EndPopup();
}

void Shell::drawShortcuts() {
    placeModal(34.0f);
    const std::string title = std::string(_("Keyboard shortcuts")) + "###shortcuts";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize)) return;
    const std::string timer = std::string(_("Start")) + " / " + _("Pause");
    const std::pair<const char*, const char*> rows[] = {
        {"Ctrl+N", _("New workshop")},         {"Ctrl+O", _("Open")},
        {"Ctrl+S", _("Save")},                 {"Ctrl+Shift+S", _("Save as")},
        {"Ctrl+P", _("Open / print report")},
        {"Ctrl+Z", _("Undo")},                 {"Ctrl+Y, Ctrl+Shift+Z", _("Redo")},
        {"Ctrl+Plus / Ctrl+Minus", _("Zoom")}, {"Ctrl+0", _("Reset zoom")},
        {"Ctrl+1 \xE2\x80\xA6 4", _("Switch tab")}, {"F2", _("Rename workshop")},
        {"F5", _("Audience window (one screen: presentation mode)")},
        {"Shift+F5", _("Presentation mode")}, {"F11", _("Full screen")},
        {"F6", timer.c_str()},
        {"Esc", _("Leave presentation mode")}, {"Ctrl+Q", _("Quit")},
        {"N", _("Board: new card in the selected column")},
        {"\xE2\x86\x90 \xE2\x86\x91 \xE2\x86\x92 \xE2\x86\x93", _("Board: select a card")},
        {"Ctrl+\xE2\x86\x90 \xE2\x86\x91 \xE2\x86\x92 \xE2\x86\x93", _("Board: move the selected card")},
        {"Enter", _("Board: edit the selected card")},
        {"Entf / Delete", _("Board: archive the selected card")},
    };
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_RowBg)) {
        for (const auto& [keys, what] : rows) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            boldText(keys);
            ImGui::TableSetColumnIndex(1);
            wrappedText(what);
        }
        ImGui::EndTable();
    }
    if (button(_("OK")) || enterPressed() || escapePressed()) {
        ImGui::CloseCurrentPopup();
        m_modal = Modal::None;
    }
    ImGui::EndPopup();
}

} // namespace lernraum::ui
