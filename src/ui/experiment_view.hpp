#pragma once
// The Experiments tab: the status board of every practice experiment (drag a card to change its
// status) and, beside it, the selected experiment: the detail editor, or in presentation mode the
// whole experiment card read-only and large. "New experiment" and "From an action" create one.

#include "core/ids.hpp"
#include "ui/experiment_board.hpp"
#include "ui/experiment_editor.hpp"
#include "ui/view.hpp"

#include <vector>

namespace lernraum::ui {

class ExperimentView {
public:
    void draw(const core::Session& session, ViewContext& ctx);

    [[nodiscard]] const core::Id& selected() const { return m_selected; }
    // The experiment whose card is open beside the board ("" = none chosen): the audience window
    // shows the same one large (audience_view.cpp).
    [[nodiscard]] core::Id shownExperiment() const { return m_panel == Panel::Open ? m_selected : core::Id{}; }
    void showExperiment(const core::Id& id) {
        m_selected = id;
        m_panel = id.empty() ? Panel::Hidden : Panel::Open;
    }

private:
    void drawToolbar(const core::Session& session, const ViewContext& ctx);

    ExperimentBoard m_board;
    ExperimentEditor m_editor;
    core::IdGenerator m_ids = core::IdGenerator::fromRandomDevice();
    core::Id m_selected;
    enum class Panel { Auto, Open, Hidden };
    Panel m_panel = Panel::Auto; // Auto: open at the desk, closed in presentation mode
    std::vector<core::CommandResult> m_outbox; // sent after the frame's drawing (see draw())
};

} // namespace lernraum::ui
