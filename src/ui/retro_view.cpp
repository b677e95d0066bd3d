#include "ui/retro_view.hpp"

#include "ui/i18n.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <string>

namespace lernraum::ui {
namespace {

void drawPhases(core::Phase current) {
    const Palette& p = palette();
    for (int i = 0; i < static_cast<int>(core::Phase::Count); ++i) {
        const auto phase = static_cast<core::Phase>(i);
        if (i > 0) {
            ImGui::SameLine();
            colouredText(p.muted, "\xE2\x80\xBA"); // single right-pointing angle quotation mark
            ImGui::SameLine();
        }
        const std::string text = std::to_string(i + 1) + ". " + label(phase);
        if (phase == current) {
            FontScope font(fonts().bold);
            badge(text);
        } else {
            ImGui::AlignTextToFramePadding();
            ImGui::PushStyleColor(ImGuiCol_Text, p.muted);
            ImGui::TextUnformatted(text.c_str());
            ImGui::PopStyleColor();
        }
    }
}

const core::RetroGroup* findGroup(const core::Retrospective& retro, const core::Id& id) {
    for (const auto& g : retro.groups) {
        if (g.id == id) return &g;
    }
    return nullptr;
}

void drawPrompt(const core::Retrospective& retro, const core::Prompt& prompt) {
    heading(prompt.text);
    ImGui::Spacing();
    int shown = 0;
    for (const auto& item : retro.items) {
        if (item.promptId != prompt.id) continue;
        ++shown;
        CardContent content;
        content.id = item.id;
        if (item.hidden) {
            content.title = _("(hidden card)");
        } else {
            content.title = item.text;
            std::string meta;
            if (const auto* group = findGroup(retro, item.groupId)) meta = std::string(_("Group")) + ": " + group->title;
            if (item.votes > 0) {
                if (!meta.empty()) meta += " \xC2\xB7 ";
                meta += "\xE2\x97\x8F " + std::to_string(item.votes) + " " + (item.votes == 1 ? _("vote") : _("votes"));
            }
            content.meta = std::move(meta);
        }
        card(content);
    }
    if (shown == 0) mutedText(_("No cards yet."));
}

void drawActions(const core::Retrospective& retro) {
    heading(_("Actions"));
    if (retro.actions.empty()) {
        mutedText(_("No actions agreed yet."));
        return;
    }
    const Palette& p = palette();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("actions", 4, flags)) return;
    ImGui::TableSetupColumn(_("Action"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(_("Who"), ImGuiTableColumnFlags_WidthFixed, em(9.0f));
    ImGui::TableSetupColumn(_("Due"), ImGuiTableColumnFlags_WidthFixed, em(6.5f));
    ImGui::TableSetupColumn(_("Status"), ImGuiTableColumnFlags_WidthFixed, em(7.0f));
    {
        FontScope font(fonts().bold);
        ImGui::TableHeadersRow();
    }
    for (const auto& action : retro.actions) {
        ImGui::PushID(action.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        wrappedText(action.text);
        if (!action.carriedFromSessionId.empty()) mutedText(_("carried over from the last workshop"));
        ImGui::TableSetColumnIndex(1);
        wrappedText(action.ownerRole && core::inRange(*action.ownerRole) ? label(*action.ownerRole) : "\xE2\x80\x93");
        ImGui::TableSetColumnIndex(2);
        wrappedText(action.due.isSet() ? formatDate(action.due) : "\xE2\x80\x93");
        ImGui::TableSetColumnIndex(3);
        const bool finished = action.status == core::ActionStatus::Done;
        colouredText(finished ? p.success : p.text, core::inRange(action.status) ? label(action.status) : "");
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace

void RetroView::draw(const core::Session& session, ViewContext& /*ctx*/) {
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

    ImGui::BeginChild("retro", ImVec2(0, 0));
    heading(retro->title);
    if (core::inRange(retro->phase)) drawPhases(retro->phase);
    ImGui::Spacing();

    const int n = static_cast<int>(retro->prompts.size());
    if (n > 0) {
        const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX;
        if (ImGui::BeginTable("prompts", n, flags)) {
            ImGui::TableNextRow();
            for (int i = 0; i < n; ++i) {
                ImGui::TableSetColumnIndex(i);
                ImGui::PushID(i);
                drawPrompt(*retro, retro->prompts[static_cast<std::size_t>(i)]);
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    drawActions(*retro);
    ImGui::EndChild();
}

} // namespace lernraum::ui
