#pragma once
// The Agenda tab: the workshop's plan (time, phase, item, timebox, used time, done) next to the
// big timer, the workshop's goal, the room and the activity library.

#include "ui/retro_activities.hpp"
#include "ui/view.hpp"

namespace lernraum::ui {

class AgendaView {
public:
    void draw(const core::Session& session, ViewContext& ctx);

private:
    ActivityLibraryPanel m_library; // fills the agenda from the activity library (retro_activities.hpp)
};

} // namespace lernraum::ui
