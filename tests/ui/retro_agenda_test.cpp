// The workshop timer and the Agenda tab with a clock the test controls: the timer follows the
// current agenda item, keeps time across long stretches without frames (idle or minimised window),
// records the used time on pause, gets +1 min, and the activity library fills the agenda in one
// undoable click.

#include "harness.hpp"

#include "store/assets_file.hpp"
#include "ui/labels.hpp"
#include "ui/retro_library.hpp"

#include <cmath>

namespace core = lernraum::core;
namespace store = lernraum::store;
namespace ui = lernraum::ui;

namespace {

// A shell whose steady clock the test sets (the harness advances 1/60 s per frame only).
class ClockedShell {
public:
    explicit ClockedShell(core::Session session) : m_shell(lernraum::test::storeServices(), m_settings) {
        ui::setLanguage("en");
        ui::setItemRecording(true);
        m_shell.setSession(std::move(session), {});
        m_shell.selectTab(ui::Tab::Agenda);
        frames(3);
    }
    ~ClockedShell() { ui::setItemRecording(false); }

    ui::Shell& shell() { return m_shell; }
    const core::Session& session() { return m_shell.session(); }

    // Frames at the current time; `at` jumps the clock first (no frames in between: idle).
    void frames(int n = 1) {
        for (int i = 0; i < n; ++i) {
            m_context.newFrame();
            m_shell.draw(m_time, core::Timestamp{1'790'000'000});
            m_context.endFrame();
        }
    }
    void at(double time) {
        m_time = time;
        frames(2);
    }
    std::optional<ImVec2> find(const std::string& prefix) const {
        for (const auto& item : ui::recordedItems()) {
            if (item.label.rfind(prefix, 0) == 0) return ImVec2((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f);
        }
        return std::nullopt;
    }
    std::string label(const std::string& prefix) const {
        for (const auto& item : ui::recordedItems()) {
            if (item.label.rfind(prefix, 0) == 0) return item.label;
        }
        return {};
    }
    void click(const std::string& label) {
        frames(1);
        const auto pos = find(label);
        INFO("clicking " << label);
        REQUIRE(pos.has_value());
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = *pos;
        frames(1);
        io.MouseDown[0] = true;
        frames(1);
        io.MouseDown[0] = false;
        frames(1);
        io.MousePos = ImVec2(1.0f, 1.0f);
        frames(20); // longer than a double click
    }

private:
    ui::HeadlessContext m_context;
    ui::Settings m_settings;
    ui::Shell m_shell;
    double m_time = 100.0;
};

core::Session plan() {
    core::Session s;
    s.id = "session-agenda-ui";
    s.title = "Planungssitzung";
    s.agenda = {core::AgendaItem{"agenda-1", "Check-in", "", core::Phase::SetTheStage, 2, 0, false, ""},
                core::AgendaItem{"agenda-2", "Daten sammeln", "", core::Phase::GatherData, 5, 0, false, ""}};
    return s;
}

} // namespace

TEST_CASE("the timer counts down the current item across idle time and records the used time", "[ui][retro][timer]") {
    ClockedShell c(plan());
    CHECK(c.label("Timer: ") == "Timer: 2:00");
    c.click("Start");
    REQUIRE(c.shell().timerRunning());
    const double started = 100.0 + 25.0 / 60.0; // the click took a few frames
    c.at(started + 30.0);
    CHECK(c.label("Timer: ") == "Timer: 1:30");
    // Five minutes without a single frame: the next frame is still exact (no summed frame times).
    c.at(started + 330.0);
    CHECK(c.label("Timer: ") == "Timer: -3:30");
    c.click("Pause");
    CHECK_FALSE(c.shell().timerRunning());
    CHECK(c.session().agenda[0].usedSeconds == 330);
    // Paused time does not count.
    c.at(started + 1000.0);
    CHECK(c.label("Timer: ") == "Timer: -3:30");
    c.click("+1 min");
    CHECK(c.label("Timer: ") == "Timer: -2:30");
    c.click("Reset");
    CHECK(c.label("Timer: ") == "Timer: 2:00");
    CHECK(c.session().agenda[0].usedSeconds == 330); // reset does not take used time back
}

TEST_CASE("marking the item done moves the timer to the next item, totals show planned vs used", "[ui][retro][timer]") {
    ClockedShell c(plan());
    c.click("Start");
    c.at(160.0);
    c.click("Done: Check-in");
    CHECK(c.session().agenda[0].done);
    CHECK(c.session().agenda[0].usedSeconds >= 59);
    CHECK(c.label("Timer: ") == "Timer: 5:00"); // the next item, still running
    CHECK(c.shell().timerRunning());
    c.at(220.0);
    CHECK(c.label("Timer: ").rfind("Timer: 4:", 0) == 0);
}

TEST_CASE("one click fills the agenda from the activity library, one undo step", "[ui][retro][agenda]") {
    const auto load = store::loadRetroLibrary(std::filesystem::path(LERNRAUM_SOURCE_DIR) / "assets");
    REQUIRE(load.errors.empty());
    ui::setRetroLibrary(load.library);
    ClockedShell c(plan());
    c.click("Suggest a plan (one activity per phase)");
    REQUIRE(c.session().agenda.size() == 7);
    // Each activity goes after the last item of its phase: the set-the-stage activity after the
    // "Check-in" item, before "Daten sammeln"; the plan stays in phase order.
    CHECK(c.session().agenda[0].id == "agenda-1");
    CHECK(c.session().agenda[1].activityId == core::suggestedPlan(load.library)[0]->id);
    CHECK(c.session().agenda[2].id == "agenda-2");
    for (std::size_t i = 1; i < c.session().agenda.size(); ++i)
        CHECK(c.session().agenda[i - 1].phase <= c.session().agenda[i].phase);
    CHECK(c.session().agenda[6].phase == core::Phase::Close);
    c.click("4. Decide what to do (3)"); // open one phase of the library
    c.click("Add to agenda: SMART actions");
    REQUIRE(c.session().agenda.size() == 8);
    // Not at the end: after the plan's decide-what-to-do item, before the closing one.
    CHECK(c.session().agenda[6].title == "SMART actions");
    CHECK(c.session().agenda[6].timeboxMinutes == 20);
    CHECK(c.session().agenda[7].phase == core::Phase::Close);
    REQUIRE(c.shell().undo());
    REQUIRE(c.shell().undo());
    CHECK(c.session() == plan());
}

TEST_CASE("an item that already used time continues with the rest of its timebox, reset gives the full one", "[ui][retro][timer]") {
    core::Session s = plan();
    s.agenda[0].usedSeconds = 45;
    ClockedShell c(s);
    CHECK(c.label("Timer: ") == "Timer: 1:15");
    c.click("Start");
    c.at(200.0);
    c.click("Pause");
    CHECK(c.session().agenda[0].usedSeconds > 45 + 90);
    c.click("Reset");
    CHECK(c.label("Timer: ") == "Timer: 2:00");
}

TEST_CASE("a running timer's time belongs to the document: saving stores it, a reopened file shows it", "[ui][timer]") {
    lernraum::test::TempDir dir;
    const std::string file = dir.file("timer.lernraum");
    core::Session s = plan();
    s.agenda[0].timeboxMinutes = 5;
    {
        ClockedShell c(s);
        REQUIRE(c.shell().saveAs(file));
        CHECK_FALSE(c.shell().isDirty());
        c.click("Start");
        REQUIRE(c.shell().timerRunning());
        CHECK(c.shell().isDirty()); // time is being counted that the file does not hold yet
        c.at(200.0);                // 100 s later, no frames in between
        REQUIRE(c.shell().saveAs(file));
        CHECK(c.shell().timerRunning()); // saving does not stop the timer
        const auto saved = store::loadSession(file);
        REQUIRE(saved.session);
        CHECK(saved.session->agenda[0].usedSeconds >= 99);
        CHECK(saved.session->agenda[0].usedSeconds <= 101);
        c.at(230.0);
        c.click("Pause");
        REQUIRE(c.shell().saveAs(file));
        CHECK_FALSE(c.shell().isDirty());
    }
    const auto reopened = store::loadSession(file);
    REQUIRE(reopened.session);
    const int used = reopened.session->agenda[0].usedSeconds;
    CHECK(used >= 129);
    CHECK(used <= 132);
    ClockedShell again(*reopened.session);
    CHECK(again.label("Timer: ") == "Timer: " + ui::formatSeconds(300 - used)); // the rest of the 5 min
}
