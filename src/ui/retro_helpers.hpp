#pragma once
// Small helpers shared by the retrospective's source files (retro_workspace.cpp, retro_cards.cpp).
// Not for other views.

#include "core/model.hpp"
#include "core/text.hpp"
#include "ui/i18n.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace lernraum::ui::retro_detail {
// -----------------------------------------------------------------------------------------------


inline constexpr const char* kItemPayload = "LR_RETRO_ITEM";

inline std::string fill(const char* msgid, std::vector<std::string> args) { return core::fillPlaceholders(translate(msgid), args); }

inline std::string faceDownText(int n) {
    return n == 1 ? std::string(_("1 card face down")) : fill(N_("{1} cards face down"), {std::to_string(n)});
}

inline std::string shortText(const std::string& text, std::size_t max = 60) {
    if (text.size() <= max) return text;
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
    return text.substr(0, end) + "\xE2\x80\xA6";
}

inline bool resultsHidden(const core::Retrospective& retro) { return retro.voting.open && retro.voting.hiddenUntilClosed; }

inline std::string voteText(const core::Retrospective& retro, int votes) {
    if (resultsHidden(retro)) return {}; // nothing, not even per card, until voting closes
    if (votes == 0) return {};
    return "\xE2\x97\x8F " + std::to_string(votes) + " " + (votes == 1 ? _("vote") : _("votes"));
}

// A small button the harness finds by `record` (its visible text may be a symbol).
inline bool smallButton(const std::string& text, const std::string& id, const std::string& record) {
    const bool pressed = ImGui::SmallButton((text + "##" + id).c_str());
    recordLastItem(record);
    return pressed;
}

// Accepts a dragged retro item on the last item; returns its id or "".
inline core::Id acceptItemDrop() {
    core::Id dropped;
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kItemPayload)) {
            dropped.assign(static_cast<const char*>(payload->Data), static_cast<std::size_t>(payload->DataSize));
        }
        ImGui::EndDragDropTarget();
    }
    return dropped;
}

} // namespace lernraum::ui::retro_detail
