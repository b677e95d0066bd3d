// Headless tests of the Experiments tab: create an experiment from a retrospective action, fill
// it, drag it through the statuses (refused moves say what is missing), add observations, decide,
// and undo every step back to the start; the summary line, overdue reviews, German texts, and
// File > New follow-up session.

#include "harness.hpp"

#include "core/demo.hpp"
#include "core/validate.hpp"
#include "ui/experiment_links.hpp"

#include <algorithm>
#include <vector>

using lernraum::test::UiHarness;
namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

const core::Experiment* findExperiment(const core::Session& s, const core::Id& id) {
    for (const auto& e : s.experiments) {
        if (e.id == id) return &e;
    }
    return nullptr;
}

const core::Action* findAction(const core::Session& s, const core::Id& id) {
    for (const auto& r : s.retrospectives) {
        for (const auto& a : r.actions) {
            if (a.id == id) return &a;
        }
    }
    return nullptr;
}

void openExperiments(UiHarness& h, core::Session session) {
    h.shell().setSession(std::move(session), {});
    h.shell().selectTab(ui::Tab::Experiments);
    h.frame(3);
    REQUIRE(h.shell().currentTab() == ui::Tab::Experiments);
}

// Press on the item, move past the drag threshold, hover the target for a few frames, release.
void drag(UiHarness& h, const std::string& from, const std::string& to) {
    const auto start = h.settled(from);
    const auto target = h.settled(to);
    INFO("dragging '" << from << "' to '" << to << "'");
    REQUIRE(start.has_value());
    REQUIRE(target.has_value());
    h.io().MousePos = *start;
    h.frame();
    h.io().MouseDown[0] = true;
    h.frame();
    for (int i = 1; i <= 4; ++i) {
        h.io().MousePos = ImVec2(start->x + (target->x - start->x) * static_cast<float>(i) / 4.0f,
                                 start->y + (target->y - start->y) * static_cast<float>(i) / 4.0f);
        h.frame();
    }
    h.frame(2);
    h.io().MouseDown[0] = false;
    h.frame(3);
}

// Scrolls the window under the item with the mouse wheel until the item is well inside the display.
void reveal(UiHarness& h, const std::string& label) {
    for (int i = 0; i < 30; ++i) {
        const auto pos = h.settled(label);
        INFO("revealing '" << label << "'");
        REQUIRE(pos.has_value());
        const float bottom = h.io().DisplaySize.y * 0.85f;
        const float top = 0.0f;
        if (pos->y > top && pos->y < bottom) return;
        h.io().MousePos = ImVec2(pos->x, h.io().DisplaySize.y * 0.5f);
        h.io().MouseWheel = pos->y >= bottom ? -2.0f : 2.0f;
        h.frame();
        h.io().MouseWheel = 0.0f;
        h.frame();
        // Scrolled to the end and on screen (the last items of a panel sit near its bottom edge).
        const auto after = h.settled(label);
        if (after && after->y == pos->y && after->y < h.io().DisplaySize.y - 20.0f) return;
    }
    FAIL("could not scroll to '" << label << "'");
}

void clickVisible(UiHarness& h, const std::string& label) {
    reveal(h, label);
    h.click(label);
}

// Click a text area or field, type, press Enter (which commits the edit).
void fill(UiHarness& h, const std::string& field, const std::string& text) {
    reveal(h, field);
    h.click(field);
    h.frame(3);
    h.type(text);
    h.pressKey(257); // Enter
    h.frame(2);
}

void choose(UiHarness& h, const std::string& combo, const std::string& option) {
    reveal(h, combo);
    h.click(combo);
    h.frame(2);
    h.click(option);
    h.frame(2);
}

} // namespace

TEST_CASE("an experiment made from an action is filled, moved through every status, observed, decided and "
          "undone step by step",
          "[ui][experiments]") {
    UiHarness h("en");
    openExperiments(h, core::makeDemoSession());
    std::vector<core::Session> states{h.shell().session()};
    auto step = [&](const char* what) {
        INFO("step: " << what);
        REQUIRE(h.shell().history().undoCount() == states.size()); // exactly one undo step per user action
        states.push_back(h.shell().session());
    };

    // From an action: the experiment links to the action and its source item, the action points back.
    const core::Action* action = findAction(h.shell().session(), "action-lf-03");
    REQUIRE(action != nullptr);
    const std::string title = action->text;
    choose(h, "From an action\xE2\x80\xA6", title);
    const auto& session = h.shell().session();
    REQUIRE(session.experiments.size() == states.front().experiments.size() + 1);
    const core::Id id = session.experiments.back().id;
    const core::Experiment* e = findExperiment(session, id);
    CHECK(e->title == title);
    CHECK(e->status == core::ExperimentStatus::Idea);
    CHECK(e->ownerRole == core::Role::StaffCouncil);
    REQUIRE(e->links.size() == 2);
    CHECK(e->links[0].targetId == "action-lf-03");
    CHECK(e->links[1].targetId == "item-lf-11");
    CHECK(findAction(session, "action-lf-03")->experimentId == id);
    step("from action");
    // The editor beside the board shows the new experiment and where it came from.
    CHECK(h.shows("Action: " + title));

    fill(h, "Hypothesis", "We believe that scheduled sending after 6 pm leads to calmer evenings for everyone.");
    CHECK(findExperiment(session, id)->hypothesis.rfind("We believe that scheduled sending", 0) == 0);
    step("hypothesis");
    fill(h, "Measure", "Messages sent after 6 pm per week");
    step("measure");
    fill(h, "Success criterion", "At most 5 messages after 6 pm per week");
    CHECK(findExperiment(session, id)->successCriterion == "At most 5 messages after 6 pm per week");
    step("success criterion");

    drag(h, title, "column:planned");
    CHECK(findExperiment(session, id)->status == core::ExperimentStatus::Planned);
    step("planned");
    drag(h, title, "column:running");
    CHECK(findExperiment(session, id)->status == core::ExperimentStatus::Running);
    step("running");

    // Observations: dated today (the harness clock), one undo step each.
    clickVisible(h, "New observation");
    h.type("First week: 11 messages after 6 pm");
    clickVisible(h, "Add observation");
    h.frame(2);
    REQUIRE(findExperiment(session, id)->observations.size() == 1);
    CHECK(findExperiment(session, id)->observations[0].text == "First week: 11 messages after 6 pm");
    CHECK(findExperiment(session, id)->observations[0].date == core::Timestamp{1'790'000'000}.date());
    step("observation 1");
    clickVisible(h, "New observation");
    h.type("Second week: 4");
    h.pressKey(257);
    h.frame(2);
    REQUIRE(findExperiment(session, id)->observations.size() == 2);
    step("observation 2");

    // Evaluated needs a result: refused, the reason is shown, nothing changes.
    drag(h, title, "column:evaluated");
    CHECK(findExperiment(session, id)->status == core::ExperimentStatus::Running);
    CHECK(h.shell().history().undoCount() == states.size() - 1);
    CHECK(h.shell().toast().find("An evaluated experiment needs a result") != std::string::npos);
    CHECK(h.shows("\xE2\x80\x9E" + title + "\xE2\x80\x9C: An evaluated experiment needs a result"));
    choose(h, "Result", "Confirmed");
    CHECK(findExperiment(session, id)->result == core::ExperimentResult::Confirmed);
    step("result");
    CHECK_FALSE(h.has("\xE2\x80\x9E" + title + "\xE2\x80\x9C: An evaluated experiment needs a result"));
    drag(h, title, "column:evaluated");
    CHECK(findExperiment(session, id)->status == core::ExperimentStatus::Evaluated);
    step("evaluated");

    // Transferred needs a decision and a transfer recommendation.
    drag(h, title, "column:transferred");
    CHECK(findExperiment(session, id)->status == core::ExperimentStatus::Evaluated);
    CHECK(h.shell().toast().find("needs a decision and a transfer recommendation") != std::string::npos);
    choose(h, "Decision", "Persevere");
    CHECK(findExperiment(session, id)->decision == core::Decision::Persevere);
    step("decision");
    drag(h, title, "column:transferred");
    CHECK(findExperiment(session, id)->status == core::ExperimentStatus::Evaluated);
    CHECK(h.shell().toast().find("A transferred experiment needs a transfer recommendation") != std::string::npos);
    fill(h, "Transfer recommendation", "All units with evening shifts; they need the mail client's scheduled sending.");
    step("transfer recommendation");
    drag(h, title, "column:transferred");
    CHECK(findExperiment(session, id)->status == core::ExperimentStatus::Transferred);
    step("transferred");

    // Undo walks back through exactly these states, to the session as it was opened.
    for (std::size_t i = states.size() - 1; i > 0; --i) {
        INFO("undo to state " << i - 1);
        h.chord('Z', true);
        CHECK(h.shell().session() == states[i - 1]);
    }
    CHECK_FALSE(h.shell().history().canUndo());
    CHECK(findExperiment(h.shell().session(), id) == nullptr);
    CHECK(findAction(h.shell().session(), "action-lf-03")->experimentId.empty());
    CHECK(h.shell().session() == core::makeDemoSession());
}

TEST_CASE("a new experiment starts as an idea, refusals and labels are German in the German UI", "[ui][experiments]") {
    UiHarness h("de");
    core::Session s = core::makeDemoSession();
    s.experiments.clear();
    for (auto& r : s.retrospectives) {
        for (auto& a : r.actions) a.experimentId.clear();
    }
    openExperiments(h, s);
    CHECK_FALSE(h.has("column:idea")); // no board while there is nothing on it
    h.click("Neues Experiment");
    h.frame(2);
    REQUIRE(h.shell().session().experiments.size() == 1);
    const core::Experiment& e = h.shell().session().experiments.front();
    CHECK(e.title == "Unbenanntes Experiment");
    CHECK(e.status == core::ExperimentStatus::Idea);
    CHECK(h.shows("Experimente: 1  \xE2\x80\x93  Idee 1 \xC2\xB7 Geplant 0 \xC2\xB7 L\xC3\xA4uft 0 \xC2\xB7 Ausgewertet 0 "
                  "\xC2\xB7 \xC3\x9C" "bertragen 0 \xC2\xB7 Abgebrochen 0"));
    drag(h, "Unbenanntes Experiment", "column:transferred");
    CHECK(h.shell().session().experiments.front().status == core::ExperimentStatus::Idea);
    CHECK(h.shell().toast() ==
          "Ein \xC3\xBC" "bertragenes Experiment braucht eine Entscheidung und eine Transferempfehlung");
    // The editor marks the fields that are missing.
    CHECK(h.shows("\xE2\x9A\xA0 Entscheidung \xE2\x80\x93 f\xC3\xBCr diesen Status n\xC3\xB6tig"));
    CHECK(h.shows("\xE2\x9A\xA0 Transferempfehlung \xE2\x80\x93 f\xC3\xBCr diesen Status n\xC3\xB6tig"));
    h.chord('Z', true);
    CHECK(h.shell().session().experiments.empty());
}

TEST_CASE("the summary line counts by status and overdue reviews are highlighted", "[ui][experiments]") {
    UiHarness h("en");
    core::Session s = core::makeDemoSession();
    // The harness clock is 2026-09-21: a running experiment reviewed on 2026-09-01 is overdue.
    const core::Date today = core::Timestamp{1'790'000'000}.date();
    for (auto& e : s.experiments) {
        if (e.status == core::ExperimentStatus::Running) e.reviewDate = today.addDays(-20);
    }
    openExperiments(h, s);
    CHECK(h.shows("Experiments: 5  \xE2\x80\x93  Idea 1 \xC2\xB7 Planned 1 \xC2\xB7 Running 1 \xC2\xB7 Evaluated 1 \xC2\xB7 "
                  "Transferred 1 \xC2\xB7 Stopped 0"));
    CHECK(h.shows("\xC2\xB7 \xE2\x9A\xA0 Reviews overdue: 1"));
    // The card says so, and the editor counts the days once the experiment is selected.
    const std::string reviewed = "\xE2\x9A\xA0 Review overdue: " + today.addDays(-20).toString();
    CHECK(h.shows(reviewed));
    h.click("\xC3\x9C" "bergabenotizen im Wiki statt Telefonrunde");
    h.frame(2);
    CHECK(h.shows("\xE2\x9A\xA0 Review overdue: 20 days"));
    // Stopped, it is no longer overdue: nothing to meet any more.
    drag(h, "\xC3\x9C" "bergabenotizen im Wiki statt Telefonrunde", "column:stopped");
    CHECK_FALSE(h.shows("\xC2\xB7 \xE2\x9A\xA0 Reviews overdue: 1"));
    CHECK_FALSE(h.has(reviewed));
}

TEST_CASE("links are shown both ways, also into an earlier workshop", "[ui][experiments]") {
    const core::Session s = core::makeDemoSession();
    const core::Experiment* standup = findExperiment(s, "exp-lf-standup");
    REQUIRE(standup != nullptr);
    // item-lf-s1-07 lives in the sprint 1 file: shown with its label, marked as earlier.
    const auto earlier = std::find_if(standup->links.begin(), standup->links.end(),
                                      [](const core::Link& l) { return l.targetId == "item-lf-s1-07"; });
    REQUIRE(earlier != standup->links.end());
    const ui::LinkTarget t = ui::describeLink(s, *earlier);
    CHECK(t.earlier);
    CHECK_FALSE(t.missing);
    CHECK(t.text == earlier->label);
    const ui::LinkTarget card = ui::describeLink(s, standup->links.front());
    CHECK(card.kind == ui::LinkTarget::Kind::Card);
    CHECK_FALSE(card.earlier);
    // The other way round: the card knows its experiment, the action names its experiment.
    const auto fromCard = ui::experimentsLinkedTo(s, "card-lf-02");
    REQUIRE(fromCard.size() == 1);
    CHECK(fromCard.front()->id == "exp-lf-standup");
    const auto fromAction = ui::experimentsLinkedTo(s, "action-lf-02");
    REQUIRE(fromAction.size() == 1);
    CHECK(fromAction.front()->id == "exp-lf-remote-first");
    CHECK(ui::actionsReferring(s, "exp-lf-wochenziele").size() == 1);
    CHECK(ui::experimentsLinkedTo(s, "card-does-not-exist").empty());

    // A stale link is marked missing.
    const ui::LinkTarget stale = ui::describeLink(s, core::Link{"card-gone", {}, "Old card"});
    CHECK(stale.missing);
    CHECK(stale.text == "Old card");

    // From an unknown action: refused, nothing made.
    const auto refused = ui::experimentFromAction(s, s.retrospectives.front().id, "action-nope", "exp-new000000001");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.refusal().code == "not-found");
    // An experiment id already in use is refused by core.
    const auto duplicate = ui::experimentFromAction(s, s.retrospectives.front().id, "action-lf-03", "exp-lf-standup");
    REQUIRE_FALSE(duplicate.ok());
    CHECK(duplicate.refusal().code == "duplicate-id");
}

TEST_CASE("File > New follow-up session asks for date, kind and title, Cancel changes nothing", "[ui][experiments]") {
    UiHarness h("en");
    const core::Session demo = core::makeDemoSession();
    h.shell().setSession(demo, {});
    h.frame(2);
    h.click("File");
    h.click("New follow-up session\xE2\x80\xA6");
    REQUIRE(h.shows("Follow-up date"));
    CHECK(h.shell().modal() == ui::Modal::FollowUp);
    h.click("Cancel");
    h.frame(2);
    CHECK(h.shell().session() == demo);
    CHECK(h.shell().modal() == ui::Modal::None);

    // With unsaved changes the shell asks first; Cancel there leaves everything too.
    h.shell().submit(core::setSessionTitle(demo, "Geändert"));
    h.click("File");
    h.click("New follow-up session\xE2\x80\xA6");
    lernraum::test::replaceField(h, "Follow-up date", "20.01.2027");
    h.click("Create follow-up session");
    h.frame(2);
    REQUIRE(h.shell().modal() == ui::Modal::UnsavedChanges);
    h.click("Cancel");
    h.frame(2);
    CHECK(h.shell().session().id == demo.id);
    CHECK(h.shell().session().title == "Geändert");

    h.click("File");
    h.click("New follow-up session\xE2\x80\xA6");
    lernraum::test::replaceField(h, "Follow-up date", "20.01.2027");
    h.click("Create follow-up session");
    h.click("Discard");
    h.frame(2);
    const core::Session& next = h.shell().session();
    CHECK(next.date == (core::Date{2027, 1, 20}));
    CHECK(next.id != demo.id);
    CHECK(next.previousSessionId == demo.id);
    CHECK(next.lernraum == demo.lernraum);
    CHECK(h.shell().isDirty());
    CHECK(h.shell().path().empty());
    CHECK(core::validate(next).empty());
    // Open experiments keep their ids; finished ones stay behind.
    std::vector<core::Id> carried;
    for (const auto& e : next.experiments) carried.push_back(e.id);
    std::sort(carried.begin(), carried.end());
    CHECK(carried == std::vector<core::Id>{"exp-lf-remote-first", "exp-lf-uebergabe", "exp-lf-wochenziele"});
    CHECK(h.shell().toast() == "Follow-up session created. Save it under a new name.");
}

TEST_CASE("in presentation mode the board takes the whole width until a card is clicked", "[ui][experiments]") {
    UiHarness h("en");
    openExperiments(h, core::makeDemoSession());
    // At the desk: every status column (the empty "stopped" one too) and the editor beside them.
    CHECK(h.shows("column:stopped"));
    CHECK(h.has("Hide details"));
    h.shell().setPresentation(true);
    h.frame(3);
    CHECK_FALSE(h.has("column:stopped")); // empty columns are only drop targets
    CHECK_FALSE(h.has("Hide details"));
    CHECK_FALSE(h.has("New experiment"));
    auto rightEdge = [&h](const std::string& label) {
        h.frame(2);
        for (const auto& item : ui::recordedItems()) {
            if (item.label == label) return item.max.x;
        }
        return -1.0f;
    };
    const float wide = rightEdge("column:transferred");
    REQUIRE(wide > 0.0f);
    // A click shows the experiment beside the board (read-only), a second click puts it away.
    h.click("Montags-Stand-up per Video");
    const float narrow = rightEdge("column:transferred");
    CHECK(narrow < wide - 100.0f);
    h.click("Montags-Stand-up per Video");
    CHECK(rightEdge("column:transferred") == Approx(wide));
    CHECK_FALSE(h.shell().history().canUndo()); // looking changes nothing
}

TEST_CASE("the editor links an experiment to what it came from and removes the link, one undo step each",
          "[ui][experiments]") {
    UiHarness h("en");
    core::Session s = core::makeDemoSession();
    openExperiments(h, s);
    // The editor shows the first experiment (the Monday stand-up); link it to another board card.
    const core::Experiment& standup = h.shell().session().experiments.front();
    REQUIRE(standup.id == "exp-lf-standup");
    const std::size_t before = standup.links.size();
    const auto candidates = ui::linkCandidates(h.shell().session(), standup);
    // Already linked targets are not offered again; cards are offered (after the retrospective).
    for (const auto& c : candidates) CHECK(c.link.targetId != "card-lf-02");
    CHECK(std::any_of(candidates.begin(), candidates.end(),
                      [](const ui::LinkCandidate& c) { return c.kind == ui::LinkTarget::Kind::Card; }));
    REQUIRE_FALSE(candidates.empty());
    const auto card = candidates.begin(); // the first offered: on screen when the list opens
    const std::string text = card->link.label;
    const std::string option = std::string(ui::kindLabel(card->kind)) + ": " + (text.size() > 90 ? text.substr(0, 87) : text);
    reveal(h, "Link to\xE2\x80\xA6");
    h.click("Link to\xE2\x80\xA6");
    h.frame(2);
    bool clicked = false;
    for (const auto& item : ui::recordedItems()) {
        if (item.label.rfind(option, 0) == 0) {
            h.clickAt(ImVec2((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f));
            clicked = true;
            break;
        }
    }
    REQUIRE(clicked);
    h.frame(2);
    const core::Experiment* linked = findExperiment(h.shell().session(), "exp-lf-standup");
    REQUIRE(linked->links.size() == before + 1);
    CHECK(linked->links.back().targetId == card->link.targetId);
    CHECK(linked->links.back().sessionId.empty());
    CHECK(ui::experimentsLinkedTo(h.shell().session(), card->link.targetId).front()->id == "exp-lf-standup");
    CHECK(h.shell().history().undoCount() == 1);

    clickVisible(h, "Remove link: " + text);
    h.frame(2);
    CHECK(findExperiment(h.shell().session(), "exp-lf-standup")->links.size() == before);
    CHECK(h.shell().history().undoCount() == 2);
    h.chord('Z', true);
    CHECK(findExperiment(h.shell().session(), "exp-lf-standup")->links.size() == before + 1);
    h.chord('Z', true);
    CHECK(h.shell().session() == s);
}

TEST_CASE("three follow-ups made in the GUI keep experiment ids and link each file to the one before",
          "[ui][experiments]") {
    lernraum::test::TempDir dir;
    UiHarness h("de");
    h.shell().setSession(core::makeDemoSession(), {});
    h.frame(2);
    std::vector<core::Id> sessionIds{h.shell().session().id};
    std::vector<core::Id> openExperimentIds;
    for (const auto& e : h.shell().session().experiments) {
        if (e.status == core::ExperimentStatus::Idea || e.status == core::ExperimentStatus::Planned ||
            e.status == core::ExperimentStatus::Running) {
            openExperimentIds.push_back(e.id);
        }
    }
    std::sort(openExperimentIds.begin(), openExperimentIds.end());
    for (int i = 1; i <= 3; ++i) {
        INFO("follow-up " << i);
        h.click("Datei");
        h.click("Neue Folgesitzung \xE2\x80\xA6");
        h.click("Folgesitzung anlegen"); // the dialog's defaults, as `lernraum follow-up`
        h.frame(2);
        CHECK(h.shell().modal() == ui::Modal::None);
        const core::Session& next = h.shell().session();
        CHECK(next.previousSessionId == sessionIds.back());
        CHECK(core::validate(next).empty());
        std::vector<core::Id> ids;
        for (const auto& e : next.experiments) ids.push_back(e.id);
        std::sort(ids.begin(), ids.end());
        CHECK(ids == openExperimentIds);
        sessionIds.push_back(next.id);
        // Saved under a new name, so that the next follow-up is not stopped by the unsaved prompt.
        REQUIRE(h.shell().saveAs(dir.file("folge-" + std::to_string(i) + ".lernraum")));
        CHECK_FALSE(h.shell().isDirty());
    }
    std::sort(sessionIds.begin(), sessionIds.end());
    CHECK(std::unique(sessionIds.begin(), sessionIds.end()) == sessionIds.end());
}

namespace {

// A session with `count` experiment ideas (issue 14: the columns cost what is on screen).
core::Session withExperiments(int count) {
    core::Session s;
    s.title = "Scaling";
    for (int i = 0; i < count; ++i) {
        core::Experiment e;
        e.id = "exp-" + std::to_string(i);
        e.title = "Idea number " + std::to_string(i);
        s.experiments.push_back(e);
    }
    return s;
}

} // namespace

TEST_CASE("the experiment board draws only the cards on screen, the same number at 1k and 10k experiments", "[ui][experiments][scaling]") {
    UiHarness h;
    openExperiments(h, withExperiments(1000));
    h.frame();
    const ui::ExperimentFrameStats small = ui::lastExperimentFrameStats();
    openExperiments(h, withExperiments(10000));
    h.frame();
    const ui::ExperimentFrameStats large = ui::lastExperimentFrameStats();
    INFO("listed " << small.listed << " / " << large.listed << ", drawn " << small.drawn << " / " << large.drawn);
    CHECK(small.listed == 1000);
    CHECK(large.listed == 10000);
    CHECK(small.sorted == 0); // the columns' lists were kept from the last frame
    CHECK(large.sorted == 0);
    CHECK(small.drawn > 0);
    const auto perScreen = static_cast<std::size_t>(ImGui::GetIO().DisplaySize.y / ImGui::GetFontSize()) + 2;
    CHECK(large.drawn <= perScreen);
    CHECK(large.drawn <= small.drawn + 2);
}
