#pragma once
// File > Export: the transfer report (HTML, ODT, Markdown) and the research data set of the open
// session. The shell draws the menu and the dialogs; the work itself is done outside the UI
// library through ShellServices::exportReport / exportResearch (wired in src/app/gui_export.cpp).

#include "core/model.hpp"
#include "ui/path_dialog.hpp"

#include <string>

namespace lernraum::ui {

struct ShellServices;
struct NativeDialogAnswer;

// Optional fields of the transfer report's head (File > Export > Report head …); "" = not shown.
struct ReportHead {
    std::string organisation, fileNumber, author, status;
    bool operator==(const ReportHead&) const = default;
};

// What the research export did (ShellServices::exportResearch).
struct ResearchExportOutcome {
    std::string error;        // "" when written
    std::string keyFile;      // where the pseudonym key is (stays with the facilitator)
    bool keyCreated = false;  // a new key was created by this export
    std::string warning;      // e.g. the key file is readable by others
    int files = 0;            // files written into the directory
};

class ExportMenu {
public:
    // The "Export" submenu; call inside the open File menu. documentPath suggests file names.
    void drawMenu(const core::Session& session, const std::string& documentPath, const ShellServices& services);
    // Open / print report (Ctrl+P): the HTML report in the desktop's browser; a failure is shown.
    void openReport(const core::Session& session, const ShellServices& services);
    // The built-in path dialog and the result message; call where the shell draws its modals.
    void drawDialogs(const core::Session& session, const ShellServices& services);
    // The desktop's file dialog was started for an export; the shell polls it and passes the answer.
    [[nodiscard]] bool waitingForNativeDialog() const { return m_waitingForNative; }
    void nativeDialogAnswered(const NativeDialogAnswer& answer, const core::Session& session, const ShellServices& services);

    // --- for tests ---
    [[nodiscard]] bool resultShown() const { return m_resultOpen || m_requestResult; }
    [[nodiscard]] const std::string& resultMessage() const { return m_message; }
    [[nodiscard]] const std::string& resultDetail() const { return m_detail; }
    [[nodiscard]] bool failed() const { return m_failed; }
    [[nodiscard]] const ReportHead& reportHead() const { return m_head; }

private:
    enum class Kind { None, Html, Markdown, Odt, Research };
    static const char* extensionOf(Kind kind); // ".html", ".md", ".odt"
    static const char* formatOf(Kind kind);    // as `lernraum report --format`

    void choosePath(Kind kind, const std::string& documentPath, const ShellServices& services);
    void run(Kind kind, std::string path, const core::Session& session, const ShellServices& services);
    void showResult(std::string title, std::string message, std::string detail, bool failed);
    void drawResult();
    void drawHeadDialog();

    void openBuiltInDialog();

    Kind m_kind = Kind::None;
    PathDialog m_pathDialog;
    bool m_waitingForNative = false;
    std::string m_suggestion;   // where the built-in dialog starts
    std::string m_dialogTitle;  // the export's own title
    bool m_requestResult = false;
    bool m_resultOpen = false;
    std::string m_title;
    std::string m_message;
    std::string m_detail;
    bool m_failed = false;
    ReportHead m_head;        // used by every report until changed
    ReportHead m_editedHead;  // the dialog's fields
    bool m_requestHead = false;
};

} // namespace lernraum::ui
