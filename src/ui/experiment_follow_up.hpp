#pragma once
// File > New follow-up session: the next workshop's document made from the open one with
// core::makeFollowUp (open experiments with their history, boards, open actions for review, a
// link back to this session by id). Same defaults as `lernraum follow-up`.

#include "core/ids.hpp"
#include "core/model.hpp"

namespace lernraum::ui {

// The date is the current session's next review; without one, `today`, but never before the
// current workshop's date.
core::Session followUpSession(const core::Session& current, core::Date today, core::IdGenerator& ids);

} // namespace lernraum::ui
