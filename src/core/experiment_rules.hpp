#pragma once
// Queries about practice experiments that views, reports and follow-ups share: is a review overdue,
// how many experiments are in each status, which experiments are still open work.
//
// The status rules themselves ("evaluated" needs a result, "transferred" needs a decision and a
// transfer recommendation) live with the commands: see missingForStatus() in commands.hpp.

#include "model.hpp"

#include <array>
#include <vector>

namespace lernraum::core {

// True while the experiment is still being prepared or tried out (Planned, Running): only then
// is a review date something the team still has to meet.
bool isActive(const Experiment& e);

// True when the experiment is active, has a valid review date and `today` is after that date.
// The review day itself is not overdue ("due today"). An unset or invalid `today` is never
// overdue. Ideas are not overdue: nothing has started yet.
bool isReviewOverdue(const Experiment& e, Date today);

// Whole days the review is overdue: 0 when isReviewOverdue() is false, else today - reviewDate.
int daysOverdue(const Experiment& e, Date today);

// The summary line of the experiment log: how many experiments are in each status, and how many
// reviews are overdue.
struct ExperimentSummary {
    std::array<int, static_cast<std::size_t>(ExperimentStatus::Count)> byStatus{};
    int total = 0;
    int overdue = 0;

    [[nodiscard]] int count(ExperimentStatus status) const {
        return inRange(status) ? byStatus[static_cast<std::size_t>(status)] : 0;
    }
    friend bool operator==(const ExperimentSummary&, const ExperimentSummary&) = default;
};

// Counts experiments by status; experiments with an out-of-range status count towards `total`
// only. `today` unset: overdue stays 0.
ExperimentSummary summarizeExperiments(const std::vector<Experiment>& experiments, Date today = {});

} // namespace lernraum::core
