#pragma once
// The card editor: a modal dialog with every editable field of a card (title, multi-line
// description, owner role, tags, Okabe-Ito colour, due date, checklist), its flow metrics (lead
// and cycle time, days in the current column) and archive / restore / delete. Save sends one
// core::updateCard command, so one edit session is one undo step.

#include "core/ids.hpp"
#include "ui/view.hpp"

#include <string>

namespace lernraum::ui {

class CardEditor {
public:
    CardEditor();

    // Opens the dialog next frame with a copy of the card.
    void open(const core::Id& boardId, const core::Card& card);
    [[nodiscard]] bool isOpen() const { return m_open || m_requestOpen; }
    [[nodiscard]] const core::Id& cardId() const { return m_draft.id; }

    void draw(const core::Session& session, ViewContext& ctx);

private:
    void drawFields(const core::Board& board);
    void drawChecklist();
    void drawFlow(const core::Board& board, const core::Card& card, core::Timestamp now);
    bool applyTextFields(); // tags and due date from their text fields; false (m_error set) when invalid

    core::Id m_boardId;
    core::Card m_draft;
    std::string m_tags; // comma separated
    std::string m_due;  // as typed
    std::string m_newItem;
    bool m_focusNewItem = false; // the checklist field takes the keyboard again after Enter
    std::string m_error;
    core::IdGenerator m_ids;
    bool m_requestOpen = false;
    bool m_open = false;
};


} // namespace lernraum::ui
