#include "types.hpp"

#include <chrono>
#include <algorithm>
#include <cstdio>
#include <cstring>

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

namespace {
// `width` decimal digits of `value` (zero-padded; the lowest digits when it has more).
char* putDigits(char* out, long long value, int width) {
    if (value < 0) value = 0;
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    return out + width;
}
} // namespace

std::size_t Date::writeText(char* out) const {
    if (!isSet()) return 0;
    if (year < 0 || year > 9999) { // never from a valid date; keep snprintf's width then
        char buf[40];
        const int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        std::memcpy(out, buf, 10);
        return n < 10 ? static_cast<std::size_t>(n) : 10;
    }
    char* p = putDigits(out, year, 4);
    *p++ = '-';
    p = putDigits(p, month, 2);
    *p++ = '-';
    p = putDigits(p, day, 2);
    return static_cast<std::size_t>(p - out);
}

std::string Date::toString() const {
    if (!isSet()) return {};
    if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        return buf;
    }
    char buf[10];
    return std::string(buf, writeText(buf));
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

std::size_t Timestamp::writeText(char* out) const {
    if (!isSet()) return 0;
    const auto tp = std::chrono::sys_seconds{std::chrono::seconds{seconds}};
    const auto day = std::chrono::floor<std::chrono::days>(tp);
    const Date d = Date::fromDaysSinceEpoch(static_cast<int>(day.time_since_epoch().count()));
    const std::int64_t secOfDay = (tp - day).count();
    if (d.year < 0 || d.year > 9999) { // outside what files hold: the old formatting, cut to size
        char buf[64];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                      static_cast<int>(secOfDay / 3600), static_cast<int>(secOfDay / 60 % 60), static_cast<int>(secOfDay % 60));
        const std::size_t n = std::min<std::size_t>(std::strlen(buf), kTextBytes);
        std::memcpy(out, buf, n);
        return n;
    }
    char* p = out + d.writeText(out);
    *p++ = 'T';
    p = putDigits(p, secOfDay / 3600, 2);
    *p++ = ':';
    p = putDigits(p, secOfDay / 60 % 60, 2);
    *p++ = ':';
    p = putDigits(p, secOfDay % 60, 2);
    *p++ = 'Z';
    return static_cast<std::size_t>(p - out);
}

std::string Timestamp::toString() const {
    if (!isSet()) return {};
    const auto tp = std::chrono::sys_seconds{std::chrono::seconds{seconds}};
    const auto day = std::chrono::floor<std::chrono::days>(tp);
    const Date d = Date::fromDaysSinceEpoch(static_cast<int>(day.time_since_epoch().count()));
    if (d.year < 0 || d.year > 9999) { // outside what files hold: as before, full width
        const std::int64_t secOfDay = (tp - day).count();
        char buf[64];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                      static_cast<int>(secOfDay / 3600), static_cast<int>(secOfDay / 60 % 60), static_cast<int>(secOfDay % 60));
        return buf;
    }
    char buf[kTextBytes];
    return std::string(buf, writeText(buf));
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
