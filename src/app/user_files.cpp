#include "app/user_files.hpp"

#include "store/state_files.hpp"
#include "ui/base_dirs.hpp"

#include <cstdio>

namespace lernraum::app {

UserFiles prepareUserFiles() {
    UserFiles files;
    files.configDir = ui::configDirectory();
    files.stateDir = ui::stateDirectory();
    if (!files.stateDir.empty()) {
        if (auto error = store::createPrivateDirectories(files.stateDir); !error.empty()) {
            std::fprintf(stderr, "lernraum: warning: %s; recovery copies are off\n", error.c_str());
            files.stateDir.clear();
        }
    }
    for (const auto& error : store::moveStateFromConfig(files.configDir, files.stateDir).errors) {
        std::fprintf(stderr, "lernraum: warning: %s\n", error.c_str());
    }
    if (!files.configDir.empty()) files.settingsFile = files.configDir / "settings.ini";
    if (!files.stateDir.empty()) {
        files.stateFile = files.stateDir / "state.ini";
        files.imguiIni = files.stateDir / "imgui.ini";
    }
    return files;
}

} // namespace lernraum::app
