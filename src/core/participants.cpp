#include "participants.hpp"

#include "commands.hpp"
#include "text.hpp"

#include <algorithm>
#include <charconv>

namespace lernraum::core {

std::optional<Role> parseRoleWord(std::string_view word) {
    struct Alias {
        std::string_view name;
        Role role;
    };
    static constexpr Alias kAliases[] = {
        {"manager", Role::Manager},           {"managers", Role::Manager},
        {"fuehrungskraft", Role::Manager},    {"fuehrungskraefte", Role::Manager},
        {"fuhrungskraft", Role::Manager},     {"fuhrungskrafte", Role::Manager},
        {"leitung", Role::Manager},           {"employee", Role::Employee},
        {"employees", Role::Employee},        {"beschaeftigte", Role::Employee},
        {"beschaeftigter", Role::Employee},   {"beschaftigte", Role::Employee},
        {"mitarbeitende", Role::Employee},    {"staffcouncil", Role::StaffCouncil},
        {"staffcouncils", Role::StaffCouncil}, {"personalrat", Role::StaffCouncil},
        {"personalraete", Role::StaffCouncil}, {"personalrate", Role::StaffCouncil},
        {"facilitator", Role::Facilitator},   {"facilitators", Role::Facilitator},
        {"moderation", Role::Facilitator},    {"moderator", Role::Facilitator},
        {"moderatorin", Role::Facilitator},   {"external", Role::External},
        {"externals", Role::External},        {"extern", Role::External},
        {"externe", Role::External},          {"gast", Role::External},
        {"gaeste", Role::External},
    };
    const std::string folded = foldWord(word);
    for (const auto& alias : kAliases)
        if (alias.name == folded) return alias.role;
    return std::nullopt;
}

RoleCountsParse parseRoleCounts(std::string_view text) {
    RoleCountsParse result;
    RoleCounts counts{};
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(",;", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view part = trim(text.substr(start, end - start));
        start = end + 1;
        if (part.empty()) continue;
        // The count is the run of digits at the start or at the end; the rest is the role.
        std::string_view number;
        std::string_view word;
        const auto firstNonDigit = part.find_first_not_of("0123456789");
        const auto lastNonDigit = part.find_last_not_of("0123456789");
        if (firstNonDigit != 0 && firstNonDigit != std::string_view::npos) {
            number = part.substr(0, firstNonDigit);
            word = part.substr(firstNonDigit);
        } else if (lastNonDigit != std::string_view::npos && lastNonDigit + 1 < part.size()) {
            number = part.substr(lastNonDigit + 1);
            word = part.substr(0, lastNonDigit + 1);
        }
        word = trim(word);
        while (!word.empty() && (word.front() == '=' || word.front() == ':')) word = trim(word.substr(1));
        while (!word.empty() && (word.back() == '=' || word.back() == ':')) word = trim(word.substr(0, word.size() - 1));
        int n = -1;
        const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
        const auto role = parseRoleWord(word);
        if (number.empty() || ec != std::errc{} || ptr != number.data() + number.size() || !role || n < 0 ||
            n > kMaxParticipantsPerEntry) {
            result.badPart = std::string(part);
            return result;
        }
        int& slot = counts[static_cast<std::size_t>(*role)];
        slot = std::min(slot + n, kMaxParticipantsPerEntry);
        if (end == text.size()) break;
    }
    result.counts = counts;
    return result;
}

std::vector<Participant> anonymousParticipants(const Session& s, const RoleCounts& counts, IdGenerator& ids) {
    std::vector<Participant> out;
    for (std::size_t r = 0; r < counts.size(); ++r) {
        for (int i = 0; i < counts[r]; ++i) {
            Participant p;
            do {
                p.id = ids.next("part");
            } while (idInUse(s, p.id) ||
                     std::any_of(out.begin(), out.end(), [&](const Participant& q) { return q.id == p.id; }));
            p.role = static_cast<Role>(r);
            out.push_back(std::move(p));
        }
    }
    return out;
}

} // namespace lernraum::core
