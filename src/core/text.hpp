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
// Appends the UTF-8 bytes of a code point (no check for surrogates or range).
void appendUtf8(std::string& out, std::uint32_t codePoint);

// Texts may hold tab and line feed but no other C0 control character (U+0000-U+001F: NUL, CR,
// ESC, ...). Returns the byte offset of the first forbidden one, or npos.
std::size_t findControlCharacter(std::string_view text);
// "U+0000" style name of a code point, for messages.
std::string codePointName(std::uint32_t codePoint);
// Line breaks as texts keep them: CRLF and a lone CR become LF (spreadsheets write CRLF).
std::string normalizeLineBreaks(std::string_view text);

// For matching words people type: lower case ASCII, umlauts and ß spelled out (ä -> ae), spaces,
// underscores and hyphens dropped ("Fällig am" -> "faelligam", "owner_role" -> "ownerrole").
std::string foldWord(std::string_view text);

// Trim ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

// A time of day as typed ("9:00", "09:00", "9.30", "0930" is not one): minutes since midnight,
// or -1 when the text is not a time between 00:00 and 23:59.
int parseTimeOfDay(std::string_view text);
// Minutes since midnight (taken modulo a day) as "HH:MM".
std::string formatTimeOfDay(int minutes);

} // namespace lernraum::core
