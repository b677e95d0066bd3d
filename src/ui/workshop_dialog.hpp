#pragma once
// Bearbeiten › Workshop-Daten …: every field of the session header (title, date, start time, kind,
// Lernraum, unit, facilitation, goal, next review, language, research consent) and the
// participants by role (add, edit, remove; quick entry by counts). One undo step per confirmed
// dialog (core::updateWorkshopData). Opened from the Edit menu and the Agenda tab's facts panel.

#include "core/change.hpp"
#include "core/model.hpp"

#include <functional>
#include <string>
#include <vector>

namespace lernraum::ui {

class WorkshopDialog {
public:
    // Copies the session's header and participants into the draft and opens the popup.
    void open(const core::Session& session);
    [[nodiscard]] bool isOpen() const { return m_open; }
    // Draws the modal while open; OK submits one command. `presentation` masks participant names.
    void draw(const core::Session& session, const std::function<void(core::CommandResult)>& submit, bool presentation);

    [[nodiscard]] const std::string& error() const { return m_error; } // shown inside the dialog

private:
    void drawFields(bool presentation);
    void drawParticipants(const core::Session& session, bool presentation);
    bool confirm(const core::Session& session, const std::function<void(core::CommandResult)>& submit);

    bool m_open = false;
    bool m_requested = false;
    core::SessionHeader m_header;
    std::vector<core::Participant> m_participants;
    std::string m_date;
    std::string m_nextReview;
    std::string m_startTime;
    std::string m_quickEntry;
    std::string m_error;
    int m_newIds = 0; // participants added in this dialog (for their ids)
};

} // namespace lernraum::ui
