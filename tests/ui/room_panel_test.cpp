// The join panel's wiring (ui/room_panel.hpp) with fake services: the address list, opening,
// the counts line, closing, and the checklist after a minute without devices. German texts.

#include "ui/headless.hpp"
#include "ui/i18n.hpp"
#include "ui/room_panel.hpp"
#include "ui/widgets.hpp"

#include <catch2/catch.hpp>

#include <optional>

using namespace lernraum;

namespace {

struct PanelHarness {
    ui::HeadlessContext context;
    ui::RoomPanelInfo info;
    std::string opened;
    int closes = 0;
    double time = 0;
    std::optional<ui::RoomPanel> panel;

    PanelHarness() {
        ui::setLanguage("de");
        ui::setItemRecording(true);
        ui::RoomPanelServices s;
        s.addresses = [] {
            return std::vector<std::pair<std::string, std::string>>{{"192.168.178.23", "192.168.178.23 (wlp2s0)"},
                                                                    {"172.17.0.1", "172.17.0.1 (docker0)"}};
        };
        s.open = [this](const std::string& address) {
            opened = address;
            info.open = true;
            info.url = "http://" + address + ":8080/j/K7M2NP";
            info.code = "K7M2NP";
            info.qrSize = 21;
            info.qr.assign(21 * 21, true);
            return std::string();
        };
        s.close = [this] {
            ++closes;
            info = {};
        };
        s.info = [this] { return info; };
        panel.emplace(std::move(s));
    }
    ~PanelHarness() { ui::setItemRecording(false); }

    void frame(int n = 1) {
        for (int i = 0; i < n; ++i) {
            context.newFrame();
            time += 1.0 / 60.0;
            panel->draw(time, true);
            context.endFrame();
        }
    }
    std::optional<ImVec2> find(const std::string& label) {
        for (const auto& item : ui::recordedItems())
            if (item.label == label) return ImVec2((item.min.x + item.max.x) / 2, (item.min.y + item.max.y) / 2);
        return std::nullopt;
    }
    void click(const std::string& label) {
        frame(3);
        const auto pos = find(label);
        INFO("clicking " << label);
        REQUIRE(pos);
        ImGui::GetIO().MousePos = *pos;
        frame();
        ImGui::GetIO().MouseDown[0] = true;
        frame();
        ImGui::GetIO().MouseDown[0] = false;
        frame();
    }
};

} // namespace

TEST_CASE("room panel: opens the room on the first-ranked address and closes it", "[ui][room]") {
    PanelHarness h;
    h.frame();
    CHECK_FALSE(h.find("Raum öffnen")); // hidden until View > Teilnahme per Smartphone
    h.panel->show();
    h.click("Raum öffnen");
    CHECK(h.opened == "192.168.178.23");
    h.frame(2);
    CHECK(h.find("Raum schließen"));
    CHECK_FALSE(h.find("Raum öffnen"));
    h.click("Raum schließen");
    CHECK(h.closes == 1);
    h.frame(2);
    CHECK(h.find("Raum öffnen"));
}

TEST_CASE("room panel: counts only, and a checklist when nobody joined within a minute", "[ui][room]") {
    PanelHarness h;
    h.panel->show();
    h.click("Raum öffnen");
    h.info.devices = 0;
    h.frame(2);
    CHECK(h.find("0 Geräte verbunden · 0 Karten verdeckt · 0 von 0 haben abgestimmt"));
    CHECK_FALSE(h.find("Noch niemand beigetreten? Prüfe:"));
    h.time += 61;
    h.frame(2);
    CHECK(h.find("Noch niemand beigetreten? Prüfe:"));
    h.info.devices = 9;
    h.info.hiddenCards = 14;
    h.info.voters = 6;
    h.frame(2);
    CHECK(h.find("9 Geräte verbunden · 14 Karten verdeckt · 6 von 9 haben abgestimmt"));
    CHECK_FALSE(h.find("Noch niemand beigetreten? Prüfe:"));
}
