#include "ui/room_size.hpp"

#include "ui/i18n.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace lernraum::ui {
namespace {

constexpr std::array<std::string_view, 3> kNames{"small", "medium", "large"};
constexpr std::array<float, 3> kCapHeights{18.0f, 24.0f, 32.0f};

std::size_t indexOf(RoomSize size) { return std::min(static_cast<std::size_t>(size), kNames.size() - 1); }

} // namespace

std::string_view toName(RoomSize size) { return kNames[indexOf(size)]; }

bool parseRoomSize(std::string_view name, RoomSize& out) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name) {
            out = static_cast<RoomSize>(i);
            return true;
        }
    }
    return false;
}

const char* displayName(RoomSize size) {
    switch (size) {
    case RoomSize::Small: return _("Small (up to 4 m)");
    case RoomSize::Medium: return _("Medium (about 6 m)");
    case RoomSize::Large:
    case RoomSize::Count: break;
    }
    return _("Large (about 8 m)");
}

float capHeightAt1080(RoomSize size) { return kCapHeights[indexOf(size)]; }

float roomBodyPixels(RoomSize size, float height, float capRatio) {
    if (capRatio <= 0.0f) capRatio = 0.5f; // no measurement: a font with small capitals is the safe guess
    const float cap = capHeightAt1080(size) * std::max(height, 1.0f) / 1080.0f;
    // One pixel more than the ratio says: rasterization may round a flat edge away.
    return std::ceil(cap / capRatio) + 1.0f;
}

float capHeightPixels(const ImFont* font) {
    if (!font || !font->ContainerAtlas) return 0.0f;
    const ImFontGlyph* glyph = font->FindGlyphNoFallback('H');
    if (!glyph) glyph = font->FindGlyphNoFallback('0');
    if (!glyph) return 0.0f;
    const ImFontAtlas& atlas = *font->ContainerAtlas;
    if (atlas.TexWidth <= 0 || atlas.TexHeight <= 0) return 0.0f;
    const int x0 = static_cast<int>(std::lround(glyph->U0 * static_cast<float>(atlas.TexWidth)));
    const int x1 = static_cast<int>(std::lround(glyph->U1 * static_cast<float>(atlas.TexWidth)));
    const int y0 = static_cast<int>(std::lround(glyph->V0 * static_cast<float>(atlas.TexHeight)));
    const int y1 = static_cast<int>(std::lround(glyph->V1 * static_cast<float>(atlas.TexHeight)));
    // Coverage per texel: the alpha atlas, or the alpha channel of the RGBA one.
    const auto alpha = [&](int x, int y) -> int {
        const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(atlas.TexWidth) + static_cast<std::size_t>(x);
        if (atlas.TexPixelsAlpha8) return atlas.TexPixelsAlpha8[i];
        if (atlas.TexPixelsRGBA32) return static_cast<int>(atlas.TexPixelsRGBA32[i] >> IM_COL32_A_SHIFT) & 0xFF;
        return 0;
    };
    if (!atlas.TexPixelsAlpha8 && !atlas.TexPixelsRGBA32) return glyph->Y1 - glyph->Y0; // no pixels kept: the box
    int rows = 0;
    for (int y = std::max(0, y0); y < std::min(y1, atlas.TexHeight); ++y) {
        int most = 0;
        for (int x = std::max(0, x0); x < std::min(x1, atlas.TexWidth); ++x) most = std::max(most, alpha(x, y));
        if (most >= 128) ++rows;
    }
    // Oversampled fonts are rasterized wider, never taller (OversampleV = 1 in app/fonts.cpp).
    return static_cast<float>(rows);
}

} // namespace lernraum::ui
