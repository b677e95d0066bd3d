// Every text/background pair of every theme meets WCAG AA (contrast ratio >= 4.5:1).

#include "ui/theme.hpp"

#include <catch2/catch.hpp>

namespace ui = lernraum::ui;

TEST_CASE("contrast ratio follows WCAG 2.x", "[ui][theme]") {
    CHECK(ui::contrastRatio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == Approx(21.0));
    CHECK(ui::contrastRatio(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) == Approx(1.0));
    // #767676 on white is the classic 4.54:1 borderline grey.
    const float g = 0x76 / 255.0f;
    CHECK(ui::contrastRatio(ImVec4(g, g, g, 1), ImVec4(1, 1, 1, 1)) == Approx(4.54).epsilon(0.01));
}

TEST_CASE("every text colour of every theme meets WCAG AA on its backgrounds", "[ui][theme]") {
    for (int t = 0; t < static_cast<int>(ui::Theme::Count); ++t) {
        const auto theme = static_cast<ui::Theme>(t);
        const auto pairs = ui::textPairs(theme);
        REQUIRE(pairs.size() > 30);
        for (const auto& pair : pairs) {
            const double ratio = ui::contrastRatio(pair.foreground, pair.background);
            INFO(ui::toName(theme) << ": " << pair.what << " = " << ratio << ":1");
            CHECK(ratio >= 4.5);
        }
    }
}

TEST_CASE("high contrast reaches AAA for body text", "[ui][theme]") {
    const auto& p = ui::palette(ui::Theme::HighContrast);
    CHECK(ui::contrastRatio(p.text, p.background) >= 7.0);
    CHECK(ui::contrastRatio(p.text, p.card) >= 7.0);
}

TEST_CASE("theme names round-trip and unknown names are refused", "[ui][theme]") {
    for (int t = 0; t < static_cast<int>(ui::Theme::Count); ++t) {
        ui::Theme parsed = ui::Theme::Light;
        REQUIRE(ui::parseTheme(ui::toName(static_cast<ui::Theme>(t)), parsed));
        CHECK(parsed == static_cast<ui::Theme>(t));
    }
    ui::Theme untouched = ui::Theme::Dark;
    CHECK_FALSE(ui::parseTheme("neon", untouched));
    CHECK(untouched == ui::Theme::Dark);
}
