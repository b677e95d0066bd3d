#pragma once
// The built-in Open / Save as dialog, used when no native dialog (zenity, kdialog) is available:
// a path field plus a list of folders and .lernraum files in the current folder. Other file types
// (e.g. a board's CSV) use the same dialog with their own extension and title.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lernraum::ui {

class PathDialog {
public:
    enum class Mode { Open, Save };

    // Opens the dialog next frame, starting at `start` (a file or folder; empty = home/cwd). It lists
    // files with `extension` and, when saving, appends it to a name without it. `title` (already
    // translated) replaces "Open session" / "Save session as".
    void open(Mode mode, const std::filesystem::path& start, std::string extension = ".lernraum", std::string title = {});
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
    std::string m_extension = ".lernraum";
    std::string m_title;
};

} // namespace lernraum::ui
