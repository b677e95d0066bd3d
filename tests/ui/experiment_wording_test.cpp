// Guided wording of the experiment editor: hints that point at an untestable hypothesis or an
// unmeasurable success criterion, date entry as people type it, German texts, and the contrast of
// the placeholder text the editor draws itself.

#include "ui/experiment_wording.hpp"
#include "ui/labels.hpp"
#include "ui/i18n.hpp"
#include "ui/theme.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

bool hasHint(const std::vector<std::string>& hints, const std::string& start) {
    return std::any_of(hints.begin(), hints.end(), [&](const std::string& h) { return h.rfind(start, 0) == 0; });
}

core::Experiment wellWritten() {
    core::Experiment e;
    e.id = "exp-1";
    e.title = "Kernzeit";
    e.hypothesis = "Wir glauben, dass eine gemeinsame Kernzeit die Erreichbarkeit verlässlicher macht.";
    e.measure = "Anteil der Chatanfragen, die am selben Tag beantwortet werden";
    e.successCriterion = "Mindestens 80 % am selben Tag";
    e.status = core::ExperimentStatus::Running;
    e.startDate = core::Date{2026, 10, 22};
    e.reviewDate = core::Date{2026, 11, 18};
    return e;
}

} // namespace

TEST_CASE("wording hints point at what makes an experiment hard to test", "[ui][experiments]") {
    ui::setLanguage("en");
    CHECK(ui::wordingHints(wellWritten()).empty());

    auto e = wellWritten();
    e.successCriterion = "It works better";
    CHECK(hasHint(ui::wordingHints(e), "The success criterion has no number"));

    e = wellWritten();
    e.measure.clear();
    CHECK(hasHint(ui::wordingHints(e), "Name the measure"));

    e = wellWritten();
    e.hypothesis = "Better meetings";
    CHECK(hasHint(ui::wordingHints(e), "The hypothesis is very short"));

    e = wellWritten();
    e.reviewDate = {};
    CHECK(hasHint(ui::wordingHints(e), "Set a review date"));
    e.status = core::ExperimentStatus::Idea; // an idea needs no date yet
    CHECK_FALSE(hasHint(ui::wordingHints(e), "Set a review date"));

    e = wellWritten();
    e.reviewDate = core::Date{2026, 10, 1};
    CHECK(hasHint(ui::wordingHints(e), "The review date is before the start date"));

    // Empty fields are not nagged about: the placeholders guide them.
    core::Experiment blank;
    blank.title = "Neu";
    CHECK(ui::wordingHints(blank).empty());
}

TEST_CASE("placeholders and hints are German in the German UI", "[ui][experiments]") {
    REQUIRE(ui::setLanguage("de"));
    const auto hypothesis = ui::wording(ui::ExperimentField::Hypothesis);
    CHECK(std::string(hypothesis.label) == "Hypothese");
    CHECK(std::string(hypothesis.placeholder).rfind("Wir glauben, dass", 0) == 0);
    CHECK(std::string(ui::wording(ui::ExperimentField::SuccessCriterion).hint).rfind("Messbar:", 0) == 0);
    auto e = wellWritten();
    e.successCriterion = "Es klappt besser";
    CHECK(hasHint(ui::wordingHints(e), "Das Erfolgskriterium enth\xC3\xA4lt keine Zahl"));
    for (int i = 0; i < static_cast<int>(ui::ExperimentField::Count); ++i) {
        const auto w = ui::wording(static_cast<ui::ExperimentField>(i));
        INFO("field " << i);
        CHECK(std::string(w.label).size() > 0);
        CHECK(std::string(w.placeholder).size() > 0);
    }
    ui::setLanguage("en");
    CHECK(std::string(ui::wording(ui::ExperimentField::Hypothesis).placeholder).rfind("We believe that", 0) == 0);
}

TEST_CASE("dates are entered the German or the ISO way", "[ui][experiments]") {
    CHECK(ui::parseDate("16.12.2026") == core::Date{2026, 12, 16});
    CHECK(ui::parseDate(" 1.2.2027 ") == core::Date{2027, 2, 1});
    CHECK(ui::parseDate("2026-12-16") == core::Date{2026, 12, 16});
    CHECK(ui::parseDate("") == core::Date{});
    CHECK_FALSE(ui::parseDate("31.02.2026").has_value());
    CHECK_FALSE(ui::parseDate("16.12.26").has_value());
    CHECK_FALSE(ui::parseDate("2026-02-30").has_value());
    CHECK_FALSE(ui::parseDate("morgen").has_value());
    CHECK_FALSE(ui::parseDate("16.12.2026x").has_value());
}

TEST_CASE("placeholder text in the editor's text boxes is readable in every theme", "[ui][experiments]") {
    // The boxes draw p.muted (placeholder) and p.text on ImGuiCol_FrameBg, a pair theme.cpp does not list.
    for (int i = 0; i < static_cast<int>(ui::Theme::Count); ++i) {
        const auto theme = static_cast<ui::Theme>(i);
        ImGuiStyle style;
        ui::applyTheme(theme, style);
        const ImVec4 frame = style.Colors[ImGuiCol_FrameBg];
        const ImVec4 window = style.Colors[ImGuiCol_WindowBg];
        // Composite a translucent frame over the window background, as it is drawn.
        const ImVec4 bg(frame.x * frame.w + window.x * (1 - frame.w), frame.y * frame.w + window.y * (1 - frame.w),
                        frame.z * frame.w + window.z * (1 - frame.w), 1.0f);
        INFO("theme " << ui::toName(theme));
        CHECK(ui::contrastRatio(ui::palette(theme).muted, bg) >= 4.5);
        CHECK(ui::contrastRatio(ui::palette(theme).text, bg) >= 4.5);
    }
    ImGuiStyle style;
    ui::applyTheme(ui::Theme::Light, style);
}
