#pragma once
// The join panel's QR code (libqrencode). The URL is put in upper case so the code can use the
// alphanumeric mode and stays small (version <= 3 for an IPv4 URL); the server treats the path
// and the room code case-insensitively.

#include <string>
#include <vector>

namespace lernraum::room {

struct QrCode {
    int version = 0; // 0 = encoding failed
    int size = 0;    // modules per side (without the quiet zone)
    std::vector<bool> dark; // size * size, row by row
    [[nodiscard]] bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// Upper-cases `url` and encodes it with error correction M.
QrCode encodeJoinUrl(const std::string& url);

} // namespace lernraum::room
