#pragma once
// Headless frame CPU time for `lernraum bench`: the whole shell with the Board tab at 1920x1080.

#include "core/model.hpp"

#include <string>
#include <vector>

namespace lernraum::ui {

// Mean CPU milliseconds per frame (NewFrame + shell + Render, no GPU) over `frames` frames,
// after a few warm-up frames.
double benchHeadlessFrameMs(const core::Session& session, int frames);

// One frame's cost, averaged over the timed frames: set-up (context, fonts, shell, session copy,
// warm-up frames that build caches) is excluded. Both clocks cover exactly the timed frames.
struct FrameTiming {
    double wallMs = 0.0; // steady clock per frame
    double cpuMs = 0.0;  // CPU time of the calling thread per frame
};

// The whole shell with the Board tab (the session's first board) at 1920x1080, headless.
FrameTiming benchBoardFrame(const core::Session& session, int frames);
// A board frame right after a change (undo / redo of archiving one card, alternately): the frame
// that rebuilds the cached layout, which is the one that reads every card.
FrameTiming benchBoardChangeFrame(const core::Session& session, int frames);
// The limit to compare it with: the same cards on a hello-world-level board in raw Dear ImGui, in
// a context of the same size: one child window per column side by side, each card a Selectable of
// two lines showing its title, clipped by ImGuiListClipper. `columns` holds the card titles of
// each column, top to bottom.
FrameTiming benchReferenceBoardFrame(const std::vector<std::vector<std::string>>& columns, int frames);

} // namespace lernraum::ui
