#pragma once
// Small text utilities that the model rules need (no locale, no I/O).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lernraum::core {

// Decodes the UTF-8 sequence starting at text[pos] into `codePoint`; returns its length in bytes,
// or 0 for an invalid, overlong, truncated or surrogate sequence.
std::size_t decodeUtf8(std::string_view text, std::size_t pos, std::uint32_t& codePoint);

bool isValidUtf8(std::string_view text);

// Trim ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

} // namespace lernraum::core
