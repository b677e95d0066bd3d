// Follow-up sessions: what the next workshop's file carries forward (see follow_up.hpp).

#include "follow_up.hpp"

#include <unordered_set>

namespace lernraum::core {

namespace {

// Ids handed out for the new objects must not collide with the carried ones (or each other).
class FreshIds {
public:
    FreshIds(IdGenerator& ids, std::unordered_set<Id> used) : m_ids(ids), m_used(std::move(used)) {}
    Id next(std::string_view prefix) {
        for (;;) {
            Id id = m_ids.next(prefix);
            if (m_used.insert(id).second) return id;
        }
    }

private:
    IdGenerator& m_ids;
    std::unordered_set<Id> m_used;
};

bool isDoneColumn(const Board& board, const Id& columnId) {
    for (const auto& c : board.columns)
        if (c.id == columnId) return c.kind == ColumnKind::Done;
    return false;
}

} // namespace

SessionKind nextSessionKind(SessionKind previous) {
    switch (previous) {
    case SessionKind::KickOff: return SessionKind::Planning;
    case SessionKind::Planning: return SessionKind::Review;
    case SessionKind::Review: return SessionKind::Planning;
    case SessionKind::Evaluation:
    case SessionKind::Other:
    case SessionKind::Count: break;
    }
    return SessionKind::Other;
}

std::string defaultFollowUpTitle(const Session& previous, SessionKind kind) {
    const std::string name{sessionKindLabel(kind, previous.language == "en" ? "en" : "de")};
    if (previous.lernraum.empty()) return name;
    return previous.lernraum + " \u2013 " + name;
}

bool isCarriedForward(const Experiment& e, const FollowUpOptions& options) {
    switch (e.status) {
    case ExperimentStatus::Idea: return options.carryIdeas;
    case ExperimentStatus::Planned:
    case ExperimentStatus::Running: return true;
    default: return false;
    }
}

bool isCarriedForward(const Action& a) { return a.status == ActionStatus::Open || a.status == ActionStatus::InProgress; }

Session makeFollowUp(const Session& previous, const FollowUpOptions& options, IdGenerator& ids) {
    Session next;
    next.previousSessionId = previous.id;
    next.kind = options.kind ? *options.kind : nextSessionKind(previous.kind);
    next.title = options.title.empty() ? defaultFollowUpTitle(previous, next.kind) : options.title;
    next.date = options.date.isSet() ? options.date : previous.nextReview;
    next.lernraum = previous.lernraum;
    next.orgUnit = previous.orgUnit;
    next.language = previous.language;
    next.facilitator = previous.facilitator;
    next.researchConsent = false; // per workshop, see follow_up.hpp
    next.participants = previous.participants;

    // Boards: same ids; finished cards leave the board but keep their history.
    next.boards = previous.boards;
    for (auto& board : next.boards)
        for (auto& card : board.cards)
            if (isDoneColumn(board, card.columnId)) card.archived = true;

    // Open experiments with the same ids.
    std::unordered_set<Id> carriedExperiments;
    for (const auto& e : previous.experiments) {
        if (!isCarriedForward(e, options)) continue;
        next.experiments.push_back(e);
        carriedExperiments.insert(e.id);
    }

    // Open actions of every retrospective, for review in the new one.
    std::unordered_set<Id> cards;
    for (const auto& board : next.boards)
        for (const auto& card : board.cards) cards.insert(card.id);
    std::vector<Action> actions;
    std::unordered_set<Id> carriedActions;
    for (const auto& retro : previous.retrospectives) {
        for (const auto& a : retro.actions) {
            if (!isCarriedForward(a) || !carriedActions.insert(a.id).second) continue;
            Action carried = a;
            carried.carriedFromSessionId = previous.id;
            carried.sourceId.clear(); // the retro item or group stays in the previous file
            if (!carried.cardId.empty() && !cards.count(carried.cardId)) carried.cardId.clear();
            if (!carried.experimentId.empty() && !carriedExperiments.count(carried.experimentId))
                carried.experimentId.clear();
            actions.push_back(std::move(carried));
        }
    }

    // Links of carried experiments: local when the target came along, else into the previous file.
    for (auto& e : next.experiments) {
        for (auto& link : e.links) {
            const bool local = link.sessionId.empty() || link.sessionId == previous.id;
            if (!local) continue; // already points into an older file
            const bool here = cards.count(link.targetId) > 0 || carriedActions.count(link.targetId) > 0;
            link.sessionId = here ? Id{} : previous.id;
        }
    }

    // Every id carried so far, so that new ids cannot collide with them.
    std::unordered_set<Id> used{previous.id};
    for (const auto& p : next.participants) used.insert(p.id);
    for (const auto& b : next.boards) {
        used.insert(b.id);
        for (const auto& c : b.columns) used.insert(c.id);
        for (const auto& l : b.lanes) used.insert(l.id);
        for (const auto& c : b.cards) {
            used.insert(c.id);
            for (const auto& ci : c.checklist) used.insert(ci.id);
        }
    }
    for (const auto& e : next.experiments) {
        used.insert(e.id);
        for (const auto& o : e.observations) used.insert(o.id);
    }
    for (const auto& a : actions) used.insert(a.id);
    FreshIds fresh(ids, std::move(used));
    next.id = fresh.next("session");

    if (!previous.retrospectives.empty()) {
        const Retrospective& last = previous.retrospectives.back();
        Retrospective retro;
        retro.id = fresh.next("retro");
        // Not the old title: it usually names the old sprint ("Retrospektive Sprint 2").
        retro.title = next.language == "en" ? "Retrospective" : "Retrospektive";
        retro.formatId = last.formatId;
        retro.phase = Phase::SetTheStage;
        for (const auto& p : last.prompts) retro.prompts.push_back(Prompt{fresh.next("prompt"), p.text});
        retro.voting = last.voting;
        retro.voting.open = false;
        retro.checkIn.question = last.checkIn.question;
        retro.roti.question = last.roti.question;
        retro.actions = std::move(actions);
        next.retrospectives.push_back(std::move(retro));
    }
    return next;
}

} // namespace lernraum::core
