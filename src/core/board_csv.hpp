#pragma once
// CSV export and import of a board's cards: RFC 4180 (double quotes, CRLF), one header row. Pure
// text functions; reading and writing the file is the caller's business.
//
// Import reads what spreadsheets write (docs/import.md): separator ',', ';' or tab (detected from
// the header line, or named by an Excel "sep=;" first line); UTF-8 with or without byte order
// mark, UTF-16 with byte order mark ("Unicode text") or Windows-1252 (detected and converted);
// English or German headers ("Titel", "Beschreibung", "Spalte", "Verantwortlich", "Fällig",
// "Schlagwörter", ...); dates as 2026-12-24 or 24.12.2026; roles and colours by machine name or
// German/English word; "archived" as true/false/ja/nein/1/0.
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

#include "board_import.hpp"
#include "change.hpp"
#include "model.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::core {

class IdGenerator;

enum class CsvDialect {
    Standard,     // ',', UTF-8 without byte order mark, the English header names above, ISO dates
    ExcelGerman,  // ';', UTF-8 with byte order mark, German headers and values ("Titel", "Fällig",
                  // 24.12.2026, "Führungskraft", "ja"): opens in columns in German Excel
};

// RFC 4180 text of the board's cards (archived ones too), column by column from left to right,
// in board order within each column.
std::string exportCardsCsv(const Board& board, CsvDialect dialect = CsvDialect::Standard);

// Bytes of a spreadsheet file as UTF-8: the encoding detected ("UTF-8", "UTF-8 with BOM",
// "UTF-16", "Windows-1252") and the converted text (byte order mark removed). Windows-1252 is
// assumed for anything that is not valid UTF-8 (German Excel's "CSV (Trennzeichen-getrennt)").
struct DecodedText {
    std::string text;
    std::string_view encoding;
};
DecodedText decodeSpreadsheetText(std::string_view bytes);

// The separator of a CSV text: the one of ',', ';' and tab found most often outside quotes in the
// first line (',' when none). `skipLines` is 1 when the first line is Excel's "sep=X" hint.
char detectDelimiter(std::string_view text, std::size_t& skipLines);

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
bool parseCsv(std::string_view text, std::vector<std::vector<std::string>>& rows, CsvProblem& problem,
              char delimiter = ',');

struct CardImport {
    std::vector<Card> cards;         // ids empty; columnId/laneId resolved against the board
    std::vector<CsvProblem> errors;  // one per skipped row (or one for the whole file)
    std::string_view encoding = "UTF-8"; // as detected (decodeSpreadsheetText)
    char delimiter = ',';                // as detected
};

// Reads cards for `board` from the bytes of a CSV file (any encoding and separator above). Rows
// with errors are skipped and reported.
CardImport parseCardsCsv(const Board& board, std::string_view bytes);

// A CSV file as a new board (lernraum import csv, Board menu > Import): its columns are the
// distinct values of the "column" field in order of first appearance (the three usual ones in
// `language` "de"/"en" when the file has none), its swimlanes those of "lane"; rows with errors
// are skipped and reported. More than kMaxColumns columns is an error for the whole file.
struct BoardCsvImport {
    BoardDraft draft;
    std::vector<CsvProblem> errors;
    std::string_view encoding = "UTF-8";
    char delimiter = ',';
};
BoardCsvImport parseBoardCsv(std::string_view bytes, std::string title, std::string_view language);

// What reading a file for a new board gave, as the GUI's import dialog and `lernraum import` show
// it: the draft (empty when the file is refused), the summary, the skipped lines of a CSV file,
// or the reason for refusing the whole file.
struct BoardRead {
    std::optional<BoardDraft> draft;
    std::vector<ImportNote> notes;
    std::vector<CsvProblem> problems;
    std::optional<ImportNote> error;
};

// parseBoardCsv with its summary ("Read as Windows-1252, separated by ';'", "12 cards in 3
// columns"). A file without any card, or with only errors, is refused.
BoardRead readBoardCsv(std::string_view bytes, std::string title, std::string_view language);

// A date as spreadsheets write it: "2026-12-24", "24.12.2026", "24.12.26" (20xx), optionally
// followed by a time of day (" 00:00", "T00:00:00Z"), which is dropped. "" -> Date{} (not set);
// nullopt when it is none of these or not a calendar day.
std::optional<Date> parseSpreadsheetDate(std::string_view text);

// One undo step ("Import cards") adding the cards at the end of their cells, with new ids from
// `ids`. All or nothing: the first refusal (e.g. a full hard-limited column) is returned.
CommandResult importCards(const Session& s, const Id& boardId, const std::vector<Card>& cards, IdGenerator& ids,
                          Timestamp now);

} // namespace lernraum::core
