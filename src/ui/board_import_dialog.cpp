#include "ui/board_import_dialog.hpp"

#include "core/board_import.hpp"
#include "ui/i18n.hpp"
#include "ui/widgets.hpp"

#include <filesystem>

namespace lernraum::ui {

namespace {

std::string translated(const core::ImportNote& note) {
    return note.message([](const char* msgid) { return translate(msgid); });
}

} // namespace

BoardImportDialog::BoardImportDialog() : m_ids(core::IdGenerator::fromRandomDevice()) {}

void BoardImportDialog::open(const std::string& folder) {
    m_requested = true;
    m_folder = folder;
    if (m_path.empty()) m_path = (std::filesystem::path(folder) / "").string();
    m_message.clear();
}

void BoardImportDialog::draw(const core::Session& session, ViewContext& ctx, core::Id& current, PendingCommands& pending) {
    const std::string title = std::string(_("Import board")) + "###board-import";
    if (!beginCentredModal(title, m_requested, 44.0f)) return;
    wrappedText(_("A Trello board export (JSON; also from Wekan or Nextcloud Deck) or a CSV file from a spreadsheet "
                  "becomes a new board. Member names, e-mail addresses and comments are not imported."));
    ImGui::Spacing();
    if (ImGui::RadioButton(_("Trello export (JSON)"), m_format == 0)) m_format = 0;
    recordLastItem(_("Trello export (JSON)"));
    ImGui::SameLine();
    if (ImGui::RadioButton(_("CSV file"), m_format == 1)) m_format = 1;
    recordLastItem(_("CSV file"));
    mutedText(_("File"));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const char* browseLabel = _("Browse...");
    ImGui::SetNextItemWidth(-(ImGui::CalcTextSize(browseLabel).x + ImGui::GetStyle().FramePadding.x * 2.0f +
                              ImGui::GetStyle().ItemSpacing.x));
    const bool enter = inputText("##import-path", m_path, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem("Import file");
    ImGui::SameLine();
    if (button(browseLabel))
        m_browse.open(PathDialog::Mode::Open, m_path.empty() ? m_folder : m_path, m_format == 0 ? ".json" : ".csv",
                      m_format == 0 ? _("Choose a Trello export") : _("Choose a CSV file"));
    if (m_browse.isOpen()) {
        if (auto chosen = m_browse.draw()) {
            m_path = chosen->string();
            m_message.clear();
        }
    }
    if (!m_message.empty()) {
        wrappedText(m_message);
        recordLastItem(m_message); // the summary, findable by tests
    }
    const bool go = button(_("Import")) || enter;
    ImGui::SameLine();
    const bool close = button(_("Close")) || (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !ImGui::IsAnyItemActive());
    if (go) runImport(session, ctx, current, pending);
    if (close) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void BoardImportDialog::runImport(const core::Session& session, ViewContext& ctx, core::Id& current,
                                  PendingCommands& pending) {
    if (!ctx.readBoardFile) {
        m_message = _("Importing is not available here.");
        return;
    }
    const core::BoardRead read = ctx.readBoardFile(m_path, m_format == 1, session.language);
    std::string message;
    if (!read.draft) {
        message = read.error ? translated(*read.error) : std::string(_("Nothing to import."));
    } else {
        const core::Board board = core::buildBoard(*read.draft, m_ids, ctx.now, session);
        const core::CommandResult check = core::addImportedBoard(session, board);
        if (!check) {
            message = check.refusal().message([](const char* msgid) { return translate(msgid); });
        } else {
            pending.push_back([board](const core::Session& s) { return core::addImportedBoard(s, board); });
            current = board.id;
            message = core::fillPlaceholders(_("Board '{1}' imported."), {board.title});
            for (const auto& note : read.notes) message += "\n\xE2\x80\xA2 " + translated(note);
        }
    }
    if (!read.problems.empty()) {
        message += "\n" + core::fillPlaceholders(_("{1} lines skipped:"), {std::to_string(read.problems.size())});
        for (std::size_t i = 0; i < read.problems.size() && i < 5; ++i)
            message += "\n" + read.problems[i].message([](const char* msgid) { return translate(msgid); });
    }
    m_message = std::move(message);
}

} // namespace lernraum::ui
