#pragma once
// The Agenda tab: the workshop's plan (time, phase, item, timebox, used time, done) next to the
// big timer, the workshop's facts, the room and the activity library. Outside presentation mode
// the plan is an editor: add a free item, edit an item in place, reorder by drag and drop or with
// Ctrl+↑/↓ on the selected item, delete it (Entf or the row's button; undo brings it back).

#include "core/model.hpp"
#include "ui/retro_activities.hpp"
#include "ui/view.hpp"

#include <string>

namespace lernraum::ui {

class AgendaView {
public:
    void draw(const core::Session& session, ViewContext& ctx);

    [[nodiscard]] const core::Id& selected() const { return m_selected; } // for tests

private:
    void drawTable(const core::Session& session, ViewContext& ctx);
    void drawRowEditor(const core::Session& session, ViewContext& ctx);
    void drawNewItem(const core::Session& session, ViewContext& ctx);
    void handleKeys(const core::Session& session, ViewContext& ctx);
    void startEdit(const core::AgendaItem& item);

    ActivityLibraryPanel m_library; // fills the agenda from the activity library (retro_activities.hpp)
    core::Id m_selected;
    core::Id m_editing;      // the item whose row is an editor
    core::AgendaItem m_draft; // the editor's copy
    core::AgendaItem m_new;   // the "new item" row
    bool m_focusNew = false;
    bool m_focusEdit = false;
};

} // namespace lernraum::ui
