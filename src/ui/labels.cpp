#include "ui/labels.hpp"

#include "ui/i18n.hpp"

#include "core/text.hpp"

#include <charconv>
#include <cstdio>

namespace lernraum::ui {

using namespace core;

// Words that are also used elsewhere in the UI with another German meaning get a gettext context
// (C_): "Open" is "Offen" as a status but "Öffnen" as a command, "Close" is "Abschluss" as a
// phase but "Schließen" as a button.

// Session kinds come from core (one source with the transfer report and follow-up titles); the
// strings are literals, so data() is null-terminated.
const char* label(SessionKind v) { return core::sessionKindLabel(v, language() == "de" ? "de" : "en").data(); }

const char* label(Role v) {
    switch (v) {
    case Role::Manager: return _("Manager");
    case Role::Employee: return _("Employee");
    case Role::StaffCouncil: return _("Staff council");
    case Role::Facilitator: return _("Facilitator");
    case Role::External: return _("External");
    case Role::Count: break;
    }
    return "";
}

const char* label(Phase v) {
    switch (v) {
    case Phase::SetTheStage: return _("Set the stage");
    case Phase::GatherData: return _("Gather data");
    case Phase::GenerateInsights: return _("Generate insights");
    case Phase::DecideWhatToDo: return _("Decide what to do");
    case Phase::Close: return C_("retrospective phase", "Close"); // not the "Close" button
    case Phase::Count: break;
    }
    return "";
}

const char* label(ActionStatus v) {
    switch (v) {
    case ActionStatus::Open: return C_("action status", "Open"); // not File > Open
    case ActionStatus::InProgress: return _("In progress");
    case ActionStatus::Done: return _("Done");
    case ActionStatus::Dropped: return _("Dropped");
    case ActionStatus::Count: break;
    }
    return "";
}

const char* label(ExperimentStatus v) {
    switch (v) {
    case ExperimentStatus::Idea: return _("Idea");
    case ExperimentStatus::Planned: return _("Planned");
    case ExperimentStatus::Running: return _("Running");
    case ExperimentStatus::Evaluated: return _("Evaluated");
    case ExperimentStatus::Transferred: return _("Transferred");
    case ExperimentStatus::Stopped: return _("Stopped");
    case ExperimentStatus::Count: break;
    }
    return "";
}

const char* label(ExperimentResult v) {
    switch (v) {
    case ExperimentResult::None: return _("No result yet");
    case ExperimentResult::Confirmed: return _("Confirmed");
    case ExperimentResult::Refuted: return _("Refuted");
    case ExperimentResult::Inconclusive: return _("Inconclusive");
    case ExperimentResult::Count: break;
    }
    return "";
}

const char* label(EvidenceStrength v) {
    switch (v) {
    case EvidenceStrength::None: return _("No evidence");
    case EvidenceStrength::Weak: return _("Weak evidence");
    case EvidenceStrength::Moderate: return _("Moderate evidence");
    case EvidenceStrength::Strong: return _("Strong evidence");
    case EvidenceStrength::Count: break;
    }
    return "";
}

const char* label(Decision v) {
    switch (v) {
    case Decision::None: return _("Not decided");
    case Decision::Persevere: return _("Persevere");
    case Decision::Adapt: return _("Adapt");
    case Decision::Stop: return _("Stop");
    case Decision::Count: break;
    }
    return "";
}

std::string formatDate(const Date& date) {
    if (!date.isSet()) return {};
    if (language() != "de") return date.toString();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", date.day, date.month, date.year);
    return buf;
}

namespace {
std::optional<int> number(std::string_view text) {
    int value = 0;
    if (text.empty()) return std::nullopt;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}
} // namespace

std::optional<Date> parseDate(std::string_view text) {
    text = core::trim(text);
    if (text.empty()) return Date{};
    if (auto iso = Date::parse(text)) {
        if (iso->isValid()) return iso;
        return std::nullopt;
    }
    // German: D.M.YYYY with one or two digits for day and month.
    const auto first = text.find('.');
    const auto second = first == std::string_view::npos ? first : text.find('.', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    const auto day = number(text.substr(0, first));
    const auto month = number(text.substr(first + 1, second - first - 1));
    const std::string_view yearText = text.substr(second + 1);
    const auto year = number(yearText);
    if (!day || !month || !year || yearText.size() != 4 || first > 2 || second - first - 1 > 2) return std::nullopt;
    const Date date{*year, *month, *day};
    if (!date.isValid()) return std::nullopt;
    return date;
}

std::string formatDecimal(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", value); // the C locale: always a point
    std::string text = buf;
    if (language() == "de")
        if (const auto point = text.find('.'); point != std::string::npos) text[point] = ',';
    return text;
}

std::string formatClock(int minutes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d:%02d", minutes / 60, minutes % 60);
    return buf;
}

std::string formatSeconds(int seconds) {
    const bool negative = seconds < 0;
    if (negative) seconds = -seconds;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%d:%02d", negative ? "-" : "", seconds / 60, seconds % 60);
    return buf;
}

} // namespace lernraum::ui
