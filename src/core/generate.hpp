#pragma once
// Deterministic synthetic sessions for tests and benchmarks. The same options always give an equal
// Session (operator==); different seeds give different sessions. Every field of every model type is
// exercised with varied values (set and empty optionals, every enum value, Unicode text with umlauts,
// emoji, quotes, backslashes and newlines, long text, histories, links with and without session id,
// swimlanes, checklists), so a save -> load round trip over many seeds covers the whole file format.
// The result always passes validate() without problems.

#include "model.hpp"

#include <cstdint>

namespace lernraum::core {

// Negative counts are treated as 0. Every enum value of every enum appears once a session has
// at least 6 experiments, 9 cards, 4 actions and 5 participants (the session kind is seed % 5).
struct GenerateOptions {
    int cards = 50;         // total, spread evenly over the boards
    int retroItems = 30;    // total, spread evenly over the retrospectives
    int experiments = 5;
    std::uint64_t seed = 1;
    int participants = 12;
    int boards = 1;         // 0 with cards > 0 still gives one board
    int retrospectives = 1; // 0 with retroItems > 0 still gives one retrospective
    int actions = 6;        // per retrospective
    int agendaItems = 6;
};

Session generateSession(const GenerateOptions& options);

} // namespace lernraum::core
