#include "ui/experiment_follow_up.hpp"

#include "core/follow_up.hpp"

namespace lernraum::ui {

core::Session followUpSession(const core::Session& current, core::Date today, core::IdGenerator& ids) {
    core::FollowUpOptions options;
    if (!current.nextReview.isValid() && today.isValid()) {
        options.date = today;
        if (current.date.isValid() && options.date < current.date) options.date = current.date;
    }
    return core::makeFollowUp(current, options, ids);
}

} // namespace lernraum::ui
