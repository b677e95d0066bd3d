#pragma once
// Light, dark and high-contrast themes. A theme is an ImGui style plus a small palette for what
// the views draw themselves (columns, cards, phase headings). Every text colour is only ever drawn
// on the backgrounds listed by textPairs(); tests/ui/theme_test.cpp checks each pair against
// WCAG AA (contrast ratio >= 4.5:1).

#include "core/types.hpp"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace lernraum::ui {

enum class Theme { Light, Dark, HighContrast, Count };

std::string_view toName(Theme theme);                 // "light", "dark", "high-contrast"
bool parseTheme(std::string_view name, Theme& out);    // false for unknown names
const char* displayName(Theme theme);                 // translated

struct Palette {
    ImVec4 background;   // window background
    ImVec4 panel;        // board columns, retro prompts, experiment cards
    ImVec4 card;         // cards and sticky notes
    ImVec4 text;         // body text (on background, panel, card)
    ImVec4 muted;        // secondary text (on background, panel, card)
    ImVec4 accent;       // headings, links, the running timer (on background, panel, card)
    ImVec4 warning;      // WIP limit exceeded, overdue (on background, panel, card)
    ImVec4 success;      // done, confirmed (on background, panel, card)
    ImVec4 border;       // card and column outlines (not text)
    ImVec4 badge;        // background of small badges (votes, counts)
    ImVec4 badgeText;    // text on badge
};

const Palette& palette(Theme theme);
const Palette& palette(); // of the current theme

// Applies a theme to ImGui's current style (colours only; call before ScaleAllSizes) and makes
// it the current theme for palette().
void applyTheme(Theme theme, ImGuiStyle& style);
Theme currentTheme();

// Okabe-Ito colour-blind-safe palette for card colour stripes (not used behind text).
ImVec4 cardColour(core::CardColour colour);

struct TextPair {
    std::string what;
    ImVec4 foreground;
    ImVec4 background;
};

// Every text/background combination the UI draws in a theme (ImGui widgets and our own views).
// Translucent backgrounds are composited over the window background.
std::vector<TextPair> textPairs(Theme theme);

// WCAG 2.x relative luminance and contrast ratio (1..21).
double relativeLuminance(const ImVec4& colour);
double contrastRatio(const ImVec4& a, const ImVec4& b);

} // namespace lernraum::ui
