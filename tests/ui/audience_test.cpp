// The audience window's content (ui/audience_view.hpp), headless: its own ImGui context with its
// own fonts beside the facilitator's, as src/app/audience_window.cpp sets it up. The text it draws
// is read back from its draw lists: every glyph quad is matched to the glyph (font, character) it
// was cut from in the font atlas.

#include "harness.hpp"

#include "app/fonts.hpp"
#include "core/commands.hpp"
#include "core/retro_rules.hpp"
#include "ui/audience_view.hpp"
#include "ui/room_size.hpp"
#include "ui/settings.hpp"
#include "ui/theme.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace lernraum::test {
namespace {

constexpr core::Timestamp kNow{1'790'000'000};

// An ImGui context for the room's window: real fonts (fontconfig's sans-serif, the app's) at
// `bodyPixels`, its own font set, the facilitator's context current again after each frame.
class AudienceContext {
public:
    explicit AudienceContext(float bodyPixels, ImVec2 display = ImVec2(1920, 1080)) {
        m_previous = ImGui::GetCurrentContext();
        m_context = ImGui::CreateContext();
        ImGui::SetCurrentContext(m_context);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        ui::useContextFonts(&m_fonts);
        std::string warning;
        app::buildFonts(*io.Fonts, app::defaultFontFiles(), bodyPixels, m_fonts, warning);
        io.FontDefault = m_fonts.body;
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ImGuiStyle style;
        ui::applyTheme(ui::Theme::Light, style);
        style.ScaleAllSizes(bodyPixels / 18.0f);
        ImGui::GetStyle() = style;
        // Every glyph's top-left texture coordinate -> (font, character).
        for (ImFont* font : io.Fonts->Fonts) {
            for (const ImFontGlyph& g : font->Glyphs) {
                if (g.Visible) m_glyphs[{g.U0, g.V0}] = {font, static_cast<char32_t>(g.Codepoint)};
            }
        }
        ImGui::SetCurrentContext(m_previous);
    }
    ~AudienceContext() {
        ImGui::DestroyContext(m_context);
        ImGui::SetCurrentContext(m_previous);
    }
    AudienceContext(const AudienceContext&) = delete;
    AudienceContext& operator=(const AudienceContext&) = delete;

    void frame(const std::function<void()>& draw) {
        ImGuiContext* facilitator = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(m_context);
        ImGui::NewFrame();
        draw();
        ImGui::Render();
        inspect();
        ImGui::SetCurrentContext(facilitator);
    }

    // The characters drawn in the last frame, in drawing order, without spaces (spaces draw nothing).
    [[nodiscard]] const std::string& text() const { return m_text; }
    [[nodiscard]] const std::set<const ImFont*>& fontsUsed() const { return m_fontsUsed; }
    // Windows of the last frame that must never be in the room's window.
    [[nodiscard]] const std::vector<std::string>& forbiddenWindows() const { return m_forbidden; }
    [[nodiscard]] const ui::FontSet& fonts() const { return m_fonts; }

private:
    void inspect() {
        m_text.clear();
        m_fontsUsed.clear();
        m_forbidden.clear();
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l) {
            const ImVector<ImDrawVert>& v = data->CmdLists[l]->VtxBuffer;
            // A glyph is a quad of four vertices: (U0,V0), (U1,V0), (U1,V1), (U0,V1).
            for (int i = 0; i + 3 < v.Size; ++i) {
                const auto at = m_glyphs.find({v[i].uv.x, v[i].uv.y});
                if (at == m_glyphs.end()) continue;
                if (v[i + 1].uv.y != v[i].uv.y || v[i + 3].uv.x != v[i].uv.x || v[i + 2].uv.x != v[i + 1].uv.x) continue;
                const char32_t c = at->second.second;
                if (c < 0x80) m_text += static_cast<char>(c);
                else m_text += '?';
                m_fontsUsed.insert(at->second.first);
                i += 3;
            }
            m_text += '|';
        }
        const ImGuiContext& g = *ImGui::GetCurrentContext();
        for (const ImGuiWindow* w : g.Windows) {
            if (!w->Active) continue;
            const bool menu = (w->Flags & ImGuiWindowFlags_MenuBar) != 0;
            const bool popup = (w->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Modal | ImGuiWindowFlags_Tooltip |
                                            ImGuiWindowFlags_ChildMenu)) != 0;
            const std::string name = w->Name;
            if (menu || popup || name.find("toast") != std::string::npos) m_forbidden.push_back(name);
        }
        if (g.OpenPopupStack.Size > 0) m_forbidden.push_back("open popup");
    }

    ImGuiContext* m_context = nullptr;
    ImGuiContext* m_previous = nullptr;
    ui::FontSet m_fonts;
    std::map<std::pair<float, float>, std::pair<const ImFont*, char32_t>> m_glyphs;
    std::string m_text;
    std::set<const ImFont*> m_fontsUsed;
    std::vector<std::string> m_forbidden;
};

std::string withoutHyphens(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    return s;
}

void drawRoom(UiHarness& h, AudienceContext& room, ui::AudienceView& view, int frames = 2) {
    for (int i = 0; i < frames; ++i) {
        room.frame([&] { view.draw(h.shell().session(), h.shell().follow(), &h.shell().timer(), 1.0, kNow); });
    }
}

constexpr ui::Tab kTabs[] = {ui::Tab::Agenda, ui::Tab::Board, ui::Tab::Retro, ui::Tab::Experiments};

} // namespace

TEST_CASE("The audience window never shows face-down text, a menu bar, a toast or a modal, on every tab in every phase") {
    UiHarness h("de");
    h.shell().setSession(core::makeDemoSession(), {});
    const core::Retrospective& retro = h.shell().session().retrospectives.front();
    const core::Id retroId = retro.id;
    // A face-down card on every prompt, and one face-up card as the control that text is read.
    int n = 0;
    for (const auto& prompt : retro.prompts) {
        ++n;
        h.shell().submit(core::addRetroItem(h.shell().session(), retroId, "item-facedown-" + std::to_string(n), prompt.id,
                                            "Verdecktgeheim" + std::to_string(n) + " Zebrawort", kNow, true));
    }
    REQUIRE(n > 0);
    REQUIRE(core::hiddenCount(h.shell().session().retrospectives.front()) >= n);
    h.shell().submit(core::addRetroItem(h.shell().session(), retroId, "item-faceup-1", retro.prompts.front().id,
                                        "Sichtbarquokka", kNow, false));
    // The facilitator has the keyboard shortcuts open (a modal) and a refusal showing (a toast).
    h.chord(ui::key::F1);
    REQUIRE(h.shell().modal() == ui::Modal::Shortcuts);

    AudienceContext room(36.0f);
    ui::AudienceView view;
    bool controlSeen = false;
    for (int p = 0; p < static_cast<int>(core::Phase::Count); ++p) {
        const core::Phase phase = static_cast<core::Phase>(p);
        h.shell().submit(core::setRetroPhase(h.shell().session(), retroId, phase));
        REQUIRE(h.shell().session().retrospectives.front().phase == phase);
        for (const ui::Tab tab : kTabs) {
            h.shell().selectTab(tab);
            h.shell().submit(core::Refusal{"test-refusal", "Refused for the test", {}, 0});
            h.frame(2);
            REQUIRE(h.shell().currentTab() == tab);
            REQUIRE_FALSE(h.shell().toast().empty());
            REQUIRE(h.shell().modal() == ui::Modal::Shortcuts);
            drawRoom(h, room, view);
            INFO("phase " << p << ", tab " << ui::toName(tab));
            CHECK(view.shownTab() == tab);
            CHECK(room.text().size() > 20); // something was read back
            CHECK(withoutHyphens(room.text()).find("Verdeckt") == std::string::npos);
            CHECK(withoutHyphens(room.text()).find("Zebrawort") == std::string::npos);
            CHECK(room.text().find("Refused") == std::string::npos);
            CHECK(room.forbiddenWindows().empty());
            if (tab == ui::Tab::Retro && phase == core::Phase::GatherData) {
                controlSeen = withoutHyphens(room.text()).find("Sichtbarquokka") != std::string::npos;
            }
        }
    }
    CHECK(controlSeen); // the face-up card is in the room's text: the read-back works
}

TEST_CASE("Audience text is at least the room size's cap height at 1080 lines, card metadata included") {
    const float ratio = app::capHeightRatio();
    REQUIRE(ratio > 0.3f);
    REQUIRE(ratio < 1.0f);
    UiHarness h("de");
    h.shell().setSession(core::makeDemoSession(), {});
    for (int s = 0; s < static_cast<int>(ui::RoomSize::Count); ++s) {
        const ui::RoomSize size = static_cast<ui::RoomSize>(s);
        for (const float lines : {1080.0f, 768.0f}) {
            const float body = ui::roomBodyPixels(size, lines, ratio);
            AudienceContext room(body, ImVec2(lines * 16.0f / 9.0f, lines));
            ui::AudienceView view;
            for (const ui::Tab tab : kTabs) {
                h.shell().selectTab(tab);
                h.frame(2);
                drawRoom(h, room, view);
                INFO("room size " << ui::toName(size) << ", " << lines << " lines, tab " << ui::toName(tab));
                REQUIRE_FALSE(room.fontsUsed().empty());
                // The body font is drawn (card titles, metadata, prompts): muted text is not smaller.
                CHECK(room.fontsUsed().count(room.fonts().body) == 1);
                float smallest = 1e9f;
                for (const ImFont* font : room.fontsUsed()) smallest = std::min(smallest, ui::capHeightPixels(font));
                CHECK(smallest * 1080.0f / lines >= ui::capHeightAt1080(size));
            }
        }
    }
    // The promise itself: 18 / 24 / 32 px.
    CHECK(ui::capHeightAt1080(ui::RoomSize::Small) == 18.0f);
    CHECK(ui::capHeightAt1080(ui::RoomSize::Medium) == 24.0f);
    CHECK(ui::capHeightAt1080(ui::RoomSize::Large) == 32.0f);
}

TEST_CASE("The audience window follows the facilitator's tab and edits, and holds still while frozen") {
    UiHarness h("de");
    h.shell().setSession(core::makeDemoSession(), {});
    h.shell().selectTab(ui::Tab::Agenda);
    h.frame(2);
    AudienceContext room(30.0f);
    ui::AudienceView view;
    drawRoom(h, room, view);
    CHECK(view.shownTab() == ui::Tab::Agenda);

    rename(h, "Raumtitelalpha");
    drawRoom(h, room, view, 1); // the next frame already shows the edit
    INFO(room.text());
    CHECK(room.text().find("Raumtitelalpha") != std::string::npos);

    view.freeze(h.shell().session(), h.shell().follow());
    rename(h, "Raumtitelbeta");
    h.shell().selectTab(ui::Tab::Board);
    h.frame(2);
    drawRoom(h, room, view);
    CHECK(view.shownTab() == ui::Tab::Agenda);
    CHECK(room.text().find("Raumtitelalpha") != std::string::npos);
    CHECK(room.text().find("Raumtitelbeta") == std::string::npos);

    view.thaw();
    drawRoom(h, room, view);
    CHECK(view.shownTab() == ui::Tab::Board);
    CHECK(room.text().find("Raumtitelbeta") != std::string::npos);
}

TEST_CASE("The join panel of the participants' room can be sent to the audience window") {
    UiHarness h("de");
    h.shell().setSession(core::makeDemoSession(), {});
    h.shell().selectTab(ui::Tab::Agenda);
    h.frame(2);
    AudienceContext room(30.0f);
    ui::AudienceView view;
    ui::RoomPanelInfo join;
    join.open = true;
    join.url = "http://192.0.2.7:8080/j/K7M2NP";
    join.code = "K7M2NP";
    join.devices = 9;
    join.qrSize = 21;
    join.qr.assign(21 * 21, true);
    const auto draw = [&](const ui::RoomPanelInfo* info) {
        for (int i = 0; i < 2; ++i) {
            room.frame([&] { view.draw(h.shell().session(), h.shell().follow(), &h.shell().timer(), 1.0, kNow, info); });
        }
    };
    draw(&join);
    CHECK(room.text().find("K7M2NP") != std::string::npos);
    CHECK(room.text().find("192.0.2.7:8080") != std::string::npos);
    CHECK(room.text().find("/j/") == std::string::npos); // the address to type, without the code path
    CHECK(room.text().find("Programmpunkt") == std::string::npos); // instead of the tab
    draw(nullptr);
    CHECK(room.text().find("K7M2NP") == std::string::npos);
    CHECK(room.text().find("Programmpunkt") != std::string::npos);
    join.open = false; // the room was closed: the tab again
    draw(&join);
    CHECK(room.text().find("Programmpunkt") != std::string::npos);
}

TEST_CASE("F5 opens the audience window when there is a second screen, otherwise presentation mode") {
    ui::AudienceState audience;
    auto services = storeServices();
    services.audience = &audience;
    UiHarness h("de", std::move(services));
    audience.monitors = 1;
    h.chord(ui::key::F5);
    CHECK_FALSE(audience.open);
    CHECK(h.shell().presentation());
    h.chord(ui::key::F5);
    CHECK_FALSE(h.shell().presentation());

    audience.monitors = 2;
    h.chord(ui::key::F5);
    CHECK(audience.open);
    CHECK_FALSE(h.shell().presentation());
    h.chord(ui::key::F5, false, true); // Shift+F5: presentation mode, whatever the screens
    CHECK(h.shell().presentation());
    h.chord(ui::key::F5, false, true);
    h.chord(ui::key::F5);
    CHECK_FALSE(audience.open);
}

TEST_CASE("View > Audience monitor lists the connected monitors and choosing one sets the state") {
    ui::AudienceState audience;
    audience.monitors = 2;
    audience.connected = {{"eDP-1", 1920, 1080}, {"HDMI-1", 1280, 720}};
    auto services = storeServices();
    services.audience = &audience;
    UiHarness h("de", std::move(services));
    h.frame(2);
    const auto openSubmenu = [&h] {
        h.click("Ansicht");
        const auto submenu = h.settled("Monitor f\xC3\xBCr das Zuschauerfenster");
        REQUIRE(submenu.has_value());
        h.io().MousePos = *submenu; // submenus open on hover
        h.frame(4);
    };
    openSubmenu();
    CHECK(h.shows("Automatisch"));
    CHECK(h.shows("eDP-1 (1920\xC3\x97" "1080)"));
    CHECK(h.shows("HDMI-1 (1280\xC3\x97" "720)"));
    CHECK(audience.monitor.empty()); // automatic by default
    h.click("HDMI-1 (1280\xC3\x97" "720)");
    CHECK(audience.monitor == "HDMI-1");
    CHECK_FALSE(audience.open); // choosing does not open the window by itself

    openSubmenu();
    h.click("Automatisch");
    CHECK(audience.monitor.empty());
}

TEST_CASE("The room size is a setting that survives a restart") {
    ui::Settings settings;
    CHECK(settings.roomSize == ui::RoomSize::Small);
    settings.roomSize = ui::RoomSize::Large;
    CHECK(ui::parseSettings(ui::formatSettings(settings)).roomSize == ui::RoomSize::Large);
    CHECK(ui::parseSettings("room_size = medium\n").roomSize == ui::RoomSize::Medium);
    CHECK(ui::parseSettings("room_size = huge\n").roomSize == ui::RoomSize::Small);
    ui::RoomSize parsed = ui::RoomSize::Small;
    CHECK(ui::parseRoomSize("large", parsed));
    CHECK(parsed == ui::RoomSize::Large);
    CHECK_FALSE(ui::parseRoomSize("Large", parsed));
}

} // namespace lernraum::test
