#pragma once
// The Agenda tab: the workshop's plan (time, phase, item, timebox) next to its goal and the room.

#include "ui/view.hpp"

namespace lernraum::ui {

class AgendaView {
public:
    void draw(const core::Session& session, ViewContext& ctx);
};

} // namespace lernraum::ui
