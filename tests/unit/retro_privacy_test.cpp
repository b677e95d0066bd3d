// Anonymous retrospective items: the saved session file holds no author and no voter identity.

#include "core/demo.hpp"
#include "core/history.hpp"
#include "core/retro_rules.hpp"
#include "store/session_file.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace lernraum;
using namespace lernraum::core;

namespace {

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
    return n;
}

} // namespace

TEST_CASE("anonymous hidden items and votes write no author or voter identity to the file", "[retro][privacy]") {
    Session s;
    s.id = "session-privacy";
    s.title = "Test";
    s.participants = {Participant{"part-boss", "Dr. Chefin Beispiel", Role::Manager, "Amtsleitung"},
                      Participant{"part-emp", "Kim Mitarbeit", Role::Employee, "Sachgebiet 2"}};
    Retrospective r;
    r.id = "retro-1";
    r.prompts = {Prompt{"prompt-1", "Was können wir verbessern?"}};
    r.voting = VotingSettings{3, 0, true, true};
    s.retrospectives.push_back(r);
    History h;
    // Written hidden and anonymous (the default: no author argument), revealed, voted on.
    REQUIRE(h.apply(s, addRetroItem(s, "retro-1", "item-1", "prompt-1", "Die Leitung hört nicht zu", Timestamp{1'795'000'000}, true)));
    REQUIRE(h.apply(s, addRetroItem(s, "retro-1", "item-2", "prompt-1", "Zu viele Termine", Timestamp{1'795'000'010}, true)));
    REQUIRE(h.apply(s, revealAll(s, "retro-1")));
    REQUIRE(h.apply(s, castVote(s, "retro-1", "item-1")));
    REQUIRE(h.apply(s, castVote(s, "retro-1", "item-1")));
    REQUIRE(h.apply(s, castVote(s, "retro-1", "item-2")));

    const std::string json = store::serializeSession(s, Timestamp{1'795'000'100});
    INFO(json);
    // Each participant id and name appears exactly once: in the participants list, nowhere else.
    for (const char* who : {"part-boss", "part-emp", "Dr. Chefin Beispiel", "Kim Mitarbeit"}) CHECK(occurrences(json, who) == 1);
    // Every item's author field is empty, and nothing records who voted.
    CHECK(occurrences(json, "\"author\": \"\"") == 2);
    CHECK(occurrences(json, "\"author\":") == 2);
    CHECK(occurrences(json, "voter") == 0);
    CHECK(json.find("\"votes\": 2") != std::string::npos);

    // Control: an explicitly recorded author does show up, so the check above can fail.
    REQUIRE(h.apply(s, addRetroItem(s, "retro-1", "item-3", "prompt-1", "Namentlich", Timestamp{1'795'000'020}, false, "part-emp")));
    CHECK(occurrences(store::serializeSession(s, Timestamp{1'795'000'100}), "part-emp") == 2);
}

TEST_CASE("in the demo file, only explicitly recorded authors are written", "[retro][privacy]") {
    const Session demo = makeDemoSession();
    const std::string json = store::serializeSession(demo, Timestamp{1'795'000'100});
    std::size_t anonymous = 0;
    for (const auto& item : demo.retrospectives.front().items) anonymous += item.authorId.empty() ? 1 : 0;
    CHECK(anonymous > 20);
    CHECK(occurrences(json, "\"author\": \"\"") == anonymous);
    for (const auto& p : demo.participants) {
        std::size_t authored = 0;
        for (const auto& item : demo.retrospectives.front().items) authored += item.authorId == p.id ? 1 : 0;
        INFO(p.id);
        CHECK(occurrences(json, "\"" + p.id + "\"") == 1 + authored);
    }
}
