#include "board_csv.hpp"

#include "board_filter.hpp"
#include "commands.hpp"
#include "ids.hpp"
#include "text.hpp"

#include <algorithm>
#include <array>
#include <optional>

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
};

constexpr std::array<std::string_view, 12> kHeader{"id",   "title", "description", "column",   "lane",     "owner_role",
                                                   "tags", "colour", "due",        "checklist", "archived", "created_at"};

bool looksLikeFormula(std::string_view text) {
    if (text.empty()) return false;
    const char c = text.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string field(std::string_view text) {
    std::string value;
    if (looksLikeFormula(text)) value += '\'';
    value += text;
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
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

std::string exportCardsCsv(const Board& board) {
    std::string out;
    for (std::size_t i = 0; i < kHeader.size(); ++i) {
        if (i > 0) out += ',';
        out += kHeader[i];
    }
    out += "\r\n";
    auto titleOf = [](const auto& list, const Id& id) -> std::string {
        for (const auto& x : list)
            if (x.id == id) return x.title;
        return id;
    };
    for (const Card& c : board.cards) {
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
        const std::array<std::string, 12> values{
            c.id,
            c.title,
            c.description,
            titleOf(board.columns, c.columnId),
            c.laneId.empty() ? std::string{} : titleOf(board.lanes, c.laneId),
            c.ownerRole ? std::string(toName(*c.ownerRole)) : std::string{},
            tags,
            c.colour == CardColour::None ? std::string{} : std::string(toName(c.colour)),
            c.due.toString(),
            checklist,
            c.archived ? "true" : "false",
            c.createdAt.toString()};
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0) out += ',';
            out += field(values[i]);
        }
        out += "\r\n";
    }
    return out;
}

bool parseCsv(std::string_view text, std::vector<std::vector<std::string>>& rows, CsvProblem& problem) {
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
        if (c == ',') {
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

CardImport parseCardsCsv(const Board& board, std::string_view text) {
    CardImport out;
    std::vector<std::vector<std::string>> rows;
    CsvProblem error;
    if (!parseCsv(text, rows, error)) {
        out.errors.push_back(error);
        return out;
    }
    if (rows.empty()) {
        out.errors.push_back(CsvProblem{0, "no header row", {}});
        return out;
    }
    std::array<std::optional<std::size_t>, kHeader.size()> at{};
    for (std::size_t i = 0; i < rows.front().size(); ++i) {
        const std::string name = foldCase(trimBlanks(rows.front()[i]));
        for (std::size_t k = 0; k < kHeader.size(); ++k)
            if (name == kHeader[k] && !at[k]) at[k] = i;
    }
    enum { kId, kTitle, kDescription, kColumn, kLane, kOwner, kTags, kColour, kDue, kChecklist, kArchived, kCreated };
    if (!at[kTitle]) {
        out.errors.push_back(CsvProblem{1, "no 'title' column in the header", {}});
        return out;
    }
    if (board.columns.empty()) {
        out.errors.push_back(CsvProblem{0, "the board has no columns", {}});
        return out;
    }
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        const std::size_t where = r + 1;
        auto get = [&](int k) -> std::string {
            const auto& idx = at[static_cast<std::size_t>(k)];
            // Spreadsheets end lines inside a cell with CRLF: texts keep LF only (core/text.hpp).
            return idx && *idx < row.size() ? normalizeLineBreaks(unprotect(row[*idx])) : std::string{};
        };
        Card card;
        card.title = get(kTitle);
        if (trimBlanks(card.title).empty()) {
            out.errors.push_back(CsvProblem{where, "empty title", {}});
            continue;
        }
        card.description = get(kDescription);
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
            card.ownerRole = parseEnum<Role>(role);
            if (!card.ownerRole) {
                out.errors.push_back(CsvProblem{where, "unknown owner role '{1}'", role});
                continue;
            }
        }
        if (const std::string colour = trimBlanks(get(kColour)); !colour.empty()) {
            const auto parsed = parseEnum<CardColour>(colour);
            if (!parsed) {
                out.errors.push_back(CsvProblem{where, "unknown colour '{1}'", colour});
                continue;
            }
            card.colour = *parsed;
        }
        const std::string due = trimBlanks(get(kDue));
        const auto date = Date::parse(due);
        if (!date || (date->isSet() && !date->isValid())) {
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
        card.archived = archived == "true" || archived == "1" || archived == "yes" || archived == "ja";
        out.cards.push_back(std::move(card));
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

} // namespace lernraum::core
