#include "ui/theme.hpp"

#include "ui/i18n.hpp"

#include <cmath>

namespace lernraum::ui {
namespace {

ImVec4 rgb(unsigned hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xff) / 255.0f, static_cast<float>((hex >> 8) & 0xff) / 255.0f,
                  static_cast<float>(hex & 0xff) / 255.0f, alpha);
}

const Palette kLight{
    .background = rgb(0xF5F5F2),
    .panel = rgb(0xE4E8EC),
    .card = rgb(0xFFFFFF),
    .text = rgb(0x1A1A1A),
    .muted = rgb(0x474D55),
    .accent = rgb(0x0A56A3),
    .warning = rgb(0x9A3A00),
    .success = rgb(0x1D6631),
    .border = rgb(0xA8B0B8),
    .badge = rgb(0x0A56A3),
    .badgeText = rgb(0xFFFFFF),
};

const Palette kDark{
    .background = rgb(0x1C1E22),
    .panel = rgb(0x272A30),
    .card = rgb(0x33373E),
    .text = rgb(0xF2F2F2),
    .muted = rgb(0xBFC5CC),
    .accent = rgb(0x8CC4FF),
    .warning = rgb(0xFFB874),
    .success = rgb(0x86DB98),
    .border = rgb(0x4F555E),
    .badge = rgb(0x8CC4FF),
    .badgeText = rgb(0x10161E),
};

const Palette kHighContrast{
    .background = rgb(0x000000),
    .panel = rgb(0x000000),
    .card = rgb(0x121212),
    .text = rgb(0xFFFFFF),
    .muted = rgb(0xE6E6E6),
    .accent = rgb(0xFFEB3B),
    .warning = rgb(0xFF9E80),
    .success = rgb(0x7CFC9A),
    .border = rgb(0xFFFFFF),
    .badge = rgb(0xFFEB3B),
    .badgeText = rgb(0x000000),
};

Theme g_current = Theme::Light;

ImVec4 over(const ImVec4& fg, const ImVec4& bg) {
    const float a = fg.w;
    return ImVec4(fg.x * a + bg.x * (1 - a), fg.y * a + bg.y * (1 - a), fg.z * a + bg.z * (1 - a), 1.0f);
}

// ImGui colours derived from the palette; every widget background stays close enough to the
// window background that body text keeps its contrast (checked by textPairs()).
void setColours(const Palette& p, Theme theme, ImVec4* c) {
    const bool dark = theme != Theme::Light;
    const ImVec4 widget = theme == Theme::Light ? rgb(0xDCE2E8) : theme == Theme::Dark ? rgb(0x353A42) : rgb(0x1A1A1A);
    const ImVec4 widgetHover = theme == Theme::Light ? rgb(0xC9D3DD) : theme == Theme::Dark ? rgb(0x434952) : rgb(0x333333);
    const ImVec4 widgetActive = theme == Theme::Light ? rgb(0xB5C3D1) : theme == Theme::Dark ? rgb(0x50575F) : rgb(0x4D4D4D);
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.muted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = p.background;
    c[ImGuiCol_PopupBg] = p.card;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = widget;
    c[ImGuiCol_FrameBgHovered] = widgetHover;
    c[ImGuiCol_FrameBgActive] = widgetActive;
    c[ImGuiCol_TitleBg] = p.panel;
    c[ImGuiCol_TitleBgActive] = p.panel;
    c[ImGuiCol_TitleBgCollapsed] = p.panel;
    c[ImGuiCol_MenuBarBg] = p.panel;
    c[ImGuiCol_ScrollbarBg] = p.background;
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_ScrollbarGrabHovered] = p.muted;
    c[ImGuiCol_ScrollbarGrabActive] = p.accent;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent;
    c[ImGuiCol_Button] = widget;
    c[ImGuiCol_ButtonHovered] = widgetHover;
    c[ImGuiCol_ButtonActive] = widgetActive;
    c[ImGuiCol_Header] = widget;
    c[ImGuiCol_HeaderHovered] = widgetHover;
    c[ImGuiCol_HeaderActive] = widgetActive;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_SeparatorHovered] = p.accent;
    c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = p.border;
    c[ImGuiCol_ResizeGripHovered] = p.accent;
    c[ImGuiCol_ResizeGripActive] = p.accent;
    c[ImGuiCol_Tab] = p.panel;
    c[ImGuiCol_TabHovered] = widgetHover;
    // High contrast: every tab is black, so the selected one needs its own fill.
    const ImVec4 activeTab = theme == Theme::HighContrast ? rgb(0x4D4D4D) : p.background;
    c[ImGuiCol_TabActive] = activeTab;
    c[ImGuiCol_TabUnfocused] = p.panel;
    c[ImGuiCol_TabUnfocusedActive] = activeTab;
    c[ImGuiCol_PlotLines] = p.accent;
    c[ImGuiCol_PlotLinesHovered] = p.warning;
    c[ImGuiCol_PlotHistogram] = p.accent;
    c[ImGuiCol_PlotHistogramHovered] = p.warning;
    c[ImGuiCol_TableHeaderBg] = p.panel;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.border;
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(p.panel.x, p.panel.y, p.panel.z, 0.5f);
    c[ImGuiCol_TextSelectedBg] = dark ? rgb(0x2F5C8A) : rgb(0xB3D4F5);
    c[ImGuiCol_DragDropTarget] = p.accent;
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_NavWindowingHighlight] = p.accent;
    c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.4f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, dark ? 0.6f : 0.35f);
}

} // namespace

std::string_view toName(Theme theme) {
    switch (theme) {
    case Theme::Light: return "light";
    case Theme::Dark: return "dark";
    case Theme::HighContrast: return "high-contrast";
    case Theme::Count: break;
    }
    return "light";
}

bool parseTheme(std::string_view name, Theme& out) {
    for (int i = 0; i < static_cast<int>(Theme::Count); ++i) {
        if (toName(static_cast<Theme>(i)) == name) {
            out = static_cast<Theme>(i);
            return true;
        }
    }
    return false;
}

const char* displayName(Theme theme) {
    switch (theme) {
    case Theme::Light: return _("Light");
    case Theme::Dark: return _("Dark");
    case Theme::HighContrast: return _("High contrast");
    case Theme::Count: break;
    }
    return "";
}

const Palette& palette(Theme theme) {
    switch (theme) {
    case Theme::Dark: return kDark;
    case Theme::HighContrast: return kHighContrast;
    default: return kLight;
    }
}

const Palette& palette() { return palette(g_current); }

Theme currentTheme() { return g_current; }

void applyTheme(Theme theme, ImGuiStyle& style) {
    g_current = theme;
    setColours(palette(theme), theme, style.Colors);
    style.WindowBorderSize = theme == Theme::HighContrast ? 2.0f : 1.0f;
    style.FrameBorderSize = theme == Theme::HighContrast ? 1.0f : 0.0f;
    style.ChildBorderSize = 1.0f;
    style.PopupBorderSize = theme == Theme::HighContrast ? 2.0f : 1.0f;
    style.WindowRounding = 4.0f;
    style.ChildRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.PopupRounding = 4.0f;
    style.TabRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.ScrollbarSize = 16.0f;
    style.FramePadding = ImVec2(8.0f, 5.0f);
    style.ItemSpacing = ImVec2(10.0f, 8.0f);
    style.WindowPadding = ImVec2(12.0f, 12.0f);
}

ImVec4 cardColour(core::CardColour colour) {
    using core::CardColour;
    switch (colour) {
    case CardColour::Orange: return rgb(0xE69F00);
    case CardColour::SkyBlue: return rgb(0x56B4E9);
    case CardColour::BluishGreen: return rgb(0x009E73);
    case CardColour::Yellow: return rgb(0xF0E442);
    case CardColour::Blue: return rgb(0x0072B2);
    case CardColour::Vermillion: return rgb(0xD55E00);
    case CardColour::ReddishPurple: return rgb(0xCC79A7);
    case CardColour::Grey: return rgb(0x999999);
    default: return palette().border;
    }
}

std::vector<TextPair> textPairs(Theme theme) {
    ImGuiStyle style;
    setColours(palette(theme), theme, style.Colors);
    const Palette& p = palette(theme);
    const ImVec4* c = style.Colors;
    const ImVec4 window = c[ImGuiCol_WindowBg];
    std::vector<TextPair> pairs;
    auto add = [&](const char* what, ImVec4 fg, ImVec4 bg) { pairs.push_back({what, over(fg, bg), over(bg, window)}); };
    for (auto [name, col] : {std::pair{"window", ImGuiCol_WindowBg}, {"child", ImGuiCol_ChildBg}, {"popup", ImGuiCol_PopupBg},
                             {"menu bar", ImGuiCol_MenuBarBg}, {"title", ImGuiCol_TitleBgActive}, {"frame", ImGuiCol_FrameBg},
                             {"frame hovered", ImGuiCol_FrameBgHovered}, {"frame active", ImGuiCol_FrameBgActive},
                             {"button", ImGuiCol_Button}, {"button hovered", ImGuiCol_ButtonHovered},
                             {"button active", ImGuiCol_ButtonActive}, {"header", ImGuiCol_Header},
                             {"header hovered", ImGuiCol_HeaderHovered}, {"header active", ImGuiCol_HeaderActive},
                             {"tab", ImGuiCol_Tab}, {"tab hovered", ImGuiCol_TabHovered}, {"tab active", ImGuiCol_TabActive},
                             {"table header", ImGuiCol_TableHeaderBg}, {"selected text", ImGuiCol_TextSelectedBg}}) {
        add((std::string("text on ") + name).c_str(), c[ImGuiCol_Text], c[col]);
    }
    add("disabled text on window", c[ImGuiCol_TextDisabled], c[ImGuiCol_WindowBg]);
    add("disabled text on popup", c[ImGuiCol_TextDisabled], c[ImGuiCol_PopupBg]);
    add("disabled text on menu bar", c[ImGuiCol_TextDisabled], c[ImGuiCol_MenuBarBg]);
    for (auto [name, bg] : {std::pair{"background", p.background}, {"panel", p.panel}, {"card", p.card}}) {
        const std::string where = std::string(" on ") + name;
        add(("text" + where).c_str(), p.text, bg);
        add(("muted" + where).c_str(), p.muted, bg);
        add(("accent" + where).c_str(), p.accent, bg);
        add(("warning" + where).c_str(), p.warning, bg);
        add(("success" + where).c_str(), p.success, bg);
    }
    add("badge text on badge", p.badgeText, p.badge);
    return pairs;
}

double relativeLuminance(const ImVec4& colour) {
    auto channel = [](float v) {
        const double c = v;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.x) + 0.7152 * channel(colour.y) + 0.0722 * channel(colour.z);
}

double contrastRatio(const ImVec4& a, const ImVec4& b) {
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    const double hi = la > lb ? la : lb;
    const double lo = la > lb ? lb : la;
    return (hi + 0.05) / (lo + 0.05);
}

} // namespace lernraum::ui
