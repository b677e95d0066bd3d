#pragma once
// The retrospective formats and activity library the views offer. The app loads them from the
// assets at start (store::findRetroLibrary) and hands them over here; tests set their own.

#include "core/formats.hpp"

namespace lernraum::ui {

void setRetroLibrary(core::RetroLibrary library);
const core::RetroLibrary& retroLibrary(); // empty until set

} // namespace lernraum::ui
