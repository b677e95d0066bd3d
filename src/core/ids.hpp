#pragma once
// Stable ids: "<prefix>-<12 hex digits>", e.g. "card-4f1c09a2b7e3". A seeded generator makes
// synthetic sessions deterministic; the GUI seeds from std::random_device.

#include "types.hpp"

#include <cstdint>
#include <random>
#include <string_view>

namespace lernraum::core {

class IdGenerator {
public:
    explicit IdGenerator(std::uint64_t seed) : m_rng(seed) {}
    static IdGenerator fromRandomDevice();

    Id next(std::string_view prefix);

private:
    std::mt19937_64 m_rng;
};

// True for ids of the form above (prefix of [a-z_], '-', 4..32 chars [0-9a-z_-]); ids in files
// written by other tools may differ, so validate() only requires non-empty, printable, <= 64 bytes.
bool isWellFormedId(std::string_view id);

} // namespace lernraum::core
