#include "escape.hpp"

#include "core/text.hpp"

#include <cstdint>

namespace lernraum::report {

namespace {

bool isDroppedCodePoint(std::uint32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0xFEFF;
}

// Case-insensitive (ASCII) suffix test; `suffix` is lower case.
bool endsWithWord(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    const std::size_t start = text.size() - suffix.size();
    for (std::size_t k = 0; k < suffix.size(); ++k) {
        char c = text[start + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[k]) return false;
    }
    return true;
}

} // namespace

std::string sanitizeText(std::string_view text, bool keepNewlines) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        std::uint32_t cp = 0;
        const std::size_t len = core::decodeUtf8(text, i, cp);
        if (len == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD
            ++i;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F) {
            if (cp == '\n') out += keepNewlines ? '\n' : ' ';
            else if (cp == '\t') out += ' ';
            // '\r' and every other control character are dropped.
        } else if (!isDroppedCodePoint(cp)) {
            out.append(text.substr(i, len));
        }
        i += len;
    }
    return out;
}

std::string escapeHtml(std::string_view raw) {
    const std::string text = sanitizeText(raw);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string escapeMarkdown(std::string_view raw) {
    const std::string text = sanitizeText(raw, false);
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    bool atStart = true; // only leading spaces seen so far
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (atStart && c == ' ') continue; // leading spaces would make an indented code block
        if (atStart) {
            // Block syntax only matters at the start: headings, lists, quotes, rules, ordered lists.
            const char next = i + 1 < text.size() ? text[i + 1] : ' ';
            const bool blockStart = c == '>' || ((c == '#' || c == '-' || c == '+' || c == '=') && (next == ' ' || next == c));
            if (blockStart) out += '\\';
            if (c >= '0' && c <= '9') {
                std::size_t j = i;
                while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
                if (j < text.size() && (text[j] == '.' || text[j] == ')') && (j + 1 == text.size() || text[j + 1] == ' ')) {
                    out.append(text, i, j - i);
                    out += '\\';
                    i = j - 1;
                    atStart = false;
                    continue;
                }
            }
            atStart = false;
        }
        switch (c) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '~':
        case '!': case '{': case '}':
            out += '\\';
            out += c;
            break;
        case '&':
            out += "\\&";
            break;
        case ':':
            // "http://x" and "mailto:x" would become autolinks in GitHub-flavoured Markdown.
            out += (endsWithWord(out, "http") || endsWithWord(out, "https") || endsWithWord(out, "mailto") ||
                    endsWithWord(out, "ftp"))
                       ? "\\:"
                       : ":";
            break;
        case '.':
            out += endsWithWord(out, "www") ? "\\." : ".";
            break;
        case '@':
            out += "\\@"; // e-mail autolinks
            break;
        default:
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string csvField(std::string_view text) {
    const bool needsQuotes = text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!needsQuotes) return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace lernraum::report
