#pragma once
// The detail editor of one experiment (side panel of the Experiments tab): every field of the
// experiment card with guided wording, the dated observation log, the links to where it came from
// (and the actions that point at it), result, learning, decision and transfer recommendation.
// Text fields commit when they lose focus (one undo step per edit; updateExperiment merges further
// edits of the same field); choices commit at once.

#include "core/change.hpp"
#include "core/ids.hpp"
#include "core/model.hpp"
#include "ui/view.hpp"

#include <functional>
#include <string>
#include <vector>

namespace lernraum::ui {

class ExperimentEditor {
public:
    using Emit = std::function<void(core::CommandResult)>;
    // Requested status changes go through here (the board remembers a refusal and shows it).
    using MoveStatus = std::function<void(core::ExperimentStatus)>;

    // `missing`: field names core reported missing for a refused status change of this experiment
    // ("result", "decision", "transfer recommendation"); those fields are highlighted.
    void draw(const core::Session& session, const core::Experiment& experiment, const ViewContext& ctx,
              core::IdGenerator& ids, const std::vector<std::string>& missing, const Emit& emit,
              const MoveStatus& moveStatus);

    // The next draw puts the keyboard focus into the title field (a new or newly opened experiment).
    void focusTitle() { m_focusTitle = true; }

private:
    // A single-line field (InputTextWithHint) bound to `value`; returns true with `out` set when an
    // edit was committed (focus lost or Enter).
    bool lineField(const char* label, const char* hint, const std::string& value, std::string& out, float width);
    // A wrapped, read-only box that turns into a multi-line editor when clicked.
    bool textArea(const char* label, const char* hint, const std::string& value, std::string& out, bool highlight);
    void drawObservations(const core::Session& session, const core::Experiment& e, const ViewContext& ctx,
                          core::IdGenerator& ids, const Emit& emit);
    void drawLinks(const core::Session& session, const core::Experiment& e, const Emit& emit);

    std::string m_activeKey; // field being edited: "<experiment id>/<label>"
    std::string m_buffer;    // its text while editing
    int m_activeFrames = 0;  // frames since a text area entered edit mode
    bool m_focusArea = false;
    bool m_focusTitle = false;
    bool m_focusObservation = false;
    std::string m_scratch;
    std::string m_observationText;
    std::string m_observationDate;
    std::string m_dateError;
};

} // namespace lernraum::ui
