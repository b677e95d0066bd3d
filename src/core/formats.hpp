#pragma once
// Retrospective formats (Start/Stop/Continue, Mad/Sad/Glad, ...) and the activity library that fills
// an agenda, as plain values. The texts come from assets/formats/*.json and assets/activities.json;
// parsing JSON is the store's job (store/assets_file.hpp); core only checks and uses the result.

#include "commands.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace lernraum::core {

class IdGenerator;

// A text in both UI languages.
struct LocalText {
    std::string de;
    std::string en;
    // The text in `language` ("de" or "en"), falling back to the other one when empty.
    [[nodiscard]] const std::string& in(std::string_view language) const;
    friend bool operator==(const LocalText&, const LocalText&) = default;
};

struct RetroFormat {
    std::string id; // "start-stop-continue"; stored in Retrospective::formatId
    LocalText name;
    LocalText description;
    std::vector<LocalText> prompts;
    friend bool operator==(const RetroFormat&, const RetroFormat&) = default;
};

struct Activity {
    std::string id; // "check-in-scale"; stored in AgendaItem::activityId
    Phase phase = Phase::SetTheStage;
    int minutes = 0;
    int minPeople = 1;
    int maxPeople = 0; // 0 = any size
    LocalText title;
    LocalText description;
    friend bool operator==(const Activity&, const Activity&) = default;
};

struct RetroLibrary {
    std::vector<RetroFormat> formats;
    std::vector<Activity> activities;
    [[nodiscard]] const RetroFormat* format(std::string_view id) const;
    [[nodiscard]] const Activity* activity(std::string_view id) const;
    [[nodiscard]] bool empty() const { return formats.empty() && activities.empty(); }
    friend bool operator==(const RetroLibrary&, const RetroLibrary&) = default;
};

// What is wrong with a library a parser produced (English sentences, one per problem; empty =
// fine): unique non-empty ids, both languages present, at least one prompt, phase in range,
// 1..480 minutes, group sizes sane.
std::vector<std::string> checkLibrary(const RetroLibrary& library);

// The activities of one phase, library order.
std::vector<const Activity*> activitiesOf(const RetroLibrary& library, Phase phase);
// A one-click plan: the first activity of every phase, in phase order.
std::vector<const Activity*> suggestedPlan(const RetroLibrary& library);

// Switches a retrospective to `format`: formatId and the format's prompts in `language`. Prompts
// that already hold items stay (nothing written is lost); prompts with the same text are kept
// once. One undo step. Prompt ids come from `ids`.
CommandResult applyFormat(const Session& s, const Id& retroId, const RetroFormat& format, std::string_view language,
                          IdGenerator& ids);
// A prompt the facilitator adds on the fly (formatId stays).
CommandResult addPrompt(const Session& s, const Id& retroId, const Id& promptId, std::string text);

// Appends one agenda item per activity (title, description, phase, timebox, activityId) in one
// undo step. Item ids come from `ids`.
CommandResult addActivitiesToAgenda(const Session& s, const std::vector<const Activity*>& activities,
                                    std::string_view language, IdGenerator& ids);

// Agenda totals in minutes: planned timeboxes and measured use (rounded up).
struct AgendaTotals {
    int plannedMinutes = 0;
    int usedSeconds = 0;
    int doneCount = 0;
};
AgendaTotals agendaTotals(const Session& s);
// The first agenda item that is not done (what the timer follows); nullptr when all are done.
const AgendaItem* currentAgendaItem(const Session& s);

std::span<const std::string_view> formatTexts(); // command labels and terms, for catalogues

} // namespace lernraum::core
