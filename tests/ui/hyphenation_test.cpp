// Line breaking with hyphenation: German compounds break at syllables, never mid-syllable when a
// syllable fits, and no laid-out line is wider than asked.

#include "harness.hpp"

#include "ui/hyphenation.hpp"
#include "ui/widgets.hpp"

#include <catch2/catch.hpp>

#include <cfloat>
#include <cstdlib>
#include <string>
#include <vector>

namespace ui = lernraum::ui;

namespace {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return lines;
}

float widthOf(const std::string& text) {
    return ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0.0f, text.c_str()).x;
}

// The text again without the layout: hyphens added at line ends removed, line breaks that
// replaced a space turned back into one.
std::string unlaid(const std::string& laid, const std::string& original) {
    std::string out;
    const auto lines = splitLines(laid);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += lines[i];
        if (i + 1 == lines.size()) break;
        if (!out.empty() && out.back() == '-' && original.compare(out.size() - 1, 1, "-") != 0) out.pop_back();
        if (original.compare(out.size(), 1, " ") == 0) out += ' ';
    }
    return out;
}

// The real German patterns from hyphen-de (the shared instance may use the test fixture).
ui::Hyphenator& german() {
    static ui::Hyphenator hyphenator({"/usr/share/hyphen/hyph_de_DE.dic"});
    hyphenator.waitUntilLoaded();
    return hyphenator;
}

} // namespace

TEST_CASE("the shared hyphenator reads $LERNRAUM_HYPHEN_DIR first", "[ui][hyphenation]") {
    const char* dir = std::getenv("LERNRAUM_HYPHEN_DIR");
    if (!dir) dir = "";
    auto& h = ui::Hyphenator::instance();
    h.waitUntilLoaded();
    REQUIRE(h.loaded());
    if (std::string(dir).empty()) {
        CHECK(h.dictionaryPath().find("/usr/share/hyphen/") == 0);
    } else { // under ctest: the fixture with its three patterns 1ver, 1ein, 1ba
        CHECK(h.dictionaryPath().find(dir) == 0);
        CHECK(h.breakPoints("Dienstvereinbarung") == std::vector<std::size_t>{6, 9, 12});
    }
}

TEST_CASE("the German hyphenation patterns are found and break compounds at syllables", "[ui][hyphenation]") {
    auto& h = german();
    INFO("install hyphen-de (scripts/install-deps.sh)");
    REQUIRE(h.loaded());
    CHECK(h.dictionaryPath().find("hyph_de") != std::string::npos);
    // Dienst=ver=ein=ba=rung
    CHECK(h.breakPoints("Dienstvereinbarung") == std::vector<std::size_t>{6, 9, 12, 14});
    // Umlauts are two bytes in UTF-8; the offsets still fall between characters: Ver=wal=tungs=ge=bäu=de
    const std::string word = "Verwaltungsgebäude";
    const auto points = h.breakPoints(word);
    REQUIRE_FALSE(points.empty());
    CHECK(points.back() == word.find("de", 14)); // "...gebäu|de"
    // Punctuation around a word and a hyphen inside are no obstacle.
    const auto quoted = h.breakPoints("„Dienstvereinbarung“");
    CHECK(quoted.front() == std::string("„Dienst").size());
    CHECK(h.breakPoints("Onboarding-Checkliste").size() >= 3);
    CHECK(h.breakPoints("zu").empty());
    CHECK(h.breakPoints("").empty());
}

TEST_CASE("layoutWrapped keeps every line within the width and splits long words at syllables", "[ui][hyphenation]") {
    lernraum::test::UiHarness harness; // an ImGui context with a font
    ImGui::NewFrame();
    const ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();

    const std::string text = "Entwurf Anlage 2 zur Dienstvereinbarung mobiles Arbeiten";
    // Narrower than "Dienstvereinbarung", wider than "Dienstvereinba-".
    const float width = widthOf("Dienstvereinba-") + 1.0f;
    REQUIRE(widthOf("Dienstvereinbarung") > width);
    const std::string laid = ui::layoutWrapped(text, width, font, size, german());
    INFO(laid);
    for (const auto& line : splitLines(laid)) CHECK(widthOf(line) <= width);
    CHECK(laid.find("Dienstvereinbarung") == std::string::npos);
    // The break is at a syllable, with a hyphen: "Dienst-", "Dienstver-", "Dienstverein-" or "...ba-".
    const bool syllable = laid.find("ba-\nrung") != std::string::npos || laid.find("ein-\nbarung") != std::string::npos ||
                          laid.find("ver-\neinbarung") != std::string::npos || laid.find("Dienst-\nvereinbarung") != std::string::npos;
    CHECK(syllable);
    CHECK(unlaid(laid, text) == text);

    // Short words only: plain word wrap, no hyphen added.
    const std::string words = "Wir probieren es aus und schauen dann";
    const std::string plain = ui::layoutWrapped(words, widthOf("probieren es") + 1.0f, font, size, german());
    CHECK(plain.find('-') == std::string::npos);
    CHECK(unlaid(plain, words) == words);

    // An existing hyphen is a break without an extra one.
    const std::string compound = "Onboarding-Checkliste";
    const std::string atHyphen = ui::layoutWrapped(compound, widthOf("Onboarding-") + 1.0f, font, size, german());
    CHECK(atHyphen == "Onboarding-\nCheckliste");

    // Line breaks in the text stay.
    CHECK(ui::layoutWrapped("eins\nzwei", 1000.0f, font, size) == "eins\nzwei");

    // No syllable fits: cut between characters, every line non-empty and within the width.
    const std::string digits = "123456789012345678901234567890";
    const float narrow = widthOf("12345") + 1.0f;
    const std::string cut = ui::layoutWrapped(digits, narrow, font, size);
    for (const auto& line : splitLines(cut)) {
        CHECK_FALSE(line.empty());
        CHECK(widthOf(line) <= narrow);
    }
    std::string joined;
    for (const auto& line : splitLines(cut)) joined += line;
    CHECK(joined == digits);
    ImGui::EndFrame();
}

TEST_CASE("wrapped text in a tooltip keeps a reading width instead of one character per line", "[ui][hyphenation]") {
    lernraum::test::UiHarness harness; // an ImGui context with a font
    float height = 0.0f;
    for (int frame = 0; frame < 4; ++frame) { // a tooltip sizes itself from the frames before
        ImGui::NewFrame();
        ImGui::BeginTooltip();
        ui::wrappedText("Virtuelle Kaffeepause am Freitag");
        height = ImGui::GetItemRectSize().y;
        ImGui::EndTooltip();
        ImGui::EndFrame();
    }
    CHECK(height == ImGui::GetFontSize()); // one line
}
