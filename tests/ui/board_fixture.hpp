#pragma once
// Shared by the board's headless UI tests: a small session with the columns Todo | Doing (hard
// WIP limit 2) | Done and no lanes, cards with a history, and finding widgets by their label.

#include "harness.hpp"

#include "core/model.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace lernraum::test {

inline constexpr core::Timestamp kBoardCreated{1'789'000'000}; // before the harness clock (1'790'000'000)
inline const std::string kTodo = "col-000000000001", kDoing = "col-000000000002", kDone = "col-000000000003";

inline core::Card makeCard(const std::string& id, const std::string& title, const std::string& column) {
    core::Card c;
    c.id = id;
    c.title = title;
    c.columnId = column;
    c.createdAt = kBoardCreated;
    c.history.push_back({column, kBoardCreated});
    return c;
}

// "Praxisaufgaben" with Todo | Doing (hard limit 2) | Done, holding `cards`.
inline core::Session boardSessionWith(std::string title, std::vector<core::Card> cards) {
    core::Session s;
    s.id = "session-000000000001";
    s.title = std::move(title);
    core::Board b;
    b.id = "board-000000000001";
    b.title = "Praxisaufgaben";
    b.columns = {{kTodo, "Todo", core::ColumnKind::Todo, 0, core::WipMode::Soft},
                 {kDoing, "Doing", core::ColumnKind::InProgress, 2, core::WipMode::Hard},
                 {kDone, "Done", core::ColumnKind::Done, 0, core::WipMode::Soft}};
    b.cards = std::move(cards);
    s.boards.push_back(std::move(b));
    return s;
}

// Centres of every recorded item with this label, left to right.
inline std::vector<ImVec2> allItems(const std::string& label) {
    std::vector<ImVec2> out;
    for (const auto& item : ui::recordedItems())
        if (item.label == label) out.emplace_back((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f);
    std::sort(out.begin(), out.end(), [](const ImVec2& a, const ImVec2& b) { return a.x < b.x; });
    return out;
}

} // namespace lernraum::test
