#pragma once
// Fonts for the shared screen: a scalable TTF found through fontconfig (DejaVu Sans, Noto Sans,
// or whatever sans-serif fontconfig offers), rasterized at the exact pixel size (zoom x content
// scale x presentation), never bitmap-scaled. Falls back to ImGui's built-in font with a warning.

#include "ui/widgets.hpp"

#include <string>

namespace lernraum::app {

struct FontFiles {
    std::string regular;
    std::string bold; // may equal regular when no bold face exists
};

// Asks fontconfig for a sans-serif face; empty paths when none is found.
FontFiles findFontFiles();
// findFontFiles(), asked once.
const FontFiles& defaultFontFiles();

// The body font's cap height ("H") as a fraction of its pixel size, measured once by rasterizing
// the body face (ui::capHeightPixels): the room size turns a cap height into a pixel size with it.
float capHeightRatio();

// The glyph ranges Lernraum needs: Latin-1, Latin Extended-A, general punctuation („ “ – …),
// currency (€), arrows, geometric shapes (▶ ●), misc symbols (☑) and dingbats (✓).
const ImWchar* glyphRanges();

// The big timer's glyphs only: digits, ':', '+', '-', '−' and space.
const ImWchar* clockGlyphRanges();

// Clears the atlas and adds body/bold/heading/title fonts at `bodyPixels`, and the two clock fonts
// (ui::kClockScale, ui::kClockLargeScale times `bodyPixels`). Returns false (and
// uses the built-in font) when no TTF could be loaded; `warning` then says why.
bool buildFonts(ImFontAtlas& atlas, const FontFiles& files, float bodyPixels, ui::FontSet& out, std::string& warning);

} // namespace lernraum::app
