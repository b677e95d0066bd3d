#include "ui/retro_view.hpp"

#include "ui/i18n.hpp"
#include "ui/widgets.hpp"

#include <string>

namespace lernraum::ui {

void RetroView::draw(const core::Session& session, ViewContext& ctx) {
    if (session.retrospectives.empty()) {
        mutedText(_("This session has no retrospective yet."));
        return;
    }
    const core::Retrospective* retro = &session.retrospectives.front();
    for (const auto& r : session.retrospectives) {
        if (r.id == m_retroId) retro = &r;
    }
    if (session.retrospectives.size() > 1) {
        for (const auto& r : session.retrospectives) {
            ImGui::PushID(r.id.c_str());
            if (selectable(r.title.c_str(), &r == retro)) m_retroId = r.id;
            ImGui::PopID();
            ImGui::SameLine();
        }
        ImGui::NewLine();
    }
    m_retroId = retro->id;

    m_workspace.draw(session, *retro, ctx);
}

} // namespace lernraum::ui
