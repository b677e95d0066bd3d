// The join panel's pieces that need no window: the address ranking and the QR code.

#include "room/addresses.hpp"
#include "room/qr.hpp"
#include "room/server.hpp"

#include <catch2/catch.hpp>

#include <qrencode.h>

using namespace lernraum::room;

namespace {
std::vector<std::string> order(const std::vector<InterfaceAddress>& a) {
    std::vector<std::string> out;
    for (const auto& x : a) out.push_back(x.interfaceName);
    return out;
}
} // namespace

TEST_CASE("room join: the default route's interface first, virtual interfaces last", "[room][join]") {
    const std::vector<InterfaceAddress> table = {
        {"lo", "127.0.0.1"},       {"docker0", "172.17.0.1"}, {"tun0", "10.8.0.2"},     {"eth0", "192.168.1.20"},
        {"wlp2s0", "10.0.0.7"},    {"veth12ab", "172.18.0.1"}, {"enx1", "169.254.3.4"}, {"wg0", "10.66.0.1"}};
    CHECK(order(rankAddresses(table, "wlp2s0")) ==
          std::vector<std::string>{"wlp2s0", "eth0", "docker0", "tun0", "veth12ab", "wg0"});
    // VPN as the default route still comes after the physical interfaces.
    CHECK(order(rankAddresses(table, "tun0")).front() == "eth0");
    // Without a default route: private addresses of physical interfaces first, in table order.
    const auto none = order(rankAddresses({{"docker0", "172.17.0.1"}, {"eth1", "203.0.113.5"}, {"eth0", "192.168.0.2"}}, ""));
    CHECK(none == std::vector<std::string>{"eth0", "eth1", "docker0"});
}

TEST_CASE("room join: the upper-case join URL fits a small QR code", "[room][join]") {
    const auto qr = encodeJoinUrl("http://192.168.178.23:8080/j/K7M2NP");
    REQUIRE(qr.version > 0);
    CHECK(qr.version <= 3);
    CHECK(qr.size == 17 + 4 * qr.version);
    CHECK(qr.dark.size() == static_cast<std::size_t>(qr.size * qr.size));
    // The finder pattern's corner is dark.
    CHECK(qr.at(0, 0));
    // The same URL in lower case would need byte mode and a bigger version.
    QRcode* lower = QRcode_encodeString("http://192.168.178.23:8080/j/k7m2np", 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    REQUIRE(lower);
    CHECK(lower->version > qr.version);
    QRcode_free(lower);
}

TEST_CASE("room join: codes ignore case, spaces and dashes, tokens are 128 random bits", "[room][join]") {
    CHECK(normalizeCode("k7m2 np") == "K7M2NP");
    CHECK(normalizeCode(" K7-M2-NP ") == "K7M2NP");
    const auto code = randomRoomCode();
    CHECK(code.size() == 6);
    CHECK(code.find_first_of("01ILOSZB258") == std::string::npos);
    const auto a = randomToken(), b = randomToken();
    CHECK(a.size() == 32);
    CHECK(a != b);
    CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
}
