#pragma once
// Keyboard shortcuts as layout-aware chords. The runner turns each GLFW key press into a chord
// whose key is the character printed on the key in the user's layout (so Ctrl+Z is Ctrl+Z on a
// German keyboard too, where GLFW's physical key code would say Y), or a named key below.

namespace lernraum::ui {

// Named keys use GLFW's codes (>= 256); printable keys use their upper-case ASCII character.
namespace key {
inline constexpr int Escape = 256;
inline constexpr int Enter = 257;
inline constexpr int Tab = 258;
inline constexpr int F1 = 290;
inline constexpr int F2 = 291;
inline constexpr int F5 = 294;
inline constexpr int F6 = 295;
inline constexpr int F11 = 300;
} // namespace key

struct KeyChord {
    int key = 0;
    bool ctrl = false;
    bool shift = false;
    bool alt = false;
    friend bool operator==(const KeyChord&, const KeyChord&) = default;
};

} // namespace lernraum::ui
