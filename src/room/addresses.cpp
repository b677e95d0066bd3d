// Ranking the machine's addresses for the join panel; see addresses.hpp.

#include "addresses.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <string_view>

namespace lernraum::room {

namespace {

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool isVirtual(std::string_view name) {
    static constexpr std::array<std::string_view, 13> kVirtual = {"docker", "veth", "br-", "tun", "tap", "wg",
                                                                   "virbr", "vmnet", "vboxnet", "zt", "tailscale",
                                                                   "ppp", "lxc"};
    return std::any_of(kVirtual.begin(), kVirtual.end(), [&](std::string_view p) { return startsWith(name, p); });
}

bool isPrivate(std::string_view a) {
    if (startsWith(a, "10.") || startsWith(a, "192.168.")) return true;
    if (startsWith(a, "172.")) {
        const int second = std::atoi(std::string(a.substr(4)).c_str());
        return second >= 16 && second <= 31;
    }
    return false;
}

int rank(const InterfaceAddress& a, const std::string& defaultRoute) {
    if (isVirtual(a.interfaceName)) return 3;
    if (!defaultRoute.empty() && a.interfaceName == defaultRoute) return 0;
    if (isPrivate(a.address)) return 1;
    return 2;
}

} // namespace

std::vector<InterfaceAddress> rankAddresses(std::vector<InterfaceAddress> all, const std::string& defaultRoute) {
    std::erase_if(all, [](const InterfaceAddress& a) {
        return startsWith(a.address, "127.") || startsWith(a.address, "169.254.") || a.address.empty();
    });
    std::stable_sort(all.begin(), all.end(), [&](const InterfaceAddress& x, const InterfaceAddress& y) {
        return rank(x, defaultRoute) < rank(y, defaultRoute);
    });
    return all;
}

std::vector<InterfaceAddress> lanAddresses() {
    std::vector<InterfaceAddress> all;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) == 0) {
        for (ifaddrs* i = list; i; i = i->ifa_next) {
            if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || !(i->ifa_flags & IFF_UP)) continue;
            char buf[INET_ADDRSTRLEN] = {};
            inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(i->ifa_addr)->sin_addr, buf, sizeof buf);
            all.push_back(InterfaceAddress{i->ifa_name ? i->ifa_name : "", buf});
        }
        freeifaddrs(list);
    }
    // /proc/net/route: the line with destination 00000000 names the default route's interface.
    std::string defaultRoute;
    std::ifstream routes("/proc/net/route");
    std::string line;
    while (std::getline(routes, line)) {
        std::istringstream in(line);
        std::string iface, destination;
        if (in >> iface >> destination && destination == "00000000") {
            defaultRoute = iface;
            break;
        }
    }
    return rankAddresses(std::move(all), defaultRoute);
}

} // namespace lernraum::room
