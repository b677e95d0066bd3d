#pragma once
// Widgets and helpers shared by the views: font-relative sizes, the font set, headings, cards,
// badges, and thin wrappers around ImGui items that the headless test harness can find by label.

#include "core/model.hpp"

#include <imgui.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::ui {

// Fonts built by the runner (src/app/fonts.cpp). Any may be null: then the default font is used.
struct FontSet {
    ImFont* body = nullptr;    // body text
    ImFont* bold = nullptr;    // body size, bold: card titles, labels
    ImFont* heading = nullptr; // ~1.3x, bold: column and section headings
    ImFont* title = nullptr;   // ~1.7x, bold: session title, timer
    // The big timer's digits only ("0-9 : + - −"), bold: ~2.7x for the Agenda tab, ~4.1x for
    // presentation mode. Null when no TTF was loaded: the timer then scales the title font.
    ImFont* clock = nullptr;
    ImFont* clockLarge = nullptr;
};
// The fonts of the current ImGui context: its own set when it has one (useContextFonts), else
// the main window's.
FontSet& fonts();
// Gives the current ImGui context its own font set (kept by the caller; null = the main window's).
void useContextFonts(FontSet* fonts);
// Sizes of the clock fonts relative to body text (FontSet::clock, FontSet::clockLarge).
inline constexpr float kClockScale = 2.7f;
inline constexpr float kClockLargeScale = 4.1f;

// Sizes in font units: em(2) is twice the current font's pixel size.
inline float em(float x) { return x * ImGui::GetFontSize(); }
inline ImVec2 em(float x, float y) { return ImVec2(x * ImGui::GetFontSize(), y * ImGui::GetFontSize()); }

// Pushes a font for the lifetime of the object (no-op for a null font).
class FontScope {
public:
    explicit FontScope(ImFont* font) : m_pushed(font != nullptr) {
        if (m_pushed) ImGui::PushFont(font);
    }
    ~FontScope() {
        if (m_pushed) ImGui::PopFont();
    }
    FontScope(const FontScope&) = delete;
    FontScope& operator=(const FontScope&) = delete;

private:
    bool m_pushed;
};

// Text helpers (all wrap at the right edge of the current region unless noted).
// A modal dialog in the middle of the screen, `widthEm` wide and at most 95 % of the screen high;
// opens it when `requested` is set (and clears it). False when it is not (or no longer) open.
bool beginCentredModal(const std::string& title, bool& requested, float widthEm);
// The dialog's Cancel button, or Escape while no field has the keyboard.
bool cancelButton();

// A form with labels in one column: FormRows rows({_("Title"), _("Date")}); rows.row(_("Title"));
// then the field (its width is set to the rest of the line).
class FormRows {
public:
    explicit FormRows(std::initializer_list<const char*> labels);
    void row(const char* label) const; // muted label, then the next item starts at the field column
private:
    float m_labelWidth = 0.0f;
};

// The look of a selected tab, the same for the main tabs and the board tabs so that the room sees
// where it is: accent fill, text in the background colour (the accent/background pair meets WCAG
// AA both ways). Wraps the one call that draws the tab (BeginTabItem or Selectable).
class SelectedTabStyle {
public:
    explicit SelectedTabStyle(bool selected);
    ~SelectedTabStyle();
    SelectedTabStyle(const SelectedTabStyle&) = delete;
    SelectedTabStyle& operator=(const SelectedTabStyle&) = delete;

private:
    int m_colours = 0;
};

void heading(std::string_view text);                 // heading font, accent colour
void titleText(std::string_view text);               // title font
void boldText(std::string_view text);                // bold body font
void wrappedText(std::string_view text);             // body text
void mutedText(std::string_view text);               // secondary text
void colouredText(const ImVec4& colour, std::string_view text);
void badge(std::string_view text);                   // small rounded label, e.g. a vote count
// "label: value" on one line with a muted label; nothing when value is empty.
void labelledText(const char* label, std::string_view value);

// A card / sticky note: coloured stripe on the left, title in bold, an optional meta line.
// Returns true when it was double-clicked. `width` 0 = full available width.
struct CardContent {
    std::string_view id;       // PushID source (stable model id)
    std::string_view title;
    std::string_view body;     // optional, muted, wrapped
    std::string meta;          // optional, muted single line
    ImVec4 stripe{0, 0, 0, 0}; // w == 0: no stripe
    bool highlight = false;    // accent outline (e.g. WIP limit exceeded)
    float height = 0.0f;       // cardHeight() at the width drawn, when the caller already has it
};
bool card(const CardContent& content, float width = 0.0f);
// The height card() will take at this width, without drawing (used to skip off-screen cards).
float cardHeight(const CardContent& content, float width);

// A panel (column, prompt): a rounded rectangle behind everything drawn between begin and end.
// width 0 = available width. Content is laid out inside with padding.
void beginPanel(const char* id, float width, bool scrollbar = true);
void endPanel();

// The board last shown on the Board tab (BoardView notes it every frame it draws one), so other
// views can offer it as the default target ("Turn into board card"). Empty before any was shown.
void noteBoardShown(const core::Id& boardId);
const core::Id& lastShownBoard();

// -----------------------------------------------------------------------------------------------
// Items the test harness can find. When recording is on, every wrapped item stores its visible
// label and screen rectangle; tests/ui/harness.hpp looks them up to click or type.

struct RecordedItem {
    std::string label; // without "##..." suffix
    ImVec2 min;
    ImVec2 max;
};

void setItemRecording(bool on);
// While one exists nothing is recorded or dumped: the audience window draws the same views, but
// its items are not the facilitator's to click.
class ItemRecordingPause {
public:
    ItemRecordingPause();
    ~ItemRecordingPause();
    ItemRecordingPause(const ItemRecordingPause&) = delete;
    ItemRecordingPause& operator=(const ItemRecordingPause&) = delete;
};
// Called at the start of each frame: the last frame's items become findable, a new list starts.
void beginItemRecordingFrame();
const std::vector<RecordedItem>& recordedItems(); // items of the last completed frame
void recordLastItem(std::string_view label);
// End-to-end tests (tests/e2e) find widgets in the real window by label: with the environment
// variable LERNRAUM_E2E_ITEMS=FILE set, each call makes the items recorded since the last call
// findable and writes them to FILE ("X Y label" a line, the item's centre in window pixels) when
// they changed. Without the variable it does nothing. Called once a frame by the view under test.
void dumpItemsForEndToEndTests();

bool button(const char* label, const ImVec2& size = ImVec2(0, 0));
bool menuItem(const char* label, const char* shortcut = nullptr, bool selected = false, bool enabled = true);
bool beginMenu(const char* label, bool enabled = true);
bool beginTabItem(const char* label, ImGuiTabItemFlags flags = 0);
bool selectable(const char* label, bool selected = false);
// Text fields bound to a std::string. Return true while edited (every change). Every text field
// of the app goes through these: characters beyond U+FFFF (emoji) survive editing byte-exact
// (see bmp_text.hpp; ImGui itself would turn them into U+FFFD). Only inputText is recorded for
// the test harness.
bool inputText(const char* label, std::string& value, ImGuiInputTextFlags flags = 0);
bool inputTextWithHint(const char* label, const char* hint, std::string& value, ImGuiInputTextFlags flags = 0,
                       ImGuiInputTextCallback callback = nullptr, void* userData = nullptr);
bool inputTextMultiline(const char* label, std::string& value, const ImVec2& size = ImVec2(0, 0),
                        ImGuiInputTextFlags flags = 0, ImGuiInputTextCallback callback = nullptr, void* userData = nullptr);

} // namespace lernraum::ui
