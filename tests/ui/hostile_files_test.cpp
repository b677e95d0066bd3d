// Hostile and extreme files in the real GUI (headless): every session file of tests/fixtures and
// sessions/ that the store loads, and a few core::generateSession extremes, is opened through the
// real store and drawn on every tab, every board and every retrospective (in each phase), in
// normal and presentation mode. Dear ImGui's assertions abort the process (IM_ASSERT is a plain
// assert in Debian's prebuilt library), so "no abort" is the check; the files beyond the GUI's
// limits (65 columns, 65 prompts) must be refused by the loader instead.

#include "board_fixture.hpp"
#include "harness.hpp"

#include "core/generate.hpp"
#include "core/validate.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using lernraum::test::TempDir;
using lernraum::test::UiHarness;
namespace core = lernraum::core;
namespace store = lernraum::store;
namespace ui = lernraum::ui;
namespace fs = std::filesystem;

namespace {

constexpr int kEnter = 257;

// The session with its boards and retrospectives rotated so that number `k` comes first: the
// Board and Retrospective tabs show the first one of a freshly opened session.
core::Session rotated(core::Session s, std::size_t k) {
    if (!s.boards.empty()) std::rotate(s.boards.begin(), s.boards.begin() + static_cast<long>(k % s.boards.size()), s.boards.end());
    if (!s.retrospectives.empty())
        std::rotate(s.retrospectives.begin(), s.retrospectives.begin() + static_cast<long>(k % s.retrospectives.size()),
                    s.retrospectives.end());
    return s;
}

// Draws every tab of `session` in normal and presentation mode; the retrospective in each phase.
// Returns the number of frames drawn.
int drawEverything(const core::Session& session) {
    int frames = 0;
    const std::size_t views = std::max<std::size_t>({1, session.boards.size(), session.retrospectives.size()});
    for (std::size_t k = 0; k < views; ++k) {
        UiHarness h; // fresh views: the first board and retrospective are shown
        const core::Session front = rotated(session, k);
        for (const bool presentation : {false, true}) {
            h.shell().setSession(front, {});
            h.shell().setPresentation(presentation);
            for (const ui::Tab tab : {ui::Tab::Agenda, ui::Tab::Board, ui::Tab::Experiments, ui::Tab::Retro}) {
                h.shell().selectTab(tab);
                h.frame(2);
                frames += 2;
                CHECK(h.shell().currentTab() == tab);
                // The board's flow diagram (one band per column) and the archive view.
                for (const char* toggle : {"Flow diagram", "Archive"}) {
                    if (tab != ui::Tab::Board || presentation || front.boards.empty()) break;
                    const auto pos = h.settled(toggle);
                    REQUIRE(pos);
                    h.clickAt(*pos); // on
                    h.frame(2);
                    h.clickAt(*pos); // off again
                    frames += 8;
                }
            }
            // Every phase of the retrospective shown (the prompts table is one of them).
            for (int phase = 0; phase < static_cast<int>(core::Phase::Count) && !front.retrospectives.empty(); ++phase) {
                core::Session inPhase = front;
                inPhase.retrospectives.front().phase = static_cast<core::Phase>(phase);
                h.shell().setSession(std::move(inPhase), {});
                h.shell().setPresentation(presentation);
                h.frame(2);
                frames += 2;
            }
        }
        CHECK(h.shell().modal() == ui::Modal::None);
    }
    return frames;
}

std::vector<fs::path> sessionFiles() {
    std::vector<fs::path> files;
    for (const char* dir : {"tests/fixtures", "sessions"}) {
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(LERNRAUM_SOURCE_DIR) / dir))
            if (entry.is_regular_file() && entry.path().extension() == ".lernraum") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// A session at every limit the GUI has to cope with: 64 columns, 64 prompts, many lanes, texts of
// almost 64 KiB without a space, emoji and right-to-left marks.
core::Session atTheLimits() {
    core::GenerateOptions o;
    o.cards = 300;
    o.retroItems = 200;
    o.seed = 13;
    core::Session s = core::generateSession(o);
    core::Board& b = s.boards.front();
    while (b.columns.size() < core::kMaxColumns)
        b.columns.push_back(core::Column{"col-limit" + std::to_string(b.columns.size()), "Spalte 🚀 " + std::to_string(b.columns.size()),
                                         core::ColumnKind::InProgress, 1, core::WipMode::Hard});
    for (int i = 0; i < 40; ++i) b.lanes.push_back(core::Lane{"lane-limit" + std::to_string(i), "Bahn \u202e" + std::to_string(i)});
    b.columns.back().title = std::string(60'000, 'W');
    core::Retrospective& r = s.retrospectives.front();
    while (r.prompts.size() < core::kMaxPrompts)
        r.prompts.push_back(core::Prompt{"prompt-limit" + std::to_string(r.prompts.size()), std::string(2'000, 'F') + " 𝔘?"});
    return s;
}

void openBoard(UiHarness& h, const core::Session& s) {
    h.shell().setSession(s, {});
    h.shell().selectTab(ui::Tab::Board);
    h.frame(3);
}

} // namespace

TEST_CASE("every session file that loads is drawn on every tab, board and phase without aborting", "[ui][hostile]") {
    int loaded = 0;
    int refused = 0;
    bool hostileDrawn = false;
    for (const auto& file : sessionFiles()) {
        INFO("file " << file.string());
        const auto result = store::loadSession(file);
        if (!result) {
            ++refused;
            continue;
        }
        ++loaded;
        CHECK(drawEverything(*result.session) > 0);
        if (file.filename() == "at-limit-64-columns-64-prompts.lernraum") {
            hostileDrawn = true;
            CHECK(result.session->boards.front().columns.size() == core::kMaxColumns);
            CHECK(result.session->retrospectives.front().prompts.size() == core::kMaxPrompts);
        }
    }
    CHECK(hostileDrawn);
    CHECK(loaded >= 3);   // valid-minimal, the hostile one at the limits, the shipped demo session
    CHECK(refused >= 45); // the malformed corpus in tests/fixtures/bad
}

TEST_CASE("files beyond the GUI's table limits are refused by the loader with the reason", "[ui][hostile]") {
    const fs::path bad = fs::path(LERNRAUM_SOURCE_DIR) / "tests/fixtures/bad";
    const auto columns = store::loadSession(bad / "invalid-65-columns.lernraum");
    REQUIRE_FALSE(columns);
    CHECK(columns.error->toString().find("has 65 columns, at most 64 are allowed") != std::string::npos);
    const auto prompts = store::loadSession(bad / "invalid-65-prompts.lernraum");
    REQUIRE_FALSE(prompts);
    CHECK(prompts.error->toString().find("has 65 prompts, at most 64 are allowed") != std::string::npos);

    // Opening one in the GUI shows the load error and keeps the session that was open.
    UiHarness h;
    h.shell().setSession(lernraum::test::boardSessionWith("Offen", {}), {});
    h.frame(2);
    CHECK_FALSE(h.shell().openFile((bad / "invalid-65-columns.lernraum").string()));
    h.frame(3);
    CHECK(h.shell().modal() == ui::Modal::LoadError);
    CHECK(h.shell().session().title == "Offen");
}

TEST_CASE("generated extremes are drawn on every tab without aborting", "[ui][hostile]") {
    std::vector<core::GenerateOptions> extremes;
    core::GenerateOptions empty;
    empty.cards = 0;
    empty.retroItems = 0;
    empty.experiments = 0;
    empty.participants = 0;
    empty.boards = 0;
    empty.retrospectives = 0;
    empty.actions = 0;
    empty.agendaItems = 0;
    extremes.push_back(empty);
    core::GenerateOptions many;
    many.cards = 1'000;
    many.retroItems = 600;
    many.experiments = 80;
    many.participants = 60;
    many.boards = 3;
    many.retrospectives = 2;
    many.actions = 40;
    many.agendaItems = 60;
    many.seed = 7;
    extremes.push_back(many);
    core::GenerateOptions oneColumnFull;
    oneColumnFull.cards = 600;
    oneColumnFull.retroItems = 0;
    oneColumnFull.seed = 99;
    extremes.push_back(oneColumnFull);

    TempDir dir;
    int n = 0;
    for (const auto& o : extremes) {
        const core::Session generated = core::generateSession(o);
        REQUIRE(core::validate(generated).empty());
        // Through the real store, as a user would open it.
        const std::string path = dir.file("extreme-" + std::to_string(n++) + ".lernraum");
        REQUIRE(store::saveSession(generated, path) == std::nullopt);
        const auto loaded = store::loadSession(path);
        REQUIRE(loaded);
        CHECK(drawEverything(*loaded.session) > 0);
    }

    const core::Session limits = atTheLimits();
    for (const auto& p : core::validate(limits)) FAIL_CHECK(p.toString());
    const std::string path = dir.file("limits.lernraum");
    REQUIRE(store::saveSession(limits, path) == std::nullopt);
    const auto loaded = store::loadSession(path);
    REQUIRE(loaded);
    CHECK(drawEverything(*loaded.session) > 0);
}

TEST_CASE("the GUI refuses the 65th column with the reason in the dialog and keeps working", "[ui][hostile][board]") {
    core::Session s = lernraum::test::boardSessionWith("Breit", {});
    core::Board& b = s.boards.front();
    while (b.columns.size() < core::kMaxColumns)
        b.columns.push_back(core::Column{"col-wide" + std::to_string(b.columns.size()), "S" + std::to_string(b.columns.size()),
                                         core::ColumnKind::InProgress, 0, core::WipMode::Soft});
    UiHarness h;
    openBoard(h, s);

    h.click("Board menu");
    h.click("New column...");
    REQUIRE(h.shows("Structure title"));
    h.type("Nummer 65");
    h.pressKey(kEnter);
    h.frame(2);
    // The dialog stays open and says why (the structure dialogs try the command first).
    CHECK(h.shows("A board can have at most 64 columns"));
    CHECK(h.has("Structure title"));
    CHECK(h.shell().session() == s);
    CHECK_FALSE(h.shell().isDirty());
    h.pressKey(ui::key::Escape);
    h.frame(3); // still drawing the 64-column board
    CHECK_FALSE(h.has("Structure title"));
    CHECK(h.shell().currentTab() == ui::Tab::Board);
    CHECK(h.shell().session() == s);
}

TEST_CASE("a CSV file with Windows line ends, a NUL and ESC imports through the board menu without them", "[ui][hostile][csv]") {
    TempDir dir;
    {
        std::ofstream csv(dir.file("Praxisaufgaben.csv"), std::ios::binary); // the name the dialog suggests
        csv << "title,description,column\r\n"
            << "\"Zwei\r\nZeilen\",\"erste\r\nzweite\rdritte\",Done\r\n"
            << std::string("\"NUL \0 mitten\",,Done\r\n", 22) << "\"ESC \x1b[2J\",,Done\r\n"
            << "Gut,,Done\r\n";
    }
    const char* oldHome = std::getenv("HOME");
    const std::string savedHome = oldHome ? oldHome : "";
    setenv("HOME", dir.path().c_str(), 1);
    const core::Session start = lernraum::test::boardSessionWith("CSV", {});
    UiHarness h;
    openBoard(h, start);
    h.click("Board menu");
    h.click("Import cards from CSV...");
    REQUIRE(h.shows("Import"));
    h.click("Import");
    h.frame(2);
    const auto& cards = h.shell().session().boards.front().cards;
    REQUIRE(cards.size() == 2); // the NUL and ESC rows are skipped
    CHECK(cards[0].title == "Zwei\nZeilen");
    CHECK(cards[0].description == "erste\nzweite\ndritte");
    CHECK(cards[1].title == "Gut");
    CHECK(core::validate(h.shell().session()).empty());
    h.click("Close");
    if (oldHome) setenv("HOME", savedHome.c_str(), 1);
}

TEST_CASE("the GUI refuses the 65th question of a retrospective with a toast", "[ui][hostile][retro]") {
    core::Session s = lernraum::test::boardSessionWith("Fragen", {});
    core::Retrospective r;
    r.id = "retro-000000000001";
    r.phase = core::Phase::GatherData;
    for (std::size_t i = 0; i < core::kMaxPrompts; ++i) r.prompts.push_back(core::Prompt{"prompt-q" + std::to_string(i), "F" + std::to_string(i)});
    s.retrospectives.push_back(r);
    UiHarness h;
    h.shell().setSession(s, {});
    h.shell().selectTab(ui::Tab::Retro);
    h.frame(3);
    h.click("New question");
    h.type("Frage 65");
    h.pressKey(kEnter);
    h.frame(2);
    CHECK(h.shell().toast().find("A retrospective can have at most 64 questions") != std::string::npos);
    CHECK(h.shell().session() == s);
    CHECK_FALSE(h.shell().isDirty());
}
