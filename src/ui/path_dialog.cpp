#include "ui/path_dialog.hpp"

#include "ui/i18n.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cstdlib>
#include <system_error>

namespace lernraum::ui {

void PathDialog::open(Mode mode, const std::filesystem::path& start, std::string extension, std::string title) {
    m_mode = mode;
    m_extension = std::move(extension);
    m_title = std::move(title);
    m_requestOpen = true;
    m_open = true;
    m_error.clear();
    std::error_code ec;
    if (!start.empty() && std::filesystem::is_directory(start, ec)) {
        m_directory = start;
        m_fileName.clear();
    } else if (!start.empty()) {
        m_directory = start.parent_path();
        m_fileName = start.filename().string();
    } else {
        const char* home = std::getenv("HOME");
        m_directory = home ? std::filesystem::path(home) : std::filesystem::current_path(ec);
        m_fileName.clear();
    }
    if (m_directory.empty()) m_directory = std::filesystem::current_path(ec);
    if (mode == Mode::Save && m_fileName.empty()) m_fileName = "workshop" + m_extension;
    listDirectory();
}

void PathDialog::listDirectory() {
    m_folders.clear();
    m_files.clear();
    std::error_code ec;
    for (std::filesystem::directory_iterator it(m_directory, std::filesystem::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        const auto& path = it->path();
        if (path.filename().string().starts_with('.')) continue;
        std::error_code typeError;
        if (it->is_directory(typeError)) {
            m_folders.push_back(path);
        } else if (path.extension() == m_extension) {
            m_files.push_back(path);
        }
        if (m_folders.size() + m_files.size() > 5000) break; // a huge folder: show the first entries
    }
    if (ec) m_error = ec.message();
    std::sort(m_folders.begin(), m_folders.end());
    std::sort(m_files.begin(), m_files.end());
}

std::optional<std::filesystem::path> PathDialog::draw() {
    const char* title = !m_title.empty() ? m_title.c_str() : m_mode == Mode::Open ? _("Open session") : _("Save session as");
    const std::string id = std::string(title) + "###path-dialog";
    if (m_requestOpen) {
        ImGui::OpenPopup(id.c_str());
        m_requestOpen = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(em(44.0f), display.x * 0.9f), std::min(em(30.0f), display.y * 0.85f)),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    std::optional<std::filesystem::path> chosen;
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr)) {
        m_open = false;
        return chosen;
    }
    mutedText(m_directory.string());
    if (button(_("Up")) && m_directory.has_parent_path() && m_directory.parent_path() != m_directory) {
        m_directory = m_directory.parent_path();
        listDirectory();
    }
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.0f + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("entries", ImVec2(0, -footer), true);
    std::filesystem::path enter;
    for (const auto& folder : m_folders) {
        const std::string label = folder.filename().string() + "/";
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) enter = folder;
        recordLastItem(label);
    }
    for (const auto& file : m_files) {
        const std::string name = file.filename().string();
        const bool clicked = ImGui::Selectable(name.c_str(), name == m_fileName, ImGuiSelectableFlags_AllowDoubleClick);
        recordLastItem(name);
        if (clicked) {
            m_fileName = name;
            if (ImGui::IsMouseDoubleClicked(0)) chosen = file;
        }
    }
    ImGui::EndChild();
    if (!enter.empty()) {
        m_directory = enter;
        listDirectory();
    }
    if (!m_error.empty()) colouredText(palette().warning, m_error);
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    // Preselected like desktop save dialogs: typing replaces the suggested name.
    const bool enterPressed =
        inputText(_("File name"), m_fileName, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    const bool confirm = button(m_mode == Mode::Open ? _("Open") : _("Save")) || enterPressed;
    ImGui::SameLine();
    const bool cancel = button(_("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (confirm && !m_fileName.empty()) {
        std::filesystem::path path(m_fileName);
        if (path.is_relative()) path = m_directory / path;
        if (m_mode == Mode::Save && path.extension() != m_extension) path += m_extension;
        chosen = path;
    }
    if (chosen || cancel) {
        ImGui::CloseCurrentPopup();
        m_open = false;
    }
    ImGui::EndPopup();
    return chosen;
}

} // namespace lernraum::ui
