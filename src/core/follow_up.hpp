#pragma once
// Follow-up sessions: the next workshop's file made from the current one ("lernraum follow-up",
// File > New follow-up session). Open work is carried forward, finished work stays in the previous
// file, and the new file links back to it by id, so a chain of files can be reported as a series.
//
// What is carried (the new file passes validate()):
// - Header: new id, previousSessionId = previous.id, same lernraum, organisation unit, language and
//   facilitator. Title, date and kind come from the options (defaults below). The workshop goal,
//   the agenda and nextReview are per workshop and start empty.
// - Research consent is NOT carried: under the GDPR (DSGVO) consent is given by the people in the
//   room for one workshop's data; the next workshop may have other people or someone who withdrew.
//   It starts false and has to be recorded again.
// - Participants: carried with the same ids, roles, names and departments (the file stays on the
//   facilitator's machine; names never leave it through the research export). Remove people who
//   do not come.
// - Boards: carried with the same ids for boards, columns, lanes and cards; cards in a Done-kind
//   column are archived (hidden from the board, still in the file with their column history, so
//   lead and cycle times stay reportable). Already archived cards stay archived.
// - Experiments: open ones (idea, planned, running) keep their id, observations, links and
//   originSessionId: identity across files is what lets a series be reported. Ideas are carried
//   too: they are the team's backlog of experiments, nothing about them is finished, and dropping
//   them silently would lose them (FollowUpOptions::carryIdeas = false leaves them behind).
//   Evaluated, transferred and stopped experiments are finished and stay in the previous file.
// - Links: a link of a carried experiment whose target is in the new file (a card, a carried
//   action) stays local (sessionId empty); a link to something left behind (a retrospective item,
//   a group, a finished action) gets sessionId = previous.id. Links that already pointed to an
//   older file are kept unchanged.
// - Retrospective: one fresh retrospective with the format, prompts, scale questions and voting
//   rules of the previous session's last retrospective, new ids, no items, groups, votes or
//   answers, phase "set the stage", voting closed, titled "Retrospektive" / "Retrospective" (the
//   old title often names the old sprint). Open actions (open / in progress) of every
//   previous retrospective are listed in it for review: same id, text, owner role, due date,
//   status and outcome, carriedFromSessionId = previous.id; their card and experiment links are
//   kept when the target was carried and cleared otherwise; the source item is cleared (it stays
//   in the previous file). Without a retrospective in the previous session there is none in the
//   new one.

#include "ids.hpp"
#include "model.hpp"

#include <optional>
#include <string>

namespace lernraum::core {

struct FollowUpOptions {
    Date date;                       // of the new workshop; unset = previous.nextReview (may be unset too)
    std::string title;               // empty = defaultFollowUpTitle(previous, kind)
    std::optional<SessionKind> kind; // empty = nextSessionKind(previous.kind)
    bool carryIdeas = true;          // carry experiments in status "idea"
};

// The next workshop in the Lernraum lifecycle: a kick-off is followed by the first planning
// session, each sprint's planning by its review and each review by the next sprint's planning.
// After the evaluation (the end of a Lernraum) and after "other" comes "other".
SessionKind nextSessionKind(SessionKind previous);

// "<Lernraum> – Planungssitzung" (German) or "<Lernraum> – Planning session" (language "en");
// just the kind's name when the Lernraum has no name.
std::string defaultFollowUpTitle(const Session& previous, SessionKind kind);

// True when makeFollowUp() carries this experiment into the next workshop.
bool isCarriedForward(const Experiment& e, const FollowUpOptions& options = {});
// True when makeFollowUp() lists this action for review in the next workshop (open / in progress).
bool isCarriedForward(const Action& a);

// The next workshop's session (see the header comment). New ids come from `ids`; they never
// collide with a carried id.
Session makeFollowUp(const Session& previous, const FollowUpOptions& options, IdGenerator& ids);

} // namespace lernraum::core
