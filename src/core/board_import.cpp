#include "board_import.hpp"

#include "commands.hpp"
#include "commands_detail.hpp"
#include "ids.hpp"
#include "text.hpp"

#include <unordered_set>

namespace lernraum::core {

using namespace detail;

namespace {

constexpr std::string_view kNoteTexts[] = {
    // Trello (src/import/trello.cpp): summary
    "{1} columns, {2} cards ({3} of them archived)",
    "{1} archived lists left out (with {2} cards)",
    "{1} cards skipped: their list is not in the file",
    "{1} checklists with {2} items",
    "{1} labels became tags",
    "Due dates are taken as days (UTC); times of day are left out.",
    "Card '{1}' skipped: {2}",
    "Not imported: members, avatars, e-mail addresses, comments, attachments, votes and the history of the board, "
    "so that no personal data from the other tool ends up in the workshop file.",
    "Not imported: custom fields, stickers, cover images and Power-Ups.",
    // Trello: refusals
    "This JSON file is not a Trello board export (it has no lists and cards).",
    "This is a single card, not a board. Export the whole board in Trello: Menu > Print, export and share > Export as JSON.",
    "The board has {1} cards, more than {2}.",
    "The board has {1} open lists, a Lernraum board has at most {2} columns.",
    "The board has no open lists, so there is nothing to import.",
    "The file is empty.",
    "The file is larger than {1} MB.",
    "The file is not valid UTF-8 text, so it is not a Trello export.",
    "The file is damaged or not JSON: {1} (at byte {2}).",
    "The file is too large to read.",
    "The file ends in the middle: it was cut off while copying or downloading.",
    // CSV as a new board (lernraum import csv, Board menu > Import)
    "{1} cards in {2} columns",
    "Read as {1}, separated by {2}",
    "{1} lines skipped:",
    "The file has no cards.",
    "No card could be read from the file.",
    "Could not read the file: {1}",
};

// Every id of the session in one set: checking 50,000 new ids against it stays linear.
std::unordered_set<std::string_view> usedIds(const Session& s) {
    std::unordered_set<std::string_view> ids;
    ids.insert(s.id);
    const auto add = [&](const auto& list) {
        for (const auto& x : list) ids.insert(x.id);
    };
    add(s.participants);
    add(s.agenda);
    add(s.boards);
    add(s.retrospectives);
    add(s.experiments);
    for (const auto& b : s.boards) {
        add(b.columns);
        add(b.lanes);
        add(b.cards);
        for (const auto& c : b.cards) add(c.checklist);
    }
    for (const auto& r : s.retrospectives) {
        add(r.prompts);
        add(r.items);
        add(r.groups);
        add(r.actions);
    }
    for (const auto& e : s.experiments) add(e.observations);
    return ids;
}

} // namespace

std::span<const std::string_view> importNoteTexts() { return kNoteTexts; }

ColumnKind guessColumnKind(std::string_view title) {
    // Letters only, folded ("DONE! 🙌" -> "done", "In Arbeit" -> "inarbeit").
    std::string letters;
    for (char c : foldWord(title))
        if ((c >= 'a' && c <= 'z') || c == '?') letters += c;
    static constexpr std::string_view kDone[] = {"done", "erledigt", "fertig", "abgeschlossen", "complete", "completed",
                                                 "finished", "closed", "geschlossen", "umgesetzt"};
    static constexpr std::string_view kDoing[] = {"doing", "inarbeit", "inprogress", "inbearbeitung", "wip",
                                                  "laeuft", "ongoing", "started", "begonnen", "aktiv"};
    for (auto w : kDone)
        if (letters == w) return ColumnKind::Done;
    for (auto w : kDoing)
        if (letters == w) return ColumnKind::InProgress;
    return ColumnKind::Todo;
}

std::optional<Refusal> checkDraftCard(const DraftCard& card) {
    if (auto r = checkText("card title", card.title, true)) return r;
    if (auto r = checkText("description", card.description, false)) return r;
    if (card.ownerRole)
        if (auto r = checkEnum("owner role", *card.ownerRole)) return r;
    if (auto r = checkEnum("colour", card.colour)) return r;
    if (auto r = checkDate("due date", card.due)) return r;
    if (card.tags.size() > kMaxListSize || card.checklist.size() > kMaxListSize) return invalidValue("list size", "too long");
    for (const auto& t : card.tags)
        if (auto r = checkText("tag", t, true)) return r;
    for (const auto& item : card.checklist)
        if (auto r = checkText("checklist item", item.text, true)) return r;
    return std::nullopt;
}

Board buildBoard(const BoardDraft& draft, IdGenerator& ids, Timestamp now, const Session& s) {
    const auto used = usedIds(s);
    std::unordered_set<Id> mine;
    const auto fresh = [&](std::string_view prefix) {
        Id id = ids.next(prefix);
        while (used.count(id) || !mine.insert(id).second) id = ids.next(prefix);
        return id;
    };
    Board b;
    b.id = fresh("board");
    b.title = draft.title;
    for (std::size_t i = 0; i < draft.columns.size(); ++i) {
        const auto& c = draft.columns[i];
        b.columns.push_back(Column{fresh("col"), trim(c.title).empty() ? std::to_string(i + 1) : c.title, c.kind, 0,
                                   WipMode::Soft});
    }
    for (std::size_t i = 0; i < draft.lanes.size(); ++i)
        b.lanes.push_back(Lane{fresh("lane"), trim(draft.lanes[i]).empty() ? std::to_string(i + 1) : draft.lanes[i]});
    b.cards.reserve(draft.cards.size());
    for (const auto& d : draft.cards) {
        Card c;
        c.id = fresh("card");
        c.title = d.title;
        c.description = d.description;
        c.ownerRole = d.ownerRole;
        c.tags = d.tags;
        c.colour = d.colour;
        c.due = d.due;
        c.checklist = d.checklist;
        for (auto& item : c.checklist) item.id = fresh("check");
        if (!b.columns.empty()) c.columnId = b.columns[d.column < b.columns.size() ? d.column : 0].id;
        if (d.lane && *d.lane < b.lanes.size()) c.laneId = b.lanes[*d.lane].id;
        c.archived = d.archived;
        c.createdAt = now;
        c.history.push_back(ColumnVisit{c.columnId, now});
        b.cards.push_back(std::move(c));
    }
    return b;
}

CommandResult addImportedBoard(const Session& s, Board board, std::size_t atIndex) {
    if (auto r = checkText("board title", board.title, true)) return *r;
    if (auto r = checkColumnCount(board.columns.size())) return *r;
    if (board.cards.size() > kMaxListSize || board.lanes.size() > kMaxListSize)
        return invalidValue("list size", std::to_string(board.cards.size()));
    const auto used = usedIds(s);
    std::unordered_set<std::string_view> mine;
    const auto checkId = [&](const Id& id) -> std::optional<Refusal> {
        if (!isWellFormedId(id)) return refuse(refusal::InvalidId, "'{1}' is not a valid id", {id});
        if (used.count(id) || !mine.insert(id).second)
            return refuse(refusal::DuplicateId, "The id '{1}' is already in use", {id});
        return std::nullopt;
    };
    if (auto r = checkId(board.id)) return *r;
    std::unordered_set<std::string_view> columns, lanes;
    for (const auto& c : board.columns) {
        if (auto r = checkId(c.id)) return *r;
        if (auto r = checkText("column title", c.title, true)) return *r;
        if (auto r = checkEnum("column kind", c.kind)) return *r;
        if (auto r = checkEnum("WIP mode", c.wipMode)) return *r;
        if (auto r = checkCount("WIP limit", c.wipLimit)) return *r;
        columns.insert(c.id);
    }
    for (const auto& l : board.lanes) {
        if (auto r = checkId(l.id)) return *r;
        if (auto r = checkText("lane title", l.title, true)) return *r;
        lanes.insert(l.id);
    }
    for (const auto& c : board.cards) {
        if (auto r = checkId(c.id)) return *r;
        if (!columns.count(c.columnId)) return notFound("column", c.columnId);
        if (!c.laneId.empty() && !lanes.count(c.laneId)) return notFound("lane", c.laneId);
        if (!c.createdAt.isSet()) return invalidValue("time", "0");
        for (const auto& v : c.history)
            if (!columns.count(v.columnId)) return notFound("column", v.columnId);
        for (const auto& item : c.checklist)
            if (auto r = checkId(item.id)) return *r;
        DraftCard fields;
        fields.title = c.title;
        fields.description = c.description;
        fields.ownerRole = c.ownerRole;
        fields.colour = c.colour;
        fields.due = c.due;
        if (auto r = checkDraftCard(fields)) return *r;
        for (const auto& t : c.tags)
            if (auto r = checkText("tag", t, true)) return *r;
        for (const auto& item : c.checklist)
            if (auto r = checkText("checklist item", item.text, true)) return *r;
    }
    const Id id = board.id;
    return Change::single("Import board", absentSlot<Board>({}, id),
                          Slot<Board>{{}, id, std::move(board), clampIndex(atIndex, s.boards.size())});
}

} // namespace lernraum::core
