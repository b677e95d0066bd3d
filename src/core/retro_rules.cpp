// Retrospective facilitation rules: dot budget, phases, grouping, results, conversions.

#include "retro_rules.hpp"

#include "commands_detail.hpp"
#include "text.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace lernraum::core {

using namespace detail;

namespace {

constexpr std::string_view kTexts[] = {
    // labels
    "Add group",
    "Rename group",
    "Group cards",
    "Move card to group",
    "Remove card from group",
    "Dissolve group",
    "Next phase",
    "Previous phase",
    "Turn into action",
    "Turn into experiment",
    "Turn into board card",
    "Count answer",
    "Edit question",
    "Clear answers",
    "Reset dots",
    "Merge cards",
    "Set votes",
    // refusal patterns
    "All {1} dots of the room are used ({2} people with {3} dots each)",
    "A card cannot be grouped with itself",
    "A card cannot be merged with itself",
    "The retrospective is already in its last phase",
    "The retrospective is already in its first phase",
    "No answer '{1}' to take back",
    // terms
    "group",
    "experiment title",
    "answer",
    "question",
};

// Shortens a text to at most `max` bytes at a UTF-8 boundary, with an ellipsis when cut.
std::string shorten(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
    return text.substr(0, end) + "\xE2\x80\xA6";
}

const RetroItem* findItem(const Retrospective& r, const Id& id) { return find(r.items, id); }

Step itemStep(const Retrospective& retro, std::size_t index, const Id& groupId) {
    auto before = slotOf(retro.items, retro.id, index);
    auto after = before;
    after.value->groupId = groupId;
    return Step{std::move(before), std::move(after)};
}

CommandResult changePhase(const Session& s, const Retrospective& retro, Phase next, std::string label) {
    RetroFrame before = frameOf(retro);
    RetroFrame after = before;
    after.retro.phase = next;
    Change c = Change::single(std::move(label), std::move(before), std::move(after));
    // The agenda follows in the same undo step: the current item (the first one not done, which
    // the workshop timer counts down) becomes the first open item of the new phase, by marking
    // the open items before it as done. Nothing moves when the phase has no open item.
    const auto& agenda = s.agenda;
    // Going back works the same way in the other direction: when the new phase's first item lies
    // before the current one, it and the items after it up to the current one are opened again,
    // so it becomes the current item (and the timer follows it, with its used time).
    const auto current = std::find_if(agenda.begin(), agenda.end(), [](const AgendaItem& a) { return !a.done; });
    const auto first = std::find_if(agenda.begin(), agenda.end(), [&](const AgendaItem& a) { return a.phase == after.retro.phase; });
    if (first != agenda.end() && first < current) {
        for (auto it = first; it != current; ++it) {
            if (!it->done) continue;
            auto itemBefore = slotOf(agenda, Id{}, static_cast<std::size_t>(it - agenda.begin()));
            auto itemAfter = itemBefore;
            itemAfter.value->done = false;
            c.steps.push_back(Step{std::move(itemBefore), std::move(itemAfter)});
        }
        return c;
    }
    const auto target = std::find_if(agenda.begin(), agenda.end(),
                                     [&](const AgendaItem& a) { return !a.done && a.phase == after.retro.phase; });
    if (target == agenda.end()) return c;
    for (auto it = agenda.begin(); it != target; ++it) {
        if (it->done) continue;
        auto itemBefore = slotOf(agenda, Id{}, static_cast<std::size_t>(it - agenda.begin()));
        auto itemAfter = itemBefore;
        itemAfter.value->done = true;
        c.steps.push_back(Step{std::move(itemBefore), std::move(itemAfter)});
    }
    return c;
}

CommandResult stepPhase(const Session& s, const Id& retroId, int delta) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    const int next = static_cast<int>(retro->phase) + delta;
    if (next < 0) return refuse(refusal::NoPhase, "The retrospective is already in its first phase");
    if (next >= static_cast<int>(Phase::Count)) return refuse(refusal::NoPhase, "The retrospective is already in its last phase");
    return changePhase(s, *retro, static_cast<Phase>(next), delta > 0 ? "Next phase" : "Previous phase");
}

} // namespace

std::span<const std::string_view> retroRuleTexts() { return kTexts; }

// ---------------------------------------------------------------------------------------------
// Dot budget

int voterCount(const Session& s) {
    return static_cast<int>(std::count_if(s.participants.begin(), s.participants.end(),
                                          [](const Participant& p) { return p.role != Role::Facilitator; }));
}

int votesCast(const Retrospective& retro) {
    int n = 0;
    for (const auto& i : retro.items) n += i.votes;
    for (const auto& g : retro.groups) n += g.votes;
    return n;
}

std::optional<int> voteBudget(const Session& s, const Retrospective& retro) {
    const int voters = voterCount(s);
    if (voters == 0 || retro.voting.budgetPerParticipant <= 0) return std::nullopt;
    return voters * retro.voting.budgetPerParticipant;
}

std::optional<int> votesLeft(const Session& s, const Retrospective& retro) {
    const auto budget = voteBudget(s, retro);
    if (!budget) return std::nullopt;
    return std::max(0, *budget - votesCast(retro));
}

CommandResult setVotes(const Session& s, const Id& retroId, const Id& targetId, int votes) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (!retro->voting.open) return refuse(refusal::VotingClosed, "Voting is not open");
    if (votes < 0 || votes > kMaxCount) return invalidValue("votes", std::to_string(votes));
    if (retro->voting.perItemLimit > 0 && votes > retro->voting.perItemLimit)
        return refuse(refusal::VoteLimitReached, "At most {1} votes per card", {std::to_string(retro->voting.perItemLimit)});
    const auto item = indexOf(retro->items, targetId);
    const auto group = indexOf(retro->groups, targetId);
    if (!item && !group) return notFound("retro item or group", targetId);
    const int old = item ? retro->items[*item].votes : retro->groups[*group].votes;
    if (const auto budget = voteBudget(s, *retro); budget && votes > old && votesCast(*retro) - old + votes > *budget) {
        return refuse(refusal::VoteBudgetSpent, "All {1} dots of the room are used ({2} people with {3} dots each)",
                      {std::to_string(*budget), std::to_string(voterCount(s)), std::to_string(retro->voting.budgetPerParticipant)});
    }
    if (item) {
        auto before = slotOf(retro->items, retroId, *item);
        auto after = before;
        after.value->votes = votes;
        return Change::single("Set votes", std::move(before), std::move(after));
    }
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    after.retro.groups[*group].votes = votes;
    return Change::single("Set votes", std::move(before), std::move(after));
}

CommandResult castVote(const Session& s, const Id& retroId, const Id& targetId) {
    auto result = addVote(s, retroId, targetId);
    if (!result) return result;
    const auto* retro = findRetro(s, retroId);
    if (const auto left = votesLeft(s, *retro); left && *left <= 0) {
        return refuse(refusal::VoteBudgetSpent, "All {1} dots of the room are used ({2} people with {3} dots each)",
                      {std::to_string(*voteBudget(s, *retro)), std::to_string(voterCount(s)),
                       std::to_string(retro->voting.budgetPerParticipant)});
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// Phases

CommandResult advancePhase(const Session& s, const Id& retroId) { return stepPhase(s, retroId, +1); }
CommandResult previousPhase(const Session& s, const Id& retroId) { return stepPhase(s, retroId, -1); }

CommandResult goToPhase(const Session& s, const Id& retroId, Phase phase) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (auto r = checkEnum("phase", phase)) return *r;
    if (phase == retro->phase) return Change{}; // nothing to do
    return changePhase(s, *retro, phase, "Change retrospective phase");
}

int plannedMinutes(const Session& s, Phase phase) {
    long long sum = 0;
    for (const auto& a : s.agenda)
        if (a.phase == phase && a.timeboxMinutes > 0) sum += a.timeboxMinutes;
    return static_cast<int>(std::min<long long>(sum, kMaxCount));
}

// ---------------------------------------------------------------------------------------------
// Grouping

CommandResult addRetroGroup(const Session& s, const Id& retroId, const Id& groupId, std::string title) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (auto r = checkNewId(s, groupId)) return *r;
    if (auto r = checkText("group title", title, true)) return *r;
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    after.retro.groups.push_back(RetroGroup{groupId, std::move(title), 0});
    return Change::single("Add group", std::move(before), std::move(after));
}

CommandResult renameRetroGroup(const Session& s, const Id& retroId, const Id& groupId, std::string title) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    const auto g = indexOf(retro->groups, groupId);
    if (!g) return notFound("group", groupId);
    if (auto r = checkText("group title", title, true)) return *r;
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    after.retro.groups[*g].title = std::move(title);
    return Change::single("Rename group", std::move(before), std::move(after), "retro-group/" + groupId + "/title");
}

CommandResult groupOnto(const Session& s, const Id& retroId, const Id& itemId, const Id& ontoItemId,
                        const Id& newGroupId, std::string title) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    const auto i = indexOf(retro->items, itemId);
    if (!i) return notFound("retro item", itemId);
    const auto j = indexOf(retro->items, ontoItemId);
    if (!j) return notFound("retro item", ontoItemId);
    if (*i == *j) return refuse(refusal::SameItem, "A card cannot be grouped with itself");
    const RetroItem& onto = retro->items[*j];
    if (!onto.groupId.empty()) return moveToGroup(s, retroId, itemId, onto.groupId);

    if (auto r = checkNewId(s, newGroupId)) return *r;
    if (trim(title).empty()) title = shorten(onto.text, 60);
    if (auto r = checkText("group title", title, true)) return *r;
    Change c;
    c.label = "Group cards";
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    after.retro.groups.push_back(RetroGroup{newGroupId, std::move(title), 0});
    c.steps.push_back(Step{std::move(before), std::move(after)});
    c.steps.push_back(itemStep(*retro, *j, newGroupId));
    c.steps.push_back(itemStep(*retro, *i, newGroupId));
    return c;
}

CommandResult moveToGroup(const Session& s, const Id& retroId, const Id& itemId, const Id& groupId) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    const auto i = indexOf(retro->items, itemId);
    if (!i) return notFound("retro item", itemId);
    if (!groupId.empty() && !find(retro->groups, groupId)) return notFound("group", groupId);
    Change c;
    c.label = groupId.empty() ? "Remove card from group" : "Move card to group";
    c.steps.push_back(itemStep(*retro, *i, groupId));
    return c;
}

CommandResult ungroup(const Session& s, const Id& retroId, const Id& groupId) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    const auto g = indexOf(retro->groups, groupId);
    if (!g) return notFound("group", groupId);
    if (auto r = stillReferenced(s, groupId, retro->groups[*g].title)) return *r;
    Change c;
    c.label = "Dissolve group";
    for (std::size_t i = 0; i < retro->items.size(); ++i) {
        if (retro->items[i].groupId == groupId) c.steps.push_back(itemStep(*retro, i, {}));
    }
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    after.retro.groups.erase(after.retro.groups.begin() + static_cast<std::ptrdiff_t>(*g));
    c.steps.push_back(Step{std::move(before), std::move(after)});
    return c;
}

CommandResult mergeRetroItems(const Session& s, const Id& retroId, const Id& keepId, const Id& mergedId) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    const auto k = indexOf(retro->items, keepId);
    if (!k) return notFound("retro item", keepId);
    const auto m = indexOf(retro->items, mergedId);
    if (!m) return notFound("retro item", mergedId);
    if (*k == *m) return refuse(refusal::SameItem, "A card cannot be merged with itself");
    Change c;
    c.label = "Merge cards";
    {
        auto before = slotOf(retro->items, retroId, *k);
        auto after = before;
        after.value->votes = std::min(kMaxCount, retro->items[*k].votes + retro->items[*m].votes);
        if (!(before == after)) c.steps.push_back(Step{std::move(before), std::move(after)});
    }
    for (std::size_t i = 0; i < retro->actions.size(); ++i) {
        if (retro->actions[i].sourceId != mergedId) continue;
        auto before = slotOf(retro->actions, retroId, i);
        auto after = before;
        after.value->sourceId = keepId;
        c.steps.push_back(Step{std::move(before), std::move(after)});
    }
    for (std::size_t i = 0; i < s.experiments.size(); ++i) {
        const Experiment& e = s.experiments[i];
        const bool links = std::any_of(e.links.begin(), e.links.end(), [&](const Link& l) {
            return l.targetId == mergedId && (l.sessionId.empty() || l.sessionId == s.id);
        });
        if (!links) continue;
        auto before = slotOf(s.experiments, {}, i);
        auto after = before;
        auto& list = after.value->links;
        const bool hasKept = std::any_of(list.begin(), list.end(), [&](const Link& l) {
            return l.targetId == keepId && (l.sessionId.empty() || l.sessionId == s.id);
        });
        if (hasKept) { // already linked to the kept card: the link to the duplicate just goes
            list.erase(std::remove_if(list.begin(), list.end(), [&](const Link& l) {
                           return l.targetId == mergedId && (l.sessionId.empty() || l.sessionId == s.id);
                       }),
                       list.end());
        } else {
            for (auto& l : list)
                if (l.targetId == mergedId && (l.sessionId.empty() || l.sessionId == s.id)) l.targetId = keepId;
        }
        c.steps.push_back(Step{std::move(before), std::move(after)});
    }
    c.steps.push_back(Step{slotOf(retro->items, retroId, *m), absentSlot<RetroItem>(retroId, mergedId)});
    return c;
}

// ---------------------------------------------------------------------------------------------
// Results

std::vector<VoteResult> voteResults(const Retrospective& retro) {
    // One pass over the items with an index of the groups: items + groups, not items × groups
    // (the retrospective view asks for this every frame).
    std::vector<VoteResult> out;
    std::unordered_map<std::string_view, std::size_t> groupAt; // the first group with an id
    for (const auto& g : retro.groups) {
        groupAt.emplace(g.id, out.size());
        out.push_back(VoteResult{g.id, g.title, g.votes, true, 0});
    }
    for (const auto& i : retro.items) {
        if (i.groupId.empty()) continue;
        if (const auto it = groupAt.find(i.groupId); it != groupAt.end()) { // ids are unique (validate)
            out[it->second].votes += i.votes;
            ++out[it->second].itemCount;
        }
    }
    for (const auto& i : retro.items) {
        if (!i.groupId.empty() && groupAt.contains(i.groupId)) continue;
        if (i.hidden) continue; // a face-down card's text never reaches a results list
        out.push_back(VoteResult{i.id, i.text, i.votes, false, 1});
    }
    std::stable_sort(out.begin(), out.end(), [](const VoteResult& a, const VoteResult& b) { return a.votes > b.votes; });
    return out;
}

int hiddenCount(const Retrospective& retro, const Id& promptId) {
    return static_cast<int>(std::count_if(retro.items.begin(), retro.items.end(),
                                          [&](const RetroItem& i) { return i.hidden && i.promptId == promptId; }));
}

int hiddenCount(const Retrospective& retro) {
    return static_cast<int>(std::count_if(retro.items.begin(), retro.items.end(), [](const RetroItem& i) { return i.hidden; }));
}

std::string sourceText(const Retrospective& retro, const Id& sourceId) {
    if (const auto* item = findItem(retro, sourceId)) return item->text;
    if (const auto* group = find(retro.groups, sourceId)) return group->title;
    return {};
}

// ---------------------------------------------------------------------------------------------
// Conversions

namespace {

// The source's text when `text` is blank; a refusal when the source does not exist.
std::optional<Refusal> resolveSource(const Retrospective& retro, const Id& sourceId, std::string& text) {
    if (!findItem(retro, sourceId) && !find(retro.groups, sourceId)) return notFound("retro item or group", sourceId);
    if (trim(text).empty()) text = sourceText(retro, sourceId);
    return std::nullopt;
}

} // namespace

CommandResult turnIntoAction(const Session& s, const Id& retroId, const Id& sourceId, const Id& actionId,
                             std::string text, std::optional<Role> ownerRole, Date due) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (auto r = resolveSource(*retro, sourceId, text)) return *r;
    Action a;
    a.id = actionId;
    a.text = std::move(text);
    a.ownerRole = ownerRole;
    a.due = due;
    a.sourceId = sourceId;
    auto result = addAction(s, retroId, std::move(a));
    if (result) result.change().label = "Turn into action";
    return result;
}

CommandResult turnIntoExperiment(const Session& s, const Id& retroId, const Id& sourceId, const Id& experimentId,
                                 std::string title) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (auto r = resolveSource(*retro, sourceId, title)) return *r;
    Experiment e;
    e.id = experimentId;
    e.title = shorten(title, 200);
    e.status = ExperimentStatus::Idea;
    e.links.push_back(Link{sourceId, {}, sourceText(*retro, sourceId)});
    auto result = addExperiment(s, std::move(e));
    if (result) result.change().label = "Turn into experiment";
    return result;
}

CommandResult turnIntoCard(const Session& s, const Id& retroId, const Id& sourceId, const Id& boardId,
                           const Id& cardId, const Id& actionId, Timestamp now, std::string title) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (auto r = resolveSource(*retro, sourceId, title)) return *r;
    const auto* board = findBoard(s, boardId);
    if (!board) return notFound("board", boardId);
    if (board->columns.empty()) return notFound("column", boardId);
    if (cardId == actionId) return refuse(refusal::DuplicateId, "The id '{1}' is already in use", {actionId});
    const Id laneId = board->lanes.empty() ? Id{} : board->lanes.front().id;
    auto card = addCard(s, boardId, cardId, board->columns.front().id, laneId, title, kAtEnd, now);
    if (!card) return card;
    if (auto r = checkNewId(s, actionId)) return *r;
    Action a;
    a.id = actionId;
    a.text = title;
    a.sourceId = sourceId;
    a.cardId = cardId;
    if (auto r = checkText("action text", a.text, true)) return *r;
    Change c = std::move(card.change());
    c.label = "Turn into board card";
    c.steps.push_back(Step{absentSlot<Action>(retroId, actionId), Slot<Action>{retroId, actionId, std::move(a), retro->actions.size()}});
    return c;
}

// ---------------------------------------------------------------------------------------------
// Scales

int answerCount(const ScaleQuestion& q) {
    int n = 0;
    for (int c : q.counts) n += c;
    return n;
}

CommandResult countAnswer(const Session& s, const Id& retroId, Scale scale, int value, int delta) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (value < 1 || value > 5) return invalidValue("answer", std::to_string(value));
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    ScaleQuestion& q = scale == Scale::CheckIn ? after.retro.checkIn : after.retro.roti;
    int& count = q.counts[static_cast<std::size_t>(value - 1)];
    if (count + delta < 0) return refuse(refusal::NoVotes, "No answer '{1}' to take back", {std::to_string(value)});
    if (auto r = checkCount("answer", static_cast<long long>(count) + delta)) return *r;
    count += delta;
    return Change::single("Count answer", std::move(before), std::move(after));
}

CommandResult setScaleQuestion(const Session& s, const Id& retroId, Scale scale, std::string question) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (auto r = checkText("question", question, false)) return *r;
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    (scale == Scale::CheckIn ? after.retro.checkIn : after.retro.roti).question = std::move(question);
    return Change::single("Edit question", std::move(before), std::move(after),
                          retroId + (scale == Scale::CheckIn ? "/check-in" : "/roti") + "/question");
}

CommandResult clearAnswers(const Session& s, const Id& retroId, Scale scale) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    (scale == Scale::CheckIn ? after.retro.checkIn : after.retro.roti).counts = {};
    return Change::single("Clear answers", std::move(before), std::move(after));
}

CommandResult resetVotes(const Session& s, const Id& retroId) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    Change c;
    c.label = "Reset dots";
    for (std::size_t i = 0; i < retro->items.size(); ++i) {
        if (retro->items[i].votes == 0) continue;
        auto before = slotOf(retro->items, retroId, i);
        auto after = before;
        after.value->votes = 0;
        c.steps.push_back(Step{std::move(before), std::move(after)});
    }
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    for (auto& g : after.retro.groups) g.votes = 0;
    if (!(before == after)) c.steps.push_back(Step{std::move(before), std::move(after)});
    return c;
}

} // namespace lernraum::core
