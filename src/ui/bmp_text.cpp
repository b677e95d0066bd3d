#include "ui/bmp_text.hpp"

#include "core/text.hpp"

#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lernraum::ui {

namespace {

constexpr std::uint32_t kFirstPlaceholder = 0xE000;
constexpr std::uint32_t kLastPlaceholder = 0xF8FF;

bool isPlaceholderRange(std::uint32_t cp) { return cp >= kFirstPlaceholder && cp <= kLastPlaceholder; }

// The run-wide dictionary. Only the GUI thread edits text.
struct Dictionary {
    std::unordered_map<std::uint32_t, std::uint32_t> placeholderOf; // character -> placeholder
    std::unordered_map<std::uint32_t, std::uint32_t> characterOf;   // placeholder -> character
    std::uint32_t next = kFirstPlaceholder;                         // lowest placeholder maybe free
};

Dictionary& dictionary() {
    static Dictionary d;
    return d;
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Calls f(codePoint, bytes) for each character; an invalid byte is passed on as itself (cp = ~0).
template <typename F> void forEachCharacter(std::string_view text, F&& f) {
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t cp = 0;
        std::size_t len = core::decodeUtf8(text, i, cp);
        if (len == 0) {
            cp = ~std::uint32_t{0};
            len = 1;
        }
        f(cp, text.substr(i, len));
        i += len;
    }
}

const char* (*g_getClipboard)(void*) = nullptr;
void (*g_setClipboard)(void*, const char*) = nullptr;

const char* getClipboardEditable(void* user) {
    const char* text = g_getClipboard ? g_getClipboard(user) : nullptr;
    if (text == nullptr) return nullptr;
    static std::string pasted; // valid until the next paste, as ImGui expects
    std::optional<std::string> editable = toEditableText(text);
    if (!editable) return text;
    pasted = std::move(*editable);
    return pasted.c_str();
}

void setClipboardOriginal(void* user, const char* text) {
    if (g_setClipboard == nullptr) return;
    const std::string original = fromEditableText(text ? text : "");
    g_setClipboard(user, original.c_str());
}

} // namespace

void mapClipboardPlaceholders(ImGuiIO& io) {
    if (io.GetClipboardTextFn == getClipboardEditable) return;
    g_getClipboard = io.GetClipboardTextFn;
    g_setClipboard = io.SetClipboardTextFn;
    io.GetClipboardTextFn = getClipboardEditable;
    io.SetClipboardTextFn = setClipboardOriginal;
}

bool isPlainEditableText(std::string_view utf8) {
    for (const char c : utf8)
        if (static_cast<unsigned char>(c) >= 0xEE) return false;
    return true;
}

std::optional<std::string> toEditableText(std::string_view utf8) {
    if (isPlainEditableText(utf8)) return std::string(utf8);
    Dictionary& d = dictionary();
    // Which characters need a placeholder: beyond U+FFFF, or a private-use character that already
    // stands for something. New placeholders avoid every character of this text, so no character
    // the text holds as itself can be read back as something else.
    std::unordered_set<std::uint32_t> present;
    forEachCharacter(utf8, [&](std::uint32_t cp, std::string_view) { present.insert(cp); });
    const auto needsPlaceholder = [&](std::uint32_t cp) {
        return (cp > 0xFFFF && cp != ~std::uint32_t{0}) || d.characterOf.contains(cp);
    };
    std::vector<std::uint32_t> order;
    forEachCharacter(utf8, [&](std::uint32_t cp, std::string_view) { order.push_back(cp); });
    for (const std::uint32_t cp : order) {
        if (!needsPlaceholder(cp) || d.placeholderOf.contains(cp)) continue;
        while (d.next <= kLastPlaceholder && (d.characterOf.contains(d.next) || present.contains(d.next))) ++d.next;
        if (d.next > kLastPlaceholder) return std::nullopt;
        d.placeholderOf[cp] = d.next;
        d.characterOf[d.next] = cp;
        ++d.next;
    }
    std::string out;
    out.reserve(utf8.size());
    forEachCharacter(utf8, [&](std::uint32_t cp, std::string_view bytes) {
        if (needsPlaceholder(cp)) appendUtf8(out, d.placeholderOf.at(cp));
        else out.append(bytes);
    });
    return out;
}

std::string fromEditableText(std::string_view editable) {
    if (isPlainEditableText(editable)) return std::string(editable);
    const Dictionary& d = dictionary();
    std::string out;
    out.reserve(editable.size() + 8);
    forEachCharacter(editable, [&](std::uint32_t cp, std::string_view bytes) {
        const auto it = isPlaceholderRange(cp) ? d.characterOf.find(cp) : d.characterOf.end();
        if (it != d.characterOf.end()) appendUtf8(out, it->second);
        else out.append(bytes);
    });
    return out;
}

} // namespace lernraum::ui
