#include "app/file_dialog.hpp"

#include "ui/i18n.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace lernraum::app {
namespace {

// Single-quoted for /bin/sh: ' becomes '\''.
std::string shellQuote(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

ui::NativeDialogAnswer run(const std::string& command) {
    ui::NativeDialogAnswer answer;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return answer; // Unavailable
    std::string output;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
    const int status = pclose(pipe);
    while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) output.pop_back();
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) > 1) return answer; // broken: built-in dialog
    if (WEXITSTATUS(status) == 1 || output.empty()) {
        answer.result = ui::NativeDialogAnswer::Result::Cancelled;
        return answer;
    }
    answer.result = ui::NativeDialogAnswer::Result::Chosen;
    answer.path = output;
    return answer;
}

} // namespace

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

ui::NativeDialogAnswer runNativeFileDialog(const ui::FileDialogRequest& request) {
    // Without a display (tests, ssh) a native dialog cannot appear.
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) return {};
    const bool save = request.save;
    const std::string title =
        !request.title.empty() ? request.title : std::string(save ? _("Save session as") : _("Open session"));
    const std::string filterName = !request.filterName.empty() ? request.filterName : std::string(_("Lernraum sessions"));
    const std::string pattern = !request.pattern.empty() ? request.pattern : std::string("*.lernraum");
    const std::string& suggestion = request.suggestion;
    if (const std::string zenity = findExecutable("zenity"); !zenity.empty()) {
        std::string cmd = shellQuote(zenity) + " --file-selection --title=" + shellQuote(title);
        if (request.folder) {
            cmd += " --directory";
        } else {
            cmd += " --file-filter=" + shellQuote(filterName + " | " + pattern);
        }
        if (save && !request.folder) cmd += " --save --confirm-overwrite";
        if (!suggestion.empty()) cmd += " --filename=" + shellQuote(suggestion);
        return run(cmd + " 2>/dev/null");
    }
    if (const std::string kdialog = findExecutable("kdialog"); !kdialog.empty()) {
        const std::string start = suggestion.empty() ? std::string(".") : suggestion;
        std::string cmd = shellQuote(kdialog) + " --title " + shellQuote(title);
        if (request.folder) {
            cmd += " --getexistingdirectory " + shellQuote(start);
        } else {
            cmd += (save ? " --getsavefilename " : " --getopenfilename ") + shellQuote(start) + " " +
                   shellQuote(pattern + "|" + filterName);
        }
        return run(cmd + " 2>/dev/null");
    }
    return {};
}

} // namespace lernraum::app
