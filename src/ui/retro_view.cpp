#include "ui/retro_view.hpp"

#include "core/formats.hpp"
#include "ui/i18n.hpp"
#include "ui/retro_library.hpp"
#include "ui/widgets.hpp"

#include <string>

namespace lernraum::ui {

// A session without a retrospective (a blank one from File > New): choosing a format starts one,
// with that format's questions, in one undo step (core::addRetrospective).
void RetroView::drawStart(const core::Session& session, ViewContext& ctx) {
    mutedText(_("This session has no retrospective yet."));
    recordLastItem(_("This session has no retrospective yet."));
    if (ctx.presentation) return;
    ImGui::Spacing();
    boldText(_("Start a retrospective with a format:"));
    const std::string& lang = language();
    const auto start = [&](const core::RetroFormat* format) {
        core::Retrospective retro;
        retro.id = m_ids.next("retro");
        while (core::idInUse(session, retro.id)) retro.id = m_ids.next("retro");
        retro.title = _("Retrospective");
        if (format) {
            retro.formatId = format->id;
            for (const auto& text : format->prompts) {
                core::Id id = m_ids.next("prompt");
                while (core::idInUse(session, id) || id == retro.id) id = m_ids.next("prompt");
                retro.prompts.push_back(core::Prompt{id, text.in(lang)});
            }
        }
        m_retroId = retro.id;
        ctx.submit(core::addRetrospective(session, std::move(retro)));
    };
    // The buttons flow into as many lines as the window needs.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    bool first = true;
    const auto flow = [&](const char* text) {
        if (!first) {
            ImGui::SameLine();
            const float w = ImGui::CalcTextSize(text).x + 2.0f * style.FramePadding.x;
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
        }
        first = false;
        return button(text);
    };
    for (const auto& f : retroLibrary().formats) {
        ImGui::PushID(f.id.c_str());
        if (flow(f.name.in(lang).c_str())) start(&f);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.description.in(lang).c_str());
        ImGui::PopID();
    }
    if (flow(_("Without a format (own questions)"))) start(nullptr);
}

void RetroView::draw(const core::Session& session, ViewContext& ctx) {
    dumpItemsForEndToEndTests(); // tests/e2e/retro_live_room.sh clicks by label; no-op otherwise
    if (session.retrospectives.empty()) {
        drawStart(session, ctx);
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
