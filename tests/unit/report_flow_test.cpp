// Lead time, cycle time, ageing and cumulative flow (src/core/flow.hpp).
#include "report_test_support.hpp"

#include "core/flow.hpp"

using namespace lernraum;
using lernraum::report::test::at;

namespace {
core::Board board() {
    core::Board b;
    b.id = "board-1";
    b.columns = {{"todo", "Offen", core::ColumnKind::Todo, 0, core::WipMode::Soft},
                 {"doing", "In Arbeit", core::ColumnKind::InProgress, 0, core::WipMode::Soft},
                 {"review", "Prüfung", core::ColumnKind::InProgress, 0, core::WipMode::Soft},
                 {"done", "Erledigt", core::ColumnKind::Done, 0, core::WipMode::Soft}};
    return b;
}
} // namespace

TEST_CASE("lead and cycle time from the column history", "[core][flow]") {
    const auto b = board();
    core::Card c;
    c.createdAt = at(2026, 11, 1, 8);
    c.history = {{"todo", at(2026, 11, 1, 8)}, {"doing", at(2026, 11, 3, 8)}, {"review", at(2026, 11, 4, 8)},
                 {"done", at(2026, 11, 6, 20)}, {"doing", at(2026, 11, 7, 8)}, {"done", at(2026, 11, 9, 8)}};
    c.columnId = "done";
    REQUIRE(core::leadTimeDays(b, c).has_value());
    CHECK(*core::leadTimeDays(b, c) == Approx(5.5));  // first entry into done
    CHECK(*core::cycleTimeDays(b, c) == Approx(3.5)); // first in-progress entry -> first done
    CHECK(*core::ageInColumnDays(c, at(2026, 11, 10, 8)) == Approx(1.0));
}

TEST_CASE("cards that never started or finished have no flow times", "[core][flow]") {
    const auto b = board();
    core::Card open;
    open.createdAt = at(2026, 11, 1);
    open.history = {{"todo", at(2026, 11, 1)}};
    CHECK_FALSE(core::leadTimeDays(b, open));
    CHECK_FALSE(core::cycleTimeDays(b, open));

    core::Card straight; // straight to done: lead time yes, cycle time no
    straight.history = {{"todo", at(2026, 11, 2)}, {"done", at(2026, 11, 4)}};
    CHECK(*core::leadTimeDays(b, straight) == Approx(2.0)); // createdAt unset: first history entry
    CHECK_FALSE(core::cycleTimeDays(b, straight));

    core::Card unknownColumn;
    unknownColumn.createdAt = at(2026, 11, 1);
    unknownColumn.history = {{"gone", at(2026, 11, 2)}};
    CHECK_FALSE(core::leadTimeDays(b, unknownColumn));
}

TEST_CASE("cumulative flow counts cards per column at the end of each day", "[core][flow]") {
    auto b = board();
    core::Card a;
    a.id = "a";
    a.createdAt = at(2026, 11, 1);
    a.history = {{"todo", at(2026, 11, 1)}, {"doing", at(2026, 11, 2)}, {"done", at(2026, 11, 3)}};
    a.columnId = "done";
    core::Card c;
    c.id = "c";
    c.createdAt = at(2026, 11, 2);
    c.history = {{"todo", at(2026, 11, 2)}};
    c.columnId = "todo";
    core::Card archived = c;
    archived.id = "x";
    archived.archived = true;
    b.cards = {a, c, archived};
    const auto flow = core::cumulativeFlow(b);
    REQUIRE(flow.size() == 3);
    CHECK(flow[0].day == core::Date{2026, 11, 1});
    CHECK(flow[0].counts == std::vector<int>{1, 0, 0, 0});
    CHECK(flow[1].counts == std::vector<int>{1, 1, 0, 0});
    CHECK(flow[2].counts == std::vector<int>{1, 0, 0, 1});
    CHECK(core::cumulativeFlow(b, 2).size() == 2);
    CHECK(core::cumulativeFlow(core::Board{}).empty());
}
