#pragma once
// The machine's addresses a room can be opened on, best first: the interface of the default route,
// then private (RFC 1918) addresses of physical-looking interfaces, then everything else;
// container, VPN and virtual interfaces (docker, veth, tun, tap, wg, virbr, vmnet, ...) last.
// Loopback and link-local addresses are left out (phones cannot reach them). IPv4 only: the
// address is typed and put in a QR code.

#include <string>
#include <vector>

namespace lernraum::room {

struct InterfaceAddress {
    std::string interfaceName; // "wlp2s0"
    std::string address;       // "192.168.178.23"
};

// Pure ranking (tested with fake tables); defaultRouteInterface may be empty.
std::vector<InterfaceAddress> rankAddresses(std::vector<InterfaceAddress> all, const std::string& defaultRouteInterface);

// The machine's IPv4 addresses (getifaddrs) ranked; the default route from /proc/net/route.
std::vector<InterfaceAddress> lanAddresses();

} // namespace lernraum::room
