#pragma once
// The Experiments tab: every practice experiment as a card with hypothesis, measure, success
// criterion, status, observations, result and decision.

#include "ui/view.hpp"

namespace lernraum::ui {

class ExperimentView {
public:
    void draw(const core::Session& session, ViewContext& ctx);
};

} // namespace lernraum::ui
