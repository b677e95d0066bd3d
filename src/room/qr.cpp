// QR code of the join URL; see qr.hpp.

#include "qr.hpp"

#include <qrencode.h>

#include <cctype>

namespace lernraum::room {

QrCode encodeJoinUrl(const std::string& url) {
    std::string upper = url;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    QrCode out;
    // casesensitive = 1 on an all-upper-case text lets libqrencode pick the alphanumeric mode.
    QRcode* code = QRcode_encodeString(upper.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) return out;
    out.version = code->version;
    out.size = code->width;
    out.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
    for (std::size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = (code->data[i] & 1U) != 0;
    QRcode_free(code);
    return out;
}

} // namespace lernraum::room
