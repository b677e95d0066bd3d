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

// A time of day as typed ("9:00", "09:00", "9.30", "0930" is not one): minutes since midnight,
// or -1 when the text is not a time between 00:00 and 23:59.
int parseTimeOfDay(std::string_view text);
// Minutes since midnight (taken modulo a day) as "HH:MM".
std::string formatTimeOfDay(int minutes);

} // namespace lernraum::core
