// Formats and activity library: the shipped assets load and are complete; the parser reports
// broken files; applying a format and filling the agenda are single undo steps.

#include "core/formats.hpp"
#include "core/history.hpp"
#include "core/ids.hpp"
#include "core/validate.hpp"
#include "store/assets_file.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace lernraum;
using namespace lernraum::core;

namespace {

RetroLibrary shipped() {
    const auto load = store::loadRetroLibrary(std::filesystem::path(LERNRAUM_SOURCE_DIR) / "assets");
    for (const auto& e : load.errors) FAIL_CHECK(e);
    return load.library;
}

} // namespace

TEST_CASE("the shipped formats and activities load without problems, in German and English", "[retro][formats]") {
    const RetroLibrary lib = shipped();
    for (const char* id : {"start-stop-continue", "mad-sad-glad", "4ls", "sailboat", "starfish", "gut-verbessern-ausprobieren"}) {
        INFO(id);
        REQUIRE(lib.format(id) != nullptr);
        CHECK(lib.format(id)->prompts.size() >= 3);
    }
    CHECK(lib.format("gut-verbessern-ausprobieren")->prompts[0].in("de") == "Was lief gut?");
    CHECK(lib.format("4ls")->prompts.size() == 4);
    CHECK(lib.format("starfish")->prompts.size() == 5);
    CHECK(lib.activities.size() >= 15);
    std::set<Phase> phases;
    for (const auto& a : lib.activities) phases.insert(a.phase);
    CHECK(phases.size() == 5); // every phase has activities
    CHECK(suggestedPlan(lib).size() == 5);
    CHECK(checkLibrary(lib).empty());
}

TEST_CASE("broken asset files are reported with the file name, not half-read", "[retro][formats]") {
    std::string error;
    CHECK_FALSE(store::parseRetroFormat("{", "x.json", error));
    CHECK(error.rfind("x.json: error: not valid JSON", 0) == 0);
    CHECK_FALSE(store::parseRetroFormat(R"({"id":"a","name":{"de":"A"},"description":{"de":"","en":""},"prompts":[]})",
                                        "y.json", error));
    CHECK(error == "y.json: error: missing 'en'");
    CHECK_FALSE(store::parseActivities(R"({"activities":[{"id":"a","phase":"lunch","minutes":5,"people":{"min":1,"max":0},
        "title":{"de":"A","en":"A"},"description":{"de":"A","en":"A"}}]})", "z.json", error));
    CHECK(error == "z.json: error: activity 'a': unknown phase 'lunch'");
    CHECK_FALSE(store::parseActivities(std::string(300000, '['), "deep.json", error)); // no stack overflow

    RetroLibrary lib;
    lib.activities.push_back(Activity{"a", Phase::Close, 0, 1, 0, {"A", "A"}, {"B", ""}});
    const auto problems = checkLibrary(lib);
    CHECK(problems.size() == 2);
}

TEST_CASE("the asset search path has the source tree as its last fallback", "[retro][formats]") {
    const auto dirs = store::assetSearchPath("/opt/x/bin");
    REQUIRE(dirs.size() >= 3);
    CHECK(std::find(dirs.begin(), dirs.end(), std::filesystem::path("/opt/x/share/lernraum/assets")) != dirs.end());
    const auto found = store::findRetroLibrary("/nonexistent");
    CHECK(found.errors.empty());
    CHECK(found.library.formats.size() >= 6);
}

TEST_CASE("choosing a format replaces unused prompts and keeps prompts that hold cards", "[retro][formats]") {
    const RetroLibrary lib = shipped();
    Session s;
    s.id = "session-1";
    s.title = "Test";
    Retrospective r;
    r.id = "retro-1";
    r.prompts = {Prompt{"prompt-used", "Was lief gut?"}, Prompt{"prompt-empty", "Leer"}};
    r.items = {RetroItem{"item-1", "prompt-used", "Karte", "", true, "", 0, Timestamp{1}}};
    s.retrospectives.push_back(r);
    IdGenerator ids(7);
    History h;
    const auto result = applyFormat(s, "retro-1", *lib.format("gut-verbessern-ausprobieren"), "de", ids);
    REQUIRE(result.ok());
    const Session before = s;
    REQUIRE(h.apply(s, result));
    const auto& prompts = s.retrospectives[0].prompts;
    REQUIRE(prompts.size() == 3); // "Was lief gut?" kept once (with its card), two new
    CHECK(prompts[0].id == "prompt-used");
    CHECK(prompts[1].text == "Was können wir verbessern?");
    CHECK(s.retrospectives[0].formatId == "gut-verbessern-ausprobieren");
    CHECK(validate(s).empty());
    h.undo(s);
    CHECK(s == before);

    REQUIRE(h.apply(s, applyFormat(s, "retro-1", *lib.format("start-stop-continue"), "en", ids)));
    CHECK(s.retrospectives[0].prompts.size() == 4);
    CHECK(s.retrospectives[0].prompts[1].text == "What should we start doing?");
    REQUIRE(h.apply(s, addPrompt(s, "retro-1", "prompt-custom", "Wofür sind wir dankbar?")));
    CHECK(s.retrospectives[0].prompts.back().text == "Wofür sind wir dankbar?");
    CHECK(addPrompt(s, "retro-1", "prompt-x", "").refusal().code == refusal::EmptyText);
}

TEST_CASE("one click fills the agenda from the activity library, totals add up", "[retro][agenda]") {
    const RetroLibrary lib = shipped();
    Session s;
    s.id = "session-1";
    s.title = "Test";
    s.agenda = {AgendaItem{"agenda-0", "Begrüßung", "", Phase::SetTheStage, 5, 90, true, ""}};
    IdGenerator ids(3);
    History h;
    const auto plan = suggestedPlan(lib);
    REQUIRE(h.apply(s, addActivitiesToAgenda(s, plan, "de", ids)));
    REQUIRE(s.agenda.size() == 6);
    CHECK(h.undoCount() == 1);
    for (std::size_t i = 1; i < 6; ++i) {
        CHECK(s.agenda[i].phase == static_cast<Phase>(i - 1));
        CHECK(s.agenda[i].activityId == plan[i - 1]->id);
        CHECK(s.agenda[i].title == plan[i - 1]->title.de);
    }
    CHECK(validate(s).empty());
    const auto totals = agendaTotals(s);
    int planned = 5;
    for (const auto* a : plan) planned += a->minutes;
    CHECK(totals.plannedMinutes == planned);
    CHECK(totals.usedSeconds == 90);
    CHECK(totals.doneCount == 1);
    CHECK(currentAgendaItem(s) == &s.agenda[1]);
}
