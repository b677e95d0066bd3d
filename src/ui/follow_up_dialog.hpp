#pragma once
// File › Neue Folgesitzung …: the next workshop's date, title and kind and whether experiment ideas
// go along, before anything happens. OK hands the options to the shell, which then asks about
// unsaved changes of the open session; Cancel leaves everything as it was.

#include "core/follow_up.hpp"
#include "core/model.hpp"

#include <optional>
#include <string>

namespace lernraum::ui {

class FollowUpDialog {
public:
    // Defaults as `lernraum follow-up`: the next review (else today, never before this workshop),
    // the next kind of the Lernraum lifecycle and its default title.
    void open(const core::Session& current, core::Date today);
    [[nodiscard]] bool isOpen() const { return m_open; }
    // Draws the modal while open; returns the options once when confirmed.
    std::optional<core::FollowUpOptions> draw(const core::Session& current);

private:
    bool m_open = false;
    bool m_requested = false;
    std::string m_date;
    std::string m_title;
    bool m_titleEdited = false;
    core::SessionKind m_kind = core::SessionKind::Other;
    bool m_carryIdeas = true;
    std::string m_error;
};

} // namespace lernraum::ui
