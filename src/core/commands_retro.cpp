// Retrospective commands: phases, items (hidden writing, reveal), dot voting, actions.

#include "commands.hpp"

#include "commands_detail.hpp"

namespace lernraum::core {

using namespace detail;

namespace {

template <typename Edit>
CommandResult editRetroFrame(const Session& s, const Id& retroId, std::string label, std::string mergeKey, Edit edit) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    RetroFrame before = frameOf(*retro);
    RetroFrame after = before;
    if (auto r = edit(after.retro)) return *r;
    return Change::single(std::move(label), std::move(before), std::move(after), std::move(mergeKey));
}

template <typename Edit>
CommandResult editRetroItem(const Session& s, const Id& retroId, const Id& itemId, std::string label,
                            std::string mergeKey, Edit edit) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    const auto i = indexOf(retro->items, itemId);
    if (!i) return notFound("retro item", itemId);
    auto before = slotOf(retro->items, retroId, *i);
    auto after = before;
    if (auto r = edit(*after.value)) return *r;
    return Change::single(std::move(label), std::move(before), std::move(after), std::move(mergeKey));
}

std::optional<Refusal> checkVoting(const VotingSettings& v) {
    if (auto r = checkCount("vote budget", v.budgetPerParticipant)) return r;
    return checkCount("votes per item limit", v.perItemLimit);
}

std::optional<Refusal> checkAction(const Session& s, const Retrospective& retro, const Action& a) {
    if (auto r = checkText("action text", a.text, true)) return r;
    if (auto r = checkText("outcome", a.outcome, false)) return r;
    if (a.ownerRole)
        if (auto r = checkEnum("owner role", *a.ownerRole)) return r;
    if (auto r = checkEnum("action status", a.status)) return r;
    if (auto r = checkDate("due date", a.due)) return r;
    if (!a.sourceId.empty() && !find(retro.items, a.sourceId) && !find(retro.groups, a.sourceId))
        return notFound("retro item or group", a.sourceId);
    if (!a.cardId.empty()) {
        const bool exists = std::any_of(s.boards.begin(), s.boards.end(), [&](const Board& b) { return find(b.cards, a.cardId); });
        if (!exists) return notFound("card", a.cardId);
    }
    if (!a.experimentId.empty() && !find(s.experiments, a.experimentId)) return notFound("experiment", a.experimentId);
    return std::nullopt;
}

} // namespace

CommandResult addRetrospective(const Session& s, Retrospective retro) {
    if (auto r = checkNewId(s, retro.id)) return *r;
    if (!retro.items.empty() || !retro.actions.empty()) return invalidValue("new retrospective", "with items");
    if (auto r = checkText("retrospective title", retro.title, false)) return *r;
    if (auto r = checkText("format", retro.formatId, false)) return *r;
    if (auto r = checkEnum("phase", retro.phase)) return *r;
    if (auto r = checkVoting(retro.voting)) return *r;
    if (auto r = checkPromptCount(retro.prompts.size())) return *r;
    std::vector<Id> ids{retro.id};
    for (const auto& p : retro.prompts) {
        if (auto r = checkNewId(s, p.id)) return *r;
        if (auto r = checkText("prompt", p.text, true)) return *r;
        ids.push_back(p.id);
    }
    for (const auto& g : retro.groups) {
        if (auto r = checkNewId(s, g.id)) return *r;
        if (auto r = checkText("group title", g.title, true)) return *r;
        if (auto r = checkCount("votes", g.votes)) return *r;
        ids.push_back(g.id);
    }
    std::sort(ids.begin(), ids.end());
    if (const auto dup = std::adjacent_find(ids.begin(), ids.end()); dup != ids.end())
        return refuse(refusal::DuplicateId, "The id '{1}' is already in use", {*dup});
    const Id id = retro.id;
    return Change::single("Add retrospective", absentSlot<Retrospective>({}, id),
                          Slot<Retrospective>{{}, id, std::move(retro), s.retrospectives.size()});
}

CommandResult setRetroPhase(const Session& s, const Id& retroId, Phase phase) {
    return editRetroFrame(s, retroId, "Change retrospective phase", {}, [&](Retrospective& r) -> std::optional<Refusal> {
        if (auto e = checkEnum("phase", phase)) return e;
        r.phase = phase;
        return std::nullopt;
    });
}

CommandResult setVotingSettings(const Session& s, const Id& retroId, const VotingSettings& voting) {
    return editRetroFrame(s, retroId, voting.open ? "Open voting" : "Change voting", {},
                          [&](Retrospective& r) -> std::optional<Refusal> {
                              if (auto e = checkVoting(voting)) return e;
                              r.voting = voting;
                              return std::nullopt;
                          });
}

// ---------------------------------------------------------------------------------------------
// Items

CommandResult addRetroItem(const Session& s, const Id& retroId, const Id& itemId, const Id& promptId, std::string text,
                           Timestamp now, bool hidden, const Id& authorId) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (!promptId.empty() && !find(retro->prompts, promptId)) return notFound("prompt", promptId);
    if (!authorId.empty() && !find(s.participants, authorId)) return notFound("participant", authorId);
    if (auto r = checkNewId(s, itemId)) return *r;
    if (auto r = checkText("card text", text, true)) return *r;
    RetroItem item;
    item.id = itemId;
    item.promptId = promptId;
    item.text = std::move(text);
    item.authorId = authorId;
    item.hidden = hidden;
    // An anonymous card keeps only its day: a time to the second could tie it to whoever was at
    // the keyboard at that moment.
    constexpr std::int64_t kDay = 24 * 60 * 60;
    item.createdAt = authorId.empty() ? Timestamp{now.seconds - ((now.seconds % kDay) + kDay) % kDay} : now;
    return Change::single("Add retrospective card", absentSlot<RetroItem>(retroId, itemId),
                          Slot<RetroItem>{retroId, itemId, std::move(item), retro->items.size()});
}

CommandResult editRetroItemText(const Session& s, const Id& retroId, const Id& itemId, std::string text) {
    return editRetroItem(s, retroId, itemId, "Edit retrospective card", "retro-item/" + itemId + "/text",
                         [&](RetroItem& item) -> std::optional<Refusal> {
                             if (auto r = checkText("card text", text, true)) return r;
                             item.text = text;
                             return std::nullopt;
                         });
}

CommandResult setItemHidden(const Session& s, const Id& retroId, const Id& itemId, bool hidden) {
    return editRetroItem(s, retroId, itemId, hidden ? "Hide retrospective card" : "Reveal retrospective card", {},
                         [&](RetroItem& item) -> std::optional<Refusal> {
                             item.hidden = hidden;
                             return std::nullopt;
                         });
}

CommandResult revealAll(const Session& s, const Id& retroId) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    Change c;
    c.label = "Reveal all cards";
    for (std::size_t i = 0; i < retro->items.size(); ++i) {
        if (!retro->items[i].hidden) continue;
        auto before = slotOf(retro->items, retroId, i);
        auto after = before;
        after.value->hidden = false;
        c.steps.push_back(Step{std::move(before), std::move(after)});
    }
    return c;
}

CommandResult removeRetroItem(const Session& s, const Id& retroId, const Id& itemId) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    const auto i = indexOf(retro->items, itemId);
    if (!i) return notFound("retro item", itemId);
    if (auto r = stillReferenced(s, itemId, retro->items[*i].text)) return *r;
    return Change::single("Remove retrospective card", slotOf(retro->items, retroId, *i), absentSlot<RetroItem>(retroId, itemId));
}

// ---------------------------------------------------------------------------------------------
// Voting

namespace {

CommandResult changeVotes(const Session& s, const Id& retroId, const Id& targetId, int delta) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    const auto rule = [&](int votes) -> std::optional<Refusal> {
        if (!retro->voting.open) return refuse(refusal::VotingClosed, "Voting is not open");
        if (delta > 0 && retro->voting.perItemLimit > 0 && votes >= retro->voting.perItemLimit)
            return refuse(refusal::VoteLimitReached, "At most {1} votes per card", {std::to_string(retro->voting.perItemLimit)});
        if (delta > 0 && votes >= kMaxCount) return invalidValue("votes", std::to_string(votes + 1));
        if (delta < 0 && votes <= 0) return refuse(refusal::NoVotes, "This card has no votes");
        return std::nullopt;
    };
    const std::string label = delta > 0 ? "Vote" : "Remove vote";
    if (find(retro->items, targetId)) {
        return editRetroItem(s, retroId, targetId, label, {}, [&](RetroItem& item) -> std::optional<Refusal> {
            if (auto r = rule(item.votes)) return r;
            item.votes += delta;
            return std::nullopt;
        });
    }
    if (find(retro->groups, targetId)) {
        return editRetroFrame(s, retroId, label, {}, [&](Retrospective& r) -> std::optional<Refusal> {
            auto& group = r.groups[*indexOf(r.groups, targetId)];
            if (auto e = rule(group.votes)) return e;
            group.votes += delta;
            return std::nullopt;
        });
    }
    return notFound("retro item or group", targetId);
}

} // namespace

CommandResult addVote(const Session& s, const Id& retroId, const Id& targetId) { return changeVotes(s, retroId, targetId, +1); }

CommandResult removeVote(const Session& s, const Id& retroId, const Id& targetId) {
    return changeVotes(s, retroId, targetId, -1);
}

// ---------------------------------------------------------------------------------------------
// Actions

CommandResult addAction(const Session& s, const Id& retroId, Action action) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    if (auto r = checkNewId(s, action.id)) return *r;
    if (auto r = checkAction(s, *retro, action)) return *r;
    const Id id = action.id;
    return Change::single("Add action", absentSlot<Action>(retroId, id),
                          Slot<Action>{retroId, id, std::move(action), retro->actions.size()});
}

CommandResult updateAction(const Session& s, const Id& retroId, const Action& action) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    const auto i = indexOf(retro->actions, action.id);
    if (!i) return notFound("action", action.id);
    if (auto r = checkAction(s, *retro, action)) return *r;
    const Action& old = retro->actions[*i];
    FieldChanges f;
    f.check("text", action.text != old.text);
    f.check("ownerRole", action.ownerRole != old.ownerRole);
    f.check("due", action.due != old.due);
    f.check("status", action.status != old.status);
    f.check("sourceId", action.sourceId != old.sourceId);
    f.check("cardId", action.cardId != old.cardId);
    f.check("experimentId", action.experimentId != old.experimentId);
    f.check("carriedFromSessionId", action.carriedFromSessionId != old.carriedFromSessionId);
    f.check("outcome", action.outcome != old.outcome);
    auto before = slotOf(retro->actions, retroId, *i);
    auto after = before;
    after.value = action;
    Change c = Change::single("Edit action", std::move(before), std::move(after), f.mergeKey("action/" + action.id));
    // The linked board card is the same piece of work: a new owner role or due date reaches it in
    // the same undo step (the card's own other fields stay as they are).
    if (!action.cardId.empty() && (action.ownerRole != old.ownerRole || action.due != old.due)) {
        for (const auto& b : s.boards) {
            const auto k = indexOf(b.cards, action.cardId);
            if (!k) continue;
            auto cardBefore = slotOf(b.cards, b.id, *k);
            auto cardAfter = cardBefore;
            if (action.ownerRole != old.ownerRole) cardAfter.value->ownerRole = action.ownerRole;
            if (action.due != old.due) cardAfter.value->due = action.due;
            if (!(cardBefore == cardAfter)) {
                c.steps.push_back(Step{std::move(cardBefore), std::move(cardAfter)});
                c.mergeKey.clear(); // a two-object step merges with nothing
            }
            break;
        }
    }
    return c;
}

CommandResult removeAction(const Session& s, const Id& retroId, const Id& actionId) {
    const auto* retro = findRetro(s, retroId);
    if (!retro) return notFound("retrospective", retroId);
    const auto i = indexOf(retro->actions, actionId);
    if (!i) return notFound("action", actionId);
    // Like removeRetroItem and deleteCard: refused while an experiment links the action. Its own
    // links (card, experiment, source) go with it; the linked card stays on the board.
    if (auto r = stillReferenced(s, actionId, retro->actions[*i].text)) return *r;
    return Change::single("Remove action", slotOf(retro->actions, retroId, *i), absentSlot<Action>(retroId, actionId));
}

} // namespace lernraum::core
