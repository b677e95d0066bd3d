// The desktop's file dialog runs outside the frame: while it is open the shell keeps drawing (a
// waiting popup, no shortcuts, no second dialog), and its answer, arriving in a later frame, is
// used then; Open starts inside the session's folder; when it cannot run, the built-in dialog
// opens instead.

#include "harness.hpp"

#include "core/demo.hpp"

#include <filesystem>
#include <memory>
#include <string>

using lernraum::test::FakeNativeDialog;
using lernraum::test::TempDir;
using lernraum::test::UiHarness;
namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

struct DialogHarness {
    std::shared_ptr<FakeNativeDialog> dialog = std::make_shared<FakeNativeDialog>();
    UiHarness h;
    DialogHarness() : h("en", withDialog(dialog)) {}
    static ui::ShellServices withDialog(std::shared_ptr<FakeNativeDialog> d) {
        auto services = lernraum::test::storeServices();
        services.nativeDialog = std::move(d);
        return services;
    }
};

} // namespace

TEST_CASE("Save as keeps drawing while the desktop's dialog is open and saves to the path it answers", "[ui][dialog]") {
    TempDir dir;
    DialogHarness d;
    auto& h = d.h;
    h.shell().setSession(core::makeDemoSession(), {});
    h.frame();
    h.chord('S', true, true); // Ctrl+Shift+S
    REQUIRE(d.dialog->requests.size() == 1);
    CHECK(d.dialog->requests[0].save);
    CHECK(d.dialog->requests[0].suggestion == "workshop.lernraum");
    CHECK(h.shell().fileDialogOpen());
    // Frames go on while the dialog is open: the waiting popup shows, and another dialog is refused.
    for (int i = 0; i < 30; ++i) h.frame();
    CHECK(h.shows("Cancel")); // the waiting popup's only button
    h.chord('S', true, true);
    h.chord('O', true);
    h.chord('S', true);
    CHECK(d.dialog->requests.size() == 1);
    CHECK(h.shell().path().empty());

    const std::string target = dir.file("gesichert.lernraum");
    d.dialog->answer(ui::NativeDialogAnswer::Result::Chosen, target);
    h.frame();
    CHECK_FALSE(h.shell().fileDialogOpen());
    CHECK(h.shell().path() == target);
    CHECK(std::filesystem::exists(target));
    CHECK_FALSE(h.shell().isDirty());
    h.frame(3);
    CHECK_FALSE(h.has("Cancel"));
}

TEST_CASE("Open starts inside the session's folder and opens the file the desktop's dialog answers", "[ui][dialog]") {
    TempDir dir;
    const std::string first = lernraum::test::saveDemo(dir, "erste.lernraum");
    std::filesystem::create_directories(dir.path() / "andere");
    core::Session other = core::makeDemoSession();
    other.title = "Zweiter Workshop";
    const std::string second = (dir.path() / "andere" / "zweite.lernraum").string();
    REQUIRE_FALSE(lernraum::store::saveSession(other, second).has_value());

    DialogHarness d;
    auto& h = d.h;
    REQUIRE(h.shell().openFile(first));
    h.frame();
    h.chord('O', true);
    REQUIRE(d.dialog->requests.size() == 1);
    CHECK_FALSE(d.dialog->requests[0].save);
    CHECK(d.dialog->requests[0].suggestion == dir.path().string() + "/"); // a folder: the trailing slash
    h.frame(10);
    d.dialog->answer(ui::NativeDialogAnswer::Result::Chosen, second);
    h.frame();
    CHECK(h.shell().path() == second);
    CHECK(h.shell().session().title == "Zweiter Workshop");
}

TEST_CASE("Cancel in the waiting popup closes the desktop's dialog and changes nothing", "[ui][dialog]") {
    DialogHarness d;
    auto& h = d.h;
    h.shell().setSession(core::makeDemoSession(), {});
    h.chord('S', true, true);
    REQUIRE(h.shell().fileDialogOpen());
    h.click("Cancel");
    CHECK(d.dialog->cancels == 1);
    h.frame(2);
    CHECK_FALSE(h.shell().fileDialogOpen());
    CHECK(h.shell().path().empty());
    CHECK(h.shell().modal() == ui::Modal::None);
}

TEST_CASE("the built-in dialog opens when the desktop's dialog cannot run or there is none", "[ui][dialog]") {
    DialogHarness d;
    auto& h = d.h;
    h.shell().setSession(core::makeDemoSession(), {});
    SECTION("it started but could not run (e.g. no usable display)") {
        h.chord('S', true, true);
        REQUIRE(d.dialog->requests.size() == 1);
        d.dialog->answer(ui::NativeDialogAnswer::Result::Unavailable);
        h.frame(2);
    }
    SECTION("there is none") {
        d.dialog->available = false;
        h.chord('S', true, true);
    }
    CHECK(h.shell().modal() == ui::Modal::PathDialog);
    CHECK(h.shows("Up")); // the built-in dialog's folder button
}
