#include "change.hpp"

#include <algorithm>
#include <stdexcept>

namespace lernraum::core {

// ---------------------------------------------------------------------------------------------
// Session header

SessionHeader headerOf(const Session& s) {
    return SessionHeader{s.id,       s.title,       s.date, s.lernraum,        s.orgUnit,         s.kind,
                         s.language, s.facilitator, s.goal, s.researchConsent, s.previousSessionId, s.nextReview, s.startTime};
}

void setHeader(Session& s, const SessionHeader& h) {
    s.id = h.id;
    s.title = h.title;
    s.date = h.date;
    s.lernraum = h.lernraum;
    s.orgUnit = h.orgUnit;
    s.kind = h.kind;
    s.language = h.language;
    s.facilitator = h.facilitator;
    s.goal = h.goal;
    s.researchConsent = h.researchConsent;
    s.previousSessionId = h.previousSessionId;
    s.nextReview = h.nextReview;
    s.startTime = h.startTime;
}

namespace {

[[noreturn]] void outOfSync(std::string_view what, const Id& id) {
    throw std::logic_error("undo history out of sync with the session: " + std::string(what) + " '" + id +
                           "' not found");
}

template <typename T> T* findById(std::vector<T>& list, const Id& id) {
    const auto it = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.id == id; });
    return it == list.end() ? nullptr : &*it;
}

// The list a slot of element type T lives in.
std::vector<Participant>& listFor(Session& s, const Slot<Participant>&) { return s.participants; }
std::vector<AgendaItem>& listFor(Session& s, const Slot<AgendaItem>&) { return s.agenda; }
std::vector<Board>& listFor(Session& s, const Slot<Board>&) { return s.boards; }
std::vector<Retrospective>& listFor(Session& s, const Slot<Retrospective>&) { return s.retrospectives; }
std::vector<Experiment>& listFor(Session& s, const Slot<Experiment>&) { return s.experiments; }
std::vector<Card>& listFor(Session& s, const Slot<Card>& slot) {
    if (auto* b = findById(s.boards, slot.ownerId)) return b->cards;
    outOfSync("board", slot.ownerId);
}
std::vector<RetroItem>& listFor(Session& s, const Slot<RetroItem>& slot) {
    if (auto* r = findById(s.retrospectives, slot.ownerId)) return r->items;
    outOfSync("retrospective", slot.ownerId);
}
std::vector<Action>& listFor(Session& s, const Slot<Action>& slot) {
    if (auto* r = findById(s.retrospectives, slot.ownerId)) return r->actions;
    outOfSync("retrospective", slot.ownerId);
}

// Move from state `from` to state `to` of one slot. `from` tells where the element is now, so
// the common case needs no search.
template <typename T> void restoreSlot(Session& s, const Slot<T>& from, const Slot<T>& to) {
    auto& list = listFor(s, to);
    if (!from.value && std::any_of(list.begin(), list.end(), [&](const T& x) { return x.id == to.id; }))
        throw std::logic_error("undo history out of sync with the session: '" + to.id + "' exists already");
    if (from.value) {
        auto pos = list.end();
        if (from.index < list.size() && list[from.index].id == from.id) {
            pos = list.begin() + static_cast<std::ptrdiff_t>(from.index);
        } else {
            pos = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.id == from.id; });
        }
        if (pos == list.end()) outOfSync("object", from.id);
        list.erase(pos);
    }
    if (to.value) {
        const auto at = std::min(to.index, list.size());
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(at), *to.value);
    }
}

} // namespace

BoardFrame frameOf(const Board& board) {
    BoardFrame f;
    f.board.id = board.id;
    f.board.title = board.title;
    f.board.columns = board.columns;
    f.board.lanes = board.lanes;
    return f;
}

RetroFrame frameOf(const Retrospective& r) {
    RetroFrame f;
    f.retro.id = r.id;
    f.retro.title = r.title;
    f.retro.formatId = r.formatId;
    f.retro.phase = r.phase;
    f.retro.prompts = r.prompts;
    f.retro.groups = r.groups;
    f.retro.voting = r.voting;
    f.retro.checkIn = r.checkIn;
    f.retro.roti = r.roti;
    return f;
}

namespace {

// Does the session currently hold exactly this state of the scope?
template <typename T> bool holds(Session& s, const Slot<T>& state) {
    const auto& list = listFor(s, state);
    if (!state.value) return std::none_of(list.begin(), list.end(), [&](const T& x) { return x.id == state.id; });
    return state.index < list.size() && list[state.index] == *state.value;
}
bool holds(Session& s, const SessionHeader& h) { return headerOf(s) == h; }
bool holds(Session& s, const BoardFrame& f) {
    const auto* b = findById(s.boards, f.board.id);
    return b && frameOf(*b) == f;
}
bool holds(Session& s, const RetroFrame& f) {
    const auto* r = findById(s.retrospectives, f.retro.id);
    return r && frameOf(*r) == f;
}

void restoreFrame(Session& s, const BoardFrame& to) {
    auto* b = findById(s.boards, to.board.id);
    if (!b) outOfSync("board", to.board.id);
    Board next = to.board;
    next.cards = std::move(b->cards);
    *b = std::move(next);
}

void restoreFrame(Session& s, const RetroFrame& to) {
    auto* r = findById(s.retrospectives, to.retro.id);
    if (!r) outOfSync("retrospective", to.retro.id);
    Retrospective next = to.retro;
    next.items = std::move(r->items);
    next.actions = std::move(r->actions);
    *r = std::move(next);
}

void restore(Session& s, const Scope& from, const Scope& to, bool check) {
    std::visit(
        [&](const auto& target) {
            using T = std::decay_t<decltype(target)>;
            const auto& source = std::get<T>(from); // same alternative by construction
            if (check && !holds(s, source))
                throw std::logic_error("change does not fit the session (" + scopeKey(from) +
                                       " was changed since the command was made)");
            if constexpr (std::is_same_v<T, SessionHeader>) {
                (void)source;
                setHeader(s, target);
            } else if constexpr (std::is_same_v<T, BoardFrame> || std::is_same_v<T, RetroFrame>) {
                (void)source;
                restoreFrame(s, target);
            } else {
                restoreSlot(s, source, target);
            }
        },
        to);
}

// ---- byte estimates ----

std::size_t bytes(const std::string& v) { return sizeof(std::string) + v.size(); }
template <typename T> std::size_t bytes(const std::vector<T>& v);

std::size_t bytes(const ChecklistItem& x) { return sizeof(x) + x.id.size() + x.text.size(); }
std::size_t bytes(const ColumnVisit& x) { return sizeof(x) + x.columnId.size(); }
std::size_t bytes(const Participant& x) { return sizeof(x) + x.id.size() + x.displayName.size() + x.department.size(); }
std::size_t bytes(const AgendaItem& x) {
    return sizeof(x) + x.id.size() + x.title.size() + x.description.size() + x.activityId.size();
}
std::size_t bytes(const Column& x) { return sizeof(x) + x.id.size() + x.title.size(); }
std::size_t bytes(const Lane& x) { return sizeof(x) + x.id.size() + x.title.size(); }
std::size_t bytes(const Card& x) {
    return sizeof(x) + x.id.size() + x.title.size() + x.description.size() + bytes(x.tags) + bytes(x.checklist) +
           x.columnId.size() + x.laneId.size() + bytes(x.history);
}
std::size_t bytes(const Board& x) {
    return sizeof(x) + x.id.size() + x.title.size() + bytes(x.columns) + bytes(x.lanes) + bytes(x.cards);
}
std::size_t bytes(const Prompt& x) { return sizeof(x) + x.id.size() + x.text.size(); }
std::size_t bytes(const RetroItem& x) {
    return sizeof(x) + x.id.size() + x.promptId.size() + x.text.size() + x.authorId.size() + x.groupId.size();
}
std::size_t bytes(const RetroGroup& x) { return sizeof(x) + x.id.size() + x.title.size(); }
std::size_t bytes(const Action& x) {
    return sizeof(x) + x.id.size() + x.text.size() + x.sourceId.size() + x.cardId.size() + x.experimentId.size() +
           x.carriedFromSessionId.size() + x.outcome.size();
}
std::size_t bytes(const Retrospective& x) {
    return sizeof(x) + x.id.size() + x.title.size() + x.formatId.size() + bytes(x.prompts) + bytes(x.items) +
           bytes(x.groups) + bytes(x.actions) + x.checkIn.question.size() + x.roti.question.size();
}
std::size_t bytes(const Observation& x) { return sizeof(x) + x.id.size() + x.text.size(); }
std::size_t bytes(const Link& x) { return sizeof(x) + x.targetId.size() + x.sessionId.size() + x.label.size(); }
std::size_t bytes(const Experiment& x) {
    return sizeof(x) + x.id.size() + x.title.size() + x.hypothesis.size() + x.method.size() + x.measure.size() +
           x.successCriterion.size() + x.participantRoles.size() * sizeof(Role) + bytes(x.observations) +
           x.learning.size() + x.transferRecommendation.size() + bytes(x.links) + x.originSessionId.size();
}
std::size_t bytes(const SessionHeader& x) {
    return sizeof(x) + x.id.size() + x.title.size() + x.lernraum.size() + x.orgUnit.size() + x.language.size() +
           x.facilitator.size() + x.goal.size() + x.previousSessionId.size() + x.startTime.size();
}
// What a scope owns outside its inline storage (the inline part is sizeof(Scope)).
std::size_t heapBytes(const SessionHeader& x) { return bytes(x) - sizeof(x); }
std::size_t heapBytes(const BoardFrame& x) { return bytes(x.board) - sizeof(Board); }
std::size_t heapBytes(const RetroFrame& x) { return bytes(x.retro) - sizeof(Retrospective); }
template <typename T> std::size_t heapBytes(const Slot<T>& x) {
    return x.ownerId.size() + x.id.size() + (x.value ? bytes(*x.value) - sizeof(T) : 0);
}
template <typename T> std::size_t bytes(const std::vector<T>& v) {
    std::size_t n = 0;
    for (const auto& x : v) n += bytes(x);
    return n;
}

} // namespace

// ---------------------------------------------------------------------------------------------

bool Change::isNoOp() const {
    return std::all_of(steps.begin(), steps.end(), [](const Step& st) { return st.before == st.after; });
}

Change Change::single(std::string label, Scope before, Scope after, std::string mergeKey) {
    Change c;
    c.label = std::move(label);
    c.mergeKey = std::move(mergeKey);
    c.steps.push_back(Step{std::move(before), std::move(after)});
    return c;
}

// Both directions are all-or-nothing: when a step throws (out of sync), the steps already
// written are rolled back before the exception leaves.
void applyAfter(Session& session, const Change& change, bool check) {
    std::size_t done = 0;
    try {
        for (; done < change.steps.size(); ++done) restore(session, change.steps[done].before, change.steps[done].after, check);
    } catch (...) {
        while (done > 0) {
            --done;
            restore(session, change.steps[done].after, change.steps[done].before, false);
        }
        throw;
    }
}

void applyBefore(Session& session, const Change& change, bool check) {
    std::size_t done = 0; // steps undone, counted from the end
    const std::size_t n = change.steps.size();
    try {
        for (; done < n; ++done) restore(session, change.steps[n - 1 - done].after, change.steps[n - 1 - done].before, check);
    } catch (...) {
        while (done > 0) {
            --done;
            restore(session, change.steps[n - 1 - done].before, change.steps[n - 1 - done].after, false);
        }
        throw;
    }
}

std::string scopeKey(const Scope& scope) {
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, SessionHeader>) return "session";
            else if constexpr (std::is_same_v<T, BoardFrame>) return "board-frame/" + x.board.id;
            else if constexpr (std::is_same_v<T, RetroFrame>) return "retro-frame/" + x.retro.id;
            else if constexpr (std::is_same_v<T, Slot<Participant>>) return "participant/" + x.id;
            else if constexpr (std::is_same_v<T, Slot<AgendaItem>>) return "agenda/" + x.id;
            else if constexpr (std::is_same_v<T, Slot<Board>>) return "board/" + x.id;
            else if constexpr (std::is_same_v<T, Slot<Card>>) return "card/" + x.ownerId + "/" + x.id;
            else if constexpr (std::is_same_v<T, Slot<Retrospective>>) return "retro/" + x.id;
            else if constexpr (std::is_same_v<T, Slot<RetroItem>>) return "retro-item/" + x.ownerId + "/" + x.id;
            else if constexpr (std::is_same_v<T, Slot<Action>>) return "action/" + x.ownerId + "/" + x.id;
            else if constexpr (std::is_same_v<T, Slot<Experiment>>) return "experiment/" + x.id;
        },
        scope);
}

std::size_t estimateBytes(const Scope& scope) {
    return sizeof(Scope) + std::visit([](const auto& x) { return heapBytes(x); }, scope);
}

std::size_t estimateBytes(const Change& change) {
    std::size_t n = sizeof(Change) + change.label.size() + change.mergeKey.size();
    for (const auto& st : change.steps) n += estimateBytes(st.before) + estimateBytes(st.after);
    return n;
}

// ---------------------------------------------------------------------------------------------

std::string fillPlaceholders(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9' &&
            pattern[i + 2] == '}') {
            const auto n = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (n < args.size()) {
                out += args[n];
                i += 2;
                continue;
            }
        }
        out.push_back(pattern[i]);
    }
    return out;
}

std::string Refusal::message() const { return fillPlaceholders(pattern, args); }

} // namespace lernraum::core
