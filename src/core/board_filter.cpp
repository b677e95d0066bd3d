#include "board_filter.hpp"

#include "flow.hpp"

#include <algorithm>

namespace lernraum::core {

std::string foldCase(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = static_cast<char>(c + ('a' - 'A'));
        } else if (c == 0xC3 && i + 1 < out.size()) {
            // U+00C0..U+00DE (except U+00D7, the multiplication sign) -> U+00E0..U+00FE
            auto next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
            ++i;
        }
    }
    return out;
}

bool isOverdue(const Board& board, const Card& card, Date today) {
    if (!card.due.isValid() || !today.isValid() || !(card.due < today)) return false;
    return columnKindOf(board, card.columnId) != ColumnKind::Done;
}

namespace {

bool contains(std::string_view haystack, std::string_view foldedNeedle) {
    return foldCase(haystack).find(foldedNeedle) != std::string::npos;
}

} // namespace

bool matchesFilter(const Board& board, const Card& card, const CardFilter& filter, Date today) {
    if (filter.ownerRole && card.ownerRole != filter.ownerRole) return false;
    if (filter.overdueOnly && !isOverdue(board, card, today)) return false;
    if (!filter.tag.empty()) {
        const std::string tag = foldCase(filter.tag);
        if (std::none_of(card.tags.begin(), card.tags.end(), [&](const std::string& t) { return foldCase(t) == tag; }))
            return false;
    }
    if (!filter.text.empty()) {
        const std::string needle = foldCase(filter.text);
        bool found = contains(card.title, needle) || contains(card.description, needle);
        for (const auto& t : card.tags) found = found || contains(t, needle);
        for (const auto& item : card.checklist) found = found || contains(item.text, needle);
        if (!found) return false;
    }
    return true;
}

std::vector<std::string> boardTags(const Board& board) {
    std::vector<std::string> tags;
    for (const auto& card : board.cards) {
        if (card.archived) continue;
        for (const auto& t : card.tags) {
            const std::string folded = foldCase(t);
            if (std::none_of(tags.begin(), tags.end(), [&](const std::string& x) { return foldCase(x) == folded; }))
                tags.push_back(t);
        }
    }
    std::sort(tags.begin(), tags.end(),
              [](const std::string& a, const std::string& b) { return foldCase(a) < foldCase(b); });
    return tags;
}

} // namespace lernraum::core
