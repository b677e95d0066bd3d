#pragma once
// The activity library beside the agenda: activities per retrospective phase with duration and
// group size; one click adds one, "Suggest a plan" adds one per phase (core::addActivitiesToAgenda).

#include "core/ids.hpp"
#include "ui/view.hpp"

namespace lernraum::ui {

class ActivityLibraryPanel {
public:
    ActivityLibraryPanel();
    void draw(const core::Session& session, ViewContext& ctx);

private:
    core::IdGenerator m_ids;
};

} // namespace lernraum::ui
