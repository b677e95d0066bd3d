#pragma once
// Building blocks shared by the command implementations (commands*.cpp). Not for views.
//
// A new command usually reads:
//   const auto* board = detail::findBoard(s, boardId);
//   if (!board) return detail::notFound("board", boardId);
//   auto before = detail::slotOf(board->cards, boardId, index);   // capture
//   auto after = before; after.value->title = title;             // edit the copy
//   return Change::single("Rename card", before, after, key);    // record

#include "commands.hpp"
#include "validate.hpp"

#include <algorithm>
#include <optional>

namespace lernraum::core::detail {

// termArgs: bit i set = args[i] is an English term (see Refusal::termArgs).
Refusal refuse(std::string_view code, std::string pattern, std::vector<std::string> args = {},
               std::uint32_t termArgs = 0);
Refusal notFound(std::string_view kind, const Id& id);
Refusal invalidValue(std::string_view field, std::string value);

// validate()'s text rules for one field; nullopt when fine.
std::optional<Refusal> checkText(std::string_view field, const std::string& value, bool required);
// kMaxColumns / kMaxPrompts ("limit-reached"); `count` is the size the list would have.
std::optional<Refusal> checkColumnCount(std::size_t count);
std::optional<Refusal> checkPromptCount(std::size_t count);
// Non-empty, well-formed and unused anywhere in the session.
std::optional<Refusal> checkNewId(const Session& s, const Id& id);
std::optional<Refusal> checkDate(std::string_view field, const Date& date);
std::optional<Refusal> checkCount(std::string_view field, long long value);
template <typename E> std::optional<Refusal> checkEnum(std::string_view field, E value) {
    if (inRange(value)) return std::nullopt;
    return invalidValue(field, std::to_string(static_cast<int>(value)));
}

template <typename T> std::optional<std::size_t> indexOf(const std::vector<T>& list, const Id& id) {
    const auto it = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.id == id; });
    if (it == list.end()) return std::nullopt;
    return static_cast<std::size_t>(it - list.begin());
}

template <typename T> const T* find(const std::vector<T>& list, const Id& id) {
    const auto i = indexOf(list, id);
    return i ? &list[*i] : nullptr;
}

inline const Board* findBoard(const Session& s, const Id& id) { return find(s.boards, id); }
inline const Retrospective* findRetro(const Session& s, const Id& id) { return find(s.retrospectives, id); }

// Capture the current state of list[index] as a slot (present).
template <typename T> Slot<T> slotOf(const std::vector<T>& list, const Id& ownerId, std::size_t index) {
    return Slot<T>{ownerId, list[index].id, list[index], index};
}
// The state "not in the list" of the object with this id.
template <typename T> Slot<T> absentSlot(const Id& ownerId, const Id& id) { return Slot<T>{ownerId, id, std::nullopt, 0}; }

// Merge key for a whole-object update: "<prefix>/<field>" when exactly one field changed,
// "" otherwise (several fields at once are one step of their own).
class FieldChanges {
public:
    void check(std::string_view field, bool changed) {
        if (changed) m_fields.push_back(field);
    }
    [[nodiscard]] std::string mergeKey(std::string_view prefix) const;

private:
    std::vector<std::string_view> m_fields;
};

// What refers to an object (actions, experiment links): nullopt when nothing does, otherwise the
// "still-referenced" refusal naming the first reference. `name` is the object's text.
std::optional<Refusal> stillReferenced(const Session& s, const Id& id, const std::string& name);

std::size_t clampIndex(std::size_t index, std::size_t size);

// Column visits must not go back in time: a clock that jumped back gives the previous time.
Timestamp notBefore(const Card& card, Timestamp now);

} // namespace lernraum::core::detail
