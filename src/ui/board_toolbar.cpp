#include "ui/board_toolbar.hpp"

#include "core/board_csv.hpp"
#include "core/commands.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lernraum::ui {
namespace {

constexpr std::size_t kMaxCsvBytes = 32 * 1024 * 1024;

// A file name from a board title: letters, digits and '-' only.
std::string fileNameFor(const std::string& title) {
    std::string out;
    for (unsigned char c : title) {
        if (std::isalnum(c)) {
            out += static_cast<char>(c);
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return (out.empty() ? std::string("board") : out) + ".csv";
}

} // namespace

// The session's folder (where its reports go too), else home, else the working directory.
std::string defaultFolder(const ViewContext& ctx) {
    if (!ctx.documentPath.empty()) return std::filesystem::path(ctx.documentPath).parent_path().string();
    if (const char* home = std::getenv("HOME"); home && *home) return home;
    std::error_code ec;
    return std::filesystem::current_path(ec).string();
}

std::string writeTextFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return std::strerror(errno);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) return std::strerror(errno);
    return {};
}

std::string readTextFile(const std::string& path, std::string& text, std::size_t maxBytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return ec.message();
    if (size > maxBytes) return _("The file is too large.");
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::strerror(errno);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return {};
}

BoardToolbar::BoardToolbar() : m_ids(core::IdGenerator::fromRandomDevice()) {}

BoardMenuChoice BoardToolbar::draw(const core::Board& board, const ViewContext& ctx, std::size_t archived) {
    BoardMenuChoice choice = BoardMenuChoice::None;
    ImGui::SetNextItemWidth(em(14.0f));
    inputTextWithHint("##search", _("Search cards"), m_filter.text);
    recordLastItem("Search");

    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(11.0f));
    const std::string tagPreview = m_filter.tag.empty() ? std::string(_("All tags")) : "#" + m_filter.tag;
    if (ImGui::BeginCombo("##tag", tagPreview.c_str())) {
        if (selectable(_("All tags"), m_filter.tag.empty())) m_filter.tag.clear();
        for (const auto& tag : core::boardTags(board)) {
            const std::string item = "#" + tag;
            if (selectable(item.c_str(), m_filter.tag == tag)) m_filter.tag = tag;
        }
        ImGui::EndCombo();
    }
    recordLastItem("Tag filter");

    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(11.0f));
    if (ImGui::BeginCombo("##role", m_filter.ownerRole ? label(*m_filter.ownerRole) : _("All roles"))) {
        if (selectable(_("All roles"), !m_filter.ownerRole)) m_filter.ownerRole.reset();
        for (int i = 0; i < static_cast<int>(core::Role::Count); ++i) {
            const auto role = static_cast<core::Role>(i);
            if (selectable(label(role), m_filter.ownerRole == role)) m_filter.ownerRole = role;
        }
        ImGui::EndCombo();
    }
    recordLastItem("Role filter");

    ImGui::SameLine();
    ImGui::Checkbox(_("Overdue only"), &m_filter.overdueOnly);
    recordLastItem(_("Overdue only"));
    if (m_filter.isActive()) {
        ImGui::SameLine();
        if (button(_("Clear filter"))) m_filter = {};
    }

    ImGui::SameLine(0.0f, em(2.0f));
    ImGui::Checkbox(_("Flow diagram"), &m_showFlow);
    recordLastItem(_("Flow diagram"));
    ImGui::SameLine();
    const std::string archiveLabel = std::string(_("Archive")) + " (" + std::to_string(archived) + ")###archive-toggle";
    ImGui::Checkbox(archiveLabel.c_str(), &m_showArchive);
    recordLastItem(_("Archive"));

    ImGui::SameLine();
    if (button(_("Board menu"))) ImGui::OpenPopup("board-menu");
    if (ImGui::BeginPopup("board-menu")) {
        if (menuItem(_("New card"), "N")) choice = BoardMenuChoice::NewCard;
        if (menuItem(_("New column..."))) choice = BoardMenuChoice::NewColumn;
        if (menuItem(_("New swimlane..."))) choice = BoardMenuChoice::NewLane;
        ImGui::Separator();
        if (menuItem(_("New board..."))) choice = BoardMenuChoice::NewBoard;
        if (menuItem(_("Rename board..."))) choice = BoardMenuChoice::RenameBoard;
        if (menuItem(_("Delete board..."))) choice = BoardMenuChoice::DeleteBoard;
        ImGui::Separator();
        if (menuItem(_("Export cards as CSV..."))) {
            m_csv = Csv::Export;
            m_csvRequested = true;
            m_csvPath = (std::filesystem::path(defaultFolder(ctx)) / fileNameFor(board.title)).string();
            m_csvMessage.clear();
        }
        if (menuItem(_("Import cards from CSV..."))) {
            m_csv = Csv::Import;
            m_csvRequested = true;
            if (m_csvPath.empty()) m_csvPath = (std::filesystem::path(defaultFolder(ctx)) / fileNameFor(board.title)).string();
            m_csvMessage.clear();
        }
        if (menuItem(_("Import board..."))) choice = BoardMenuChoice::ImportBoard;
        ImGui::EndPopup();
    }
    return choice;
}

void BoardToolbar::drawPanels(const core::Session& session, const core::Board& board, ViewContext& ctx) {
    if (m_showArchive && !ctx.presentation) drawArchive(session, board, ctx);
    drawCsvDialog(session, board, ctx);
}

void BoardToolbar::drawArchive(const core::Session& session, const core::Board& board, ViewContext& ctx) {
    // Collected again only when the board changed (a long archive costs nothing per frame).
    if (const std::uint64_t version = sessionVersion(ctx); board.id != m_archivedBoard || version != m_archivedVersion ||
                                                           board.cards.data() != m_archivedData || board.cards.size() != m_archivedCount) {
        m_archived.clear();
        for (std::size_t i = 0; i < board.cards.size(); ++i)
            if (board.cards[i].archived) m_archived.push_back(i);
        m_archivedBoard = board.id;
        m_archivedVersion = version;
        m_archivedData = board.cards.data();
        m_archivedCount = board.cards.size();
    }
    const std::vector<std::size_t>& archived = m_archived;
    const float rows = static_cast<float>(std::min<std::size_t>(std::max<std::size_t>(archived.size(), 1), 5));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel);
    ImGui::BeginChild("archive", ImVec2(0.0f, rows * ImGui::GetFrameHeightWithSpacing() + em(2.4f)), true);
    boldText(_("Archived cards"));
    if (archived.empty()) mutedText(_("No archived cards."));
    core::Id restore;
    core::Id remove;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(archived.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const core::Card& c = board.cards[archived[static_cast<std::size_t>(row)]];
            ImGui::PushID(c.id.c_str());
            if (button(_("Restore"))) restore = c.id;
            ImGui::SameLine();
            if (button(_("Delete"))) remove = c.id;
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(c.title.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (ctx.submit && !restore.empty()) ctx.submit(core::restoreCard(session, board.id, restore));
    if (ctx.submit && !remove.empty()) ctx.submit(core::deleteCard(session, board.id, remove));
}

void BoardToolbar::drawCsvDialog(const core::Session& session, const core::Board& board, ViewContext& ctx) {
    const char* title = m_csv == Csv::Import ? _("Import cards from CSV") : _("Export cards as CSV");
    const std::string popupId = std::string(title) + "###board-csv";
    if (m_csvRequested) {
        ImGui::OpenPopup(popupId.c_str());
        m_csvRequested = false;
    }
    ImGui::SetNextWindowSize(em(40.0f, 0.0f));
    if (!ImGui::BeginPopupModal(popupId.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    wrappedText(m_csv == Csv::Import
                    ? _("Cards are added at the end of their column. Columns and lanes are matched by title. Separator "
                        "(',', ';', tab), encoding (UTF-8, Windows-1252) and German column names are recognised.")
                    : _("All cards of this board, archived ones too (RFC 4180, UTF-8)."));
    mutedText(_("File"));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const char* browseLabel = _("Browse...");
    ImGui::SetNextItemWidth(-(ImGui::CalcTextSize(browseLabel).x + ImGui::GetStyle().FramePadding.x * 2.0f +
                              ImGui::GetStyle().ItemSpacing.x));
    const bool enter = inputText("##csv-path", m_csvPath, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (button(browseLabel))
        m_browse.open(m_csv == Csv::Import ? PathDialog::Mode::Open : PathDialog::Mode::Save, m_csvPath, ".csv",
                      m_csv == Csv::Import ? _("Choose a CSV file") : _("Save the CSV file as"));
    if (m_browse.isOpen()) {
        if (auto chosen = m_browse.draw()) {
            m_csvPath = chosen->string();
            m_csvMessage.clear();
        }
    }
    if (m_csv == Csv::Export) {
        ImGui::Checkbox(_("Excel (German): separator ';', UTF-8 with BOM, German column names"), &m_csvExcel);
        recordLastItem(_("Excel (German): separator ';', UTF-8 with BOM, German column names"));
    }
    if (!m_csvMessage.empty()) wrappedText(m_csvMessage);
    const bool go = button(m_csv == Csv::Import ? _("Import") : _("Export")) || enter;
    ImGui::SameLine();
    const bool close = button(_("Close")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (go && m_csv == Csv::Export) {
        const std::string error = writeTextFile(
            m_csvPath, core::exportCardsCsv(board, m_csvExcel ? core::CsvDialect::ExcelGerman : core::CsvDialect::Standard));
        m_csvMessage = error.empty() ? core::fillPlaceholders(_("{1} cards written."), {std::to_string(board.cards.size())})
                                     : std::string(_("Could not write the file:")) + " " + error;
    } else if (go && m_csv == Csv::Import) {
        std::string text;
        std::string error = readTextFile(m_csvPath, text, kMaxCsvBytes);
        if (!error.empty()) {
            m_csvMessage = std::string(_("Could not read the file:")) + " " + error;
        } else {
            const core::CardImport parsed = core::parseCardsCsv(board, text);
            m_csvMessage.clear();
            if (!parsed.cards.empty()) {
                auto result = core::importCards(session, board.id, parsed.cards, m_ids, ctx.now);
                if (result) {
                    m_csvMessage = core::fillPlaceholders(_("{1} cards imported."), {std::to_string(parsed.cards.size())});
                    if (ctx.submit) ctx.submit(std::move(result));
                } else {
                    m_csvMessage = result.refusal().message([](const char* msgid) { return translate(msgid); });
                }
            } else if (parsed.errors.empty()) {
                m_csvMessage = _("The file has no cards.");
            }
            if (!parsed.errors.empty()) {
                if (!m_csvMessage.empty()) m_csvMessage += "\n";
                m_csvMessage += core::fillPlaceholders(_("{1} lines skipped:"), {std::to_string(parsed.errors.size())});
                for (std::size_t i = 0; i < parsed.errors.size() && i < 5; ++i)
                    m_csvMessage += "\n" + parsed.errors[i].message([](const char* msgid) { return translate(msgid); });
            }
        }
    }
    if (close) {
        m_csv = Csv::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace lernraum::ui
