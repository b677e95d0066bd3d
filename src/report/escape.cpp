#include "escape.hpp"

#include <cstdint>

namespace lernraum::report {

namespace {

// Decodes one UTF-8 sequence at text[i]; returns its length (0 = invalid byte).
std::size_t decodeUtf8(std::string_view text, std::size_t i, std::uint32_t& cp) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t len = 0;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > text.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(text[i + k]);
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

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
        const std::size_t len = decodeUtf8(text, i, cp);
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
