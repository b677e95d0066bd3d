#pragma once
// cereal serialization of the core model (schema version 1). Internal to lernraum_store: include it
// only from session_file.cpp, which includes <cereal/archives/json.hpp> first (see there why).
//
// Every type carries CEREAL_CLASS_VERSION. A serialize function that is handed a class version newer
// than it knows throws NewerClassVersion, so a file from a newer app is refused, never half-read.
// Enums, dates and timestamps are written as readable strings ("staff_council", "2026-11-22",
// "2026-11-22T10:00:00Z"); an unknown value throws UnknownValue.

#include "core/model.hpp"

#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace lernraum::store {

struct NewerClassVersion : std::runtime_error {
    NewerClassVersion(const std::string& type, std::uint32_t version, std::uint32_t known)
        : std::runtime_error("'" + type + "' has class version " + std::to_string(version) + ", this version of Lernraum reads up to " +
                             std::to_string(known)) {}
};

struct UnknownValue : std::runtime_error {
    using std::runtime_error::runtime_error;
};

namespace detail {

inline void checkVersion(const char* type, std::uint32_t version, std::uint32_t known) {
    if (version > known) throw NewerClassVersion(type, version, known);
}

template <class Archive> constexpr bool isLoading() { return Archive::is_loading::value; }

// An enum as its machine name.
template <class Archive, typename E> void enumField(Archive& ar, const char* name, E& value) {
    std::string text;
    if constexpr (!isLoading<Archive>()) text = std::string(core::toName(value));
    ar(cereal::make_nvp(name, text));
    if constexpr (isLoading<Archive>()) {
        const auto parsed = core::parseEnum<E>(text);
        if (!parsed) throw UnknownValue(std::string("unknown value '") + text.substr(0, 60) + "' for '" + name + "'");
        value = *parsed;
    }
}

// An optional enum: "" when not set.
template <class Archive, typename E> void optionalEnumField(Archive& ar, const char* name, std::optional<E>& value) {
    std::string text;
    if constexpr (!isLoading<Archive>()) text = value ? std::string(core::toName(*value)) : std::string();
    ar(cereal::make_nvp(name, text));
    if constexpr (isLoading<Archive>()) {
        if (text.empty()) {
            value.reset();
            return;
        }
        const auto parsed = core::parseEnum<E>(text);
        if (!parsed) throw UnknownValue(std::string("unknown value '") + text.substr(0, 60) + "' for '" + name + "'");
        value = *parsed;
    }
}

template <class Archive> void dateField(Archive& ar, const char* name, core::Date& value) {
    std::string text;
    if constexpr (!isLoading<Archive>()) text = value.toString();
    ar(cereal::make_nvp(name, text));
    if constexpr (isLoading<Archive>()) {
        const auto parsed = core::Date::parse(text);
        if (!parsed) throw UnknownValue(std::string("'") + name + "' is not a date (YYYY-MM-DD): '" + text.substr(0, 40) + "'");
        value = *parsed;
    }
}

template <class Archive> void timestampField(Archive& ar, const char* name, core::Timestamp& value) {
    if constexpr (!isLoading<Archive>()) {
        // A third of saving used to be formatting timestamps: no snprintf, no allocation per field.
        thread_local std::string text(core::Timestamp::kTextBytes, '\0');
        text.resize(core::Timestamp::kTextBytes);
        text.resize(value.writeText(text.data()));
        ar(cereal::make_nvp(name, text));
        return;
    }
    std::string text;
    ar(cereal::make_nvp(name, text));
    if constexpr (isLoading<Archive>()) {
        const auto parsed = core::Timestamp::parse(text);
        if (!parsed)
            throw UnknownValue(std::string("'") + name + "' is not a UTC time (YYYY-MM-DDTHH:MM:SSZ): '" + text.substr(0, 40) + "'");
        value = *parsed;
    }
}

// A list of enums as a list of names.
template <class Archive, typename E> void enumListField(Archive& ar, const char* name, std::vector<E>& values) {
    std::vector<std::string> texts;
    if constexpr (!isLoading<Archive>()) {
        texts.reserve(values.size());
        for (const auto v : values) texts.emplace_back(core::toName(v));
    }
    ar(cereal::make_nvp(name, texts));
    if constexpr (isLoading<Archive>()) {
        values.clear();
        values.reserve(texts.size());
        for (const auto& t : texts) {
            const auto parsed = core::parseEnum<E>(t);
            if (!parsed) throw UnknownValue(std::string("unknown value '") + t.substr(0, 60) + "' in '" + name + "'");
            values.push_back(*parsed);
        }
    }
}

} // namespace detail
} // namespace lernraum::store

// Class versions: bump the number and read the old layout when `version` is smaller.
CEREAL_CLASS_VERSION(lernraum::core::Participant, 1);
CEREAL_CLASS_VERSION(lernraum::core::AgendaItem, 1);
CEREAL_CLASS_VERSION(lernraum::core::Column, 1);
CEREAL_CLASS_VERSION(lernraum::core::Lane, 1);
CEREAL_CLASS_VERSION(lernraum::core::ChecklistItem, 1);
CEREAL_CLASS_VERSION(lernraum::core::ColumnVisit, 1);
CEREAL_CLASS_VERSION(lernraum::core::Card, 1);
CEREAL_CLASS_VERSION(lernraum::core::Board, 1);
CEREAL_CLASS_VERSION(lernraum::core::Prompt, 1);
CEREAL_CLASS_VERSION(lernraum::core::RetroItem, 1);
CEREAL_CLASS_VERSION(lernraum::core::RetroGroup, 1);
CEREAL_CLASS_VERSION(lernraum::core::Action, 1);
CEREAL_CLASS_VERSION(lernraum::core::VotingSettings, 1);
CEREAL_CLASS_VERSION(lernraum::core::ScaleQuestion, 1);
CEREAL_CLASS_VERSION(lernraum::core::Retrospective, 1);
CEREAL_CLASS_VERSION(lernraum::core::Observation, 1);
CEREAL_CLASS_VERSION(lernraum::core::Link, 1);
CEREAL_CLASS_VERSION(lernraum::core::Experiment, 1);
CEREAL_CLASS_VERSION(lernraum::core::Session, 2); // 2: start_time

namespace lernraum::core {

using cereal::make_nvp;
using store::detail::checkVersion;
using store::detail::dateField;
using store::detail::enumField;
using store::detail::enumListField;
using store::detail::optionalEnumField;
using store::detail::timestampField;

template <class Archive> void serialize(Archive& ar, Participant& p, std::uint32_t version) {
    checkVersion("Participant", version, 1);
    ar(make_nvp("id", p.id), make_nvp("display_name", p.displayName));
    enumField(ar, "role", p.role);
    ar(make_nvp("department", p.department));
}

template <class Archive> void serialize(Archive& ar, AgendaItem& a, std::uint32_t version) {
    checkVersion("AgendaItem", version, 1);
    ar(make_nvp("id", a.id), make_nvp("title", a.title), make_nvp("description", a.description));
    enumField(ar, "phase", a.phase);
    ar(make_nvp("timebox_minutes", a.timeboxMinutes), make_nvp("used_seconds", a.usedSeconds), make_nvp("done", a.done),
       make_nvp("activity_id", a.activityId));
}

template <class Archive> void serialize(Archive& ar, Column& c, std::uint32_t version) {
    checkVersion("Column", version, 1);
    ar(make_nvp("id", c.id), make_nvp("title", c.title));
    enumField(ar, "kind", c.kind);
    ar(make_nvp("wip_limit", c.wipLimit));
    enumField(ar, "wip_mode", c.wipMode);
}

template <class Archive> void serialize(Archive& ar, Lane& l, std::uint32_t version) {
    checkVersion("Lane", version, 1);
    ar(make_nvp("id", l.id), make_nvp("title", l.title));
}

template <class Archive> void serialize(Archive& ar, ChecklistItem& c, std::uint32_t version) {
    checkVersion("ChecklistItem", version, 1);
    ar(make_nvp("id", c.id), make_nvp("text", c.text), make_nvp("done", c.done));
}

template <class Archive> void serialize(Archive& ar, ColumnVisit& v, std::uint32_t version) {
    checkVersion("ColumnVisit", version, 1);
    ar(make_nvp("column", v.columnId));
    timestampField(ar, "entered_at", v.enteredAt);
}

template <class Archive> void serialize(Archive& ar, Card& c, std::uint32_t version) {
    checkVersion("Card", version, 1);
    ar(make_nvp("id", c.id), make_nvp("title", c.title), make_nvp("description", c.description));
    optionalEnumField(ar, "owner_role", c.ownerRole);
    ar(make_nvp("tags", c.tags));
    enumField(ar, "colour", c.colour);
    dateField(ar, "due", c.due);
    ar(make_nvp("checklist", c.checklist), make_nvp("column", c.columnId), make_nvp("lane", c.laneId),
       make_nvp("archived", c.archived));
    timestampField(ar, "created_at", c.createdAt);
    ar(make_nvp("history", c.history));
}

template <class Archive> void serialize(Archive& ar, Board& b, std::uint32_t version) {
    checkVersion("Board", version, 1);
    ar(make_nvp("id", b.id), make_nvp("title", b.title), make_nvp("columns", b.columns), make_nvp("lanes", b.lanes),
       make_nvp("cards", b.cards));
}

template <class Archive> void serialize(Archive& ar, Prompt& p, std::uint32_t version) {
    checkVersion("Prompt", version, 1);
    ar(make_nvp("id", p.id), make_nvp("text", p.text));
}

template <class Archive> void serialize(Archive& ar, RetroItem& i, std::uint32_t version) {
    checkVersion("RetroItem", version, 1);
    ar(make_nvp("id", i.id), make_nvp("prompt", i.promptId), make_nvp("text", i.text), make_nvp("author", i.authorId),
       make_nvp("hidden", i.hidden), make_nvp("group", i.groupId), make_nvp("votes", i.votes));
    timestampField(ar, "created_at", i.createdAt);
}

template <class Archive> void serialize(Archive& ar, RetroGroup& g, std::uint32_t version) {
    checkVersion("RetroGroup", version, 1);
    ar(make_nvp("id", g.id), make_nvp("title", g.title), make_nvp("votes", g.votes));
}

template <class Archive> void serialize(Archive& ar, Action& a, std::uint32_t version) {
    checkVersion("Action", version, 1);
    ar(make_nvp("id", a.id), make_nvp("text", a.text));
    optionalEnumField(ar, "owner_role", a.ownerRole);
    dateField(ar, "due", a.due);
    enumField(ar, "status", a.status);
    ar(make_nvp("source", a.sourceId), make_nvp("card", a.cardId), make_nvp("experiment", a.experimentId),
       make_nvp("carried_from_session", a.carriedFromSessionId), make_nvp("outcome", a.outcome));
}

template <class Archive> void serialize(Archive& ar, VotingSettings& v, std::uint32_t version) {
    checkVersion("VotingSettings", version, 1);
    ar(make_nvp("budget_per_participant", v.budgetPerParticipant), make_nvp("per_item_limit", v.perItemLimit),
       make_nvp("hidden_until_closed", v.hiddenUntilClosed), make_nvp("open", v.open));
}

template <class Archive> void serialize(Archive& ar, ScaleQuestion& q, std::uint32_t version) {
    checkVersion("ScaleQuestion", version, 1);
    ar(make_nvp("question", q.question));
    // A JSON array of exactly five counts (cereal would write std::array as {"value0": ...}).
    std::vector<int> counts(q.counts.begin(), q.counts.end());
    ar(make_nvp("counts", counts));
    if constexpr (store::detail::isLoading<Archive>()) {
        if (counts.size() != q.counts.size()) throw cereal::Exception("'counts' must have exactly 5 entries");
        std::copy(counts.begin(), counts.end(), q.counts.begin());
    }
}

template <class Archive> void serialize(Archive& ar, Retrospective& r, std::uint32_t version) {
    checkVersion("Retrospective", version, 1);
    ar(make_nvp("id", r.id), make_nvp("title", r.title), make_nvp("format", r.formatId));
    enumField(ar, "phase", r.phase);
    ar(make_nvp("prompts", r.prompts), make_nvp("items", r.items), make_nvp("groups", r.groups),
       make_nvp("actions", r.actions), make_nvp("voting", r.voting), make_nvp("check_in", r.checkIn),
       make_nvp("roti", r.roti));
}

template <class Archive> void serialize(Archive& ar, Observation& o, std::uint32_t version) {
    checkVersion("Observation", version, 1);
    ar(make_nvp("id", o.id));
    dateField(ar, "date", o.date);
    ar(make_nvp("text", o.text));
}

template <class Archive> void serialize(Archive& ar, Link& l, std::uint32_t version) {
    checkVersion("Link", version, 1);
    ar(make_nvp("target", l.targetId), make_nvp("session", l.sessionId), make_nvp("label", l.label));
}

template <class Archive> void serialize(Archive& ar, Experiment& e, std::uint32_t version) {
    checkVersion("Experiment", version, 1);
    ar(make_nvp("id", e.id), make_nvp("title", e.title), make_nvp("hypothesis", e.hypothesis), make_nvp("method", e.method),
       make_nvp("measure", e.measure), make_nvp("success_criterion", e.successCriterion));
    optionalEnumField(ar, "owner_role", e.ownerRole);
    enumListField(ar, "participant_roles", e.participantRoles);
    dateField(ar, "start", e.startDate);
    dateField(ar, "review", e.reviewDate);
    enumField(ar, "status", e.status);
    ar(make_nvp("observations", e.observations));
    enumField(ar, "result", e.result);
    enumField(ar, "evidence", e.evidence);
    ar(make_nvp("learning", e.learning));
    enumField(ar, "decision", e.decision);
    ar(make_nvp("transfer_recommendation", e.transferRecommendation), make_nvp("links", e.links),
       make_nvp("origin_session", e.originSessionId));
}

template <class Archive> void serialize(Archive& ar, Session& s, std::uint32_t version) {
    checkVersion("Session", version, 2);
    ar(make_nvp("id", s.id), make_nvp("title", s.title));
    dateField(ar, "date", s.date);
    ar(make_nvp("lernraum", s.lernraum), make_nvp("org_unit", s.orgUnit));
    enumField(ar, "kind", s.kind);
    ar(make_nvp("language", s.language), make_nvp("facilitator", s.facilitator), make_nvp("goal", s.goal),
       make_nvp("research_consent", s.researchConsent), make_nvp("previous_session", s.previousSessionId));
    dateField(ar, "next_review", s.nextReview);
    if (version >= 2) ar(make_nvp("start_time", s.startTime)); // version 1 files have none: ""
    ar(make_nvp("participants", s.participants), make_nvp("agenda", s.agenda), make_nvp("boards", s.boards),
       make_nvp("retrospectives", s.retrospectives), make_nvp("experiments", s.experiments));
}

} // namespace lernraum::core
