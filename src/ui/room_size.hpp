#pragma once
// Room size (View > Room size; --room-size): how far the back row sits from the projection, and
// so how large the audience window and presentation mode draw their text. The promise is a body
// text cap height (the height of "H") at 1080 lines of at least 18 / 24 / 32 px for a small
// (up to 4 m), medium (about 6 m) or large (about 8 m) room, by the usual rule that letters must
// be at least 1/150 to 1/200 of the viewing distance high on a 2.4 m wide projection.
// Layouts keep their text size and show less (fewer board columns, scrolling) instead.

#include <imgui.h>

#include <string_view>

namespace lernraum::ui {

enum class RoomSize { Small, Medium, Large, Count };

std::string_view toName(RoomSize size);               // "small", "medium", "large"
bool parseRoomSize(std::string_view name, RoomSize& out); // false for unknown names
const char* displayName(RoomSize size);              // translated: "Small (up to 4 m)", ...

// The body text cap height the room size promises at 1080 lines (18, 24, 32 px).
float capHeightAt1080(RoomSize size);

// The body font's pixel size that gives at least that cap height on a framebuffer `height` lines
// high, for a font whose cap height is `capRatio` of its pixel size (capHeightRatio of the font).
float roomBodyPixels(RoomSize size, float height, float capRatio);

// The cap height of a built font in pixels: the rows of its "H" (or "0" in a digits-only font)
// in the font atlas that are at least half covered. 0 when the font has neither glyph.
float capHeightPixels(const ImFont* font);

} // namespace lernraum::ui
