#pragma once
// What a retrospective produces, as drawn in its phases: the check-in and ROTI scales (question,
// histogram, counting hands, editing the question) and the table of agreed actions (status per
// action). Views emit commands only; every change is one undo step.
//
// The question editor: the facilitator clicks the question (or "Edit" next to it), types, and
// Enter applies it (core::setScaleQuestion); Escape or clicking elsewhere leaves it unchanged.
// Presentation mode shows the question only.

#include "core/ids.hpp"
#include "core/retro_rules.hpp"
#include "ui/list_layout.hpp"
#include "ui/view.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace lernraum::ui {

class ScalePanel {
public:
    void draw(const core::Session& session, const core::Retrospective& retro, core::Scale scale, ViewContext& ctx);

private:
    void drawQuestion(const core::Session& session, const core::Retrospective& retro, core::Scale scale,
                      const std::string& name, ViewContext& ctx);

    // The question being edited: which retrospective and scale, the draft text, and whether the
    // field still has to take the keyboard focus (the frame after "Edit" was clicked).
    core::Id m_editRetro;
    core::Scale m_editScale = core::Scale::CheckIn;
    std::string m_draft;
    bool m_editing = false;
    bool m_focus = false;
};

// The actions table (Maßnahmen): text, owner role, due date, status. Outside presentation mode the
// status is a combo, and "Edit" opens a dialog for text, owner role and due date; both change the
// action with core::updateAction (one undo step each; owner and due date reach a linked board
// card). The dialog also deletes the action (core::removeAction), and "New action" writes one that
// did not come from a card (core::addAction). The dialog opens where the facilitator clicked.
// What the last actions table touched, for the UI tests: a frame draws the rows on screen (issue
// 14); the rows' heights are kept between frames and rebuilt when the session changes.
struct ActionsFrameStats {
    std::size_t listed = 0;   // actions in the table
    std::size_t drawn = 0;    // of those, drawn this frame
    std::size_t measured = 0; // rows estimated (only when the layout was rebuilt)
};
const ActionsFrameStats& lastActionsFrameStats();

class ActionsTable {
public:
    void draw(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx);

private:
    void drawEditor(const core::Session& session, const core::Retrospective& retro, ViewContext& ctx);

    core::Id m_editId;     // the action in the dialog; empty = closed
    bool m_new = false;    // the dialog writes a new action (addAction) instead
    ImVec2 m_formPos{-1.0f, -1.0f}; // where "Edit" / "New action" was clicked: the dialog opens there
    core::IdGenerator m_ids = core::IdGenerator::fromRandomDevice();
    bool m_requestOpen = false;
    std::string m_text;
    int m_role = -1;       // index into core::Role, -1 = open
    std::string m_due;
    std::string m_error;
    // The rows' heights (ui::ListLayout), rebuilt when the session or what heights depend on changed.
    ListLayout m_rows;
    struct RowsKey {
        core::Id retro;
        std::uint64_t version = 0;
        const core::Action* actions = nullptr;
        std::size_t count = 0;
        float width = 0.0f;
        float font = 0.0f;
        bool presentation = false;
        std::string language;
        bool operator==(const RowsKey&) const = default;
    } m_rowsKey;
    bool m_haveRows = false;
};

} // namespace lernraum::ui
