#pragma once
// The Retrospective tab: the five phases with the current one marked, the prompts of the format
// side by side with their cards (hidden cards stay face-down), and the agreed actions.

#include "ui/view.hpp"

namespace lernraum::ui {

class RetroView {
public:
    void draw(const core::Session& session, ViewContext& ctx);

private:
    core::Id m_retroId;
};

} // namespace lernraum::ui
