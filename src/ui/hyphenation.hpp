#pragma once
// Line breaking for the shared screen. Dear ImGui wraps only at spaces and cuts a word that is
// wider than the line anywhere ("Dienstvereinbarun|g"), which German compounds in narrow board
// columns hit all the time. layoutWrapped() breaks lines itself: at spaces, after a hyphen or
// slash that is already in the word, and otherwise at a syllable boundary from the hyphenation
// patterns of LibreOffice/TeX (Debian's libhyphen with hyphen-de), adding a "-". Only when a single
// syllable does not fit does it cut between characters.

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace lernraum::ui {

class Hyphenator {
public:
    // The German patterns (the content of a Lernraum is German even in the English UI), else US
    // English; searched in $LERNRAUM_HYPHEN_DIR and /usr/share/hyphen. Loaded on first use.
    static const Hyphenator& instance();
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    [[nodiscard]] bool loaded() const { return m_dict != nullptr; }
    [[nodiscard]] const std::string& dictionaryPath() const { return m_path; }
    // Byte offsets into `word` (UTF-8, no spaces) after which a hyphen may break it, ascending.
    // Empty when no dictionary is loaded or the word has characters the dictionary cannot encode.
    [[nodiscard]] std::vector<std::size_t> breakPoints(std::string_view word) const;

private:
    Hyphenator();
    void* m_dict = nullptr; // HyphenDict*
    bool m_latin1 = false;  // the dictionary is ISO-8859-1 (hyphen-de is), not UTF-8
    std::string m_path;
};

// `text` with line breaks ('\n') inserted so that no line is wider than `width` in `font` at
// `size` px; words are split as described above. Existing line breaks are kept.
std::string layoutWrapped(std::string_view text, float width, const ImFont* font, float size);

} // namespace lernraum::ui
