#pragma once
// Helpers shared by the report_*_test.cpp files: golden files and small hand-built sessions.

#include "core/formats.hpp"
#include "core/model.hpp"
#include "store/assets_file.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace lernraum::report::test {

inline std::string fixturePath(const std::string& name) { return std::string(LERNRAUM_FIXTURES_DIR) + "/report/" + name; }

// The shipped retrospective formats, as `lernraum report` loads them (for the format names).
inline const core::RetroLibrary& shippedLibrary() {
    static const core::RetroLibrary library = store::loadRetroLibrary(std::string(LERNRAUM_SOURCE_DIR) + "/assets").library;
    return library;
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline bool updateGolden() {
    const char* v = std::getenv("LERNRAUM_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

// Compares `actual` with a golden file (rewritten instead when LERNRAUM_UPDATE_GOLDEN=1).
inline void checkGolden(const std::string& path, const std::string& actual) {
    if (updateGolden()) {
        std::ofstream(path, std::ios::binary) << actual;
        WARN("rewrote golden file " << path);
        return;
    }
    const std::string expected = readFile(path);
    INFO("golden file " << path << " (set LERNRAUM_UPDATE_GOLDEN=1 to rewrite after a deliberate change)");
    REQUIRE_FALSE(expected.empty());
    if (expected != actual) {
        std::size_t i = 0;
        while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) ++i;
        const std::size_t from = i > 80 ? i - 80 : 0;
        INFO("first difference at byte " << i << "\nexpected: " << expected.substr(from, 200) << "\nactual:   " << actual.substr(from, 200));
        CHECK(expected == actual);
    }
}

inline std::string lower(std::string s) {
    for (auto& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    // Lower-case German capitals (UTF-8): Ä Ö Ü -> ä ö ü.
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == '\xC3' && (s[i + 1] == '\x84' || s[i + 1] == '\x96' || s[i + 1] == '\x9C')) s[i + 1] = static_cast<char>(s[i + 1] + 0x20);
    }
    return s;
}

inline std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

// Lower case, umlauts transliterated (ä -> ae) or stripped (ä -> a).
inline std::string transliterated(const std::string& s) {
    return replaceAll(replaceAll(replaceAll(replaceAll(lower(s), "ä", "ae"), "ö", "oe"), "ü", "ue"), "ß", "ss");
}
inline std::string stripped(const std::string& s) {
    return replaceAll(replaceAll(replaceAll(replaceAll(lower(s), "ä", "a"), "ö", "o"), "ü", "u"), "ß", "ss");
}

inline core::Timestamp at(int y, int m, int d, int hour = 9) {
    return core::Timestamp{static_cast<std::int64_t>(core::Date{y, m, d}.daysSinceEpoch()) * 86400 + hour * 3600};
}

// A small complete session; texts are given by the caller so tests can plant payloads.
struct SessionTexts {
    std::string card = "Karte", item = "Beitrag", experiment = "Experiment", observation = "Beobachtung",
                action = "Maßnahme", group = "Gruppe", title = "Sitzung", goal = "Ziel";
};

inline core::Session makeSmallSession(const std::string& id, const SessionTexts& t, const std::array<int, 5>& roleCounts = {2, 6, 1, 1, 0}) {
    core::Session s;
    s.id = id;
    s.title = t.title;
    s.goal = t.goal;
    s.date = core::Date{2026, 11, 20};
    s.lernraum = "Lernraum Test";
    s.orgUnit = "Testamt";
    s.kind = core::SessionKind::Review;
    s.facilitator = "Mod Erator";
    s.researchConsent = true;
    s.nextReview = core::Date{2026, 12, 18};
    int n = 0;
    for (std::size_t r = 0; r < roleCounts.size(); ++r) {
        for (int i = 0; i < roleCounts[r]; ++i) {
            core::Participant p;
            p.id = id + "-p" + std::to_string(n++);
            p.role = static_cast<core::Role>(r);
            s.participants.push_back(p);
        }
    }
    core::AgendaItem a;
    a.id = id + "-ag1";
    a.title = "Check-in";
    a.timeboxMinutes = 10;
    a.usedSeconds = 720;
    a.done = true;
    s.agenda.push_back(a);

    core::Board b;
    b.id = id + "-b1";
    b.title = "Board";
    b.columns = {{id + "-c1", "Offen", core::ColumnKind::Todo, 0, core::WipMode::Soft},
                 {id + "-c2", "In Arbeit", core::ColumnKind::InProgress, 2, core::WipMode::Soft},
                 {id + "-c3", "Erledigt", core::ColumnKind::Done, 0, core::WipMode::Soft}};
    core::Card c;
    c.id = id + "-card1";
    c.title = t.card;
    c.description = t.card;
    c.columnId = id + "-c3";
    c.createdAt = at(2026, 11, 2);
    c.history = {{id + "-c1", at(2026, 11, 2)}, {id + "-c2", at(2026, 11, 4)}, {id + "-c3", at(2026, 11, 9)}};
    c.tags = {t.card};
    b.cards.push_back(c);
    s.boards.push_back(b);

    core::Retrospective r;
    r.id = id + "-r1";
    r.title = "Retro";
    r.formatId = "start-stop-continue";
    r.prompts = {{id + "-pr1", "Was lief gut?"}};
    r.groups = {{id + "-g1", t.group, 2}};
    core::RetroItem item;
    item.id = id + "-i1";
    item.promptId = id + "-pr1";
    item.text = t.item;
    item.groupId = id + "-g1";
    item.votes = 3;
    item.createdAt = at(2026, 11, 20, 10);
    r.items.push_back(item);
    core::Action act;
    act.id = id + "-a1";
    act.text = t.action;
    act.outcome = t.action;
    act.ownerRole = core::Role::Manager;
    act.due = core::Date{2026, 12, 1};
    act.sourceId = item.id;
    r.actions.push_back(act);
    r.roti.counts = {0, 1, 3, 4, 2};
    s.retrospectives.push_back(r);

    core::Experiment e;
    e.id = id + "-e1";
    e.title = t.experiment;
    e.hypothesis = t.experiment;
    e.method = t.experiment;
    e.measure = t.experiment;
    e.successCriterion = t.experiment;
    e.learning = t.experiment;
    e.transferRecommendation = t.experiment;
    e.status = core::ExperimentStatus::Running;
    e.ownerRole = core::Role::Employee;
    e.participantRoles = {core::Role::Employee, core::Role::Manager};
    e.startDate = core::Date{2026, 11, 1};
    e.observations = {{id + "-o1", core::Date{2026, 11, 10}, t.observation}};
    s.experiments.push_back(e);
    return s;
}

} // namespace lernraum::report::test
