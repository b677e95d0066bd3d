#pragma once
// Headless frame CPU time for `lernraum bench`: the whole shell with the Board tab at 1920x1080.

#include "core/model.hpp"

namespace lernraum::ui {

// Mean CPU milliseconds per frame (NewFrame + shell + Render, no GPU) over `frames` frames,
// after a few warm-up frames.
double benchHeadlessFrameMs(const core::Session& session, int frames);

} // namespace lernraum::ui
