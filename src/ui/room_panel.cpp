// The join panel of the participants' room; see room_panel.hpp.

#include "room_panel.hpp"

#include "i18n.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <string>

namespace lernraum::ui {

namespace {

std::string fill(const char* pattern, int first, int second = 0) {
    std::string s = pattern;
    if (const auto at = s.find("{1}"); at != std::string::npos) s.replace(at, 3, std::to_string(first));
    if (const auto at = s.find("{2}"); at != std::string::npos) s.replace(at, 3, std::to_string(second));
    return s;
}

void drawQr(const RoomPanelInfo& info, float module) {
    const float quiet = 4 * module;
    const float side = info.qrSize * module + 2 * quiet;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Always black on white, whatever the theme: phones' cameras read dark modules on light.
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < info.qrSize; ++y)
        for (int x = 0; x < info.qrSize; ++x) {
            if (!info.qr[static_cast<std::size_t>(y * info.qrSize + x)]) continue;
            const ImVec2 a(origin.x + quiet + x * module, origin.y + quiet + y * module);
            draw->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
        }
    ImGui::Dummy(ImVec2(side, side));
}

} // namespace

void drawJoinDetails(const RoomPanelInfo& info, float qrModule) {
    if (info.qrSize > 0) {
        drawQr(info, qrModule);
        ImGui::SameLine();
    }
    ImGui::BeginGroup();
    mutedText(_("Scan the code or open:"));
    {
        FontScope font(fonts().title);
        ImGui::TextUnformatted(info.url.substr(0, info.url.find("/j/")).c_str());
    }
    mutedText(_("Room code:"));
    {
        FontScope font(fonts().title);
        ImGui::TextUnformatted(info.code.c_str());
    }
    ImGui::Spacing();
    // Counts only: nobody's name, nobody's card, nobody's vote.
    const std::string counts = fill(_("{1} devices connected"), info.devices) + " \xC2\xB7 " +
                               fill(_("{1} cards face-down"), info.hiddenCards) + " \xC2\xB7 " +
                               fill(_("{1} of {2} have voted"), info.voters, info.devices);
    boldText(counts);
    recordLastItem(counts);
    ImGui::EndGroup();
}

void RoomPanel::show() {
    m_visible = true;
    m_error.clear();
    if (m_services.addresses) m_addresses = m_services.addresses();
    m_selected = 0;
}

void RoomPanel::draw(double time, bool presentation) {
    if (!m_visible) return;
    const RoomPanelInfo info = m_services.info ? m_services.info() : RoomPanelInfo{};
    if (info.open && m_openedAt < 0) m_openedAt = time;
    if (!info.open) m_openedAt = -1.0;

    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const std::string title = std::string(_("Participation by smartphone")) + "###room-panel";
    if (!ImGui::Begin(title.c_str(), &m_visible, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    if (!info.open) {
        wrappedText(_("Participants write cards, answer and vote from their own phones, anonymously and without "
                      "internet. Choose the address of this laptop in the room's network:"));
        if (m_addresses.empty()) {
            mutedText(_("No network address found. Connect the laptop to the room's Wi-Fi or open a hotspot."));
        } else {
            m_selected = std::min(m_selected, static_cast<int>(m_addresses.size()) - 1);
            ImGui::SetNextItemWidth(em(18));
            if (ImGui::BeginCombo("##address", m_addresses[static_cast<std::size_t>(m_selected)].second.c_str())) {
                for (std::size_t i = 0; i < m_addresses.size(); ++i) {
                    if (selectable(m_addresses[i].second.c_str(), static_cast<int>(i) == m_selected))
                        m_selected = static_cast<int>(i);
                }
                ImGui::EndCombo();
            }
            if (button(_("Open the room")) && m_services.open) {
                m_error = m_services.open(m_addresses[static_cast<std::size_t>(m_selected)].first);
            }
        }
        if (!m_error.empty()) colouredText(ImVec4(0.75f, 0.1f, 0.1f, 1.0f), m_error);
        ImGui::End();
        return;
    }

    drawJoinDetails(info, presentation ? em(0.55f) : em(0.35f));
    ImGui::Spacing();
    if (button(_("Close the room")) && m_services.close) m_services.close();

    if (info.devices == 0 && m_openedAt >= 0 && time - m_openedAt >= 60.0) {
        ImGui::Separator();
        boldText(_("Nobody has joined yet? Check:"));
        recordLastItem(_("Nobody has joined yet? Check:"));
        wrappedText(_("- Are the phones in the same Wi-Fi as this laptop?"));
        wrappedText(_("- Guest Wi-Fi and eduroam often keep devices apart (client isolation)."));
        wrappedText(_("- A VPN or firewall on the laptop can block the phones."));
        wrappedText(_("- Way out: a hotspot from the laptop (nmcli device wifi hotspot) and open the room on its address."));
    }
    ImGui::End();
}

} // namespace lernraum::ui
