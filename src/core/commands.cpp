// Shared command helpers, and the session header, participant and agenda commands.
// Board commands: commands_board.cpp; retrospective: commands_retro.cpp; experiments:
// commands_experiment.cpp.

#include "commands.hpp"

#include "commands_detail.hpp"
#include "ids.hpp"
#include "text.hpp"

#include <unordered_set>


namespace lernraum::core {

namespace detail {

Refusal refuse(std::string_view code, std::string pattern, std::vector<std::string> args, std::uint32_t termArgs) {
    return Refusal{std::string(code), std::move(pattern), std::move(args), termArgs};
}

Refusal notFound(std::string_view kind, const Id& id) {
    return refuse(refusal::NotFound, "{1} '{2}' does not exist", {std::string(kind), id}, 1);
}

Refusal invalidValue(std::string_view field, std::string value) {
    return refuse(refusal::InvalidValue, "'{2}' is not a valid {1}", {std::string(field), std::move(value)}, 1);
}

std::optional<Refusal> checkText(std::string_view field, const std::string& value, bool required) {
    if (required && trim(value).empty())
        return refuse(refusal::EmptyText, "The {1} must not be empty", {std::string(field)}, 1);
    if (value.size() > kMaxTextBytes)
        return refuse(refusal::TextTooLong, "The {1} is too long ({2} bytes, at most {3})",
                      {std::string(field), std::to_string(value.size()), std::to_string(kMaxTextBytes)}, 1);
    if (!isValidUtf8(value)) return refuse(refusal::InvalidUtf8, "The {1} is not valid UTF-8", {std::string(field)}, 1);
    if (const auto at = findControlCharacter(value); at != std::string::npos)
        return refuse(refusal::ControlCharacter, "The {1} contains a control character ({2})",
                      {std::string(field), codePointName(static_cast<unsigned char>(value[at]))}, 1);
    return std::nullopt;
}

std::optional<Refusal> checkColumnCount(std::size_t count) {
    if (count <= kMaxColumns) return std::nullopt;
    return refuse(refusal::LimitReached, "A board can have at most {1} columns", {std::to_string(kMaxColumns)});
}

std::optional<Refusal> checkPromptCount(std::size_t count) {
    if (count <= kMaxPrompts) return std::nullopt;
    return refuse(refusal::LimitReached, "A retrospective can have at most {1} questions", {std::to_string(kMaxPrompts)});
}

std::optional<Refusal> checkNewId(const Session& s, const Id& id) {
    if (!isWellFormedId(id)) return refuse(refusal::InvalidId, "'{1}' is not a valid id", {id});
    if (idInUse(s, id)) return refuse(refusal::DuplicateId, "The id '{1}' is already in use", {id});
    return std::nullopt;
}

std::optional<Refusal> checkDate(std::string_view field, const Date& date) {
    if (date.isSet() && !date.isValid()) return invalidValue(field, date.toString());
    return std::nullopt;
}

std::optional<Refusal> checkCount(std::string_view field, long long value) {
    if (value < 0 || value > kMaxCount) return invalidValue(field, std::to_string(value));
    return std::nullopt;
}

std::string FieldChanges::mergeKey(std::string_view prefix) const {
    if (m_fields.size() != 1) return {};
    return std::string(prefix) + "/" + std::string(m_fields.front());
}

std::optional<Refusal> stillReferenced(const Session& s, const Id& id, const std::string& name) {
    for (const auto& r : s.retrospectives) {
        for (const auto& a : r.actions) {
            if (a.cardId == id || a.sourceId == id || a.experimentId == id)
                return refuse(refusal::StillReferenced, "'{1}' is still linked from the action '{2}'", {name, a.text});
        }
    }
    for (const auto& e : s.experiments) {
        for (const auto& l : e.links) {
            if (l.targetId == id && (l.sessionId.empty() || l.sessionId == s.id))
                return refuse(refusal::StillReferenced, "'{1}' is still linked from the experiment '{2}'", {name, e.title});
        }
    }
    return std::nullopt;
}

std::size_t clampIndex(std::size_t index, std::size_t size) { return std::min(index, size); }

Timestamp notBefore(const Card& card, Timestamp now) {
    if (!card.history.empty() && now < card.history.back().enteredAt) return card.history.back().enteredAt;
    return now;
}

} // namespace detail

using namespace detail;

bool idInUse(const Session& s, const Id& id) {
    if (s.id == id) return true;
    const auto has = [&](const auto& list) {
        return std::any_of(list.begin(), list.end(), [&](const auto& x) { return x.id == id; });
    };
    if (has(s.participants) || has(s.agenda) || has(s.boards) || has(s.retrospectives) || has(s.experiments)) return true;
    for (const auto& b : s.boards) {
        if (has(b.columns) || has(b.lanes) || has(b.cards)) return true;
        for (const auto& c : b.cards)
            if (has(c.checklist)) return true;
    }
    for (const auto& r : s.retrospectives)
        if (has(r.prompts) || has(r.items) || has(r.groups) || has(r.actions)) return true;
    for (const auto& e : s.experiments)
        if (has(e.observations)) return true;
    return false;
}

// ---------------------------------------------------------------------------------------------
// Session header

namespace {

std::optional<Refusal> checkHeader(const SessionHeader& h) {
    if (auto r = checkText("session title", h.title, true)) return r;
    if (auto r = checkText("Lernraum name", h.lernraum, false)) return r;
    if (auto r = checkText("organisation unit", h.orgUnit, false)) return r;
    if (auto r = checkText("facilitator", h.facilitator, false)) return r;
    if (auto r = checkText("goal", h.goal, false)) return r;
    if (auto r = checkEnum("session kind", h.kind)) return r;
    if (h.language != "de" && h.language != "en") return invalidValue("language", h.language);
    if (auto r = checkDate("date", h.date)) return r;
    if (auto r = checkDate("next review date", h.nextReview)) return r;
    if (!h.startTime.empty() && formatTimeOfDay(parseTimeOfDay(h.startTime)) != h.startTime)
        return invalidValue("start time", h.startTime);
    return std::nullopt;
}

std::string_view fieldName(SessionField f) {
    switch (f) {
    case SessionField::Title: return "title";
    case SessionField::Lernraum: return "lernraum";
    case SessionField::OrgUnit: return "orgUnit";
    case SessionField::Facilitator: return "facilitator";
    case SessionField::Goal: return "goal";
    case SessionField::Date: return "date";
    case SessionField::Kind: return "kind";
    case SessionField::Language: return "language";
    case SessionField::ResearchConsent: return "researchConsent";
    case SessionField::NextReview: return "nextReview";
    case SessionField::StartTime: return "startTime";
    }
    return "unknown";
}

CommandResult headerChange(const Session& s, const SessionHeader& next, std::string mergeKey) {
    if (auto r = checkHeader(next)) return *r;
    return Change::single("Edit session details", headerOf(s), next, std::move(mergeKey));
}

} // namespace

CommandResult setSessionTitle(const Session& s, std::string title) {
    return setSessionField(s, SessionField::Title, title);
}

CommandResult setSessionField(const Session& s, SessionField field, std::string_view value) {
    SessionHeader next = headerOf(s);
    const std::string text(value);
    switch (field) {
    case SessionField::Title: next.title = text; break;
    case SessionField::Lernraum: next.lernraum = text; break;
    case SessionField::OrgUnit: next.orgUnit = text; break;
    case SessionField::Facilitator: next.facilitator = text; break;
    case SessionField::Goal: next.goal = text; break;
    case SessionField::Language: next.language = text; break;
    case SessionField::Date:
    case SessionField::NextReview: {
        const auto d = Date::parse(value);
        if (!d) return invalidValue(field == SessionField::Date ? "date" : "next review date", text);
        (field == SessionField::Date ? next.date : next.nextReview) = *d;
        break;
    }
    case SessionField::Kind: {
        const auto k = parseEnum<SessionKind>(value);
        if (!k) return invalidValue("session kind", text);
        next.kind = *k;
        break;
    }
    case SessionField::ResearchConsent:
        if (value != "true" && value != "false") return invalidValue("research consent", text);
        next.researchConsent = value == "true";
        break;
    case SessionField::StartTime: {
        if (trim(value).empty()) {
            next.startTime.clear();
            break;
        }
        const int minutes = parseTimeOfDay(value);
        if (minutes < 0) return invalidValue("start time", text);
        next.startTime = formatTimeOfDay(minutes);
        break;
    }
    default: return invalidValue("session field", std::to_string(static_cast<int>(field)));
    }
    auto result = headerChange(s, next, "session/" + std::string(fieldName(field)));
    if (result && field == SessionField::Title) result.change().label = "Rename session";
    return result;
}

CommandResult updateSessionHeader(const Session& s, const SessionHeader& header) {
    const SessionHeader old = headerOf(s);
    if (header.id != old.id) return invalidValue("session id", header.id);
    if (header.previousSessionId != old.previousSessionId) return invalidValue("previous session id", header.previousSessionId);
    FieldChanges f;
    f.check("title", header.title != old.title);
    f.check("lernraum", header.lernraum != old.lernraum);
    f.check("orgUnit", header.orgUnit != old.orgUnit);
    f.check("facilitator", header.facilitator != old.facilitator);
    f.check("goal", header.goal != old.goal);
    f.check("date", header.date != old.date);
    f.check("kind", header.kind != old.kind);
    f.check("language", header.language != old.language);
    f.check("researchConsent", header.researchConsent != old.researchConsent);
    f.check("nextReview", header.nextReview != old.nextReview);
    f.check("startTime", header.startTime != old.startTime);
    // Same key scheme as setSessionField, so both merge with each other.
    return headerChange(s, header, f.mergeKey("session"));
}

// ---------------------------------------------------------------------------------------------
// Participants

namespace {

std::optional<Refusal> checkParticipant(const Participant& p) {
    if (auto r = checkText("display name", p.displayName, false)) return r;
    if (auto r = checkText("department", p.department, false)) return r;
    return checkEnum("role", p.role);
}

} // namespace

CommandResult addParticipant(const Session& s, Participant p) {
    if (auto r = checkNewId(s, p.id)) return *r;
    if (auto r = checkParticipant(p)) return *r;
    const Id id = p.id;
    return Change::single("Add participant", absentSlot<Participant>({}, id),
                          Slot<Participant>{{}, id, std::move(p), s.participants.size()});
}

CommandResult updateParticipant(const Session& s, const Participant& p) {
    const auto i = indexOf(s.participants, p.id);
    if (!i) return notFound("participant", p.id);
    if (auto r = checkParticipant(p)) return *r;
    const auto& old = s.participants[*i];
    FieldChanges f;
    f.check("displayName", p.displayName != old.displayName);
    f.check("role", p.role != old.role);
    f.check("department", p.department != old.department);
    auto before = slotOf(s.participants, {}, *i);
    auto after = before;
    after.value = p;
    return Change::single("Edit participant", std::move(before), std::move(after), f.mergeKey("participant/" + p.id));
}

CommandResult removeParticipant(const Session& s, const Id& participantId) {
    const auto i = indexOf(s.participants, participantId);
    if (!i) return notFound("participant", participantId);
    Change c;
    c.label = "Remove participant";
    for (const auto& r : s.retrospectives) {
        for (std::size_t k = 0; k < r.items.size(); ++k) {
            if (r.items[k].authorId != participantId) continue;
            auto before = slotOf(r.items, r.id, k);
            auto after = before;
            after.value->authorId.clear();
            c.steps.push_back(Step{std::move(before), std::move(after)});
        }
    }
    c.steps.push_back(Step{slotOf(s.participants, {}, *i), absentSlot<Participant>({}, participantId)});
    return c;
}

CommandResult updateWorkshopData(const Session& s, const SessionHeader& header, const std::vector<Participant>& participants) {
    const SessionHeader old = headerOf(s);
    if (header.id != old.id) return invalidValue("session id", header.id);
    if (header.previousSessionId != old.previousSessionId) return invalidValue("previous session id", header.previousSessionId);
    if (auto r = checkHeader(header)) return *r;
    if (participants.size() > kMaxListSize) return invalidValue("participants", std::to_string(participants.size()));
    std::unordered_set<Id> wanted;
    for (const auto& p : participants) {
        if (!wanted.insert(p.id).second) return refuse(refusal::DuplicateId, "The id '{1}' is already in use", {p.id});
        if (auto r = checkParticipant(p)) return *r;
        if (!find(s.participants, p.id) && (!isWellFormedId(p.id) || idInUse(s, p.id)))
            return *checkNewId(s, p.id);
    }

    Change c;
    c.label = "Edit workshop data";
    if (header != old) c.steps.push_back(Step{old, header});
    // Steps on the participant list are recorded in order on a working copy, so each step's
    // `before` is the list as the previous step left it.
    std::vector<Participant> working = s.participants;
    for (std::size_t i = working.size(); i > 0; --i) {
        const Participant& gone = working[i - 1];
        if (wanted.count(gone.id)) continue;
        for (const auto& r : s.retrospectives) { // their items become anonymous, as in removeParticipant
            for (std::size_t k = 0; k < r.items.size(); ++k) {
                if (r.items[k].authorId != gone.id) continue;
                auto before = slotOf(r.items, r.id, k);
                auto after = before;
                after.value->authorId.clear();
                c.steps.push_back(Step{std::move(before), std::move(after)});
            }
        }
        c.steps.push_back(Step{slotOf(working, {}, i - 1), absentSlot<Participant>({}, gone.id)});
        working.erase(working.begin() + static_cast<std::ptrdiff_t>(i - 1));
    }
    for (std::size_t k = 0; k < participants.size(); ++k) {
        const Participant& p = participants[k];
        const auto at = indexOf(working, p.id);
        if (at && *at == k && working[k] == p) continue;
        Slot<Participant> before = at ? slotOf(working, {}, *at) : absentSlot<Participant>({}, p.id);
        if (at) working.erase(working.begin() + static_cast<std::ptrdiff_t>(*at));
        working.insert(working.begin() + static_cast<std::ptrdiff_t>(k), p);
        c.steps.push_back(Step{std::move(before), Slot<Participant>{{}, p.id, p, k}});
    }
    return c;
}

// ---------------------------------------------------------------------------------------------
// Agenda

namespace {

std::optional<Refusal> checkAgendaItem(const AgendaItem& a) {
    if (auto r = checkText("agenda item title", a.title, true)) return r;
    if (auto r = checkText("description", a.description, false)) return r;
    if (auto r = checkText("activity id", a.activityId, false)) return r;
    if (auto r = checkEnum("phase", a.phase)) return r;
    if (auto r = checkCount("timebox minutes", a.timeboxMinutes)) return r;
    return checkCount("used seconds", a.usedSeconds);
}

// Capture agenda item `id`, let `edit` change the copy, and return the change.
template <typename Edit>
CommandResult editAgendaItem(const Session& s, const Id& id, std::string label, std::string mergeKey, Edit edit) {
    const auto i = indexOf(s.agenda, id);
    if (!i) return notFound("agenda item", id);
    auto before = slotOf(s.agenda, {}, *i);
    auto after = before;
    edit(*after.value);
    if (auto r = checkAgendaItem(*after.value)) return *r;
    return Change::single(std::move(label), std::move(before), std::move(after), std::move(mergeKey));
}

} // namespace

CommandResult addAgendaItem(const Session& s, AgendaItem item, std::size_t atIndex) {
    if (auto r = checkNewId(s, item.id)) return *r;
    if (auto r = checkAgendaItem(item)) return *r;
    const Id id = item.id;
    return Change::single("Add agenda item", absentSlot<AgendaItem>({}, id),
                          Slot<AgendaItem>{{}, id, std::move(item), clampIndex(atIndex, s.agenda.size())});
}

CommandResult updateAgendaItem(const Session& s, const AgendaItem& item) {
    const auto* old = find(s.agenda, item.id);
    if (!old) return notFound("agenda item", item.id);
    FieldChanges f;
    f.check("title", item.title != old->title);
    f.check("description", item.description != old->description);
    f.check("phase", item.phase != old->phase);
    f.check("timeboxMinutes", item.timeboxMinutes != old->timeboxMinutes);
    f.check("usedSeconds", item.usedSeconds != old->usedSeconds);
    f.check("done", item.done != old->done);
    f.check("activityId", item.activityId != old->activityId);
    return editAgendaItem(s, item.id, "Edit agenda item", f.mergeKey("agenda/" + item.id),
                          [&](AgendaItem& a) { a = item; });
}

CommandResult removeAgendaItem(const Session& s, const Id& itemId) {
    const auto i = indexOf(s.agenda, itemId);
    if (!i) return notFound("agenda item", itemId);
    return Change::single("Remove agenda item", slotOf(s.agenda, {}, *i), absentSlot<AgendaItem>({}, itemId));
}

CommandResult moveAgendaItem(const Session& s, const Id& itemId, std::size_t toIndex) {
    const auto i = indexOf(s.agenda, itemId);
    if (!i) return notFound("agenda item", itemId);
    auto before = slotOf(s.agenda, {}, *i);
    auto after = before;
    after.index = clampIndex(toIndex, s.agenda.size() - 1);
    return Change::single("Move agenda item", std::move(before), std::move(after));
}

CommandResult setAgendaItemDone(const Session& s, const Id& itemId, bool done) {
    return editAgendaItem(s, itemId, done ? "Mark agenda item done" : "Mark agenda item open", {},
                          [&](AgendaItem& a) { a.done = done; });
}

CommandResult addUsedSeconds(const Session& s, const Id& itemId, int seconds) {
    return editAgendaItem(s, itemId, "Timer", "agenda/" + itemId + "/usedSeconds", [&](AgendaItem& a) {
        const long long sum = static_cast<long long>(a.usedSeconds) + seconds;
        a.usedSeconds = static_cast<int>(std::clamp<long long>(sum, 0, kMaxCount));
    });
}

} // namespace lernraum::core
