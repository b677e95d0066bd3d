#pragma once
// Wires Board menu > Import board (ShellServices::readBoardFile) to the reader `lernraum import`
// uses (board_import_file.hpp). Used by the GUI (gui.cpp) and the headless UI tests.

#include "app/board_import_file.hpp"
#include "ui/shell.hpp"

namespace lernraum::app {

inline void addImportServices(ui::ShellServices& services) {
    services.readBoardFile = [](const std::string& path, bool csv, std::string_view language) {
        return readBoardFile(path, csv ? ImportFormat::Csv : ImportFormat::Trello, {}, language);
    };
}

} // namespace lernraum::app
