#pragma once
// The status board of the experiment log: one column per status (idea, planned, running,
// evaluated, transferred, stopped), one card per experiment with its owner role, review date
// (overdue ones highlighted) and number of observations, and a summary line counting them.
// Dragging a card to another column asks core to change the status; a refusal names what is
// missing and stays visible until the move succeeds or the experiment is complete.

#include "core/change.hpp"
#include "core/model.hpp"
#include "ui/list_layout.hpp"
#include "ui/view.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lernraum::ui {

// What the last frame of the experiment board touched, for the UI tests: each column draws the
// cards on screen (issue 14); its list and heights are kept until the session changes.
struct ExperimentFrameStats {
    std::size_t listed = 0; // experiments in the columns
    std::size_t drawn = 0;  // of those, drawn this frame
    std::size_t sorted = 0; // experiments put into the columns' lists (only when rebuilt)
};
const ExperimentFrameStats& lastExperimentFrameStats();

class ExperimentBoard {
public:
    using Emit = std::function<void(core::CommandResult)>;

    // Draws the summary line and the columns into the current region (width x available height).
    // `selected` is the experiment shown in the side panel (outlined); `clicked` is set to the id of
    // a card clicked (or dropped) this frame.
    void draw(const core::Session& session, const ViewContext& ctx, float width, const core::Id& selected,
              core::Id& clicked, const Emit& emit);

    // The last refused move while its reason still holds: field names core reported missing.
    [[nodiscard]] const core::Id& refusedExperiment() const { return m_refusedId; }
    [[nodiscard]] const std::vector<std::string>& missingFields() const { return m_missing; }
    [[nodiscard]] const std::string& refusalMessage() const { return m_message; }

    // Asks core to move the experiment to `status` (what a drop does; also the status combo).
    void move(const core::Session& session, const core::Id& experimentId, core::ExperimentStatus status, const Emit& emit);

private:
    void drawSummary(const core::Session& session, const ViewContext& ctx);
    void drawColumn(const core::Session& session, core::ExperimentStatus status, float width, float height,
                    const ViewContext& ctx, const core::Id& selected, core::Id& clicked, const Emit& emit);
    void forgetStaleRefusal(const core::Session& session);

    core::Id m_refusedId;
    core::ExperimentStatus m_refusedStatus = core::ExperimentStatus::Idea;
    std::vector<std::string> m_missing;
    std::string m_message;
    ImFont* m_headingFont = nullptr; // column headings, chosen each frame (see draw())
    // Each column's cards (indices into session.experiments) and their heights, kept between
    // frames (ui::ListLayout): rebuilt when the session or what heights depend on changed.
    struct ColumnCards {
        std::vector<std::size_t> items;
        ListLayout layout;
        std::uint64_t version = 0;
        const core::Experiment* data = nullptr;
        std::size_t count = 0;
        float width = 0.0f;
        float font = 0.0f;
        bool presentation = false;
        core::Date today;
        std::string language;
        bool valid = false;
    };
    std::vector<ColumnCards> m_columns;
};

// The colour of a status: the stripe on cards (not for text: some are too light on a card).
ImVec4 experimentStatusColour(core::ExperimentStatus status);
// A status label: a square in the status colour, then the name in a text colour of the palette.
void experimentStatusLabel(core::ExperimentStatus status);

} // namespace lernraum::ui
