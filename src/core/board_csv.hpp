#pragma once
// CSV export and import of a board's cards: RFC 4180 (comma, double quotes, CRLF), UTF-8, one
// header row. Pure text functions; reading and writing the file is the caller's business.
//
// Columns (import finds them by header name, in any order; only "title" is required):
//   id, title, description, column, lane, owner_role, tags, colour, due, checklist, archived,
//   created_at
// - column / lane: the title (export) and on import a title (case-insensitive) or an id
// - owner_role, colour: machine names ("employee", "sky_blue"); empty = none
// - tags: separated by ";"   - due: YYYY-MM-DD   - archived: true/false
// - checklist: one item per line, "[x] text" (done) or "[ ] text"
// - id and created_at are exported for reference; imported cards get new ids and `now`.
// Fields that a spreadsheet would run as a formula (starting with = + - @, tab or CR) are written
// with a leading apostrophe, which the import removes again.

#include "change.hpp"
#include "model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace lernraum::core {

class IdGenerator;

// RFC 4180 text of the board's cards (archived ones too), in board order.
std::string exportCardsCsv(const Board& board);

// Parses RFC 4180 text into rows of fields. A UTF-8 byte order mark is skipped; CRLF and LF both
// end a record; an empty last line is ignored. Returns false with `error` on an unterminated
// quote or a quote inside an unquoted field.
bool parseCsv(std::string_view text, std::vector<std::vector<std::string>>& rows, std::string& error);

struct CardImport {
    std::vector<Card> cards;          // ids empty; columnId/laneId resolved against the board
    std::vector<std::string> errors;  // "line 3: unknown column 'Later'" (English), rows skipped
};

// Reads cards for `board` from CSV text. Rows with errors are skipped and reported.
CardImport parseCardsCsv(const Board& board, std::string_view text);

// One undo step ("Import cards") adding the cards at the end of their cells, with new ids from
// `ids`. All or nothing: the first refusal (e.g. a full hard-limited column) is returned.
CommandResult importCards(const Session& s, const Id& boardId, const std::vector<Card>& cards, IdGenerator& ids,
                          Timestamp now);

} // namespace lernraum::core
