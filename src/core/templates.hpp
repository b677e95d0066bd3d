#pragma once
// Starting points for a new session ("lernraum new", File > New).

#include "ids.hpp"
#include "model.hpp"

#include <string>
#include <vector>

namespace lernraum::core {

// An empty workshop ready to use: one kanban board with the columns Offen / In Arbeit / Erledigt and
// one retrospective with the prompts "Was lief gut?", "Was können wir verbessern?",
// "Was probieren wir aus?". German texts (German is the default UI language).
Session makeEmptySession(const std::string& title, Date date, IdGenerator& ids);

// Names accepted by `lernraum new --template NAME`.
std::vector<std::string> templateNames(); // {"empty", "demo"}

} // namespace lernraum::core
