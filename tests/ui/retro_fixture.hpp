#pragma once
// Shared by the retrospective UI tests: show a session on the Retrospective tab, and replace the
// text of the focused field the way a user does (Ctrl+A, type).

#include "harness.hpp"

#include <string>

namespace lernraum::test {

inline UiHarness& openRetro(UiHarness& h, const core::Session& s) {
    h.shell().setSession(s, {});
    h.shell().selectTab(ui::Tab::Retro);
    h.frame(3);
    return h;
}

inline void replaceText(UiHarness& h, const std::string& text) {
    h.io().KeyCtrl = true;
    h.pressKey('A');
    h.io().KeyCtrl = false;
    h.type(text);
}

} // namespace lernraum::test
