#pragma once
// The Retrospective tab: picks the retrospective (when a session has several) and draws its
// facilitation flow (RetroWorkspace).

#include "ui/retro_workspace.hpp"
#include "ui/view.hpp"

namespace lernraum::ui {

class RetroView {
public:
    void draw(const core::Session& session, ViewContext& ctx);

private:
    core::Id m_retroId;
    RetroWorkspace m_workspace; // the facilitation flow (retro_workspace.cpp)
};

} // namespace lernraum::ui
