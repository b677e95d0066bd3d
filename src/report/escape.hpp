#pragma once
// Making user text safe for the output formats. Everything a participant types passes through
// one of these before it reaches a report or an export.

#include <string>
#include <string_view>

namespace lernraum::report {

// Valid UTF-8 without control characters: C0 controls (except '\n' and, when keepTabs, '\t'),
// DEL, C1 controls and the bidirectional override/isolate characters (U+202A..U+202E,
// U+2066..U+2069, "Trojan Source") are removed; invalid UTF-8 bytes become U+FFFD.
std::string sanitizeText(std::string_view text, bool keepNewlines = true);

// HTML text and attribute escaping (& < > " '), applied after sanitizeText. Newlines are kept.
std::string escapeHtml(std::string_view text);

// Inline Markdown escaping, applied after sanitizeText: Markdown/HTML metacharacters get a
// backslash, newlines become spaces, bare URLs are defused so they do not become autolinks, and a
// line start that would begin a heading, list or quote is escaped. Stays readable as plain text.
std::string escapeMarkdown(std::string_view text);

// One CSV field (RFC 4180): quoted when it contains a comma, quote, CR or LF; quotes doubled.
std::string csvField(std::string_view text);

} // namespace lernraum::report
