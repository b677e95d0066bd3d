#pragma once
// Dear ImGui 1.86 as Debian builds it holds text in 16-bit characters (no IMGUI_USE_WCHAR32): an
// edit field would turn every character beyond U+FFFF (emoji, 𝔘, rare CJK) into U+FFFD, and
// saving the field would change characters the user never touched. While a text is in ImGui's
// edit buffer, each such character stands for itself as a private-use placeholder
// (U+E000-U+F8FF), and the edited text maps them back.
//
// The placeholders come from one dictionary for the whole run, filled on first sight and never
// changed, so a placeholder still means the same character after any number of edits. A text
// that itself contains a private-use character already serving as a placeholder gets that
// character swapped too (and back); a placeholder the dictionary does not know stays as it is.

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>

namespace lernraum::ui {

// The text ImGui can hold without loss, or nullopt when the 6,400 placeholders are used up (then
// show the text read-only). Texts without characters beyond U+FFFF and without private-use
// characters come back unchanged.
std::optional<std::string> toEditableText(std::string_view utf8);

// The text after editing, with every known placeholder turned back into its character.
std::string fromEditableText(std::string_view editable);

// True when toEditableText(text) would return `text` unchanged (no byte that starts a character
// at U+E000 or beyond): the fast path of the edit widgets.
bool isPlainEditableText(std::string_view utf8);

// Wraps io's clipboard functions so that copying out of a text field puts the original characters
// on the clipboard (not the placeholders), and pasting text with emoji from another application
// brings them in as placeholders (ImGui would turn them into U+FFFD). Call once after the platform
// backend set its clipboard functions; calling it again does nothing.
void mapClipboardPlaceholders(ImGuiIO& io);

} // namespace lernraum::ui
