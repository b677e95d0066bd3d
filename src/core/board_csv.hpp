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

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::core {

class IdGenerator;

// RFC 4180 text of the board's cards (archived ones too), in board order.
std::string exportCardsCsv(const Board& board);

// Why a CSV line (or the whole file) could not be read. `pattern` is an English msgid from
// csvProblemTexts() with {1} for `arg`; the UI translates it, message() gives English.
struct CsvProblem {
    std::size_t line = 0;     // 1-based line of the file; 0 = the file as a whole
    std::string_view pattern; // e.g. "unknown column '{1}'"
    std::string arg;

    [[nodiscard]] std::string message() const {
        return message([](const char* msgid) { return msgid; });
    }
    template <typename Translate> [[nodiscard]] std::string message(Translate&& translate) const {
        const std::string text = fillPlaceholders(translate(std::string(pattern).c_str()), {arg});
        if (line == 0) return text;
        return fillPlaceholders(translate("line {1}: {2}"), {std::to_string(line), text});
    }
    friend bool operator==(const CsvProblem&, const CsvProblem&) = default;
};

// Every English text a CsvProblem can carry, for translation catalogues and tests.
std::span<const std::string_view> csvProblemTexts();

// Parses RFC 4180 text into rows of fields. A UTF-8 byte order mark is skipped; CRLF and LF both
// end a record; an empty last line is ignored. Returns false with `problem` on an unterminated
// quote or a quote inside an unquoted field.
bool parseCsv(std::string_view text, std::vector<std::vector<std::string>>& rows, CsvProblem& problem);

struct CardImport {
    std::vector<Card> cards;         // ids empty; columnId/laneId resolved against the board
    std::vector<CsvProblem> errors;  // one per skipped row (or one for the whole file)
};

// Reads cards for `board` from CSV text. Rows with errors are skipped and reported.
CardImport parseCardsCsv(const Board& board, std::string_view text);

// One undo step ("Import cards") adding the cards at the end of their cells, with new ids from
// `ids`. All or nothing: the first refusal (e.g. a full hard-limited column) is returned.
CommandResult importCards(const Session& s, const Id& boardId, const std::vector<Card>& cards, IdGenerator& ids,
                          Timestamp now);

} // namespace lernraum::core
