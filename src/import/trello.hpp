#pragma once
// Trello board exports ("Export as JSON") as a new Lernraum board. Also reads the older schema
// without a top-level "labels" array (labels only inside the cards, check item states on the
// card) and the Trello-compatible files of Wekan and Nextcloud Deck (field names such as "title",
// "listId", "sort", "archived" are understood next to Trello's). What is and is not imported, and
// why: docs/import.md.
//
// The JSON is parsed here (RapidJSON, iterative, UTF-8 validated); the board is built and checked
// by core (core/board_import.hpp), so the GUI's Board menu > Import and `lernraum import trello`
// run the same code and a refused file changes nothing.

#include "core/board_import.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace lernraum::importer {

// Files above this size are refused before parsing (a 50,000-card Trello export is ~150 MB).
inline constexpr std::size_t kMaxTrelloBytes = 256u * 1024u * 1024u;

struct TrelloImport {
    core::BoardDraft draft;            // empty when refused
    std::vector<core::ImportNote> notes; // the summary: what was taken, left out, skipped
    // Set when the file is refused (not a board export, damaged, over a limit): nothing to import.
    std::optional<core::ImportNote> error;
};

// Every note and error pattern it produces is listed in core::importNoteTexts().
TrelloImport parseTrelloExport(std::string_view json);

} // namespace lernraum::importer
