// Every undo label a core command can produce is in one of the lists the translation catalogue is
// checked against (commandLabels(), retroRuleTexts(), formatTexts()); tests/ui/i18n_test.cpp then
// checks that each listed text has a German translation. A label missing from the lists would
// show up in English in the German Edit menu without any test noticing.

#include "core/board_csv.hpp"
#include "core/commands.hpp"
#include "core/formats.hpp"
#include "core/ids.hpp"
#include "core/retro_rules.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

using namespace lernraum::core;
namespace fs = std::filesystem;

namespace {

bool listedAnywhere(std::string_view text) {
    for (auto list : {commandLabels(), retroRuleTexts(), formatTexts()})
        if (std::find(list.begin(), list.end(), text) != list.end()) return true;
    return false;
}

// The English label literals of src/core/*.cpp: string literals on lines that set a change's
// label (`label = "…"`, `label = cond ? "…" : "…"`), build one (`Change::single("…", …)`) or pass
// one to an edit helper (`editBoardFrame(s, id, "…", …)`, `changePhase(s, retro, phase, "…")`). Only texts that start with a capital
// letter (labels), not merge keys ("card/…") or refusal patterns ("{1} …").
std::set<std::string> labelLiterals() {
    static const std::regex labelLine(R"re(\blabel = (?:[^;"]*\? *)?"|Change::single\(|\b(?:edit|change)[A-Z]\w*\(s,)re");
    static const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
    static const std::regex labelText(R"re(^[A-Z][^/{}"]*$)re");
    std::set<std::string> found;
    for (const auto& entry : fs::directory_iterator(fs::path(LERNRAUM_SOURCE_DIR) / "src/core")) {
        if (entry.path().extension() != ".cpp") continue;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            if (!std::regex_search(line, labelLine)) continue;
            for (std::sregex_iterator it(line.begin(), line.end(), literal), end; it != end; ++it) {
                const std::string text = (*it)[1];
                if (std::regex_match(text, labelText)) found.insert(text);
            }
        }
    }
    return found;
}

} // namespace

TEST_CASE("every undo label in src/core is listed for translation", "[core][commands][i18n]") {
    const auto labels = labelLiterals();
    // The scan finds labels of each kind of line.
    REQUIRE(labels.size() > 50);
    REQUIRE(labels.count("Add card") == 1);        // Change::single("…")
    REQUIRE(labels.count("Rename board") == 1);    // editBoardFrame(s, id, "…")
    REQUIRE(labels.count("Group cards") == 1);     // c.label = "…"
    REQUIRE(labels.count("Import cards") == 1);    // combined.label = "…"
    REQUIRE(labels.count("Next phase") == 1);      // changePhase(s, …, cond ? "…" : "…")
    REQUIRE(labels.count("Reset dots") == 1);      // c.label = "…"
    std::string missing;
    for (const auto& label : labels)
        if (!listedAnywhere(label)) missing += "\"" + label + "\",\n";
    INFO("labels missing from commandLabels() (src/core/commands_messages.cpp):\n" << missing);
    CHECK(missing.empty());
}

TEST_CASE("the CSV import's undo label is listed for translation", "[core][board][csv][i18n]") {
    Session s;
    s.id = "session-1";
    s.title = "Import";
    Board b;
    b.id = "board-1";
    b.title = "Board";
    b.columns = {Column{"col-1", "Offen", ColumnKind::Todo, 0, WipMode::Soft}};
    s.boards.push_back(b);
    const CardImport in = parseCardsCsv(s.boards[0], "title,column\nNeue Karte,Offen\n");
    REQUIRE(in.cards.size() == 1);
    IdGenerator ids(7);
    const auto result = importCards(s, "board-1", in.cards, ids, Timestamp{1'700'000'000});
    REQUIRE(result);
    CHECK(result.change().label == "Import cards");
    const auto labels = commandLabels();
    CHECK(std::find(labels.begin(), labels.end(), result.change().label) != labels.end());
}
