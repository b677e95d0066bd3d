// File > Export (see export_menu.hpp).

#include "ui/export_menu.hpp"

#include "ui/i18n.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <filesystem>

namespace lernraum::ui {
namespace {

namespace fs = std::filesystem;

constexpr const char* kResultId = "###export-result";

// The built-in dialog appends ".lernraum" to every name it returns; exports are no sessions.
std::string withoutSessionExtension(std::string path) {
    fs::path p(path);
    if (p.extension() == ".lernraum") p.replace_extension();
    return p.string();
}

} // namespace

const char* ExportMenu::extensionOf(Kind kind) {
    switch (kind) {
    case Kind::Html: return ".html";
    case Kind::Odt: return ".odt";
    case Kind::Markdown: return ".md";
    case Kind::Research:
    case Kind::None: break;
    }
    return "";
}

const char* ExportMenu::formatOf(Kind kind) {
    switch (kind) {
    case Kind::Html: return "html";
    case Kind::Odt: return "odt";
    default: return "md";
    }
}

void ExportMenu::drawMenu(const core::Session& session, const std::string& documentPath, const ShellServices& services) {
    const bool canReport = static_cast<bool>(services.exportReport);
    const bool canOpen = static_cast<bool>(services.openReport);
    const bool canResearch = static_cast<bool>(services.exportResearch);
    if (!beginMenu(_("Export"), canReport || canResearch || canOpen)) return;
    if (menuItem(_("Open / print report"), "Ctrl+P", false, canOpen)) openReport(session, services);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Opens the HTML report in your web browser, to read or print it"));
    if (menuItem(_("Report head\xE2\x80\xA6"), nullptr, false, canReport || canOpen)) {
        m_editedHead = m_head;
        m_requestHead = true;
    }
    ImGui::Separator();
    if (menuItem(_("Transfer report (HTML)\xE2\x80\xA6"), nullptr, false, canReport))
        choosePath(Kind::Html, documentPath, services);
    if (menuItem(_("Transfer report (OpenDocument text, ODT)\xE2\x80\xA6"), nullptr, false, canReport))
        choosePath(Kind::Odt, documentPath, services);
    if (menuItem(_("Transfer report (Markdown)\xE2\x80\xA6"), nullptr, false, canReport))
        choosePath(Kind::Markdown, documentPath, services);
    ImGui::Separator();
    // Stays enabled without consent: a click explains why nothing is exported.
    if (menuItem(_("Export research data\xE2\x80\xA6"), nullptr, false, canResearch)) {
        if (session.researchConsent) {
            choosePath(Kind::Research, documentPath, services);
        } else {
            showResult(_("Research export refused"),
                       _("This workshop has no research consent. Only sessions whose participants agreed to the "
                         "research use are exported."),
                       {}, true);
        }
    }
    if (!session.researchConsent && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("No research consent for this workshop"));
    ImGui::EndMenu();
}

void ExportMenu::choosePath(Kind kind, const std::string& documentPath,
                            const ShellServices& services) {
    m_kind = kind;
    const fs::path document(documentPath);
    const fs::path folder = document.empty() ? fs::path{} : document.parent_path();
    const std::string stem = document.empty() ? std::string("lernraum") : document.stem().string();
    const std::string name = kind == Kind::Research ? stem + "-research-data" : stem + extensionOf(kind);
    const std::string suggestion = (folder / name).string();
    FileDialogRequest request;
    request.save = true;
    request.suggestion = suggestion;
    switch (kind) {
    case Kind::Html:
        request.title = _("Export transfer report (HTML)");
        request.filterName = _("HTML report");
        request.pattern = "*.html";
        break;
    case Kind::Odt:
        request.title = _("Export transfer report (ODT)");
        request.filterName = _("OpenDocument text");
        request.pattern = "*.odt";
        break;
    case Kind::Markdown:
        request.title = _("Export transfer report (Markdown)");
        request.filterName = _("Markdown report");
        request.pattern = "*.md";
        break;
    case Kind::Research:
        request.title = _("Folder for the research data");
        request.folder = true;
        break;
    case Kind::None: break;
    }
    m_suggestion = suggestion;
    m_dialogTitle = request.title;
    if (services.nativeDialog && services.nativeDialog->start(request)) {
        m_waitingForNative = true; // the answer comes in a later frame (nativeDialogAnswered)
        return;
    }
    openBuiltInDialog();
}

void ExportMenu::openBuiltInDialog() {
    const std::string extension = m_kind == Kind::Research ? std::string{} : std::string(extensionOf(m_kind));
    m_pathDialog.open(PathDialog::Mode::Save, m_suggestion, extension, m_dialogTitle);
}

void ExportMenu::nativeDialogAnswered(const NativeDialogAnswer& answer, const core::Session& session,
                                      const ShellServices& services) {
    m_waitingForNative = false;
    switch (answer.result) {
    case NativeDialogAnswer::Result::Chosen: run(m_kind, answer.path, session, services); break;
    case NativeDialogAnswer::Result::Cancelled: m_kind = Kind::None; break;
    case NativeDialogAnswer::Result::Unavailable: openBuiltInDialog(); break;
    }
}

void ExportMenu::run(Kind kind, std::string path, const core::Session& session, const ShellServices& services) {
    m_kind = Kind::None;
    if (kind == Kind::Research) {
        const ResearchExportOutcome outcome = services.exportResearch(session, path);
        if (!outcome.error.empty()) {
            showResult(_("Research export failed"), outcome.error, {}, true);
            return;
        }
        std::string detail = std::string(_("Pseudonym key")) + ": " + outcome.keyFile + "\n" +
                             (outcome.keyCreated ? _("A new key was created. Keep it private and use it for every later "
                                                     "export; never pass it on with the data.")
                                                 : _("Keep the key private; never pass it on with the data."));
        if (!outcome.warning.empty()) detail += "\n" + outcome.warning;
        showResult(_("Research data exported"), std::string(_("Written to")) + " " + path, std::move(detail), false);
        return;
    }
    if (fs::path(path).extension().empty()) path += extensionOf(kind);
    const std::string lang = language() == "de" ? "de" : "en"; // the report follows the UI language
    const std::string error = services.exportReport(session, path, formatOf(kind), lang, m_head);
    if (!error.empty()) {
        showResult(_("Transfer report not written"), error, {}, true);
        return;
    }
    showResult(_("Transfer report written"), std::string(_("Written to")) + " " + path, {}, false);
}

void ExportMenu::openReport(const core::Session& session, const ShellServices& services) {
    if (!services.openReport) return;
    const std::string lang = language() == "de" ? "de" : "en";
    const std::string error = services.openReport(session, lang, m_head);
    if (!error.empty()) showResult(_("Report not opened"), error, {}, true);
}

void ExportMenu::drawHeadDialog() {
    const std::string title = std::string(_("Report head")) + "###report-head";
    if (!beginCentredModal(title, m_requestHead, 34.0f)) return;
    wrappedText(_("Shown under the title and at the top of every printed page. Empty fields are left out."));
    ImGui::Spacing();
    const FormRows rows({_("Organisation"), _("File number"), _("Author"), _("Status")});
    rows.row(_("Organisation"));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    inputText("##head-org", m_editedHead.organisation);
    recordLastItem("Report head organisation"); // names for the UI tests
    rows.row(_("File number"));
    inputTextWithHint("##head-file-number", _("e.g. AZ 10-2026/17"), m_editedHead.fileNumber);
    recordLastItem("Report head file number");
    rows.row(_("Author"));
    inputText("##head-author", m_editedHead.author);
    recordLastItem("Report head author");
    rows.row(_("Status"));
    inputTextWithHint("##head-status", _("e.g. Draft"), m_editedHead.status);
    recordLastItem("Report head status");
    ImGui::Spacing();
    if (button(_("OK"))) {
        m_head = m_editedHead;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (cancelButton()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void ExportMenu::showResult(std::string title, std::string message, std::string detail, bool failed) {
    m_title = std::move(title);
    m_message = std::move(message);
    m_detail = std::move(detail);
    m_failed = failed;
    m_requestResult = true;
}

void ExportMenu::drawDialogs(const core::Session& session, const ShellServices& services) {
    if (m_pathDialog.isOpen()) {
        if (auto chosen = m_pathDialog.draw()) {
            run(m_kind, withoutSessionExtension(chosen->string()), session, services); // adds .html/.md if missing
        } else if (!m_pathDialog.isOpen()) {
            m_kind = Kind::None; // cancelled
        }
    }
    drawHeadDialog();
    drawResult();
}

void ExportMenu::drawResult() {
    if (m_requestResult) {
        m_requestResult = false;
        m_resultOpen = true;
        ImGui::OpenPopup(kResultId);
    }
    if (!m_resultOpen) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(40.0f), display.x * 0.9f), 0.0f));
    const std::string id = m_title + kResultId;
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoResize)) {
        m_resultOpen = false; // closed behind our back
        return;
    }
    if (m_failed) {
        colouredText(palette().warning, m_message);
    } else {
        wrappedText(m_message);
    }
    if (!m_detail.empty()) mutedText(m_detail);
    ImGui::Spacing();
    if (button(_("OK")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ImGui::CloseCurrentPopup();
        m_resultOpen = false;
    }
    ImGui::EndPopup();
}

} // namespace lernraum::ui
