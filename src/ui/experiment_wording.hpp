#pragma once
// Guided wording for the experiment editor: the placeholder and the short hint of every text field
// (German and English through the catalogue), gentle checks that point at a hypothesis that cannot
// be tested or a success criterion that cannot be measured, and date entry as people type it.

#include "core/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::ui {

enum class ExperimentField {
    Title, Hypothesis, Method, Measure, SuccessCriterion, Learning, TransferRecommendation, Count
};

struct FieldWording {
    const char* label;       // "Hypothese"
    const char* placeholder; // shown inside the empty field
    const char* hint;        // one short line under the field; "" for none
};
// Translated texts for the current UI language.
FieldWording wording(ExperimentField field);

// Checks the team can act on, in the order of the fields; each a translated sentence. Empty when
// nothing stands out. Never blocks anything: the status rules live in core.
std::vector<std::string> wordingHints(const core::Experiment& e);


} // namespace lernraum::ui
