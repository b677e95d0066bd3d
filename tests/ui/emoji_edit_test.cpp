// Characters beyond U+FFFF (emoji, mathematical letters) in the GUI's text fields. Debian's Dear
// ImGui 1.86 holds 16-bit characters and would turn each into U+FFFD (and leave a NUL in the
// file); the edit widgets (ui/bmp_text.hpp) keep every character the user did not edit
// byte-exact. These tests drive the real card editor and save through the real store.

#include "board_fixture.hpp"
#include "harness.hpp"

#include "core/validate.hpp"
#include "ui/bmp_text.hpp"
#include "ui/keys.hpp"

#include <fstream>
#include <sstream>
#include <string>

using lernraum::test::TempDir;
using lernraum::test::UiHarness;
using namespace lernraum::test;
namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

constexpr int kHome = 268; // GLFW key codes, as the harness maps them
constexpr int kEnd = 269;
constexpr int kRight = 262;

const std::string kTitle = "Team \xF0\x9F\x9A\x80 \xF0\x9D\x94\x98";            // "Team 🚀 𝔘"
const std::string kDescription = "Plan \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB \xE2\x9C\x85\n"  // 👩‍💻 ✅
                                 "Zeile 2 \xF0\x9F\x98\x80 \xF0\xA0\x80\x8B";                   // 😀 𠀋
const std::string kReplacement = "\xEF\xBF\xBD"; // U+FFFD

core::Session emojiSession() {
    core::Session s = boardSessionWith("Emoji", {makeCard("card-00000000000a", kTitle, kTodo)});
    s.boards[0].cards[0].description = kDescription;
    return s;
}

const core::Card& theCard(UiHarness& h) { return h.shell().session().boards.front().cards.front(); }

void openEditor(UiHarness& h) {
    h.shell().setSession(emojiSession(), {});
    h.shell().selectTab(ui::Tab::Board);
    h.frame(3);
    const auto pos = h.settled(kTitle);
    REQUIRE(pos);
    h.doubleClickAt(*pos);
    REQUIRE(h.shows("Save"));
}

void save(UiHarness& h) {
    h.click("Save");
    h.frame(3);
    REQUIRE_FALSE(h.has("Save"));
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Saves through the real store and checks the file: the characters are there as UTF-8, no NUL
// escape and no U+FFFD.
void checkSavedFile(UiHarness& h, const std::string& expectedTitle) {
    TempDir dir;
    const std::string path = dir.file("emoji.lernraum");
    REQUIRE(h.shell().saveAs(path));
    const std::string bytes = readFile(path);
    CHECK(bytes.find(expectedTitle) != std::string::npos);
    CHECK(bytes.find("\\u0000") == std::string::npos);
    CHECK(bytes.find(kReplacement) == std::string::npos);
    CHECK(bytes.find('\0') == std::string::npos);
    const auto loaded = lernraum::store::loadSession(path);
    REQUIRE(loaded);
    CHECK(loaded.session->boards.front().cards.front().title == expectedTitle);
    CHECK(loaded.session->boards.front().cards.front().description == kDescription);
}

} // namespace

TEST_CASE("editing a card title with emoji keeps every character the user did not edit", "[ui][board][unicode]") {
    UiHarness h;
    openEditor(h);
    h.pressKey(kEnd); // the title field has focus with its text selected: go to the end
    h.type(" neu");
    h.pressKey(kHome);
    for (int i = 0; i < 6; ++i) h.pressKey(kRight); // past "Team " and the rocket
    h.type("!");
    save(h);
    const std::string expected = "Team \xF0\x9F\x9A\x80! \xF0\x9D\x94\x98 neu";
    CHECK(theCard(h).title == expected);
    CHECK(theCard(h).description == kDescription);
    CHECK(theCard(h).title.find(kReplacement) == std::string::npos);
    checkSavedFile(h, expected);
}

TEST_CASE("a description with emoji edited in the multi-line field keeps them", "[ui][board][unicode]") {
    UiHarness h;
    openEditor(h);
    h.click("Description");
    h.io().KeyCtrl = true;
    h.pressKey(kEnd); // Ctrl+End: the end of the text
    h.io().KeyCtrl = false;
    h.type(" ok");
    save(h);
    CHECK(theCard(h).description == kDescription + " ok");
    CHECK(theCard(h).title == kTitle);
}

TEST_CASE("texts with emoji that are not edited stay byte-exact, also through Enter and other fields", "[ui][board][unicode]") {
    UiHarness h;
    openEditor(h);
    h.click("Description"); // activated, nothing typed
    h.click("Vermillion");  // another field changes
    h.click("Tags");
    h.type("Technik");
    save(h);
    CHECK(theCard(h).colour == core::CardColour::Vermillion);
    CHECK(theCard(h).title == kTitle);
    CHECK(theCard(h).description == kDescription);

    // Enter in the title field without typing: the title goes back as it was.
    const auto pos = h.settled(kTitle);
    REQUIRE(pos);
    h.doubleClickAt(*pos);
    REQUIRE(h.shows("Save"));
    h.pressKey(ui::key::Enter);
    h.frame(3);
    CHECK(theCard(h).title == kTitle);
    CHECK(theCard(h).description == kDescription);
    checkSavedFile(h, kTitle);
}

TEST_CASE("the placeholder mapping is a lossless round trip, also for private-use characters in the text", "[ui][unicode]") {
    const std::string texts[] = {
        "",
        "plain ASCII and Umlaute äöü ß €",
        kTitle,
        kDescription,
        "\xEE\x80\x80 private use U+E000 next to \xF0\x9F\x9A\x80 and U+F8FF \xEF\xA3\xBF",
        "\xEF\xBF\xBD already a replacement character",
        std::string(200, 'x') + "\xF0\x9F\x8E\x89",
    };
    for (const auto& text : texts) {
        INFO(text);
        const auto editable = ui::toEditableText(text);
        REQUIRE(editable);
        CHECK(editable->find('\xF0') == std::string::npos); // nothing ImGui would turn into U+FFFD
        CHECK(ui::fromEditableText(*editable) == text);
    }
    // A text holding a private-use character that serves as a placeholder elsewhere keeps it.
    const auto rocket = ui::toEditableText("\xF0\x9F\x9A\x80");
    REQUIRE(rocket);
    const std::string placeholder = *rocket;
    const std::string mixed = placeholder + " and " + "\xF0\x9F\x9A\x80";
    const auto editableMixed = ui::toEditableText(mixed);
    REQUIRE(editableMixed);
    CHECK(ui::fromEditableText(*editableMixed) == mixed);
    // A private-use character no placeholder stands for comes back as it is.
    CHECK(ui::fromEditableText("\xEF\xA3\xBE") == "\xEF\xA3\xBE");
    CHECK(ui::isPlainEditableText("Zeile mit Umlaut ä und \xE2\x80\x9E"));
    CHECK_FALSE(ui::isPlainEditableText(kTitle));
}

TEST_CASE("control characters typed or pasted into a text field never reach the session", "[ui][board][unicode]") {
    UiHarness h;
    openEditor(h);
    h.pressKey(kEnd);
    h.io().AddInputCharacter(0x1B); // ESC, as a terminal-style paste would send it
    h.io().AddInputCharacter('\r');
    h.io().AddInputCharacter(0x07);
    h.type("\x1b[2J ok");
    save(h);
    CHECK(theCard(h).title == kTitle + "[2J ok");
    CHECK(lernraum::core::validate(h.shell().session()).empty());
}

TEST_CASE("copy and paste in a text field carry emoji as themselves, not placeholders", "[ui][board][unicode]") {
    UiHarness h;
    ImGuiIO& io = h.io();
    const auto rawGet = io.GetClipboardTextFn; // ImGui's own clipboard in the headless context
    const auto rawSet = io.SetClipboardTextFn;
    ui::mapClipboardPlaceholders(io); // as the runner does after the GLFW backend
    openEditor(h);
    // Copy the whole title (selected when the editor opens): the clipboard gets the real characters.
    io.KeyCtrl = true;
    h.pressKey('C');
    io.KeyCtrl = false;
    REQUIRE(rawGet(io.ClipboardUserData) != nullptr);
    CHECK(std::string(rawGet(io.ClipboardUserData)) == kTitle);
    // Paste text with emoji that another application put on the clipboard.
    rawSet(io.ClipboardUserData, " \xF0\x9F\x8E\x89 Feier");
    h.pressKey(kEnd);
    io.KeyCtrl = true;
    h.pressKey('V');
    io.KeyCtrl = false;
    h.frame();
    save(h);
    CHECK(theCard(h).title == kTitle + " \xF0\x9F\x8E\x89 Feier");
}
