#pragma once
// Participants by role: the quick entry "3 Führungskraft, 6 Beschäftigte, 2 Personalrat" (workshop
// dialog) and "fuehrungskraft=3,beschaeftigte=6,personalrat=2" (`lernraum new --participants`).

#include "ids.hpp"
#include "model.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::core {

using RoleCounts = std::array<int, static_cast<std::size_t>(Role::Count)>;

struct RoleCountsParse {
    std::optional<RoleCounts> counts; // set when every part was understood
    std::string badPart;              // the first part that was not (as typed)
};

// Parts separated by ',' or ';'; each part a count and a role in either order, joined by a space,
// '=' or ':' ("3 Führungskraft", "fuehrungskraft=3", "Personalrat: 2"). Roles by machine name
// (manager, employee, staff_council, facilitator, external) or German / English word, singular or
// plural, with or without umlauts, case-insensitive. Counts 0..kMaxParticipantsPerEntry; a role
// named twice adds up. An empty text is zero participants.
RoleCountsParse parseRoleCounts(std::string_view text);
inline constexpr int kMaxParticipantsPerEntry = 1000;

// One role word as parseRoleCounts() understands it ("Führungskraft", "personalrat", "employee").
std::optional<Role> parseRoleWord(std::string_view word);

// Anonymous participants (no name, no department) for the counts, ids from `ids` unused in `s`.
std::vector<Participant> anonymousParticipants(const Session& s, const RoleCounts& counts, IdGenerator& ids);

} // namespace lernraum::core
