#pragma once
// The built-in Open / Save as dialog, used when no native dialog (zenity, kdialog) is available:
// a path field plus a list of folders and .lernraum files in the current folder.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lernraum::ui {

class PathDialog {
public:
    enum class Mode { Open, Save };

    // Opens the dialog next frame, starting at `start` (a file or folder; empty = home/cwd).
    void open(Mode mode, const std::filesystem::path& start);
    [[nodiscard]] bool isOpen() const { return m_open; }
    [[nodiscard]] Mode mode() const { return m_mode; }

    // Draws the dialog when open; returns the chosen path once (then closes).
    std::optional<std::filesystem::path> draw();

private:
    void listDirectory();

    Mode m_mode = Mode::Open;
    bool m_open = false;
    bool m_requestOpen = false;
    std::filesystem::path m_directory;
    std::string m_fileName;
    std::vector<std::filesystem::path> m_folders;
    std::vector<std::filesystem::path> m_files;
    std::string m_error;
};

} // namespace lernraum::ui
