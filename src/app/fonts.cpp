#include "app/fonts.hpp"

#include "ui/room_size.hpp"

#include <fontconfig/fontconfig.h>

#include <filesystem>
#include <system_error>

namespace lernraum::app {
namespace {

std::string match(const char* pattern) {
    std::string file;
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern));
    if (!pat) return file;
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    FcPattern* font = FcFontMatch(nullptr, pat, &result);
    if (font) {
        FcChar8* path = nullptr;
        if (FcPatternGetString(font, FC_FILE, 0, &path) == FcResultMatch && path) {
            const std::filesystem::path p(reinterpret_cast<const char*>(path));
            const auto ext = p.extension().string();
            // stb_truetype reads TrueType/OpenType outlines only.
            if (ext == ".ttf" || ext == ".otf" || ext == ".TTF" || ext == ".OTF") file = p.string();
        }
        FcPatternDestroy(font);
    }
    FcPatternDestroy(pat);
    return file;
}

} // namespace

FontFiles findFontFiles() {
    FontFiles files;
    if (!FcInit()) return files;
    for (const char* family : {"DejaVu Sans", "Noto Sans", "sans-serif"}) {
        const std::string regular = match((std::string(family) + ":style=Book").c_str());
        if (regular.empty()) continue;
        files.regular = regular;
        files.bold = match((std::string(family) + ":bold").c_str());
        if (files.bold.empty()) files.bold = regular;
        break;
    }
    return files;
}

const FontFiles& defaultFontFiles() {
    static const FontFiles files = findFontFiles();
    return files;
}

float capHeightRatio() {
    static const float ratio = [] {
        constexpr float kPixels = 100.0f; // large enough that one pixel of rounding hardly matters
        ImFontAtlas atlas;
        const FontFiles& files = defaultFontFiles();
        static const ImWchar kCapital[] = {'H', 'H', 0};
        std::error_code ec;
        ImFont* font = nullptr;
        if (!files.regular.empty() && std::filesystem::is_regular_file(files.regular, ec)) {
            font = atlas.AddFontFromFileTTF(files.regular.c_str(), kPixels, nullptr, kCapital);
        }
        if (!font) {
            ImFontConfig config;
            config.SizePixels = kPixels;
            font = atlas.AddFontDefault(&config);
        }
        if (!font || !atlas.Build()) return 0.0f;
        return ui::capHeightPixels(font) / kPixels;
    }();
    return ratio;
}

const ImWchar* glyphRanges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF, // Basic Latin + Latin-1 Supplement (ä ö ü ß)
        0x0100, 0x017F, // Latin Extended-A
        0x2000, 0x206F, // General Punctuation („ “ – … • ›)
        0x20A0, 0x20CF, // Currency Symbols (€)
        0x2190, 0x21FF, // Arrows
        0x2200, 0x22FF, // Mathematical Operators (≤ ≥)
        0x25A0, 0x25FF, // Geometric Shapes (▶ ●)
        0x2600, 0x26FF, // Miscellaneous Symbols (☑)
        0x2700, 0x27BF, // Dingbats (✓)
        // Replacement character: ImGui 1.86 (16-bit characters) draws every character beyond
        // U+FFFF (emoji) and the edit fields' placeholders for them (ui/bmp_text.hpp) as this
        // glyph, the font's fallback; without it they would show as '?'.
        0xFFFD, 0xFFFD,
        0,
    };
    return ranges;
}

const ImWchar* clockGlyphRanges() {
    static const ImWchar ranges[] = {
        0x0020, 0x0020, // space
        0x002B, 0x002B, // +
        0x002D, 0x002D, // -
        0x0030, 0x003A, // 0-9 :
        0x2212, 0x2212, // − (minus sign)
        0,
    };
    return ranges;
}

bool buildFonts(ImFontAtlas& atlas, const FontFiles& files, float bodyPixels, ui::FontSet& out, std::string& warning) {
    atlas.Clear();
    out = ui::FontSet{};
    std::error_code ec;
    const bool haveFile = !files.regular.empty() && std::filesystem::is_regular_file(files.regular, ec);
    if (haveFile) {
        ImFontConfig config;
        config.OversampleH = 2;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        out.body = atlas.AddFontFromFileTTF(files.regular.c_str(), bodyPixels, &config, glyphRanges());
        out.bold = atlas.AddFontFromFileTTF(files.bold.c_str(), bodyPixels, &config, glyphRanges());
        out.heading = atlas.AddFontFromFileTTF(files.bold.c_str(), bodyPixels * 1.3f, &config, glyphRanges());
        out.title = atlas.AddFontFromFileTTF(files.bold.c_str(), bodyPixels * 1.7f, &config, glyphRanges());
        // The big timer at its real size (a scaled title font looks blurred on a projector).
        out.clock = atlas.AddFontFromFileTTF(files.bold.c_str(), bodyPixels * ui::kClockScale, &config, clockGlyphRanges());
        out.clockLarge = atlas.AddFontFromFileTTF(files.bold.c_str(), bodyPixels * ui::kClockLargeScale, &config, clockGlyphRanges());
        if (out.body && out.bold && out.heading && out.title && out.clock && out.clockLarge && atlas.Build()) return true;
        warning = "cannot load font " + files.regular;
    } else {
        warning = "no TrueType font found through fontconfig (install fonts-dejavu-core)";
    }
    atlas.Clear();
    ImFontConfig config;
    config.SizePixels = bodyPixels;
    out.body = atlas.AddFontDefault(&config);
    out.bold = out.body;
    config.SizePixels = bodyPixels * 1.3f;
    out.heading = atlas.AddFontDefault(&config);
    config.SizePixels = bodyPixels * 1.7f;
    out.title = atlas.AddFontDefault(&config);
    atlas.Build();
    return false;
}

} // namespace lernraum::app
