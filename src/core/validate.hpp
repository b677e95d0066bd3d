#pragma once
// validate(session) checks a session for every problem it can find, not only the first:
// duplicate or malformed ids, dangling references, out-of-range enums, empty required fields,
// invalid dates, negative counts, invalid UTF-8, control characters in texts and oversized values
// (including more columns or prompts than kMaxColumns / kMaxPrompts).

#include "model.hpp"

#include <string>
#include <vector>

namespace lernraum::core {

struct Problem {
    std::string where; // e.g. "card card-4f1c09a2b7e3"
    std::string what;  // e.g. "column 'col-1' does not exist"
    [[nodiscard]] std::string toString() const { return where.empty() ? what : where + ": " + what; }
    friend bool operator==(const Problem&, const Problem&) = default;
};

// Sanity limits; a file beyond them is rejected as invalid rather than slowing the app down.
inline constexpr std::size_t kMaxTextBytes = 64 * 1024;   // any single text field
inline constexpr std::size_t kMaxListSize = 200'000;      // any single list (cards, items, ...)
inline constexpr int kMaxCount = 1'000'000;               // votes, minutes, WIP limits, ...
// The GUI draws a board's columns and a retrospective's prompts side by side as the columns of
// one table, and Dear ImGui tables have at most 64 columns (IMGUI_TABLE_MAX_COLUMNS; beyond that
// the prebuilt library aborts). src/ui checks these against that limit at compile time.
inline constexpr std::size_t kMaxColumns = 64; // columns of one board
inline constexpr std::size_t kMaxPrompts = 64; // prompts (questions) of one retrospective

std::vector<Problem> validate(const Session& session);

struct ValidateOptions {
    // Every text is known to be valid UTF-8 already (the session file loader's JSON parser checks
    // the encoding of the whole file): skip the second pass over every text.
    bool textIsValidUtf8 = false;
};
std::vector<Problem> validate(const Session& session, const ValidateOptions& options);

} // namespace lernraum::core
