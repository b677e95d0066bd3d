#include "formats.hpp"

#include "commands_detail.hpp"
#include "ids.hpp"
#include "text.hpp"

#include <set>

namespace lernraum::core {

using namespace detail;

namespace {
constexpr std::string_view kTexts[] = {"Choose format", "Add prompt", "Add activities to agenda"};
} // namespace

std::span<const std::string_view> formatTexts() { return kTexts; }

const std::string& LocalText::in(std::string_view language) const {
    if (language == "en") return en.empty() ? de : en;
    return de.empty() ? en : de;
}

const RetroFormat* RetroLibrary::format(std::string_view id) const {
    for (const auto& f : formats)
        if (f.id == id) return &f;
    return nullptr;
}

const Activity* RetroLibrary::activity(std::string_view id) const {
    for (const auto& a : activities)
        if (a.id == id) return &a;
    return nullptr;
}

std::vector<std::string> checkLibrary(const RetroLibrary& library) {
    std::vector<std::string> problems;
    const auto both = [&](const std::string& where, const LocalText& t) {
        if (trim(t.de).empty() || trim(t.en).empty()) problems.push_back(where + ": needs a German and an English text");
    };
    std::set<std::string> ids;
    for (const auto& f : library.formats) {
        const std::string where = "format '" + f.id + "'";
        if (f.id.empty() || !ids.insert(f.id).second) problems.push_back(where + ": id empty or used twice");
        both(where + " name", f.name);
        if (f.prompts.empty()) problems.push_back(where + ": has no prompts");
        for (const auto& p : f.prompts) both(where + " prompt", p);
    }
    for (const auto& a : library.activities) {
        const std::string where = "activity '" + a.id + "'";
        if (a.id.empty() || !ids.insert(a.id).second) problems.push_back(where + ": id empty or used twice");
        both(where + " title", a.title);
        both(where + " description", a.description);
        if (!inRange(a.phase)) problems.push_back(where + ": phase out of range");
        if (a.minutes < 1 || a.minutes > 480) problems.push_back(where + ": minutes must be 1..480");
        if (a.minPeople < 1 || (a.maxPeople != 0 && a.maxPeople < a.minPeople))
            problems.push_back(where + ": group size must be at least 1 and max >= min");
    }
    return problems;
}

std::vector<const Activity*> activitiesOf(const RetroLibrary& library, Phase phase) {
    std::vector<const Activity*> out;
    for (const auto& a : library.activities)
        if (a.phase == phase) out.push_back(&a);
    return out;
}

std::vector<const Activity*> suggestedPlan(const RetroLibrary& library) {
    std::vector<const Activity*> out;
    for (int p = 0; p < static_cast<int>(Phase::Count); ++p) {
        const auto list = activitiesOf(library, static_cast<Phase>(p));
        if (!list.empty()) out.push_back(list.front());
    }
    return out;
}

CommandResult applyFormat(const Session& s, const Id& retroId, const RetroFormat& format, std::string_view language,
                          IdGenerator& ids) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (auto r = checkText("format", format.id, true)) return *r;
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    std::vector<Prompt> prompts;
    for (const auto& p : retro->prompts) {
        const bool used = std::any_of(retro->items.begin(), retro->items.end(), [&](const RetroItem& i) { return i.promptId == p.id; });
        if (used) prompts.push_back(p);
    }
    for (const auto& text : format.prompts) {
        const std::string& t = text.in(language);
        if (auto r = checkText("prompt", t, true)) return *r;
        if (std::any_of(prompts.begin(), prompts.end(), [&](const Prompt& p) { return p.text == t; })) continue;
        Id id = ids.next("prompt");
        while (idInUse(s, id)) id = ids.next("prompt");
        prompts.push_back(Prompt{std::move(id), t});
    }
    if (auto r = checkPromptCount(prompts.size())) return *r;
    after.retro.formatId = format.id;
    after.retro.prompts = std::move(prompts);
    return Change::single("Choose format", std::move(before), std::move(after));
}

CommandResult addPrompt(const Session& s, const Id& retroId, const Id& promptId, std::string text) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (auto r = checkNewId(s, promptId)) return *r;
    if (auto r = checkText("prompt", text, true)) return *r;
    if (auto r = checkPromptCount(retro->prompts.size() + 1)) return *r;
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    after.retro.prompts.push_back(Prompt{promptId, std::move(text)});
    return Change::single("Add prompt", std::move(before), std::move(after));
}

CommandResult addActivitiesToAgenda(const Session& s, const std::vector<const Activity*>& activities,
                                    std::string_view language, IdGenerator& ids) {
    Change c;
    c.label = "Add activities to agenda";
    // Each activity goes after the last item of its phase (or of an earlier phase), so a plan
    // keeps the order of the five phases; `phases` tracks the agenda as the steps build it.
    std::vector<Phase> phases;
    phases.reserve(s.agenda.size() + activities.size());
    for (const auto& existing : s.agenda) phases.push_back(existing.phase);
    for (const Activity* a : activities) {
        if (!a) continue;
        std::size_t index = 0;
        for (std::size_t i = phases.size(); i > 0; --i) {
            if (phases[i - 1] <= a->phase) {
                index = i;
                break;
            }
        }
        phases.insert(phases.begin() + static_cast<std::ptrdiff_t>(index), a->phase);
        AgendaItem item;
        item.id = ids.next("agenda");
        while (idInUse(s, item.id)) item.id = ids.next("agenda");
        item.title = a->title.in(language);
        item.description = a->description.in(language);
        item.phase = a->phase;
        item.timeboxMinutes = a->minutes;
        item.activityId = a->id;
        if (auto r = checkText("agenda item title", item.title, true)) return *r;
        if (auto r = checkText("description", item.description, false)) return *r;
        if (auto r = checkEnum("phase", item.phase)) return *r;
        const Id id = item.id;
        c.steps.push_back(Step{absentSlot<AgendaItem>({}, id), Slot<AgendaItem>{{}, id, std::move(item), index}});
    }
    return c;
}

AgendaTotals agendaTotals(const Session& s) {
    AgendaTotals t;
    for (const auto& item : s.agenda) {
        t.plannedMinutes += item.timeboxMinutes;
        t.usedSeconds += item.usedSeconds;
        if (item.done) ++t.doneCount;
    }
    return t;
}

const AgendaItem* currentAgendaItem(const Session& s) {
    for (const auto& item : s.agenda)
        if (!item.done) return &item;
    return nullptr;
}

} // namespace lernraum::core
