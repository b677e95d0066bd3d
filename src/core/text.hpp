#pragma once
// Small text utilities that the model rules need (no locale, no I/O).

#include <string>
#include <string_view>

namespace lernraum::core {

bool isValidUtf8(std::string_view text);

// Trim ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

} // namespace lernraum::core
