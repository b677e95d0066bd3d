#include "app/file_dialog.hpp"

#include "ui/i18n.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string_view>
#include <utility>

extern char** environ;

namespace lernraum::app {

std::string findExecutable(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return {};
    std::string_view dirs(path);
    while (!dirs.empty()) {
        const auto colon = dirs.find(':');
        const std::string_view dir = dirs.substr(0, colon);
        if (!dir.empty()) {
            const std::string candidate = std::string(dir) + "/" + name;
            if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        }
        if (colon == std::string_view::npos) break;
        dirs.remove_prefix(colon + 1);
    }
    return {};
}

std::vector<std::string> nativeDialogCommand(const ui::FileDialogRequest& request) {
    const bool save = request.save;
    const std::string title =
        !request.title.empty() ? request.title : std::string(save ? _("Save session as") : _("Open session"));
    const std::string filterName = !request.filterName.empty() ? request.filterName : std::string(_("Lernraum sessions"));
    const std::string pattern = !request.pattern.empty() ? request.pattern : std::string("*.lernraum");
    const std::string& suggestion = request.suggestion;
    if (const std::string zenity = findExecutable("zenity"); !zenity.empty()) {
        std::vector<std::string> cmd{zenity, "--file-selection", "--title=" + title};
        if (request.folder) {
            cmd.emplace_back("--directory");
            if (save) cmd.emplace_back("--save"); // may name a new folder
        } else {
            cmd.push_back("--file-filter=" + filterName + " | " + pattern);
            if (save) {
                cmd.emplace_back("--save");
                cmd.emplace_back("--confirm-overwrite");
            }
        }
        if (!suggestion.empty()) cmd.push_back("--filename=" + suggestion);
        return cmd;
    }
    if (const std::string kdialog = findExecutable("kdialog"); !kdialog.empty()) {
        const std::string start = suggestion.empty() ? std::string(".") : suggestion;
        std::vector<std::string> cmd{kdialog, "--title", title};
        if (request.folder) {
            cmd.emplace_back("--getexistingdirectory");
            cmd.push_back(start);
        } else {
            cmd.emplace_back(save ? "--getsavefilename" : "--getopenfilename");
            cmd.push_back(start);
            cmd.push_back(pattern + "|" + filterName);
        }
        return cmd;
    }
    return {};
}

DesktopFileDialog::~DesktopFileDialog() {
    cancel();
    if (m_waiter.joinable()) m_waiter.join();
}

bool DesktopFileDialog::start(const ui::FileDialogRequest& request) {
    std::lock_guard lock(m_mutex);
    if (m_open) return false; // one at a time
    // Without a display (tests, ssh) a native dialog cannot appear.
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) return false;
    const std::vector<std::string> cmd = nativeDialogCommand(request);
    if (cmd.empty()) return false;
    if (m_waiter.joinable()) m_waiter.join(); // the previous dialog's thread, already done

    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) return false;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (const auto& arg : cmd) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int error = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    if (error != 0) {
        ::close(pipeFds[0]);
        return false;
    }
    m_open = true;
    m_pid = pid;
    m_exited = false;
    m_cancelled = false;
    m_answer.reset();
    m_waiter = std::thread([this, pid, fd = pipeFds[0]] { wait(pid, fd); });
    return true;
}

void DesktopFileDialog::wait(pid_t pid, int output) {
    std::string text;
    char buffer[4096];
    while (true) {
        const ssize_t n = ::read(output, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        if (text.size() < 64 * 1024) text.append(buffer, static_cast<std::size_t>(n)); // a path, not a book
    }
    ::close(output);
    // Wait without reaping first: until m_exited is set, cancel() may still signal this pid, which
    // must not yet be free for another process.
    siginfo_t info{};
    while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR) {
    }
    {
        std::lock_guard lock(m_mutex);
        m_exited = true;
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    ui::NativeDialogAnswer answer;
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled) {
            answer.result = ui::NativeDialogAnswer::Result::Cancelled;
        } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !text.empty()) {
            answer.result = ui::NativeDialogAnswer::Result::Chosen;
            answer.path = text;
        } else if (WIFEXITED(status) && WEXITSTATUS(status) <= 1) {
            answer.result = ui::NativeDialogAnswer::Result::Cancelled; // zenity and kdialog: 1 = Cancel
        } // else: it could not run (crashed, no display it can use): Unavailable, the built-in dialog
        m_answer = answer;
    }
    if (m_wake) m_wake();
}

std::optional<ui::NativeDialogAnswer> DesktopFileDialog::poll() {
    std::optional<ui::NativeDialogAnswer> answer;
    {
        std::lock_guard lock(m_mutex);
        if (!m_open || !m_answer) return std::nullopt;
        answer = std::exchange(m_answer, std::nullopt);
        m_open = false;
    }
    if (m_waiter.joinable()) m_waiter.join(); // it has set the answer: ends at once
    return answer;
}

bool DesktopFileDialog::isOpen() const {
    std::lock_guard lock(m_mutex);
    return m_open;
}

void DesktopFileDialog::cancel() {
    std::lock_guard lock(m_mutex);
    if (!m_open || m_exited) return;
    m_cancelled = true;
    ::kill(m_pid, SIGTERM);
}

} // namespace lernraum::app
