#pragma once
// Basic value types of the Lernraum domain: ids, calendar dates, timestamps, enums.
// Pure C++: no GUI, no serialization, no file I/O.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lernraum::core {

// Stable identifier of every object ("card-4f1c09a2b7e3"). Never a list position or a title.
using Id = std::string;

// A calendar date without time zone. Default-constructed = "not set".
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    [[nodiscard]] bool isSet() const { return year != 0 || month != 0 || day != 0; }
    [[nodiscard]] bool isValid() const; // set and a real calendar day (1900..9999)
    [[nodiscard]] int daysSinceEpoch() const; // requires isValid()
    static Date fromDaysSinceEpoch(int days);
    [[nodiscard]] std::string toString() const; // "YYYY-MM-DD", "" when not set
    // toString() into `out` (at least 10 chars, no NUL added); returns the length (0 when not set).
    std::size_t writeText(char* out) const;
    static std::optional<Date> parse(std::string_view text); // strict "YYYY-MM-DD"; "" -> Date{}
    [[nodiscard]] Date addDays(int days) const { return fromDaysSinceEpoch(daysSinceEpoch() + days); }

    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};

// A point in time: whole seconds since 1970-01-01T00:00:00Z. 0 = not set.
struct Timestamp {
    std::int64_t seconds = 0;

    [[nodiscard]] bool isSet() const { return seconds != 0; }
    [[nodiscard]] Date date() const; // UTC calendar day
    [[nodiscard]] std::string toString() const; // "2026-11-22T10:00:00Z", "" when not set
    // toString() into `out` (at least kTextBytes chars, no NUL added), without allocating; returns
    // the number of chars written (0 when not set). Saving writes every timestamp this way.
    static constexpr std::size_t kTextBytes = 20;
    std::size_t writeText(char* out) const;
    static std::optional<Timestamp> parse(std::string_view text); // strict ISO 8601 UTC "Z"; "" -> {}

    friend bool operator==(const Timestamp&, const Timestamp&) = default;
    friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

// ---------------------------------------------------------------------------------------------
// Enums. Each has a stable machine name (used in files and exports) via toName()/parseX().
// `Count` is the number of valid values; anything >= Count is out of range.

enum class SessionKind : std::uint8_t { KickOff, Planning, Review, Evaluation, Other, Count };
enum class Role : std::uint8_t { Manager, Employee, StaffCouncil, Facilitator, External, Count };
// The five retrospective phases (Derby & Larsen); also the phase of an agenda item.
enum class Phase : std::uint8_t { SetTheStage, GatherData, GenerateInsights, DecideWhatToDo, Close, Count };
enum class ColumnKind : std::uint8_t { Todo, InProgress, Done, Count };
enum class WipMode : std::uint8_t { Soft, Hard, Count };
// Okabe-Ito colour-blind-safe palette; None = default card colour.
enum class CardColour : std::uint8_t { None, Orange, SkyBlue, BluishGreen, Yellow, Blue, Vermillion, ReddishPurple, Grey, Count };
enum class ActionStatus : std::uint8_t { Open, InProgress, Done, Dropped, Count };
enum class ExperimentStatus : std::uint8_t { Idea, Planned, Running, Evaluated, Transferred, Stopped, Count };
enum class ExperimentResult : std::uint8_t { None, Confirmed, Refuted, Inconclusive, Count };
enum class EvidenceStrength : std::uint8_t { None, Weak, Moderate, Strong, Count };
enum class Decision : std::uint8_t { None, Persevere, Adapt, Stop, Count };

template <typename E> constexpr bool inRange(E value) { return static_cast<int>(value) < static_cast<int>(E::Count); }

std::string_view toName(SessionKind v);
// The display name of a session kind in "de" or "en" (anything else: English). The one source for
// the GUI, the transfer report and follow-up titles, so they always name a kind the same way.
std::string_view sessionKindLabel(SessionKind v, std::string_view language);
std::string_view toName(Role v);
std::string_view toName(Phase v);
std::string_view toName(ColumnKind v);
std::string_view toName(WipMode v);
std::string_view toName(CardColour v);
std::string_view toName(ActionStatus v);
std::string_view toName(ExperimentStatus v);
std::string_view toName(ExperimentResult v);
std::string_view toName(EvidenceStrength v);
std::string_view toName(Decision v);

// Parse a machine name; std::nullopt when unknown. Usage: parseEnum<Role>("manager").
template <typename E> std::optional<E> parseEnum(std::string_view name) {
    for (int i = 0; i < static_cast<int>(E::Count); ++i) {
        if (toName(static_cast<E>(i)) == name) return static_cast<E>(i);
    }
    return std::nullopt;
}

} // namespace lernraum::core
