#include "core/types.hpp"

#include <catch2/catch.hpp>

using namespace lernraum::core;

TEST_CASE("Date parses, formats and rejects invalid days", "[core][date]") {
    const auto d = Date::parse("2026-11-22");
    REQUIRE(d);
    CHECK(d->year == 2026);
    CHECK(d->month == 11);
    CHECK(d->day == 22);
    CHECK(d->toString() == "2026-11-22");
    CHECK(Date::parse("")->isSet() == false);
    CHECK_FALSE(Date::parse("2026-02-30"));
    CHECK_FALSE(Date::parse("2026-13-01"));
    CHECK_FALSE(Date::parse("26-11-22"));
    CHECK_FALSE(Date::parse("2026-11-2x"));
    CHECK(Date::parse("2024-02-29"));
    CHECK_FALSE(Date::parse("2023-02-29"));
}

TEST_CASE("Date arithmetic round-trips through days since epoch", "[core][date]") {
    const Date d{2026, 12, 30};
    CHECK(d.addDays(3) == Date{2027, 1, 2});
    CHECK(d.addDays(-365) == Date{2025, 12, 30});
    CHECK(Date::fromDaysSinceEpoch(0) == Date{1970, 1, 1});
    for (int days = -1000; days < 30000; days += 37) CHECK(Date::fromDaysSinceEpoch(days).daysSinceEpoch() == days);
}

TEST_CASE("Timestamp formats as ISO 8601 UTC and parses back", "[core][date]") {
    const auto t = Timestamp::parse("2026-11-22T10:05:09Z");
    REQUIRE(t);
    CHECK(t->toString() == "2026-11-22T10:05:09Z");
    CHECK(t->date() == Date{2026, 11, 22});
    CHECK_FALSE(Timestamp::parse("2026-11-22 10:05:09"));
    CHECK_FALSE(Timestamp::parse("2026-11-22T24:00:00Z"));
    CHECK(Timestamp::parse("")->isSet() == false);
}

TEST_CASE("Every enum value has a unique name that parses back", "[core][enum]") {
    for (int i = 0; i < static_cast<int>(Role::Count); ++i) {
        const auto r = static_cast<Role>(i);
        CHECK(parseEnum<Role>(toName(r)) == r);
    }
    for (int i = 0; i < static_cast<int>(ExperimentStatus::Count); ++i) {
        const auto s = static_cast<ExperimentStatus>(i);
        CHECK(parseEnum<ExperimentStatus>(toName(s)) == s);
    }
    CHECK_FALSE(parseEnum<Role>("boss"));
    CHECK_FALSE(inRange(static_cast<Role>(17)));
}
