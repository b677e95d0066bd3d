#pragma once
// What an experiment is linked to, seen from both sides, and how an experiment is made from a
// retrospective action. No ImGui here: the experiment view and other views (a "linked to
// experiments" marker on cards and actions) share these queries, and the UI tests check them.

#include "core/change.hpp"
#include "core/model.hpp"

#include <string>
#include <vector>

namespace lernraum::ui {

// One link of an experiment as the editor shows it.
struct LinkTarget {
    enum class Kind { Card, RetroItem, RetroGroup, Action, Unknown };
    Kind kind = Kind::Unknown;
    std::string text;     // the target's current text, or the link's label when it is not here
    bool earlier = false; // the target lives in an earlier workshop's file
    bool missing = false; // should be in this session but is not (a stale link)
};
LinkTarget describeLink(const core::Session& session, const core::Link& link);
const char* kindLabel(LinkTarget::Kind kind); // translated: "Karte", "Retro-Karte", ...

// The other direction: experiments whose links point at targetId (a card, retro item, group or
// action of this session) or, for an action, the experiment its experimentId names.
std::vector<const core::Experiment*> experimentsLinkedTo(const core::Session& session, const core::Id& targetId);
// Actions whose experimentId names the experiment.
std::vector<const core::Action*> actionsReferring(const core::Session& session, const core::Id& experimentId);

// What the experiment could still be linked to: the session's retrospective actions, visible retro
// cards and groups, and board cards that are not archived, minus what it already links to.
struct LinkCandidate {
    LinkTarget::Kind kind = LinkTarget::Kind::Unknown;
    core::Link link; // sessionId empty, label = the target's text
};
std::vector<LinkCandidate> linkCandidates(const core::Session& session, const core::Experiment& experiment);

// A new experiment in status "idea", started from nothing.
core::Experiment newExperiment(core::Id id, std::string title);

// A new experiment made from a retrospective action, as one undo step: the experiment (title =
// the action's text, owner role taken over, linked to the action and to the action's source item
// or group) and the action pointing back at it (Action::experimentId). Refused like the commands
// it is built from (e.g. "not-found" for an unknown action, "duplicate-id").
core::CommandResult experimentFromAction(const core::Session& session, const core::Id& retroId,
                                         const core::Id& actionId, const core::Id& experimentId);

} // namespace lernraum::ui
