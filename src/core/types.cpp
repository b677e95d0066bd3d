#include "types.hpp"

#include <chrono>
#include <cstdio>

namespace lernraum::core {

namespace {

bool parseDigits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > text.size()) return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

std::chrono::year_month_day toYmd(const Date& d) {
    return std::chrono::year_month_day{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month)},
                                       std::chrono::day{static_cast<unsigned>(d.day)}};
}

} // namespace

bool Date::isValid() const {
    if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
    return toYmd(*this).ok();
}

int Date::daysSinceEpoch() const {
    return static_cast<int>(std::chrono::sys_days{toYmd(*this)}.time_since_epoch().count());
}

Date Date::fromDaysSinceEpoch(int days) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
    return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string Date::toString() const {
    if (!isSet()) return {};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<Date> Date::parse(std::string_view text) {
    if (text.empty()) return Date{};
    Date d;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!parseDigits(text, 0, 4, d.year) || !parseDigits(text, 5, 2, d.month) || !parseDigits(text, 8, 2, d.day))
        return std::nullopt;
    if (!d.isValid()) return std::nullopt;
    return d;
}

Date Timestamp::date() const {
    const auto days = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{seconds}});
    return Date::fromDaysSinceEpoch(static_cast<int>(days.time_since_epoch().count()));
}

std::string Timestamp::toString() const {
    if (!isSet()) return {};
    const auto tp = std::chrono::sys_seconds{std::chrono::seconds{seconds}};
    const auto day = std::chrono::floor<std::chrono::days>(tp);
    const Date d = Date::fromDaysSinceEpoch(static_cast<int>(day.time_since_epoch().count()));
    const std::int64_t secOfDay = (tp - day).count();
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                  static_cast<int>(secOfDay / 3600), static_cast<int>(secOfDay / 60 % 60), static_cast<int>(secOfDay % 60));
    return buf;
}

std::optional<Timestamp> Timestamp::parse(std::string_view text) {
    if (text.empty()) return Timestamp{};
    // YYYY-MM-DDTHH:MM:SSZ
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') return std::nullopt;
    const auto d = Date::parse(text.substr(0, 10));
    if (!d || !d->isSet()) return std::nullopt;
    int h = 0, m = 0, s = 0;
    if (!parseDigits(text, 11, 2, h) || !parseDigits(text, 14, 2, m) || !parseDigits(text, 17, 2, s)) return std::nullopt;
    if (h > 23 || m > 59 || s > 59) return std::nullopt;
    Timestamp t{static_cast<std::int64_t>(d->daysSinceEpoch()) * 86400 + h * 3600 + m * 60 + s};
    if (!t.isSet()) return std::nullopt; // the epoch itself is reserved for "not set"
    return t;
}

// ---------------------------------------------------------------------------------------------

namespace {
template <typename E, std::size_t N> std::string_view nameOf(E v, const std::array<std::string_view, N>& names) {
    static_assert(N == static_cast<std::size_t>(E::Count));
    const auto i = static_cast<std::size_t>(v);
    return i < N ? names[i] : std::string_view{"?"};
}
} // namespace

std::string_view sessionKindLabel(SessionKind v, std::string_view language) {
    static constexpr std::array<std::string_view, 5> de{"Auftaktveranstaltung", "Planungssitzung", "Auswertungssitzung",
                                                        "Evaluationssitzung", "Workshop"};
    static constexpr std::array<std::string_view, 5> en{"Kick-off", "Planning session", "Review session",
                                                        "Evaluation session", "Workshop"};
    const auto i = static_cast<std::size_t>(v);
    if (i >= de.size()) return "?";
    return language == "de" ? de[i] : en[i];
}

std::string_view toName(SessionKind v) {
    static constexpr std::array<std::string_view, 5> n{"kick_off", "planning", "review", "evaluation", "other"};
    return nameOf(v, n);
}
std::string_view toName(Role v) {
    static constexpr std::array<std::string_view, 5> n{"manager", "employee", "staff_council", "facilitator", "external"};
    return nameOf(v, n);
}
std::string_view toName(Phase v) {
    static constexpr std::array<std::string_view, 5> n{"set_the_stage", "gather_data", "generate_insights",
                                                       "decide_what_to_do", "close"};
    return nameOf(v, n);
}
std::string_view toName(ColumnKind v) {
    static constexpr std::array<std::string_view, 3> n{"todo", "in_progress", "done"};
    return nameOf(v, n);
}
std::string_view toName(WipMode v) {
    static constexpr std::array<std::string_view, 2> n{"soft", "hard"};
    return nameOf(v, n);
}
std::string_view toName(CardColour v) {
    static constexpr std::array<std::string_view, 9> n{"none",   "orange",     "sky_blue",       "bluish_green", "yellow",
                                                       "blue",   "vermillion", "reddish_purple", "grey"};
    return nameOf(v, n);
}
std::string_view toName(ActionStatus v) {
    static constexpr std::array<std::string_view, 4> n{"open", "in_progress", "done", "dropped"};
    return nameOf(v, n);
}
std::string_view toName(ExperimentStatus v) {
    static constexpr std::array<std::string_view, 6> n{"idea", "planned", "running", "evaluated", "transferred", "stopped"};
    return nameOf(v, n);
}
std::string_view toName(ExperimentResult v) {
    static constexpr std::array<std::string_view, 4> n{"none", "confirmed", "refuted", "inconclusive"};
    return nameOf(v, n);
}
std::string_view toName(EvidenceStrength v) {
    static constexpr std::array<std::string_view, 4> n{"none", "weak", "moderate", "strong"};
    return nameOf(v, n);
}
std::string_view toName(Decision v) {
    static constexpr std::array<std::string_view, 4> n{"none", "persevere", "adapt", "stop"};
    return nameOf(v, n);
}

} // namespace lernraum::core
