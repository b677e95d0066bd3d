#pragma once
// A whole board read from another tool's file (a Trello export, a spreadsheet's CSV) becomes one
// new board of the session in one undo step ("Import board"). The readers (src/import for Trello
// JSON, board_csv.hpp for CSV) produce a BoardDraft: plain values without ids. buildBoard() gives
// it ids and a start of its column history; addImportedBoard() checks it the way validate() would
// and returns the change, so nothing is ever half-imported.
//
//   core::Board board = core::buildBoard(draft, ids, now, session);
//   history.apply(session, core::addImportedBoard(session, board));

#include "change.hpp"
#include "model.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::core {

class IdGenerator;

struct DraftColumn {
    std::string title;
    ColumnKind kind = ColumnKind::Todo;
};

struct DraftCard {
    std::string title;
    std::string description;
    std::optional<Role> ownerRole;
    std::vector<std::string> tags;
    CardColour colour = CardColour::None;
    Date due;
    std::vector<ChecklistItem> checklist; // ids are given by buildBoard
    std::size_t column = 0;               // index into BoardDraft::columns
    std::optional<std::size_t> lane;      // index into BoardDraft::lanes; none = no swimlane
    bool archived = false;
};

struct BoardDraft {
    std::string title;
    std::vector<DraftColumn> columns; // left to right
    std::vector<std::string> lanes;   // swimlane titles, top to bottom
    std::vector<DraftCard> cards;     // order within a column = order here
};

// A line of an import's summary: an English msgid with {1}.. placeholders and its arguments (the
// UI translates the pattern; message() gives English), e.g. {"{1} archived lists left out", {"2"}}.
struct ImportNote {
    std::string_view pattern;
    std::vector<std::string> args;

    [[nodiscard]] std::string message() const { return fillPlaceholders(pattern, args); }
    template <typename Translate> [[nodiscard]] std::string message(Translate&& translate) const {
        return fillPlaceholders(std::string(translate(std::string(pattern).c_str())), args);
    }
    friend bool operator==(const ImportNote&, const ImportNote&) = default;
};

// The kind of a column from its title, for files that have no kinds: "Done", "Erledigt",
// "Fertig", "Abgeschlossen" -> Done; "Doing", "In Arbeit", "In Progress", "In Bearbeitung" ->
// InProgress; anything else Todo. Emoji and punctuation around the word do not matter.
ColumnKind guessColumnKind(std::string_view title);

// Why commands would refuse this card, or nullopt: a blank title, a text over kMaxTextBytes,
// invalid UTF-8, a control character other than tab and line feed, a bad enum or date. Readers
// check each card with it and skip (and report) the ones refused, before building the board.
std::optional<Refusal> checkDraftCard(const DraftCard& card);

// The board with fresh ids (unused in `s`), every card created at `now` with one history entry
// (its column at `now`). Columns and lanes with blank titles get "1", "2", ... Cards whose column
// index is out of range go into the first column.
Board buildBoard(const BoardDraft& draft, IdGenerator& ids, Timestamp now, const Session& s);

// One undo step adding a complete board (columns, lanes and cards) at `atIndex`. Refused when any
// id is in use or malformed, a text breaks the text rules, there are more than kMaxColumns columns
// or kMaxListSize cards, or a card points at a column or lane the board does not have. Linear in
// the size of the session and the board (50,000 cards in well under a second).
CommandResult addImportedBoard(const Session& s, Board board, std::size_t atIndex = static_cast<std::size_t>(-1));

// Every ImportNote pattern the readers (Trello, CSV) write, for translation catalogues and tests.
std::span<const std::string_view> importNoteTexts();

} // namespace lernraum::core
