#pragma once
// Redraws only the part of the window that changed, for software OpenGL (Mesa llvmpipe, the
// projector laptop without a GPU driver, Xvfb). There, rasterizing a 1920x1080 Lernraum frame
// costs ~40 ms of CPU, so the idle window with a running timer (one frame a second) used 25x the
// CPU of a Dear ImGui hello world. Most of those frames change a few digits.
//
// How: the frame's draw data is compared with the last frame's (vertices, indices, commands).
// When the lists have the same shape and the triangles that differ cover a small rectangle, every
// command's clip rectangle is narrowed to it (plus the last frame's, see below) and glClear is
// scissored to it: the rest of the back buffer keeps the previous frame. That holds for Mesa's
// software rasterizers under X11 (the swap copies the back buffer to the window); it is checked
// once at run time (a pixel read back after a swap must still be there) and the redraw stays full
// when it is not. A GPU renderer always redraws fully (cheap there). Set LERNRAUM_PARTIAL_REDRAW=0
// to turn it off, =1 to use it with any renderer.

#include <imgui.h>

#include <vector>

namespace lernraum::app {

class PartialRedraw {
public:
    // After the GL context exists: decides from GL_RENDERER and the environment.
    void init();
    // Before glClear: narrows the draw data when only a small part changed; the frame is then
    // partial and scissor() is the rectangle to clear. `forceFull`: e.g. a screenshot.
    bool prepare(ImDrawData* data, int fbWidth, int fbHeight, bool forceFull);
    // glScissor arguments of a partial frame (framebuffer pixels, origin bottom left).
    [[nodiscard]] const int* scissor() const { return m_scissor; }
    // After rendering, before the swap.
    void finish();

    [[nodiscard]] bool enabled() const { return m_state != State::Off; }

private:
    struct List {
        std::vector<ImDrawVert> vertices;
        std::vector<ImDrawIdx> indices;
        std::vector<ImDrawCmd> commands;
    };
    enum class State { Off, Unverified, Verified };

    bool sameShape(const ImDrawData* data) const;
    bool changedArea(const ImDrawData* data, ImVec4& area) const; // false: nothing changed
    void remember(const ImDrawData* data);

    State m_state = State::Off;
    std::vector<List> m_last;
    bool m_haveLast = false;
    int m_fbWidth = 0;
    int m_fbHeight = 0;
    ImVec2 m_scale{1.0f, 1.0f};
    ImVec4 m_lastArea{0, 0, 0, 0}; // what changed in the last frame (display coordinates)
    bool m_lastWasFull = true;
    bool m_partial = false;
    int m_scissor[4] = {0, 0, 0, 0};
    // The run-time check: a pixel of a full frame, read before its swap, compared with the same
    // pixel before the next frame draws anything.
    bool m_probeTaken = false;
    unsigned char m_probe[4] = {0, 0, 0, 0};
};

} // namespace lernraum::app
