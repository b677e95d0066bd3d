#include "ids.hpp"

namespace lernraum::core {

IdGenerator IdGenerator::fromRandomDevice() {
    std::random_device rd;
    const std::uint64_t seed = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
    return IdGenerator{seed};
}

Id IdGenerator::next(std::string_view prefix) {
    static constexpr char hex[] = "0123456789abcdef";
    std::uint64_t bits = m_rng();
    Id id;
    id.reserve(prefix.size() + 13);
    id.append(prefix);
    id.push_back('-');
    for (int i = 0; i < 12; ++i) {
        id.push_back(hex[bits & 0xF]);
        bits >>= 4;
    }
    return id;
}

bool isWellFormedId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (const char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F) return false;
    }
    return true;
}

} // namespace lernraum::core
