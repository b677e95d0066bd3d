#pragma once
// The Retrospective tab: picks the retrospective (when a session has several) and draws its
// facilitation flow (RetroWorkspace). A session without one offers the formats to start one.

#include "core/ids.hpp"
#include "ui/retro_workspace.hpp"
#include "ui/view.hpp"

namespace lernraum::ui {

class RetroView {
public:
    void draw(const core::Session& session, ViewContext& ctx);
    // The retrospective shown; the audience window shows the facilitator's (audience_view.cpp).
    [[nodiscard]] const core::Id& retroId() const { return m_retroId; }
    void showRetro(const core::Id& retroId) { m_retroId = retroId; }

private:
    void drawStart(const core::Session& session, ViewContext& ctx);

    core::IdGenerator m_ids = core::IdGenerator::fromRandomDevice();
    core::Id m_retroId;
    RetroWorkspace m_workspace; // the facilitation flow (retro_workspace.cpp)
};

} // namespace lernraum::ui
