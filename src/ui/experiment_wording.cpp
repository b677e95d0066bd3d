#include "ui/experiment_wording.hpp"

#include "core/text.hpp"
#include "ui/i18n.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace lernraum::ui {
namespace {

bool hasDigit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

bool blank(std::string_view text) { return core::trim(text).empty(); }

} // namespace

FieldWording wording(ExperimentField field) {
    switch (field) {
    case ExperimentField::Title:
        return {_("Title"), _("Short name, e.g. \xE2\x80\x9EMonday stand-up by video\xE2\x80\x9C"), ""};
    case ExperimentField::Hypothesis:
        return {_("Hypothesis"), _("We believe that \xE2\x80\xA6 leads to \xE2\x80\xA6 for \xE2\x80\xA6"),
                _("Testable: one change, the effect you expect, and for whom. It must be possible to be wrong.")};
    case ExperimentField::Method:
        return {_("What we will do"), _("What exactly, how often, how long, who takes part?"), ""};
    case ExperimentField::Measure:
        return {_("Measure"), _("What will we count or ask? e.g. short survey 1\xE2\x80\x93" "5, call-backs per week"),
                _("Measure before and during the experiment, so that there is something to compare.")};
    case ExperimentField::SuccessCriterion:
        return {_("Success criterion"), _("e.g. at least 80 % of requests answered the same day"),
                _("Measurable: a threshold on the measure, agreed before the start.")};
    case ExperimentField::Learning:
        return {_("Learning"), _("What have we learned \xE2\x80\x93 also from a refuted hypothesis?"), ""};
    case ExperimentField::TransferRecommendation:
        return {_("Transfer recommendation"), _("Which other units could adopt it, and what do they need?"), ""};
    case ExperimentField::Count: break;
    }
    return {"", "", ""};
}

std::vector<std::string> wordingHints(const core::Experiment& e) {
    std::vector<std::string> hints;
    if (!blank(e.hypothesis) && e.hypothesis.size() < 40) {
        hints.emplace_back(_("The hypothesis is very short: name the change, the expected effect and for whom."));
    }
    if (!blank(e.successCriterion) && !hasDigit(e.successCriterion)) {
        hints.emplace_back(_("The success criterion has no number: how much, or how many, counts as success?"));
    }
    if (!blank(e.successCriterion) && blank(e.measure)) {
        hints.emplace_back(_("Name the measure the success criterion refers to."));
    }
    const bool active = e.status == core::ExperimentStatus::Planned || e.status == core::ExperimentStatus::Running;
    if (active && !e.reviewDate.isSet()) {
        hints.emplace_back(_("Set a review date, so the team looks at the result together."));
    }
    if (e.startDate.isValid() && e.reviewDate.isValid() && e.reviewDate < e.startDate) {
        hints.emplace_back(_("The review date is before the start date."));
    }
    return hints;
}

} // namespace lernraum::ui
