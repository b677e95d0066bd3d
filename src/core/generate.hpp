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

struct GenerateOptions {
    int cards = 50;        // total over all boards (negative counts are treated as 0)
    int retroItems = 30;   // total over all retrospectives
    int experiments = 5;
    std::uint64_t seed = 1;
    int participants = 12;
    int boards = 1;        // at least 0; cards are spread over the boards
    int retrospectives = 1;
    int actions = 6;       // per retrospective
    int agendaItems = 6;
};

Session generateSession(const GenerateOptions& options);

} // namespace lernraum::core
