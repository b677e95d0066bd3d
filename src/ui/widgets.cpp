#include "ui/widgets.hpp"

#include "ui/bmp_text.hpp"
#include "ui/hyphenation.hpp"
#include "ui/i18n.hpp"
#include "ui/theme.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <optional>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>

namespace lernraum::ui {
namespace {

FontSet g_fonts;
bool g_recording = false;
int g_recordingPaused = 0; // ItemRecordingPause nesting
std::vector<RecordedItem> g_items;     // being recorded this frame
std::vector<RecordedItem> g_lastItems; // complete list of the last frame

ImVec2 add(const ImVec2& a, const ImVec2& b) { return ImVec2(a.x + b.x, a.y + b.y); }

// The width text gets before the wrap position at the cursor (ImGui's rule), or a negative value
// when nothing wraps.
float wrapWidthHere() {
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    if (window->DC.TextWrapPos < 0.0f) return -1.0f;
    return ImGui::CalcWrapWidthForPos(window->DC.CursorPos, window->DC.TextWrapPos);
}

bool fitsOneLine(std::string_view text, float wrapWidth) {
    return text.find('\n') == std::string_view::npos &&
           ImGui::CalcTextSize(text.data(), text.data() + text.size()).x <= wrapWidth;
}

// layoutWrapped() results of recent frames: the same card texts are laid out every frame, and
// measuring word by word costs more than a lookup. Keyed by text, width, font and size; emptied
// when it grows large or when the hyphenation patterns finish loading (the breaks change).
const std::string& cachedLayout(std::string_view text, float wrapWidth) {
    static std::unordered_map<std::string, std::string> cache;
    static bool patternsLoaded = false;
    const ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    if (const bool loaded = Hyphenator::instance().loaded(); loaded != patternsLoaded || cache.size() > 8192) {
        cache.clear();
        patternsLoaded = loaded;
    }
    std::string key(text);
    const struct {
        const ImFont* font;
        float size;
        float width;
    } params{font, size, wrapWidth};
    key.append(reinterpret_cast<const char*>(&params), sizeof params);
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(std::move(key), layoutWrapped(text, std::max(wrapWidth, 1.0f), font, size)).first;
    return it->second;
}

// Text at the current wrap position, broken into lines by layoutWrapped() (hyphenation instead
// of ImGui's cut in the middle of a long word).
void textRange(std::string_view text) {
    const float wrapWidth = wrapWidthHere();
    // A window that sizes itself to its content (tooltips, the drag preview) starts a few pixels
    // wide: wrapping there would cut every character onto its own line, and the window would never
    // grow. Such narrow widths draw the text unwrapped, as ImGui's own wrapping effectively does.
    const bool asIs = wrapWidth < ImGui::GetFontSize() * 4.0f || fitsOneLine(text, wrapWidth);
    const std::string_view lines = asIs ? text : std::string_view(cachedLayout(text, wrapWidth));
    ImGui::PushTextWrapPos(-1.0f); // the lines are final: ImGui must not wrap them again
    ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
    ImGui::PopTextWrapPos();
}

// The height textRange() takes at this wrap width, in the current font.
float textHeight(std::string_view text, float wrapWidth) {
    if (fitsOneLine(text, wrapWidth)) return ImGui::GetFontSize();
    const std::string& lines = cachedLayout(text, wrapWidth);
    return ImGui::GetFontSize() * static_cast<float>(1 + std::count(lines.begin(), lines.end(), '\n'));
}

// Wraps at the enclosing PushTextWrapPos() if there is one (cards), else at the region's edge.
void wrapped(std::string_view text) {
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    const bool outerWrap = window->DC.TextWrapPos >= 0.0f;
    // A window that sizes itself to its content (tooltip, drag preview, auto-resizing dialog) has
    // no edge to wrap at yet: give it a reading width instead.
    const bool autoSized = (window->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_AlwaysAutoResize)) != 0;
    if (!outerWrap) ImGui::PushTextWrapPos(autoSized ? ImGui::GetCursorPos().x + em(30.0f) : 0.0f);
    textRange(text);
    if (!outerWrap) ImGui::PopTextWrapPos();
}

} // namespace

FontSet& fonts() {
    // A second window (the audience window) has its own ImGui context with its own fonts at its
    // own size; it puts them into its io.UserData (see useContextFonts).
    if (ImGui::GetCurrentContext()) {
        if (void* own = ImGui::GetIO().UserData) return *static_cast<FontSet*>(own);
    }
    return g_fonts;
}

void useContextFonts(FontSet* fonts) { ImGui::GetIO().UserData = fonts; }

void heading(std::string_view text) {
    FontScope font(fonts().heading);
    colouredText(palette().accent, text);
}

void titleText(std::string_view text) {
    FontScope font(fonts().title);
    wrapped(text);
}

void boldText(std::string_view text) {
    FontScope font(fonts().bold);
    wrapped(text);
}

void wrappedText(std::string_view text) { wrapped(text); }

void mutedText(std::string_view text) { colouredText(palette().muted, text); }

void colouredText(const ImVec4& colour, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrapped(text);
    ImGui::PopStyleColor();
}

void badge(std::string_view text) {
    const Palette& p = palette();
    const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    const ImVec2 pad = em(0.35f, 0.1f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 end = add(pos, add(size, ImVec2(2 * pad.x, 2 * pad.y)));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, end, ImGui::GetColorU32(p.badge), em(0.6f));
    dl->AddText(add(pos, pad), ImGui::GetColorU32(p.badgeText), text.data(), text.data() + text.size());
    ImGui::Dummy(ImVec2(end.x - pos.x, end.y - pos.y));
}

void labelledText(const char* label, std::string_view value) {
    if (value.empty()) return;
    FontScope font(fonts().bold);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    // Value beside the label while there is room for a few words, else on its own line.
    const float labelRight = ImGui::GetItemRectMax().x;
    const float wrapRight = ImGui::GetCurrentWindowRead()->DC.TextWrapPos > 0.0f
                                ? ImGui::GetWindowPos().x + ImGui::GetCurrentWindowRead()->DC.TextWrapPos
                                : ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (wrapRight - labelRight > em(12.0f)) ImGui::SameLine();
    FontScope bodyFont(fonts().body);
    wrapped(value);
}

bool card(const CardContent& c, float width) {
    const Palette& p = palette();
    ImGui::PushID(c.id.data(), c.id.data() + c.id.size());
    if (width <= 0.0f) width = ImGui::GetContentRegionAvail().x;
    width = std::max(width, em(4.0f)); // a table's first frame can report no width
    const float pad = em(0.5f);
    const float stripe = c.stripe.w > 0.0f ? em(0.4f) : 0.0f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    // Background first (measured, not split into draw channels: cards live inside tables, which
    // already split the draw list).
    const ImVec2 end(start.x + width, start.y + (c.height > 0.0f ? c.height : cardHeight(c, width)));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = em(0.25f);
    dl->AddRectFilled(start, end, ImGui::GetColorU32(p.card), rounding);
    if (stripe > 0.0f) {
        dl->AddRectFilled(start, ImVec2(start.x + stripe, end.y), ImGui::GetColorU32(c.stripe), rounding,
                          ImDrawFlags_RoundCornersLeft);
    }
    dl->AddRect(start, end, ImGui::GetColorU32(c.highlight ? p.warning : p.border), rounding, 0,
                c.highlight ? em(0.15f) : 1.0f);

    ImGui::SetCursorScreenPos(ImVec2(start.x + pad + stripe, start.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + width - 2 * pad - stripe);
    {
        FontScope font(fonts().bold);
        textRange(c.title);
    }
    if (!c.body.empty()) textRange(c.body);
    if (!c.meta.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.muted);
        textRange(c.meta);
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    ImGui::SetCursorScreenPos(start);
    ImGui::InvisibleButton("##card", ImVec2(end.x - start.x, end.y - start.y));
    recordLastItem(c.title);
    const bool doubleClicked = ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0);
    ImGui::PopID();
    return doubleClicked;
}

float cardHeight(const CardContent& c, float width) {
    const float pad = em(0.5f);
    const float stripe = c.stripe.w > 0.0f ? em(0.4f) : 0.0f;
    const float wrap = width - 2 * pad - stripe;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = 0.0f;
    {
        FontScope font(fonts().bold);
        h += textHeight(c.title, wrap);
    }
    if (!c.body.empty()) h += spacing + textHeight(c.body, wrap);
    if (!c.meta.empty()) h += spacing + textHeight(c.meta, wrap);
    return h + 2 * pad;
}

void beginPanel(const char* id, float width, bool scrollbar) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, em(0.6f, 0.6f));
    ImGui::BeginChild(id, ImVec2(width, 0.0f), true, scrollbar ? 0 : ImGuiWindowFlags_NoScrollbar);
}

void endPanel() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

// -----------------------------------------------------------------------------------------------

void setItemRecording(bool on) {
    g_recording = on;
    g_items.clear();
    g_lastItems.clear();
}

ItemRecordingPause::ItemRecordingPause() { ++g_recordingPaused; }
ItemRecordingPause::~ItemRecordingPause() { --g_recordingPaused; }

void beginItemRecordingFrame() {
    if (!g_recording || g_recordingPaused > 0) return;
    g_lastItems.swap(g_items);
    g_items.clear();
}

const std::vector<RecordedItem>& recordedItems() { return g_lastItems; }

void dumpItemsForEndToEndTests() {
    static const char* const path = std::getenv("LERNRAUM_E2E_ITEMS");
    if (!path || !*path || g_recordingPaused > 0) return;
    static std::string last;
    if (!g_recording) setItemRecording(true);
    beginItemRecordingFrame();
    std::string text;
    for (const auto& item : g_lastItems) {
        text += std::to_string(static_cast<int>((item.min.x + item.max.x) * 0.5f)) + " " +
                std::to_string(static_cast<int>((item.min.y + item.max.y) * 0.5f)) + " " + item.label + "\n";
    }
    if (text == last) return;
    last = text;
    const std::string tmp = std::string(path) + ".tmp";
    if (std::FILE* f = std::fopen(tmp.c_str(), "wb")) { // written whole, then renamed: never half read
        const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
        if (std::fclose(f) == 0 && ok) std::rename(tmp.c_str(), path);
    }
}

void recordLastItem(std::string_view label) {
    if (!g_recording || g_recordingPaused > 0) return;
    std::string_view text = label;
    if (auto pos = text.find("##"); pos != std::string_view::npos) text = text.substr(0, pos);
    g_items.push_back({std::string(text), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

bool button(const char* label, const ImVec2& size) {
    const bool pressed = ImGui::Button(label, size);
    recordLastItem(label);
    return pressed;
}

bool menuItem(const char* label, const char* shortcut, bool selected, bool enabled) {
    const bool pressed = ImGui::MenuItem(label, shortcut, selected, enabled);
    recordLastItem(label);
    return pressed;
}

bool beginMenu(const char* label, bool enabled) {
    const bool open = ImGui::BeginMenu(label, enabled);
    // An open menu's Begin() replaces the last item with the popup window; record closed menus only.
    if (!open) recordLastItem(label);
    return open;
}

bool beginCentredModal(const std::string& title, bool& requested, float widthEm) {
    if (requested) {
        requested = false;
        ImGui::OpenPopup(title.c_str());
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(widthEm), display.x * 0.95f), 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), ImVec2(display.x, display.y * 0.95f));
    return ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings);
}

bool cancelButton() {
    return button(_("Cancel")) || (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !ImGui::IsAnyItemActive());
}

FormRows::FormRows(std::initializer_list<const char*> labels) {
    for (const char* text : labels) m_labelWidth = std::max(m_labelWidth, ImGui::CalcTextSize(text).x);
    m_labelWidth += em(1.0f);
}

void FormRows::row(const char* label) const {
    ImGui::AlignTextToFramePadding();
    mutedText(label);
    ImGui::SameLine(m_labelWidth);
    ImGui::SetNextItemWidth(-1.0f);
}

SelectedTabStyle::SelectedTabStyle(bool selected) {
    if (!selected) return;
    const Palette& p = palette();
    for (const ImGuiCol col : {ImGuiCol_TabActive, ImGuiCol_TabUnfocusedActive, ImGuiCol_TabHovered, ImGuiCol_Header,
                               ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive}) {
        ImGui::PushStyleColor(col, p.accent);
        ++m_colours;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, p.background);
    ++m_colours;
}

SelectedTabStyle::~SelectedTabStyle() {
    if (m_colours > 0) ImGui::PopStyleColor(m_colours);
}

bool beginTabItem(const char* label, ImGuiTabItemFlags flags) {
    const bool open = ImGui::BeginTabItem(label, nullptr, flags);
    recordLastItem(label);
    return open;
}

bool selectable(const char* label, bool selected) {
    const bool pressed = ImGui::Selectable(label, selected);
    recordLastItem(label);
    return pressed;
}

namespace {

// Runs `edit` on the text as ImGui can hold it and writes the edited text back with its
// characters beyond U+FFFF restored (bmp_text.hpp).
template <typename Edit> bool editText(std::string& value, ImGuiInputTextFlags flags, Edit&& edit) {
    if (isPlainEditableText(value)) return edit(value, flags);
    std::optional<std::string> editable = toEditableText(value);
    if (!editable) {
        // No placeholder left (more than 6,400 different such characters this run): show, never change.
        std::string copy = value;
        edit(copy, flags | ImGuiInputTextFlags_ReadOnly);
        return false;
    }
    // ImGui writes the buffer on every change, also when it returns false (EnterReturnsTrue).
    const std::string shown = *editable;
    const bool result = edit(*editable, flags);
    if (*editable != shown) value = fromEditableText(*editable);
    return result;
}

} // namespace

bool inputText(const char* label, std::string& value, ImGuiInputTextFlags flags) {
    const bool changed = editText(value, flags, [&](std::string& text, ImGuiInputTextFlags f) {
        return ImGui::InputText(label, &text, f);
    });
    recordLastItem(label);
    return changed;
}

bool inputTextWithHint(const char* label, const char* hint, std::string& value, ImGuiInputTextFlags flags,
                       ImGuiInputTextCallback callback, void* userData) {
    return editText(value, flags, [&](std::string& text, ImGuiInputTextFlags f) {
        return ImGui::InputTextWithHint(label, hint, &text, f, callback, userData);
    });
}

bool inputTextMultiline(const char* label, std::string& value, const ImVec2& size, ImGuiInputTextFlags flags,
                        ImGuiInputTextCallback callback, void* userData) {
    return editText(value, flags, [&](std::string& text, ImGuiInputTextFlags f) {
        return ImGui::InputTextMultiline(label, &text, size, f, callback, userData);
    });
}
namespace {
core::Id g_lastShownBoard;
} // namespace

void noteBoardShown(const core::Id& boardId) { g_lastShownBoard = boardId; }
const core::Id& lastShownBoard() { return g_lastShownBoard; }

} // namespace lernraum::ui
