#include "core/demo.hpp"
#include "core/experiment_rules.hpp"

#include <catch2/catch.hpp>

using namespace lernraum::core;

namespace {

Experiment experiment(ExperimentStatus status, Date review) {
    Experiment e;
    e.id = "exp-test";
    e.title = "Test";
    e.status = status;
    e.reviewDate = review;
    return e;
}

} // namespace

TEST_CASE("a review is overdue only after its date, only while the experiment is active", "[core][experiment]") {
    const Date review{2026, 12, 16};
    const Date dayAfter{2026, 12, 17};
    for (const auto status : {ExperimentStatus::Planned, ExperimentStatus::Running}) {
        INFO(toName(status));
        const auto e = experiment(status, review);
        CHECK_FALSE(isReviewOverdue(e, Date{2026, 12, 15}));
        CHECK_FALSE(isReviewOverdue(e, review)); // due today is not overdue
        CHECK(isReviewOverdue(e, dayAfter));
        CHECK(isReviewOverdue(e, Date{2027, 1, 1}));
    }
    for (const auto status : {ExperimentStatus::Idea, ExperimentStatus::Evaluated, ExperimentStatus::Transferred,
                              ExperimentStatus::Stopped}) {
        INFO(toName(status));
        CHECK_FALSE(isReviewOverdue(experiment(status, review), dayAfter));
    }
}

TEST_CASE("a missing or invalid review date or today is never overdue", "[core][experiment]") {
    CHECK_FALSE(isReviewOverdue(experiment(ExperimentStatus::Running, Date{}), Date{2026, 12, 17}));
    CHECK_FALSE(isReviewOverdue(experiment(ExperimentStatus::Running, Date{2026, 2, 30}), Date{2026, 12, 17}));
    CHECK_FALSE(isReviewOverdue(experiment(ExperimentStatus::Running, Date{2026, 12, 16}), Date{}));
    CHECK_FALSE(isReviewOverdue(experiment(ExperimentStatus::Running, Date{2026, 12, 16}), Date{2027, 13, 1}));
}

TEST_CASE("days overdue count whole calendar days across month and year ends", "[core][experiment]") {
    const auto e = experiment(ExperimentStatus::Running, Date{2026, 12, 30});
    CHECK(daysOverdue(e, Date{2026, 12, 30}) == 0);
    CHECK(daysOverdue(e, Date{2026, 12, 31}) == 1);
    CHECK(daysOverdue(e, Date{2027, 1, 2}) == 3);
    CHECK(daysOverdue(e, Date{2027, 3, 1}) == 61); // 2 + 31 + 28
    CHECK(daysOverdue(experiment(ExperimentStatus::Stopped, Date{2026, 12, 30}), Date{2027, 1, 2}) == 0);
    const auto leap = experiment(ExperimentStatus::Planned, Date{2028, 2, 28});
    CHECK(daysOverdue(leap, Date{2028, 3, 1}) == 2);
}

TEST_CASE("the summary counts experiments by status and overdue reviews", "[core][experiment]") {
    const Date today{2026, 12, 20};
    std::vector<Experiment> list = {
        experiment(ExperimentStatus::Idea, Date{2026, 12, 1}),     // idea: not overdue
        experiment(ExperimentStatus::Running, Date{2026, 12, 19}), // overdue
        experiment(ExperimentStatus::Running, Date{2026, 12, 20}), // due today
        experiment(ExperimentStatus::Planned, Date{2026, 11, 1}),  // overdue
        experiment(ExperimentStatus::Evaluated, Date{2026, 11, 1}),
        experiment(ExperimentStatus::Stopped, Date{}),
        experiment(ExperimentStatus::Stopped, Date{}),
    };
    const auto s = summarizeExperiments(list, today);
    CHECK(s.total == 7);
    CHECK(s.count(ExperimentStatus::Idea) == 1);
    CHECK(s.count(ExperimentStatus::Planned) == 1);
    CHECK(s.count(ExperimentStatus::Running) == 2);
    CHECK(s.count(ExperimentStatus::Evaluated) == 1);
    CHECK(s.count(ExperimentStatus::Transferred) == 0);
    CHECK(s.count(ExperimentStatus::Stopped) == 2);
    CHECK(s.overdue == 2);

    // Without a date nothing is overdue; an out-of-range status counts only towards the total.
    list.push_back(experiment(static_cast<ExperimentStatus>(200), Date{}));
    const auto t = summarizeExperiments(list);
    CHECK(t.total == 8);
    CHECK(t.overdue == 0);
    int sum = 0;
    for (const int n : t.byStatus) sum += n;
    CHECK(sum == 7);
    CHECK(t.count(static_cast<ExperimentStatus>(200)) == 0);
}

TEST_CASE("the demo session's summary agrees with its experiments", "[core][experiment]") {
    const Session demo = makeDemoSession();
    // The day after the latest review date: every active experiment with a review date is overdue.
    Date latest{};
    for (const auto& e : demo.experiments)
        if (e.reviewDate.isValid() && latest < e.reviewDate) latest = e.reviewDate;
    REQUIRE(latest.isValid());
    const auto s = summarizeExperiments(demo.experiments, latest.addDays(1));
    CHECK(s.total == static_cast<int>(demo.experiments.size()));
    int active = 0;
    for (const auto& e : demo.experiments) {
        CHECK(s.count(e.status) >= 1);
        if (isActive(e) && e.reviewDate.isValid()) ++active;
    }
    CHECK(active >= 1);
    CHECK(s.overdue == active);
    CHECK(summarizeExperiments(demo.experiments, demo.date).overdue == 0);
}
