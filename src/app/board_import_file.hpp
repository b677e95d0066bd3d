#pragma once
// Reading a file for a new board (Board menu > Import, `lernraum import trello|csv`): the file
// is read here (size cap), then handed to the Trello reader (src/import) or the CSV reader
// (core/board_csv.hpp). Both the GUI and the command line use this one function.

#include "core/board_csv.hpp"

#include <string>
#include <string_view>

namespace lernraum::app {

enum class ImportFormat { Auto, Trello, Csv }; // Auto: JSON ('{' first) is Trello, anything else CSV

// `title` names the board ("" = the Trello board's name, or the CSV file's name without extension);
// `language` ("de"/"en") names the default columns of a CSV file without a column field.
core::BoardRead readBoardFile(const std::string& path, ImportFormat format, const std::string& title,
                              std::string_view language);

} // namespace lernraum::app
