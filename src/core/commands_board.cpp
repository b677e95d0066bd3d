// Kanban board commands: boards, columns, lanes, cards, and the WIP rule.

#include "commands.hpp"

#include "commands_detail.hpp"
#include "ids.hpp"

#include <unordered_set>

namespace lernraum::core {

using namespace detail;

// ---------------------------------------------------------------------------------------------
// Queries

int wipCount(const Board& board, const Id& columnId) {
    return static_cast<int>(std::count_if(board.cards.begin(), board.cards.end(),
                                          [&](const Card& c) { return !c.archived && c.columnId == columnId; }));
}

bool isOverWipLimit(const Board& board, const Column& column) {
    return column.wipLimit > 0 && wipCount(board, column.id) > column.wipLimit;
}

std::vector<std::size_t> cellCards(const Board& board, const Id& columnId, const Id& laneId) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < board.cards.size(); ++i) {
        const auto& c = board.cards[i];
        if (!c.archived && c.columnId == columnId && c.laneId == laneId) out.push_back(i);
    }
    return out;
}

namespace {

// The refusal when `entering` more cards would exceed the column's hard limit.
std::optional<Refusal> checkWip(const Board& board, const Column& column, int entering = 1) {
    if (column.wipMode != WipMode::Hard || column.wipLimit <= 0) return std::nullopt;
    const int count = wipCount(board, column.id);
    if (count + entering <= column.wipLimit) return std::nullopt;
    return refuse(refusal::WipLimitReached, "Column '{1}' is full ({2}/{3})",
                  {column.title, std::to_string(count), std::to_string(column.wipLimit)});
}

// Where in board.cards a card goes so that it is at position `pos` of its cell; `skip` is the
// index of the card being moved (it is taken out first), or kAtEnd for a new card. Returns the
// index in the vector after the card has been taken out.
std::size_t insertionIndex(const Board& board, const Id& columnId, const Id& laneId, std::size_t pos, std::size_t skip) {
    std::vector<std::size_t> cell = cellCards(board, columnId, laneId);
    std::erase(cell, skip);
    const auto adjust = [&](std::size_t i) { return (skip != kAtEnd && i > skip) ? i - 1 : i; };
    const std::size_t size = board.cards.size() - (skip == kAtEnd ? 0 : 1);
    if (pos < cell.size()) return adjust(cell[pos]);
    if (!cell.empty()) return adjust(cell.back()) + 1;
    return size;
}

std::optional<Refusal> checkColumn(const Column& c) {
    if (auto r = checkText("column title", c.title, true)) return r;
    if (auto r = checkEnum("column kind", c.kind)) return r;
    if (auto r = checkEnum("WIP mode", c.wipMode)) return r;
    return checkCount("WIP limit", c.wipLimit);
}

// Capture the board frame, let `edit` change the copy, and return the change.
template <typename Edit>
CommandResult editBoardFrame(const Session& s, const Id& boardId, std::string label, std::string mergeKey, Edit edit) {
    const auto* board = findBoard(s, boardId);
    if (!board) return notFound("board", boardId);
    BoardFrame before = frameOf(*board);
    BoardFrame after = before;
    if (auto r = edit(after.board)) return *r;
    return Change::single(std::move(label), std::move(before), std::move(after), std::move(mergeKey));
}

struct CardRef {
    const Board* board = nullptr;
    std::size_t index = 0;
    const Card& card() const { return board->cards[index]; }
};

std::variant<CardRef, Refusal> findCard(const Session& s, const Id& boardId, const Id& cardId) {
    const auto* board = findBoard(s, boardId);
    if (!board) return notFound("board", boardId);
    const auto i = indexOf(board->cards, cardId);
    if (!i) return notFound("card", cardId);
    return CardRef{board, *i};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Boards

Board makeBoard(IdGenerator& ids, std::string title, std::string_view language) {
    const bool de = language != "en";
    Board b;
    b.id = ids.next("board");
    b.title = std::move(title);
    b.columns.push_back(Column{ids.next("col"), de ? "Zu erledigen" : "To do", ColumnKind::Todo, 0, WipMode::Soft});
    b.columns.push_back(Column{ids.next("col"), de ? "In Arbeit" : "In progress", ColumnKind::InProgress, 3, WipMode::Soft});
    b.columns.push_back(Column{ids.next("col"), de ? "Erledigt" : "Done", ColumnKind::Done, 0, WipMode::Soft});
    return b;
}

CommandResult addBoard(const Session& s, Board board, std::size_t atIndex) {
    if (auto r = checkNewId(s, board.id)) return *r;
    if (auto r = checkText("board title", board.title, true)) return *r;
    if (!board.cards.empty()) return invalidValue("new board", "with cards");
    if (auto r = checkColumnCount(board.columns.size())) return *r;
    std::unordered_set<Id> ids{board.id};
    for (const auto& c : board.columns) {
        if (auto r = checkNewId(s, c.id)) return *r;
        if (!ids.insert(c.id).second) return refuse(refusal::DuplicateId, "The id '{1}' is already in use", {c.id});
        if (auto r = checkColumn(c)) return *r;
    }
    for (const auto& l : board.lanes) {
        if (auto r = checkNewId(s, l.id)) return *r;
        if (!ids.insert(l.id).second) return refuse(refusal::DuplicateId, "The id '{1}' is already in use", {l.id});
        if (auto r = checkText("lane title", l.title, true)) return *r;
    }
    const Id id = board.id;
    return Change::single("Add board", absentSlot<Board>({}, id),
                          Slot<Board>{{}, id, std::move(board), clampIndex(atIndex, s.boards.size())});
}

CommandResult renameBoard(const Session& s, const Id& boardId, std::string title) {
    return editBoardFrame(s, boardId, "Rename board", "board/" + boardId + "/title",
                          [&](Board& b) -> std::optional<Refusal> {
                              if (auto r = checkText("board title", title, true)) return r;
                              b.title = title;
                              return std::nullopt;
                          });
}

CommandResult removeBoard(const Session& s, const Id& boardId) {
    const auto i = indexOf(s.boards, boardId);
    if (!i) return notFound("board", boardId);
    for (const auto& c : s.boards[*i].cards)
        if (auto r = stillReferenced(s, c.id, c.title)) return *r;
    return Change::single("Remove board", slotOf(s.boards, {}, *i), absentSlot<Board>({}, boardId));
}

// ---------------------------------------------------------------------------------------------
// Columns and lanes

CommandResult addColumn(const Session& s, const Id& boardId, Column column, std::size_t atIndex) {
    if (auto r = checkNewId(s, column.id)) return *r;
    if (auto r = checkColumn(column)) return *r;
    return editBoardFrame(s, boardId, "Add column", {}, [&](Board& b) -> std::optional<Refusal> {
        if (auto r = checkColumnCount(b.columns.size() + 1)) return r;
        const auto at = clampIndex(atIndex, b.columns.size());
        b.columns.insert(b.columns.begin() + static_cast<std::ptrdiff_t>(at), column);
        return std::nullopt;
    });
}

CommandResult renameColumn(const Session& s, const Id& boardId, const Id& columnId, std::string title) {
    return editBoardFrame(s, boardId, "Rename column", "column/" + columnId + "/title",
                          [&](Board& b) -> std::optional<Refusal> {
                              const auto i = indexOf(b.columns, columnId);
                              if (!i) return notFound("column", columnId);
                              if (auto r = checkText("column title", title, true)) return r;
                              b.columns[*i].title = title;
                              return std::nullopt;
                          });
}

CommandResult setColumnWip(const Session& s, const Id& boardId, const Id& columnId, int limit, WipMode mode) {
    return editBoardFrame(s, boardId, "Change WIP limit", "column/" + columnId + "/wip",
                          [&](Board& b) -> std::optional<Refusal> {
                              const auto i = indexOf(b.columns, columnId);
                              if (!i) return notFound("column", columnId);
                              if (auto r = checkCount("WIP limit", limit)) return r;
                              if (auto r = checkEnum("WIP mode", mode)) return r;
                              b.columns[*i].wipLimit = limit;
                              b.columns[*i].wipMode = mode;
                              return std::nullopt;
                          });
}

CommandResult moveColumn(const Session& s, const Id& boardId, const Id& columnId, std::size_t toIndex) {
    return editBoardFrame(s, boardId, "Move column", {}, [&](Board& b) -> std::optional<Refusal> {
        const auto i = indexOf(b.columns, columnId);
        if (!i) return notFound("column", columnId);
        Column c = std::move(b.columns[*i]);
        b.columns.erase(b.columns.begin() + static_cast<std::ptrdiff_t>(*i));
        const auto at = clampIndex(toIndex, b.columns.size());
        b.columns.insert(b.columns.begin() + static_cast<std::ptrdiff_t>(at), std::move(c));
        return std::nullopt;
    });
}

CommandResult removeColumn(const Session& s, const Id& boardId, const Id& columnId, const Id& targetColumnId,
                           Timestamp now) {
    const auto* board = findBoard(s, boardId);
    if (!board) return notFound("board", boardId);
    const auto* column = find(board->columns, columnId);
    if (!column) return notFound("column", columnId);

    // Cards in the column move to the target; cards that only passed through it get the target
    // in their history instead, so every history entry keeps pointing at an existing column.
    Change c;
    c.label = "Remove column";
    int entering = 0;
    for (std::size_t i = 0; i < board->cards.size(); ++i) {
        const Card& card = board->cards[i];
        const bool inColumn = card.columnId == columnId;
        const bool visited = std::any_of(card.history.begin(), card.history.end(),
                                         [&](const ColumnVisit& v) { return v.columnId == columnId; });
        if (!inColumn && !visited) continue;
        auto before = slotOf(board->cards, boardId, i);
        auto after = before;
        for (auto& v : after.value->history)
            if (v.columnId == columnId) v.columnId = targetColumnId;
        if (inColumn) {
            if (!card.archived) ++entering;
            after.value->columnId = targetColumnId;
            after.value->history.push_back(ColumnVisit{targetColumnId, notBefore(card, now)});
        }
        c.steps.push_back(Step{std::move(before), std::move(after)});
    }
    if (!c.steps.empty()) {
        const auto* target = find(board->columns, targetColumnId);
        if (targetColumnId.empty() || targetColumnId == columnId)
            return refuse(refusal::NeedsTarget, "Choose a column for the cards of '{1}'", {column->title});
        if (!target) return notFound("column", targetColumnId);
        if (auto r = checkWip(*board, *target, entering)) return *r;
        if (!now.isSet()) return invalidValue("time", "0");
    }
    BoardFrame before = frameOf(*board);
    BoardFrame after = before;
    std::erase_if(after.board.columns, [&](const Column& col) { return col.id == columnId; });
    c.steps.push_back(Step{std::move(before), std::move(after)});
    return c;
}

CommandResult addLane(const Session& s, const Id& boardId, Lane lane, std::size_t atIndex) {
    if (auto r = checkNewId(s, lane.id)) return *r;
    if (auto r = checkText("lane title", lane.title, true)) return *r;
    return editBoardFrame(s, boardId, "Add swimlane", {}, [&](Board& b) -> std::optional<Refusal> {
        const auto at = clampIndex(atIndex, b.lanes.size());
        b.lanes.insert(b.lanes.begin() + static_cast<std::ptrdiff_t>(at), lane);
        return std::nullopt;
    });
}

CommandResult renameLane(const Session& s, const Id& boardId, const Id& laneId, std::string title) {
    return editBoardFrame(s, boardId, "Rename swimlane", "lane/" + laneId + "/title",
                          [&](Board& b) -> std::optional<Refusal> {
                              const auto i = indexOf(b.lanes, laneId);
                              if (!i) return notFound("lane", laneId);
                              if (auto r = checkText("lane title", title, true)) return r;
                              b.lanes[*i].title = title;
                              return std::nullopt;
                          });
}

CommandResult moveLane(const Session& s, const Id& boardId, const Id& laneId, std::size_t toIndex) {
    return editBoardFrame(s, boardId, "Move swimlane", {}, [&](Board& b) -> std::optional<Refusal> {
        const auto i = indexOf(b.lanes, laneId);
        if (!i) return notFound("lane", laneId);
        Lane l = std::move(b.lanes[*i]);
        b.lanes.erase(b.lanes.begin() + static_cast<std::ptrdiff_t>(*i));
        const auto at = clampIndex(toIndex, b.lanes.size());
        b.lanes.insert(b.lanes.begin() + static_cast<std::ptrdiff_t>(at), std::move(l));
        return std::nullopt;
    });
}

CommandResult removeLane(const Session& s, const Id& boardId, const Id& laneId) {
    const auto* board = findBoard(s, boardId);
    if (!board) return notFound("board", boardId);
    if (!find(board->lanes, laneId)) return notFound("lane", laneId);
    // The lane's cards (archived ones too) stay in their columns, in the row without a lane, after
    // the cards already there: moved to the end of the vector in their current order.
    Change c;
    c.label = "Remove swimlane";
    std::vector<std::size_t> moving;
    for (std::size_t i = 0; i < board->cards.size(); ++i)
        if (board->cards[i].laneId == laneId) moving.push_back(i);
    // Each step takes one card out and appends it; steps see the list as the previous ones left it,
    // so the k-th card has moved k places up by then.
    const std::size_t last = board->cards.size() - 1;
    for (std::size_t k = 0; k < moving.size(); ++k) {
        auto before = slotOf(board->cards, boardId, moving[k]);
        before.index = moving[k] - k;
        auto after = before;
        after.value->laneId.clear();
        after.index = last;
        c.steps.push_back(Step{std::move(before), std::move(after)});
    }
    BoardFrame before = frameOf(*board);
    BoardFrame after = before;
    std::erase_if(after.board.lanes, [&](const Lane& l) { return l.id == laneId; });
    c.steps.push_back(Step{std::move(before), std::move(after)});
    return c;
}

// ---------------------------------------------------------------------------------------------
// Cards

CommandResult addCard(const Session& s, const Id& boardId, const Id& cardId, const Id& columnId, const Id& laneId,
                      std::string title, std::size_t atIndex, Timestamp now) {
    const auto* board = findBoard(s, boardId);
    if (!board) return notFound("board", boardId);
    const auto* column = find(board->columns, columnId);
    if (!column) return notFound("column", columnId);
    if (!laneId.empty() && !find(board->lanes, laneId)) return notFound("lane", laneId);
    if (auto r = checkNewId(s, cardId)) return *r;
    if (auto r = checkText("card title", title, true)) return *r;
    if (!now.isSet()) return invalidValue("time", "0");
    if (auto r = checkWip(*board, *column)) return *r;

    Card card;
    card.id = cardId;
    card.title = std::move(title);
    card.columnId = columnId;
    card.laneId = laneId;
    card.createdAt = now;
    card.history.push_back(ColumnVisit{columnId, now});
    const auto at = insertionIndex(*board, columnId, laneId, atIndex, kAtEnd);
    return Change::single("Add card", absentSlot<Card>(boardId, cardId), Slot<Card>{boardId, cardId, std::move(card), at});
}

CommandResult updateCard(const Session& s, const Id& boardId, const Card& card) {
    auto found = findCard(s, boardId, card.id);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const auto ref = std::get<CardRef>(found);
    const Card& old = ref.card();

    if (auto r = checkText("card title", card.title, true)) return *r;
    if (auto r = checkText("description", card.description, false)) return *r;
    if (card.ownerRole)
        if (auto r = checkEnum("owner role", *card.ownerRole)) return *r;
    if (auto r = checkEnum("colour", card.colour)) return *r;
    if (auto r = checkDate("due date", card.due)) return *r;
    if (card.tags.size() > kMaxListSize || card.checklist.size() > kMaxListSize) return invalidValue("list size", "too long");
    for (const auto& t : card.tags)
        if (auto r = checkText("tag", t, true)) return *r;
    std::unordered_set<Id> checklistIds;
    for (const auto& item : card.checklist) {
        if (auto r = checkText("checklist item", item.text, true)) return *r;
        if (!checklistIds.insert(item.id).second)
            return refuse(refusal::DuplicateId, "The id '{1}' is already in use", {item.id});
        const bool existing = std::any_of(old.checklist.begin(), old.checklist.end(),
                                          [&](const ChecklistItem& o) { return o.id == item.id; });
        if (!existing)
            if (auto r = checkNewId(s, item.id)) return *r;
    }

    Card next = old;
    next.title = card.title;
    next.description = card.description;
    next.ownerRole = card.ownerRole;
    next.tags = card.tags;
    next.colour = card.colour;
    next.due = card.due;
    next.checklist = card.checklist;

    FieldChanges f;
    f.check("title", next.title != old.title);
    f.check("description", next.description != old.description);
    f.check("ownerRole", next.ownerRole != old.ownerRole);
    f.check("tags", next.tags != old.tags);
    f.check("colour", next.colour != old.colour);
    f.check("due", next.due != old.due);
    f.check("checklist", next.checklist != old.checklist);

    auto before = slotOf(ref.board->cards, boardId, ref.index);
    auto after = before;
    after.value = std::move(next);
    return Change::single("Edit card", std::move(before), std::move(after), f.mergeKey("card/" + card.id));
}

CommandResult moveCard(const Session& s, const Id& boardId, const Id& cardId, const Id& toColumnId, const Id& toLaneId,
                       std::size_t toIndex, Timestamp now) {
    auto found = findCard(s, boardId, cardId);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const auto ref = std::get<CardRef>(found);
    const Board& board = *ref.board;
    const Card& card = ref.card();
    const auto* column = find(board.columns, toColumnId);
    if (!column) return notFound("column", toColumnId);
    if (!toLaneId.empty() && !find(board.lanes, toLaneId)) return notFound("lane", toLaneId);
    if (card.archived) return refuse(refusal::CardArchived, "The card '{1}' is archived", {card.title});

    auto before = slotOf(board.cards, boardId, ref.index);
    auto after = before;
    Card& next = *after.value;
    if (toColumnId != card.columnId) {
        if (!now.isSet()) return invalidValue("time", "0");
        if (auto r = checkWip(board, *column)) return *r;
        next.history.push_back(ColumnVisit{toColumnId, notBefore(card, now)});
    }
    next.columnId = toColumnId;
    next.laneId = toLaneId;
    after.index = insertionIndex(board, toColumnId, toLaneId, toIndex, ref.index);
    return Change::single("Move card", std::move(before), std::move(after));
}

CommandResult archiveCard(const Session& s, const Id& boardId, const Id& cardId) {
    auto found = findCard(s, boardId, cardId);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const auto ref = std::get<CardRef>(found);
    auto before = slotOf(ref.board->cards, boardId, ref.index);
    auto after = before;
    after.value->archived = true;
    return Change::single("Archive card", std::move(before), std::move(after));
}

CommandResult restoreCard(const Session& s, const Id& boardId, const Id& cardId) {
    auto found = findCard(s, boardId, cardId);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const auto ref = std::get<CardRef>(found);
    const Card& card = ref.card();
    if (card.archived) {
        const auto* column = find(ref.board->columns, card.columnId);
        if (!column) return notFound("column", card.columnId);
        if (auto r = checkWip(*ref.board, *column)) return *r;
    }
    auto before = slotOf(ref.board->cards, boardId, ref.index);
    auto after = before;
    after.value->archived = false;
    return Change::single("Restore card", std::move(before), std::move(after));
}

CommandResult deleteCard(const Session& s, const Id& boardId, const Id& cardId) {
    auto found = findCard(s, boardId, cardId);
    if (auto* r = std::get_if<Refusal>(&found)) return *r;
    const auto ref = std::get<CardRef>(found);
    if (auto r = stillReferenced(s, cardId, ref.card().title)) return *r;
    return Change::single("Delete card", slotOf(ref.board->cards, boardId, ref.index), absentSlot<Card>(boardId, cardId));
}

} // namespace lernraum::core
