#include "ui/experiment_links.hpp"

#include "core/commands.hpp"
#include "ui/i18n.hpp"

#include <algorithm>
#include <exception>

namespace lernraum::ui {

LinkTarget describeLink(const core::Session& session, const core::Link& link) {
    LinkTarget t;
    t.text = link.label;
    if (!link.sessionId.empty() && link.sessionId != session.id) {
        t.earlier = true;
        return t;
    }
    for (const auto& board : session.boards) {
        for (const auto& card : board.cards) {
            if (card.id == link.targetId) return {LinkTarget::Kind::Card, card.title, false, false};
        }
    }
    for (const auto& retro : session.retrospectives) {
        for (const auto& item : retro.items) {
            if (item.id == link.targetId) return {LinkTarget::Kind::RetroItem, item.text, false, false};
        }
        for (const auto& group : retro.groups) {
            if (group.id == link.targetId) return {LinkTarget::Kind::RetroGroup, group.title, false, false};
        }
        for (const auto& action : retro.actions) {
            if (action.id == link.targetId) return {LinkTarget::Kind::Action, action.text, false, false};
        }
    }
    t.missing = true;
    return t;
}

const char* kindLabel(LinkTarget::Kind kind) {
    switch (kind) {
    case LinkTarget::Kind::Card: return _("Board card");
    case LinkTarget::Kind::RetroItem: return _("Retro card");
    case LinkTarget::Kind::RetroGroup: return _("Retro group");
    case LinkTarget::Kind::Action: return _("Action");
    case LinkTarget::Kind::Unknown: break;
    }
    return _("Earlier workshop");
}

std::vector<const core::Experiment*> experimentsLinkedTo(const core::Session& session, const core::Id& targetId) {
    std::vector<const core::Experiment*> found;
    for (const auto& e : session.experiments) {
        const bool links = std::any_of(e.links.begin(), e.links.end(), [&](const core::Link& l) {
            return l.targetId == targetId && (l.sessionId.empty() || l.sessionId == session.id);
        });
        bool named = false;
        for (const auto& retro : session.retrospectives) {
            for (const auto& action : retro.actions) named = named || (action.id == targetId && action.experimentId == e.id);
        }
        if (links || named) found.push_back(&e);
    }
    return found;
}

std::vector<const core::Action*> actionsReferring(const core::Session& session, const core::Id& experimentId) {
    std::vector<const core::Action*> found;
    for (const auto& retro : session.retrospectives) {
        for (const auto& action : retro.actions) {
            if (action.experimentId == experimentId) found.push_back(&action);
        }
    }
    return found;
}

std::vector<LinkCandidate> linkCandidates(const core::Session& session, const core::Experiment& experiment) {
    std::vector<LinkCandidate> found;
    auto add = [&](LinkTarget::Kind kind, const core::Id& id, const std::string& text) {
        const bool linked = std::any_of(experiment.links.begin(), experiment.links.end(), [&](const core::Link& l) {
            return l.targetId == id && (l.sessionId.empty() || l.sessionId == session.id);
        });
        if (!linked) found.push_back({kind, core::Link{id, {}, text}});
    };
    for (const auto& retro : session.retrospectives) {
        for (const auto& action : retro.actions) add(LinkTarget::Kind::Action, action.id, action.text);
        for (const auto& group : retro.groups) add(LinkTarget::Kind::RetroGroup, group.id, group.title);
        for (const auto& item : retro.items) {
            if (!item.hidden) add(LinkTarget::Kind::RetroItem, item.id, item.text);
        }
    }
    for (const auto& board : session.boards) {
        for (const auto& card : board.cards) {
            if (!card.archived) add(LinkTarget::Kind::Card, card.id, card.title);
        }
    }
    return found;
}

core::Experiment newExperiment(core::Id id, std::string title) {
    core::Experiment e;
    e.id = std::move(id);
    e.title = std::move(title);
    e.status = core::ExperimentStatus::Idea;
    return e;
}

core::CommandResult experimentFromAction(const core::Session& session, const core::Id& retroId,
                                         const core::Id& actionId, const core::Id& experimentId) {
    const core::Action* action = nullptr;
    for (const auto& retro : session.retrospectives) {
        if (retro.id != retroId) continue;
        for (const auto& a : retro.actions) {
            if (a.id == actionId) action = &a;
        }
    }
    if (!action) {
        return core::Refusal{std::string(core::refusal::NotFound), "{1} '{2}' does not exist",
                             {"action", actionId}, 1U};
    }
    core::Experiment e = newExperiment(experimentId, action->text);
    e.ownerRole = action->ownerRole;
    e.links.push_back(core::Link{action->id, {}, action->text});
    if (!action->sourceId.empty()) {
        core::Link source{action->sourceId, {}, {}};
        source.label = describeLink(session, source).text;
        if (!describeLink(session, source).missing) e.links.push_back(std::move(source));
    }
    auto added = core::addExperiment(session, std::move(e));
    if (!added) return added;
    // The action's back reference needs the experiment to exist: compute it on a copy that has it.
    core::Session withExperiment = session;
    try {
        core::applyAfter(withExperiment, added.change());
    } catch (const std::exception& error) {
        return core::Refusal{"internal", error.what(), {}, 0};
    }
    core::Action linked = *action;
    linked.experimentId = experimentId;
    auto pointed = core::updateAction(withExperiment, retroId, linked);
    if (!pointed) return pointed;
    core::Change change = added.change();
    for (auto& step : pointed.change().steps) change.steps.push_back(std::move(step));
    return change;
}

} // namespace lernraum::ui
