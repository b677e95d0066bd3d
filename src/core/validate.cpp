#include "validate.hpp"

#include "ids.hpp"
#include "text.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace lernraum::core {

namespace {

std::string quoted(std::string_view s) {
    std::string out = "'";
    // Keep messages one line and short even for hostile input.
    std::size_t n = std::min<std::size_t>(s.size(), 80);
    // Never cut a UTF-8 sequence in half: the message itself must stay valid UTF-8.
    while (n < s.size() && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    for (const char c : s.substr(0, n)) out.push_back(static_cast<unsigned char>(c) < 0x20 ? '?' : c);
    if (n < s.size()) out += "...";
    out += "'";
    return out;
}

class Validator {
public:
    Validator(const Session& s, const ValidateOptions& options) : m_session(s), m_options(options) {}

    std::vector<Problem> run() {
        std::size_t objects = m_session.participants.size() + m_session.agenda.size() + m_session.experiments.size();
        for (const auto& b : m_session.boards) objects += b.cards.size() + b.columns.size() + b.lanes.size();
        for (const auto& r : m_session.retrospectives) objects += r.items.size() + r.groups.size() + r.actions.size();
        m_kindById.reserve(objects);
        collectIds();
        checkSession();
        for (const auto& p : m_session.participants) checkParticipant(p);
        for (const auto& a : m_session.agenda) checkAgendaItem(a);
        for (const auto& b : m_session.boards) checkBoard(b);
        for (const auto& r : m_session.retrospectives) checkRetrospective(r);
        for (const auto& e : m_session.experiments) checkExperiment(e);
        return std::move(m_problems);
    }

private:
    const Session& m_session;
    ValidateOptions m_options;
    std::vector<Problem> m_problems;
    std::unordered_map<std::string_view, std::string_view> m_kindById; // id -> object kind
    std::unordered_set<std::string_view> m_participants, m_cards, m_experiments, m_linkable;

    void add(std::string where, std::string what) { m_problems.push_back({std::move(where), std::move(what)}); }

    static std::string at(std::string_view kind, const Id& id) {
        return std::string(kind) + " " + (id.empty() ? std::string("(without id)") : quoted(id));
    }

    void registerId(std::string_view kind, const Id& id, std::string_view where) {
        if (id.empty()) {
            add(std::string(where), std::string(kind) + " without id");
            return;
        }
        if (!isWellFormedId(id)) add(at(kind, id), "id must be 1-64 printable ASCII characters without spaces");
        const auto [it, inserted] = m_kindById.emplace(id, kind);
        if (!inserted) add(at(kind, id), "duplicate id (also used by a " + std::string(it->second) + ")");
    }

    void collectIds() {
        registerId("session", m_session.id, "session");
        for (const auto& p : m_session.participants) {
            registerId("participant", p.id, "participants");
            m_participants.insert(p.id);
        }
        for (const auto& a : m_session.agenda) registerId("agenda item", a.id, "agenda");
        for (const auto& b : m_session.boards) {
            registerId("board", b.id, "boards");
            for (const auto& c : b.columns) registerId("column", c.id, at("board", b.id));
            for (const auto& l : b.lanes) registerId("lane", l.id, at("board", b.id));
            for (const auto& c : b.cards) {
                registerId("card", c.id, at("board", b.id));
                m_cards.insert(c.id);
                m_linkable.insert(c.id);
                for (const auto& ci : c.checklist) registerId("checklist item", ci.id, at("card", c.id));
            }
        }
        for (const auto& r : m_session.retrospectives) {
            registerId("retrospective", r.id, "retrospectives");
            for (const auto& p : r.prompts) registerId("prompt", p.id, at("retrospective", r.id));
            for (const auto& i : r.items) {
                registerId("retro item", i.id, at("retrospective", r.id));
                m_linkable.insert(i.id);
            }
            for (const auto& g : r.groups) {
                registerId("group", g.id, at("retrospective", r.id));
                m_linkable.insert(g.id);
            }
            for (const auto& a : r.actions) {
                registerId("action", a.id, at("retrospective", r.id));
                m_linkable.insert(a.id);
            }
        }
        for (const auto& e : m_session.experiments) {
            registerId("experiment", e.id, "experiments");
            m_experiments.insert(e.id);
            for (const auto& o : e.observations) registerId("observation", o.id, at("experiment", e.id));
        }
    }

    void text(const std::string& where, std::string_view field, const std::string& value, bool required) {
        if (required && trim(value).empty()) add(where, std::string(field) + " is empty");
        if (value.size() > kMaxTextBytes)
            add(where, std::string(field) + " is too long (" + std::to_string(value.size()) + " bytes, at most " +
                           std::to_string(kMaxTextBytes) + ")");
        if (!m_options.textIsValidUtf8 && !isValidUtf8(value)) add(where, std::string(field) + " is not valid UTF-8");
        if (const auto at = findControlCharacter(value); at != std::string::npos)
            add(where, std::string(field) + " contains the control character " +
                           codePointName(static_cast<unsigned char>(value[at])) + " (byte " + std::to_string(at + 1) + ")");
    }

    template <typename T>
    void limit(const std::string& where, std::string_view field, const std::vector<T>& list, std::size_t max) {
        if (list.size() > max)
            add(where, "has " + std::to_string(list.size()) + " " + std::string(field) + ", at most " + std::to_string(max) +
                           " are allowed");
    }

    void date(const std::string& where, std::string_view field, const Date& d) {
        if (d.isSet() && !d.isValid()) add(where, std::string(field) + " is not a valid date (" + d.toString() + ")");
    }

    void count(const std::string& where, std::string_view field, long long value) {
        if (value < 0 || value > kMaxCount)
            add(where, std::string(field) + " must be between 0 and " + std::to_string(kMaxCount) + " (is " +
                           std::to_string(value) + ")");
    }

    template <typename E> void enumValue(const std::string& where, std::string_view field, E value) {
        if (!inRange(value))
            add(where, std::string(field) + " has an unknown value (" + std::to_string(static_cast<int>(value)) + ")");
    }

    template <typename E> void optionalEnum(const std::string& where, std::string_view field, const std::optional<E>& v) {
        if (v) enumValue(where, field, *v);
    }

    template <typename T> void listSize(const std::string& where, std::string_view field, const std::vector<T>& list) {
        if (list.size() > kMaxList)
            add(where, std::string(field) + " has too many entries (" + std::to_string(list.size()) + ")");
    }
    static constexpr std::size_t kMaxList = kMaxListSize;

    void reference(const std::string& where, std::string_view field, const Id& id,
                   const std::unordered_set<std::string_view>& targets, std::string_view targetKind) {
        if (!id.empty() && !targets.contains(id))
            add(where, std::string(field) + " refers to " + std::string(targetKind) + " " + quoted(id) + " which does not exist");
    }

    void checkSession() {
        const std::string w = "session";
        text(w, "title", m_session.title, true);
        text(w, "lernraum", m_session.lernraum, false);
        text(w, "organisation unit", m_session.orgUnit, false);
        text(w, "facilitator", m_session.facilitator, false);
        text(w, "goal", m_session.goal, false);
        enumValue(w, "kind", m_session.kind);
        if (m_session.language != "de" && m_session.language != "en")
            add(w, "language must be \"de\" or \"en\" (is " + quoted(m_session.language) + ")");
        date(w, "date", m_session.date);
        date(w, "next review", m_session.nextReview);
        if (!m_session.startTime.empty() && formatTimeOfDay(parseTimeOfDay(m_session.startTime)) != m_session.startTime)
            add(w, "start time must be \"HH:MM\" or empty (is " + quoted(m_session.startTime) + ")");
        if (!m_session.previousSessionId.empty() && m_session.previousSessionId == m_session.id)
            add(w, "previous session id is the session's own id");
        listSize(w, "participants", m_session.participants);
        listSize(w, "agenda", m_session.agenda);
        listSize(w, "boards", m_session.boards);
        listSize(w, "retrospectives", m_session.retrospectives);
        listSize(w, "experiments", m_session.experiments);
    }

    void checkParticipant(const Participant& p) {
        const auto w = at("participant", p.id);
        text(w, "display name", p.displayName, false);
        text(w, "department", p.department, false);
        enumValue(w, "role", p.role);
    }

    void checkAgendaItem(const AgendaItem& a) {
        const auto w = at("agenda item", a.id);
        text(w, "title", a.title, true);
        text(w, "description", a.description, false);
        text(w, "activity id", a.activityId, false);
        enumValue(w, "phase", a.phase);
        count(w, "timebox minutes", a.timeboxMinutes);
        count(w, "used seconds", a.usedSeconds);
    }

    void checkBoard(const Board& b) {
        const auto w = at("board", b.id);
        text(w, "title", b.title, true);
        listSize(w, "columns", b.columns);
        limit(w, "columns", b.columns, kMaxColumns);
        listSize(w, "lanes", b.lanes);
        listSize(w, "cards", b.cards);
        std::unordered_set<std::string_view> columns, lanes;
        for (const auto& c : b.columns) {
            const auto cw = at("column", c.id);
            columns.insert(c.id);
            text(cw, "title", c.title, true);
            enumValue(cw, "kind", c.kind);
            enumValue(cw, "WIP mode", c.wipMode);
            count(cw, "WIP limit", c.wipLimit);
        }
        for (const auto& l : b.lanes) {
            lanes.insert(l.id);
            text(at("lane", l.id), "title", l.title, true);
        }
        for (const auto& c : b.cards) checkCard(c, columns, lanes);
    }

    void checkCard(const Card& c, const std::unordered_set<std::string_view>& columns,
                   const std::unordered_set<std::string_view>& lanes) {
        const auto w = at("card", c.id);
        text(w, "title", c.title, true);
        text(w, "description", c.description, false);
        optionalEnum(w, "owner role", c.ownerRole);
        enumValue(w, "colour", c.colour);
        date(w, "due date", c.due);
        listSize(w, "tags", c.tags);
        for (const auto& t : c.tags) text(w, "tag", t, true);
        listSize(w, "checklist", c.checklist);
        for (const auto& ci : c.checklist) text(at("checklist item", ci.id), "text", ci.text, true);
        if (c.columnId.empty())
            add(w, "column is empty");
        else
            reference(w, "column", c.columnId, columns, "column");
        if (!c.laneId.empty()) reference(w, "lane", c.laneId, lanes, "lane");
        listSize(w, "history", c.history);
        Timestamp previous;
        for (std::size_t i = 0; i < c.history.size(); ++i) {
            const auto& v = c.history[i];
            if (v.columnId.empty()) add(w, "history entry " + std::to_string(i + 1) + " has no column");
            else reference(w, "history entry " + std::to_string(i + 1), v.columnId, columns, "column");
            if (!v.enteredAt.isSet()) add(w, "history entry " + std::to_string(i + 1) + " has no time");
            if (v.enteredAt < previous) add(w, "history entry " + std::to_string(i + 1) + " is earlier than the one before");
            previous = v.enteredAt;
        }
        if (!c.history.empty() && c.history.back().columnId != c.columnId)
            add(w, "the last history entry is not the card's current column");
    }

    void checkRetrospective(const Retrospective& r) {
        const auto w = at("retrospective", r.id);
        text(w, "title", r.title, false);
        text(w, "format", r.formatId, false);
        enumValue(w, "phase", r.phase);
        listSize(w, "prompts", r.prompts);
        limit(w, "prompts", r.prompts, kMaxPrompts);
        listSize(w, "items", r.items);
        listSize(w, "groups", r.groups);
        listSize(w, "actions", r.actions);
        count(w, "vote budget", r.voting.budgetPerParticipant);
        count(w, "votes per item limit", r.voting.perItemLimit);
        for (const auto* scale : {&r.checkIn, &r.roti}) {
            text(w, "scale question", scale->question, false);
            for (const int n : scale->counts) count(w, "scale answer count", n);
        }
        std::unordered_set<std::string_view> prompts, groups, sources;
        for (const auto& p : r.prompts) {
            prompts.insert(p.id);
            text(at("prompt", p.id), "text", p.text, true);
        }
        for (const auto& g : r.groups) {
            groups.insert(g.id);
            sources.insert(g.id);
            const auto gw = at("group", g.id);
            text(gw, "title", g.title, true);
            count(gw, "votes", g.votes);
        }
        for (const auto& i : r.items) {
            sources.insert(i.id);
            const auto iw = at("retro item", i.id);
            text(iw, "text", i.text, true);
            reference(iw, "prompt", i.promptId, prompts, "prompt");
            reference(iw, "group", i.groupId, groups, "group");
            reference(iw, "author", i.authorId, m_participants, "participant");
            count(iw, "votes", i.votes);
        }
        for (const auto& a : r.actions) {
            const auto aw = at("action", a.id);
            text(aw, "text", a.text, true);
            text(aw, "outcome", a.outcome, false);
            optionalEnum(aw, "owner role", a.ownerRole);
            enumValue(aw, "status", a.status);
            date(aw, "due date", a.due);
            reference(aw, "source", a.sourceId, sources, "retro item or group");
            reference(aw, "card", a.cardId, m_cards, "card");
            reference(aw, "experiment", a.experimentId, m_experiments, "experiment");
        }
    }

    void checkExperiment(const Experiment& e) {
        const auto w = at("experiment", e.id);
        text(w, "title", e.title, true);
        text(w, "hypothesis", e.hypothesis, false);
        text(w, "method", e.method, false);
        text(w, "measure", e.measure, false);
        text(w, "success criterion", e.successCriterion, false);
        text(w, "learning", e.learning, false);
        text(w, "transfer recommendation", e.transferRecommendation, false);
        optionalEnum(w, "owner role", e.ownerRole);
        listSize(w, "participant roles", e.participantRoles);
        for (const auto role : e.participantRoles) enumValue(w, "participant role", role);
        date(w, "start date", e.startDate);
        date(w, "review date", e.reviewDate);
        enumValue(w, "status", e.status);
        enumValue(w, "result", e.result);
        enumValue(w, "evidence strength", e.evidence);
        enumValue(w, "decision", e.decision);
        listSize(w, "observations", e.observations);
        for (const auto& o : e.observations) {
            const auto ow = at("observation", o.id);
            text(ow, "text", o.text, true);
            date(ow, "date", o.date);
        }
        listSize(w, "links", e.links);
        for (const auto& l : e.links) {
            text(w, "link label", l.label, false);
            if (l.targetId.empty()) add(w, "link without target");
            else if (l.sessionId.empty() || l.sessionId == m_session.id)
                reference(w, "link", l.targetId, m_linkable, "retro item, group, action or card");
        }
    }
};

} // namespace

std::vector<Problem> validate(const Session& session) { return Validator{session, {}}.run(); }

std::vector<Problem> validate(const Session& session, const ValidateOptions& options) {
    return Validator{session, options}.run();
}

} // namespace lernraum::core
