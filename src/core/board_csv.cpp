#include "board_csv.hpp"

#include "board_filter.hpp"
#include "commands.hpp"
#include "ids.hpp"
#include "participants.hpp"
#include "validate.hpp"
#include "text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <unordered_map>

namespace lernraum::core {
namespace {

constexpr std::string_view kProblemTexts[] = {
    "line {1}: {2}",
    "quote inside an unquoted field",
    "text after a closing quote",
    "unterminated quoted field",
    "no header row",
    "no 'title' column in the header",
    "the board has no columns",
    "empty title",
    "unknown column '{1}'",
    "unknown lane '{1}'",
    "unknown owner role '{1}'",
    "unknown colour '{1}'",
    "invalid due date '{1}'",
    "the text contains a control character ({1})",
    "the file names {1} columns, a board has at most 64",
};

constexpr std::array<std::string_view, 12> kHeader{"id",   "title", "description", "column",   "lane",     "owner_role",
                                                   "tags", "colour", "due",        "checklist", "archived", "created_at"};
// The German header of CsvDialect::ExcelGerman (the words of the GUI's card editor). Not "ID"
// first: Excel takes a file starting with "ID" for a SYLK file and refuses it.
constexpr std::array<std::string_view, 12> kGermanHeader{
    "Karten-ID", "Titel", "Beschreibung", "Spalte", "Swimlane", "Verantwortlich", "Schlagwörter", "Farbe",
    "Fällig", "Checkliste", "Archiviert", "Erstellt"};

// Header names the import understands, folded with foldWord(), and the field of kHeader each means.
struct HeaderAlias {
    std::string_view name;
    std::size_t field;
};
constexpr HeaderAlias kHeaderAliases[] = {
    {"id", 0}, {"kartenid", 0},
    {"title", 1}, {"titel", 1}, {"name", 1}, {"karte", 1}, {"kartentitel", 1}, {"aufgabe", 1}, {"betreff", 1},
    {"card", 1}, {"cardname", 1}, {"summary", 1},
    {"description", 2}, {"beschreibung", 2}, {"desc", 2}, {"details", 2}, {"notiz", 2}, {"notizen", 2},
    {"bemerkung", 2}, {"bemerkungen", 2},
    {"column", 3}, {"spalte", 3}, {"liste", 3}, {"list", 3}, {"status", 3}, {"stage", 3},
    {"lane", 4}, {"swimlane", 4}, {"bahn", 4},
    {"ownerrole", 5}, {"owner", 5}, {"role", 5}, {"rolle", 5}, {"verantwortlich", 5}, {"verantwortlicherolle", 5},
    {"zustaendig", 5},
    {"tags", 6}, {"tag", 6}, {"schlagwoerter", 6}, {"schlagworte", 6}, {"schlagwort", 6}, {"stichwoerter", 6},
    {"labels", 6}, {"label", 6}, {"etiketten", 6},
    {"colour", 7}, {"color", 7}, {"farbe", 7},
    {"due", 8}, {"duedate", 8}, {"faellig", 8}, {"faelligam", 8}, {"faelligkeit", 8}, {"termin", 8}, {"frist", 8},
    {"deadline", 8},
    {"checklist", 9}, {"checkliste", 9},
    {"archived", 10}, {"archiviert", 10}, {"archiv", 10},
    {"createdat", 11}, {"created", 11}, {"erstellt", 11}, {"erstelltam", 11},
};

// German colour names of the GUI (de.po), folded.
constexpr std::array<std::string_view, static_cast<std::size_t>(CardColour::Count)> kGermanColours{
    "", "Orange", "Himmelblau", "Blaugrün", "Gelb", "Blau", "Zinnoberrot", "Rotviolett", "Grau"};
constexpr std::array<std::string_view, static_cast<std::size_t>(CardColour::Count)> kEnglishColours{
    "", "orange", "skyblue", "bluishgreen", "yellow", "blue", "vermillion", "reddishpurple", "grey"};
// German role words of the GUI (de.po) for the Excel export; parseRoleWord() reads them back.
constexpr std::array<std::string_view, static_cast<std::size_t>(Role::Count)> kGermanRoles{
    "Führungskraft", "Beschäftigte", "Personalrat", "Moderation", "Extern"};

std::optional<CardColour> parseColourWord(std::string_view word) {
    if (auto c = parseEnum<CardColour>(word)) return c;
    const std::string folded = foldWord(word);
    for (std::size_t i = 1; i < kGermanColours.size(); ++i)
        if (folded == foldWord(kGermanColours[i]) || folded == kEnglishColours[i]) return static_cast<CardColour>(i);
    if (folded == "gray") return CardColour::Grey;
    return std::nullopt;
}

std::optional<Role> parseRoleValue(std::string_view word) {
    if (auto r = parseEnum<Role>(word)) return r;
    return parseRoleWord(word);
}

// Windows-1252 0x80..0x9F (the rest of the upper half is Latin-1); 0xFFFD where it has no character.
constexpr std::uint16_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string fromUtf16(std::string_view bytes, bool littleEndian) {
    std::string out;
    out.reserve(bytes.size());
    const auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return littleEndian ? (a | (b << 8)) : ((a << 8) | b);
    };
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
            const std::uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        appendUtf8(out, cp);
    }
    return out;
}

bool looksLikeFormula(std::string_view text) {
    if (text.empty()) return false;
    const char c = text.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string field(std::string_view text, char delimiter) {
    std::string value;
    if (looksLikeFormula(text)) value += '\'';
    value += text;
    const char special[] = {delimiter, '"', '\r', '\n', ','};
    if (value.find_first_of(std::string_view(special, sizeof special)) == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string unprotect(std::string text) {
    if (text.size() >= 2 && text.front() == '\'' && looksLikeFormula(std::string_view(text).substr(1))) text.erase(0, 1);
    return text;
}

std::string trimBlanks(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

template <typename T> const T* byTitleOrId(const std::vector<T>& list, const std::string& key) {
    for (const auto& x : list)
        if (x.id == key) return &x;
    const std::string folded = foldCase(key);
    for (const auto& x : list)
        if (foldCase(x.title) == folded) return &x;
    return nullptr;
}

} // namespace

std::span<const std::string_view> csvProblemTexts() { return kProblemTexts; }

std::string exportCardsCsv(const Board& board, CsvDialect dialect) {
    const bool german = dialect == CsvDialect::ExcelGerman;
    const char sep = german ? ';' : ',';
    std::string out = german ? "\xEF\xBB\xBF" : "";
    const auto& header = german ? kGermanHeader : kHeader;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (i > 0) out += sep;
        out += header[i];
    }
    out += "\r\n";
    auto titleOf = [](const auto& list, const Id& id) -> std::string {
        for (const auto& x : list)
            if (x.id == id) return x.title;
        return id;
    };
    auto germanDate = [](const Date& d) -> std::string {
        if (!d.isSet()) return {};
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", d.day % 100, d.month % 100, d.year % 10000);
        return buffer;
    };
    // Cards column by column (left to right), in board order within a column: the spreadsheet
    // reads like the board, and a board imported from the file gets its columns in this order.
    std::vector<const Card*> ordered;
    ordered.reserve(board.cards.size());
    for (const auto& column : board.columns)
        for (const Card& c : board.cards)
            if (c.columnId == column.id) ordered.push_back(&c);
    for (const Card& c : board.cards)
        if (std::none_of(board.columns.begin(), board.columns.end(), [&](const Column& k) { return k.id == c.columnId; }))
            ordered.push_back(&c);
    for (const Card* card : ordered) {
        const Card& c = *card;
        std::string tags;
        for (const auto& t : c.tags) {
            if (!tags.empty()) tags += ';';
            tags += t;
        }
        std::string checklist;
        for (const auto& item : c.checklist) {
            if (!checklist.empty()) checklist += '\n';
            checklist += item.done ? "[x] " : "[ ] ";
            checklist += item.text;
        }
        std::string role, colour;
        if (c.ownerRole && inRange(*c.ownerRole))
            role = german ? kGermanRoles[static_cast<std::size_t>(*c.ownerRole)] : toName(*c.ownerRole);
        if (c.colour != CardColour::None && inRange(c.colour))
            colour = german ? kGermanColours[static_cast<std::size_t>(c.colour)] : toName(c.colour);
        const std::array<std::string, 12> values{
            c.id,
            c.title,
            c.description,
            titleOf(board.columns, c.columnId),
            c.laneId.empty() ? std::string{} : titleOf(board.lanes, c.laneId),
            role,
            tags,
            colour,
            german ? germanDate(c.due) : c.due.toString(),
            checklist,
            german ? (c.archived ? "ja" : "nein") : (c.archived ? "true" : "false"),
            c.createdAt.toString()};
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0) out += sep;
            out += field(values[i], sep);
        }
        out += "\r\n";
    }
    return out;
}

DecodedText decodeSpreadsheetText(std::string_view bytes) {
    DecodedText out;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        out.text = std::string(bytes.substr(3));
        out.encoding = "UTF-8 with BOM";
    } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        out.text = fromUtf16(bytes.substr(2), bytes[0] == '\xFF');
        out.encoding = "UTF-16";
    } else if (isValidUtf8(bytes)) {
        out.text = std::string(bytes);
        out.encoding = "UTF-8";
    } else {
        out.text.reserve(bytes.size() + bytes.size() / 8);
        for (const char ch : bytes) {
            const auto c = static_cast<unsigned char>(ch);
            if (c < 0x80) {
                out.text += ch;
            } else if (c < 0xA0) {
                appendUtf8(out.text, kCp1252High[c - 0x80]);
            } else {
                appendUtf8(out.text, c);
            }
        }
        out.encoding = "Windows-1252";
    }
    return out;
}

char detectDelimiter(std::string_view text, std::size_t& skipLines) {
    skipLines = 0;
    if (text.size() >= 5 && foldCase(text.substr(0, 4)) == "sep=" &&
        (text.size() == 5 || text[5] == '\r' || text[5] == '\n')) {
        skipLines = 1;
        return text[4];
    }
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        comma += c == ',';
        semicolon += c == ';';
        tab += c == '\t';
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
}

std::optional<Date> parseSpreadsheetDate(std::string_view text) {
    text = trim(text);
    if (text.empty()) return Date{};
    // A time of day after the date ("2026-12-24T00:00:00Z", "24.12.2026 00:00") is dropped.
    if (const auto cut = text.find_first_of(" T"); cut != std::string_view::npos) text = text.substr(0, cut);
    if (text.find('-') != std::string_view::npos) {
        const auto iso = Date::parse(text);
        if (!iso || !iso->isValid()) return std::nullopt;
        return iso;
    }
    int part[3] = {0, 0, 0};
    int digits[3] = {0, 0, 0};
    int n = 0;
    for (const char c : text) {
        if (c == '.') {
            if (++n > 2) return std::nullopt;
        } else if (c >= '0' && c <= '9' && digits[n] < 4) {
            part[n] = part[n] * 10 + (c - '0');
            ++digits[n];
        } else {
            return std::nullopt;
        }
    }
    if (n != 2 || digits[0] == 0 || digits[0] > 2 || digits[1] == 0 || digits[1] > 2 || (digits[2] != 2 && digits[2] != 4))
        return std::nullopt;
    const Date d{digits[2] == 2 ? 2000 + part[2] : part[2], part[1], part[0]};
    if (!d.isValid()) return std::nullopt;
    return d;
}

bool parseCsv(std::string_view text, std::vector<std::vector<std::string>>& rows, CsvProblem& problem, char delimiter) {
    rows.clear();
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<std::string> row;
    std::string value;
    bool quoted = false;     // inside a quoted field
    bool wasQuoted = false;  // the current field started with a quote
    bool rowStarted = false; // something of this record has been read
    std::size_t line = 1;
    std::size_t quoteLine = 1; // where the open quoted field began
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    value += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                value += c;
            }
            continue;
        }
        if (c == delimiter) {
            row.push_back(std::move(value));
            value.clear();
            wasQuoted = false;
            rowStarted = true;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (rowStarted || !value.empty() || wasQuoted) {
                row.push_back(std::move(value));
                rows.push_back(std::move(row));
            }
            row.clear();
            value.clear();
            wasQuoted = false;
            rowStarted = false;
            ++line;
        } else if (c == '"') {
            if (!value.empty() || wasQuoted) {
                problem = CsvProblem{line, "quote inside an unquoted field", {}};
                return false;
            }
            quoted = true;
            quoteLine = line;
            wasQuoted = true;
            rowStarted = true;
        } else {
            if (wasQuoted) {
                problem = CsvProblem{line, "text after a closing quote", {}};
                return false;
            }
            value += c;
            rowStarted = true;
        }
    }
    if (quoted) {
        problem = CsvProblem{quoteLine, "unterminated quoted field", {}};
        return false;
    }
    if (rowStarted || !value.empty()) {
        row.push_back(std::move(value));
        rows.push_back(std::move(row));
    }
    return true;
}

namespace {

enum Field { kId, kTitle, kDescription, kColumn, kLane, kOwner, kTags, kColour, kDue, kChecklist, kArchived, kCreated };
using FieldIndex = std::array<std::optional<std::size_t>, kHeader.size()>;

// Decodes, detects the separator and splits the text into rows. `lineOffset` is the number of
// lines before the header (Excel's "sep=;"). False with the problem for the whole file.
bool readRows(std::string_view bytes, std::vector<std::vector<std::string>>& rows, std::size_t& lineOffset,
              std::string_view& encoding, char& delimiter, std::vector<CsvProblem>& errors) {
    DecodedText decoded = decodeSpreadsheetText(bytes);
    encoding = decoded.encoding;
    std::string_view text = decoded.text;
    delimiter = detectDelimiter(text, lineOffset);
    if (lineOffset > 0) {
        const auto end = text.find('\n');
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    CsvProblem error;
    if (!parseCsv(text, rows, error, delimiter)) {
        if (error.line > 0) error.line += lineOffset;
        errors.push_back(error);
        return false;
    }
    if (rows.empty()) {
        errors.push_back(CsvProblem{0, "no header row", {}});
        return false;
    }
    return true;
}

FieldIndex headerFields(const std::vector<std::string>& header) {
    FieldIndex at{};
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name = foldWord(trimBlanks(header[i]));
        for (const auto& alias : kHeaderAliases)
            if (name == alias.name && !at[alias.field]) at[alias.field] = i;
    }
    return at;
}

std::string cell(const FieldIndex& at, const std::vector<std::string>& row, int k) {
    const auto& idx = at[static_cast<std::size_t>(k)];
    // Spreadsheets end lines inside a cell with CRLF: texts keep LF only (core/text.hpp).
    return idx && *idx < row.size() ? normalizeLineBreaks(unprotect(row[*idx])) : std::string{};
}

void cardsFromRows(const Board& board, const std::vector<std::vector<std::string>>& rows, const FieldIndex& at,
                   std::size_t lineOffset, CardImport& out) {
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        const std::size_t where = r + 1 + lineOffset;
        auto get = [&](int k) { return cell(at, row, k); };
        Card card;
        card.title = get(kTitle);
        if (trimBlanks(card.title).empty()) {
            out.errors.push_back(CsvProblem{where, "empty title", {}});
            continue;
        }        card.description = get(kDescription);
        const std::string column = trimBlanks(get(kColumn));
        if (column.empty()) {
            card.columnId = board.columns.front().id;
        } else if (const Column* c = byTitleOrId(board.columns, column)) {
            card.columnId = c->id;
        } else {
            out.errors.push_back(CsvProblem{where, "unknown column '{1}'", column});
            continue;
        }
        const std::string lane = trimBlanks(get(kLane));
        if (!lane.empty()) {
            const Lane* l = byTitleOrId(board.lanes, lane);
            if (!l) {
                out.errors.push_back(CsvProblem{where, "unknown lane '{1}'", lane});
                continue;
            }
            card.laneId = l->id;
        }
        if (const std::string role = trimBlanks(get(kOwner)); !role.empty()) {
            card.ownerRole = parseRoleValue(role);
            if (!card.ownerRole) {
                out.errors.push_back(CsvProblem{where, "unknown owner role '{1}'", role});
                continue;
            }
        }
        if (const std::string colour = trimBlanks(get(kColour)); !colour.empty()) {
            const auto parsed = parseColourWord(colour);
            if (!parsed) {
                out.errors.push_back(CsvProblem{where, "unknown colour '{1}'", colour});
                continue;
            }
            card.colour = *parsed;
        }
        const std::string due = trimBlanks(get(kDue));
        const auto date = parseSpreadsheetDate(due);
        if (!date) {
            out.errors.push_back(CsvProblem{where, "invalid due date '{1}'", due});
            continue;
        }
        card.due = *date;
        const std::string tags = get(kTags);
        for (std::size_t start = 0; start <= tags.size();) {
            const auto end = std::min(tags.find(';', start), tags.size());
            std::string tag = trimBlanks(std::string_view(tags).substr(start, end - start));
            if (!tag.empty()) card.tags.push_back(std::move(tag));
            start = end + 1;
        }
        const std::string checklist = get(kChecklist);
        for (std::size_t start = 0; start < checklist.size();) {
            auto end = checklist.find('\n', start);
            if (end == std::string::npos) end = checklist.size();
            std::string line = checklist.substr(start, end - start);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            start = end + 1;
            ChecklistItem item;
            if (line.rfind("[x] ", 0) == 0 || line.rfind("[X] ", 0) == 0) {
                item.done = true;
                line.erase(0, 4);
            } else if (line.rfind("[ ] ", 0) == 0) {
                line.erase(0, 4);
            }
            item.text = trimBlanks(line);
            if (!item.text.empty()) card.checklist.push_back(std::move(item));
        }
        std::vector<const std::string*> texts{&card.title, &card.description};
        for (const auto& t : card.tags) texts.push_back(&t);
        for (const auto& c : card.checklist) texts.push_back(&c.text);
        std::string control;
        for (const std::string* t : texts) {
            if (const auto pos = findControlCharacter(*t); pos != std::string::npos) {
                control = codePointName(static_cast<unsigned char>((*t)[pos]));
                break;
            }
        }
        if (!control.empty()) {
            out.errors.push_back(CsvProblem{where, "the text contains a control character ({1})", control});
            continue;
        }
        const std::string archived = foldCase(trimBlanks(get(kArchived)));
        card.archived = archived == "true" || archived == "1" || archived == "yes" || archived == "ja" ||
                        archived == "wahr" || archived == "x";
        out.cards.push_back(std::move(card));
    }
}

// readRows() and the header's fields; false (with the problem) without a title field.
bool readTable(std::string_view bytes, std::vector<std::vector<std::string>>& rows, std::size_t& lineOffset,
               FieldIndex& at, std::string_view& encoding, char& delimiter, std::vector<CsvProblem>& errors) {
    if (!readRows(bytes, rows, lineOffset, encoding, delimiter, errors)) return false;
    at = headerFields(rows.front());
    if (at[kTitle]) return true;
    errors.push_back(CsvProblem{1 + lineOffset, "no 'title' column in the header", {}});
    return false;
}

} // namespace

CardImport parseCardsCsv(const Board& board, std::string_view bytes) {
    CardImport out;
    std::vector<std::vector<std::string>> rows;
    std::size_t lineOffset = 0;
    FieldIndex at{};
    if (!readTable(bytes, rows, lineOffset, at, out.encoding, out.delimiter, out.errors)) return out;
    if (board.columns.empty()) {
        out.errors.push_back(CsvProblem{0, "the board has no columns", {}});
        return out;
    }
    cardsFromRows(board, rows, at, lineOffset, out);
    return out;
}

BoardCsvImport parseBoardCsv(std::string_view bytes, std::string title, std::string_view language) {
    BoardCsvImport out;
    out.draft.title = std::move(title);
    std::vector<std::vector<std::string>> rows;
    std::size_t lineOffset = 0;
    FieldIndex at{};
    if (!readTable(bytes, rows, lineOffset, at, out.encoding, out.delimiter, out.errors)) return out;
    // The board's columns and lanes: the distinct values of those fields, in order of appearance
    // (case-insensitive, as the import matches them). Stand-in ids "\x1F1", "\x1F2", ... (no title
    // can look like one) map back to indices.
    Board board;
    const auto collect = [&](int field, auto& list) {
        std::unordered_map<std::string, std::size_t> seen;
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const std::string value = trimBlanks(cell(at, rows[r], field));
            if (value.empty() || findControlCharacter(value) != std::string::npos) continue;
            if (seen.emplace(foldCase(value), list.size()).second)
                list.push_back({"\x1F" + std::to_string(list.size() + 1), value});
        }
    };
    collect(kColumn, board.columns);
    collect(kLane, board.lanes);
    if (board.columns.size() > kMaxColumns) {
        static_assert(kMaxColumns == 64, "the message names the limit");
        out.errors.push_back(CsvProblem{0, "the file names {1} columns, a board has at most 64",
                                        std::to_string(board.columns.size())});
        return out;
    }
    if (board.columns.empty()) {
        const bool de = language != "en";
        board.columns.push_back({"\x1F" "1", de ? "Zu erledigen" : "To do", ColumnKind::Todo});
        board.columns.push_back({"\x1F" "2", de ? "In Arbeit" : "In progress", ColumnKind::InProgress});
        board.columns.push_back({"\x1F" "3", de ? "Erledigt" : "Done", ColumnKind::Done});
    } else {
        for (auto& c : board.columns) c.kind = guessColumnKind(c.title);
    }
    for (const auto& c : board.columns) out.draft.columns.push_back(DraftColumn{c.title, c.kind});
    for (const auto& l : board.lanes) out.draft.lanes.push_back(l.title);
    CardImport cards;
    cardsFromRows(board, rows, at, lineOffset, cards);
    out.errors = std::move(cards.errors);
    for (auto& card : cards.cards) {
        DraftCard d;
        d.title = std::move(card.title);
        d.description = std::move(card.description);
        d.ownerRole = card.ownerRole;
        d.tags = std::move(card.tags);
        d.colour = card.colour;
        d.due = card.due;
        d.checklist = std::move(card.checklist);
        d.column = static_cast<std::size_t>(std::stoul(card.columnId.substr(1))) - 1;
        if (!card.laneId.empty()) d.lane = static_cast<std::size_t>(std::stoul(card.laneId.substr(1))) - 1;
        d.archived = card.archived;
        out.draft.cards.push_back(std::move(d));
    }
    return out;
}

CommandResult importCards(const Session& s, const Id& boardId, const std::vector<Card>& cards, IdGenerator& ids,
                          Timestamp now) {
    Session work = s;
    Change combined;
    combined.label = "Import cards";
    auto take = [&](CommandResult r) -> std::optional<Refusal> {
        if (!r) return r.refusal();
        applyAfter(work, r.change());
        for (auto& step : r.change().steps) combined.steps.push_back(std::move(step));
        return std::nullopt;
    };
    for (const Card& in : cards) {
        Id cardId = ids.next("card");
        while (idInUse(work, cardId)) cardId = ids.next("card");
        if (auto r = take(addCard(work, boardId, cardId, in.columnId, in.laneId, in.title, kAtEnd, now))) return *r;
        Card edited = in;
        edited.id = cardId;
        for (auto& item : edited.checklist) {
            item.id = ids.next("check");
            while (idInUse(work, item.id)) item.id = ids.next("check");
        }
        if (auto r = take(updateCard(work, boardId, edited))) return *r;
        if (in.archived)
            if (auto r = take(archiveCard(work, boardId, cardId))) return *r;
    }
    return combined;
}

BoardRead readBoardCsv(std::string_view bytes, std::string title, std::string_view language) {
    BoardCsvImport in = parseBoardCsv(bytes, std::move(title), language);
    BoardRead out;
    out.problems = std::move(in.errors);
    if (in.draft.cards.empty()) {
        out.error = out.problems.empty() ? ImportNote{"The file has no cards.", {}}
                                         : ImportNote{"No card could be read from the file.", {}};
        return out;
    }
    const std::string separator = in.delimiter == '\t' ? std::string("tab") : std::string("'") + in.delimiter + "'";
    out.notes.push_back(ImportNote{"{1} cards in {2} columns",
                                   {std::to_string(in.draft.cards.size()), std::to_string(in.draft.columns.size())}});
    out.notes.push_back(ImportNote{"Read as {1}, separated by {2}", {std::string(in.encoding), separator}});
    out.draft = std::move(in.draft);
    return out;
}

} // namespace lernraum::core
