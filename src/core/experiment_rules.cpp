#include "experiment_rules.hpp"

namespace lernraum::core {

bool isActive(const Experiment& e) { return e.status == ExperimentStatus::Planned || e.status == ExperimentStatus::Running; }

bool isReviewOverdue(const Experiment& e, Date today) {
    if (!isActive(e) || !e.reviewDate.isValid() || !today.isValid()) return false;
    return e.reviewDate < today;
}

int daysOverdue(const Experiment& e, Date today) {
    if (!isReviewOverdue(e, today)) return 0;
    return today.daysSinceEpoch() - e.reviewDate.daysSinceEpoch();
}

ExperimentSummary summarizeExperiments(const std::vector<Experiment>& experiments, Date today) {
    ExperimentSummary summary;
    for (const auto& e : experiments) {
        ++summary.total;
        if (inRange(e.status)) ++summary.byStatus[static_cast<std::size_t>(e.status)];
        if (isReviewOverdue(e, today)) ++summary.overdue;
    }
    return summary;
}

} // namespace lernraum::core
