#pragma once
// What every view gets besides the session: display mode, the clock, and where to send commands.
// Views read the model and emit commands; they never mutate the session.

#include "core/change.hpp"
#include "core/model.hpp"

#include <functional>

namespace lernraum::ui {

struct ViewContext {
    bool presentation = false; // hide editing affordances, larger text
    core::Timestamp now;       // for ageing; views never read the clock themselves
    // Sends a command's result to the shell (applied on the undo history, or shown as refusal).
    std::function<void(core::CommandResult)> submit;
};

} // namespace lernraum::ui
