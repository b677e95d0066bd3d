#pragma once
// The join panel of the participants' room ("Teilnahme per Smartphone"): choose the address,
// open the room, show a large QR code, the address to type and the room code, and counts only
// ("9 Geräte verbunden · 14 Karten verdeckt · 6 von 9 haben abgestimmt"); "Raum schließen".
// It knows neither the network nor the session: src/app wires RoomPanelServices to src/room.

#include <functional>
#include <string>
#include <vector>

namespace lernraum::ui {

struct RoomPanelInfo {
    bool open = false;
    std::string url;  // http://192.168.178.23:8080/j/K7M2NP
    std::string code; // K7M2NP
    int qrSize = 0;   // modules per side; 0 = no QR code
    std::vector<bool> qr;
    int devices = 0;
    int hiddenCards = 0;
    int voters = 0;
};

struct RoomPanelServices {
    // The machine's addresses, best first ("192.168.178.23 (wlp2s0)" -> address "192.168.178.23").
    std::function<std::vector<std::pair<std::string, std::string>>()> addresses; // {address, label}
    std::function<std::string(const std::string& address)> open; // "" or an error message
    std::function<void()> close;
    std::function<RoomPanelInfo()> info;
};

// The open room's join details, display only: the QR code (`qrModule` pixels a module), the
// address, the room code and the counts. The panel below and the audience window draw it.
void drawJoinDetails(const RoomPanelInfo& info, float qrModule);

class RoomPanel {
public:
    explicit RoomPanel(RoomPanelServices services) : m_services(std::move(services)) {}

    void show();
    [[nodiscard]] bool visible() const { return m_visible; }
    // time: seconds since start; the checklist appears when nobody joined within a minute.
    void draw(double time, bool presentation);

private:
    RoomPanelServices m_services;
    bool m_visible = false;
    std::vector<std::pair<std::string, std::string>> m_addresses;
    int m_selected = 0;
    std::string m_error;
    double m_openedAt = -1.0;
};

} // namespace lernraum::ui
