#pragma once
// The desktop's native Open/Save dialog (zenity on GNOME and most desktops, kdialog on KDE), run
// as a child process so that the window keeps drawing while it is open: a thread waits for the
// child and wakes the main loop (Runner::wake) when it ends; the shell polls for the answer each
// frame. When neither program is installed, or there is no display, start() returns false and the
// shell uses its built-in dialog.

#include "ui/shell.hpp"

#include <sys/types.h>

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace lernraum::app {

class DesktopFileDialog final : public ui::NativeFileDialog {
public:
    // wake: called from the waiting thread when the dialog has ended (e.g. Runner::wake).
    explicit DesktopFileDialog(std::function<void()> wake) : m_wake(std::move(wake)) {}
    ~DesktopFileDialog() override; // closes an open dialog and waits for it
    DesktopFileDialog(const DesktopFileDialog&) = delete;
    DesktopFileDialog& operator=(const DesktopFileDialog&) = delete;

    bool start(const ui::FileDialogRequest& request) override;
    std::optional<ui::NativeDialogAnswer> poll() override;
    [[nodiscard]] bool isOpen() const override;
    void cancel() override;

private:
    void wait(pid_t pid, int output); // the waiting thread

    std::function<void()> m_wake;
    std::thread m_waiter;
    mutable std::mutex m_mutex;
    bool m_open = false;
    pid_t m_pid = -1;
    bool m_exited = true;    // the child has ended (it may not be reaped yet: its pid is still ours)
    bool m_cancelled = false;
    std::optional<ui::NativeDialogAnswer> m_answer;
};

// The command line (program and arguments) of the desktop's dialog for a request: zenity when it
// is in $PATH, else kdialog; empty when neither is. A suggestion ending in "/" opens inside that
// folder; any other names the file (or, for a folder, the new folder) to propose.
std::vector<std::string> nativeDialogCommand(const ui::FileDialogRequest& request);

// Path of an executable found in $PATH, or "".
std::string findExecutable(const std::string& name);

} // namespace lernraum::app
