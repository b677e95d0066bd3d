// Experiment log commands (Praxisexperimente) and the status rules.

#include "commands.hpp"

#include "commands_detail.hpp"
#include "text.hpp"

#include <unordered_set>

namespace lernraum::core {

using namespace detail;

std::vector<std::string> missingForStatus(const Experiment& e, ExperimentStatus status) {
    std::vector<std::string> missing;
    if (status == ExperimentStatus::Evaluated && e.result == ExperimentResult::None) missing.emplace_back("result");
    if (status == ExperimentStatus::Transferred) {
        if (e.decision == Decision::None) missing.emplace_back("decision");
        if (trim(e.transferRecommendation).empty()) missing.emplace_back("transfer recommendation");
    }
    return missing;
}

namespace {

std::optional<Refusal> statusRefusal(const Experiment& e) {
    const auto missing = missingForStatus(e, e.status);
    if (missing.empty()) return std::nullopt;
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    // One full sentence per case, so translations need no pieces.
    const char* pattern = "An evaluated experiment needs a result";
    if (e.status == ExperimentStatus::Transferred) {
        if (missing.size() == 2) pattern = "A transferred experiment needs a decision and a transfer recommendation";
        else if (missing.front() == "decision") pattern = "A transferred experiment needs a decision";
        else pattern = "A transferred experiment needs a transfer recommendation";
    }
    return refuse(refusal::ExperimentIncomplete, pattern, {std::string(toName(e.status)), list, e.title});
}

bool linkTargetExists(const Session& s, const Id& id) {
    for (const auto& b : s.boards)
        if (find(b.cards, id)) return true;
    for (const auto& r : s.retrospectives)
        if (find(r.items, id) || find(r.groups, id) || find(r.actions, id)) return true;
    return false;
}

// Everything validate() would check for one experiment; `old` is the stored version for updates.
std::optional<Refusal> checkExperiment(const Session& s, const Experiment& e, const Experiment* old) {
    if (auto r = checkText("experiment title", e.title, true)) return r;
    for (const auto* t : {&e.hypothesis, &e.method, &e.measure, &e.successCriterion, &e.learning, &e.transferRecommendation})
        if (auto r = checkText("experiment text", *t, false)) return r;
    if (e.ownerRole)
        if (auto r = checkEnum("owner role", *e.ownerRole)) return r;
    for (const auto role : e.participantRoles)
        if (auto r = checkEnum("participant role", role)) return r;
    if (auto r = checkDate("start date", e.startDate)) return r;
    if (auto r = checkDate("review date", e.reviewDate)) return r;
    if (auto r = checkEnum("status", e.status)) return r;
    if (auto r = checkEnum("result", e.result)) return r;
    if (auto r = checkEnum("evidence strength", e.evidence)) return r;
    if (auto r = checkEnum("decision", e.decision)) return r;
    if (e.observations.size() > kMaxListSize || e.links.size() > kMaxListSize || e.participantRoles.size() > kMaxListSize)
        return invalidValue("list size", "too long");
    std::unordered_set<Id> ids{e.id};
    for (const auto& o : e.observations) {
        if (auto r = checkText("observation", o.text, true)) return r;
        if (auto r = checkDate("observation date", o.date)) return r;
        if (!ids.insert(o.id).second) return refuse(refusal::DuplicateId, "The id '{1}' is already in use", {o.id});
        const bool existing = old && find(old->observations, o.id);
        if (!existing)
            if (auto r = checkNewId(s, o.id)) return r;
    }
    for (const auto& l : e.links) {
        if (auto r = checkText("link label", l.label, false)) return r;
        if (l.targetId.empty()) return invalidValue("link", "");
        if ((l.sessionId.empty() || l.sessionId == s.id) && !linkTargetExists(s, l.targetId))
            return notFound("link target", l.targetId);
    }
    // Status rules: never make an experiment break them; an old file that already breaks them can
    // still be edited as long as the status stays and nothing gets worse.
    if (auto r = statusRefusal(e)) {
        if (!old || old->status != e.status || missingForStatus(*old, old->status).size() < missingForStatus(e, e.status).size())
            return r;
    }
    return std::nullopt;
}

} // namespace

CommandResult addExperiment(const Session& s, Experiment experiment) {
    if (auto r = checkNewId(s, experiment.id)) return *r;
    if (experiment.originSessionId.empty()) experiment.originSessionId = s.id;
    if (auto r = checkExperiment(s, experiment, nullptr)) return *r;
    const Id id = experiment.id;
    return Change::single("Add experiment", absentSlot<Experiment>({}, id),
                          Slot<Experiment>{{}, id, std::move(experiment), s.experiments.size()});
}

CommandResult updateExperiment(const Session& s, const Experiment& experiment) {
    const auto i = indexOf(s.experiments, experiment.id);
    if (!i) return notFound("experiment", experiment.id);
    const Experiment& old = s.experiments[*i];
    if (auto r = checkExperiment(s, experiment, &old)) return *r;
    FieldChanges f;
    f.check("title", experiment.title != old.title);
    f.check("hypothesis", experiment.hypothesis != old.hypothesis);
    f.check("method", experiment.method != old.method);
    f.check("measure", experiment.measure != old.measure);
    f.check("successCriterion", experiment.successCriterion != old.successCriterion);
    f.check("ownerRole", experiment.ownerRole != old.ownerRole);
    f.check("participantRoles", experiment.participantRoles != old.participantRoles);
    f.check("startDate", experiment.startDate != old.startDate);
    f.check("reviewDate", experiment.reviewDate != old.reviewDate);
    f.check("status", experiment.status != old.status);
    f.check("observations", experiment.observations != old.observations);
    f.check("result", experiment.result != old.result);
    f.check("evidence", experiment.evidence != old.evidence);
    f.check("learning", experiment.learning != old.learning);
    f.check("decision", experiment.decision != old.decision);
    f.check("transferRecommendation", experiment.transferRecommendation != old.transferRecommendation);
    f.check("links", experiment.links != old.links);
    f.check("originSessionId", experiment.originSessionId != old.originSessionId);
    auto before = slotOf(s.experiments, {}, *i);
    auto after = before;
    after.value = experiment;
    return Change::single("Edit experiment", std::move(before), std::move(after), f.mergeKey("experiment/" + experiment.id));
}

CommandResult setExperimentStatus(const Session& s, const Id& experimentId, ExperimentStatus status) {
    const auto i = indexOf(s.experiments, experimentId);
    if (!i) return notFound("experiment", experimentId);
    if (auto r = checkEnum("status", status)) return *r;
    auto before = slotOf(s.experiments, {}, *i);
    auto after = before;
    after.value->status = status;
    if (auto r = statusRefusal(*after.value)) return *r;
    return Change::single("Change experiment status", std::move(before), std::move(after));
}

CommandResult removeExperiment(const Session& s, const Id& experimentId) {
    const auto i = indexOf(s.experiments, experimentId);
    if (!i) return notFound("experiment", experimentId);
    // Like removeRetroItem and deleteCard: refused while an action links the experiment (edit or
    // remove the action first). The experiment's own links go with it.
    if (auto r = stillReferenced(s, experimentId, s.experiments[*i].title)) return *r;
    return Change::single("Remove experiment", slotOf(s.experiments, {}, *i), absentSlot<Experiment>({}, experimentId));
}

CommandResult addObservation(const Session& s, const Id& experimentId, Observation observation) {
    const auto i = indexOf(s.experiments, experimentId);
    if (!i) return notFound("experiment", experimentId);
    if (auto r = checkNewId(s, observation.id)) return *r;
    if (auto r = checkText("observation", observation.text, true)) return *r;
    if (auto r = checkDate("observation date", observation.date)) return *r;
    auto before = slotOf(s.experiments, {}, *i);
    auto after = before;
    after.value->observations.push_back(std::move(observation));
    return Change::single("Add observation", std::move(before), std::move(after));
}

} // namespace lernraum::core
