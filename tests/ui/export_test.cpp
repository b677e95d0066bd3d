// File > Export: the menu entries call the export services with the open session, the chosen
// path, the format and the UI language; the research export needs research consent and shows
// where the pseudonym key is. The services are fakes here (the UI tests do not link src/report).

#include "harness.hpp"

#include "core/demo.hpp"

#include <string>
#include <vector>

using lernraum::test::TempDir;
namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

struct ReportCall {
    core::Session session;
    std::string path, format, lang;
    ui::ReportHead head;
};

struct ResearchCall {
    core::Session session;
    std::string dir;
};

// A shell with fake export services; the native dialog answers `dialogPath` in the next frame
// (empty: there is none, so the built-in dialog opens).
class ExportHarness {
public:
    explicit ExportHarness(const std::string& lang, std::string dialogPath = {}) : m_dialogPath(std::move(dialogPath)) {
        ui::setLanguage(lang);
        ui::setItemRecording(true);
        ui::ShellServices services = lernraum::test::storeServices();
        dialog = std::make_shared<lernraum::test::FakeNativeDialog>();
        dialog->available = !m_dialogPath.empty();
        dialog->autoAnswer = ui::NativeDialogAnswer{ui::NativeDialogAnswer::Result::Chosen, m_dialogPath};
        services.nativeDialog = dialog;
        services.exportReport = [this](const core::Session& session, const std::string& path, std::string_view format,
                                       std::string_view language, const ui::ReportHead& head) {
            reports.push_back({session, path, std::string(format), std::string(language), head});
            return reportError;
        };
        services.openReport = [this](const core::Session& session, std::string_view language, const ui::ReportHead& head) {
            opened.push_back({session, {}, "html", std::string(language), head});
            return reportError;
        };
        services.exportResearch = [this](const core::Session& session, const std::string& dir) {
            research.push_back({session, dir});
            ui::ResearchExportOutcome outcome;
            outcome.keyFile = "/home/facilitator/.config/lernraum/research-export.key";
            outcome.keyCreated = true;
            outcome.files = 11;
            return outcome;
        };
        m_shell.emplace(std::move(services), m_settings);
        frame();
    }
    ~ExportHarness() { ui::setItemRecording(false); }

    ui::Shell& shell() { return *m_shell; }

    void frame(int count = 1) {
        for (int i = 0; i < count; ++i) {
            m_context.newFrame();
            m_time += 1.0 / 60.0;
            m_shell->draw(m_time, core::Timestamp{1'790'000'000});
            m_context.endFrame();
        }
    }
    std::optional<ImVec2> find(const std::string& label) const {
        for (const auto& item : ui::recordedItems()) {
            if (item.label == label) return ImVec2((item.min.x + item.max.x) * 0.5f, (item.min.y + item.max.y) * 0.5f);
        }
        return std::nullopt;
    }
    bool shows(const std::string& label) {
        frame(3);
        return find(label).has_value();
    }
    void click(const std::string& label) {
        std::optional<ImVec2> pos = find(label);
        for (int i = 0; i < 6; ++i) { // wait until the item exists and stops moving
            frame();
            const auto next = find(label);
            if (pos && next && pos->x == next->x && pos->y == next->y) break;
            pos = next;
        }
        INFO("clicking '" << label << "'");
        REQUIRE(pos.has_value());
        ImGui::GetIO().MousePos = *pos;
        frame();
        ImGui::GetIO().MouseDown[0] = true;
        frame();
        ImGui::GetIO().MouseDown[0] = false;
        frame();
    }

    void typeInto(const std::string& field, const std::string& text) {
        click(field);
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frame(2);
    }

    std::shared_ptr<lernraum::test::FakeNativeDialog> dialog;
    const std::vector<ui::FileDialogRequest>& requests() const { return dialog->requests; }
    std::vector<ReportCall> reports;
    std::vector<ReportCall> opened;
    std::vector<ResearchCall> research;
    std::string reportError;

private:
    ui::HeadlessContext m_context;
    ui::Settings m_settings;
    std::optional<ui::Shell> m_shell;
    double m_time = 0.0;
    std::string m_dialogPath;
};

} // namespace

TEST_CASE("File > Export > HTML passes the open session, the chosen path and the UI language", "[ui][export]") {
    TempDir dir;
    ExportHarness h("en", dir.file("bericht"));
    const core::Session demo = core::makeDemoSession();
    h.shell().setSession(demo, dir.file("demo.lernraum"));
    h.frame();
    h.click("File");
    h.click("Export");
    h.click("Transfer report (HTML)\xE2\x80\xA6");
    h.frame(); // the desktop dialog answers in a later frame
    REQUIRE(h.requests().size() == 1);
    CHECK(h.requests()[0].suggestion == dir.file("demo.html")); // named after the session file, in its folder
    CHECK(h.requests()[0].title == "Export transfer report (HTML)"); // its own title and filter
    CHECK(h.requests()[0].pattern == "*.html");
    CHECK_FALSE(h.requests()[0].folder);
    REQUIRE(h.reports.size() == 1);
    CHECK(h.reports[0].session == demo);
    CHECK(h.reports[0].path == dir.file("bericht.html")); // the extension is added
    CHECK(h.reports[0].format == "html");
    CHECK(h.reports[0].lang == "en");
    h.frame(2);
    CHECK(h.shell().exportMenu().resultShown());
    CHECK_FALSE(h.shell().exportMenu().failed());
    CHECK(h.shell().exportMenu().resultMessage() == "Written to " + dir.file("bericht.html"));
    CHECK(h.research.empty());
    h.click("OK");
    CHECK_FALSE(h.shell().exportMenu().resultShown());
}

TEST_CASE("the German menu writes a German Markdown report, a write error is shown", "[ui][export][i18n]") {
    TempDir dir;
    ExportHarness h("de", dir.file("bericht.md"));
    h.reportError = "bericht.md: error: permission denied";
    h.shell().setSession(core::makeDemoSession(), {});
    h.frame();
    h.click("Datei");
    h.click("Exportieren");
    h.click("Transferbericht (Markdown) \xE2\x80\xA6");
    h.frame(); // the desktop dialog answers in a later frame
    REQUIRE(h.reports.size() == 1);
    CHECK(h.reports[0].path == dir.file("bericht.md")); // an extension given is kept
    CHECK(h.reports[0].format == "md");
    CHECK(h.reports[0].lang == "de");
    h.frame(2);
    CHECK(h.shell().exportMenu().failed());
    CHECK(h.shell().exportMenu().resultMessage() == h.reportError);
    CHECK(h.shows("OK"));
}

TEST_CASE("the German menu writes an ODT report with the .odt extension", "[ui][export][i18n]") {
    TempDir dir;
    ExportHarness h("de", dir.file("bericht"));
    h.shell().setSession(core::makeDemoSession(), dir.file("demo.lernraum"));
    h.frame();
    h.click("Datei");
    h.click("Exportieren");
    h.click("Transferbericht (OpenDocument-Text, ODT) \xE2\x80\xA6");
    h.frame(); // the desktop dialog answers in a later frame
    REQUIRE(h.requests().size() == 1);
    CHECK(h.requests()[0].suggestion == dir.file("demo.odt"));
    CHECK(h.requests()[0].pattern == "*.odt");
    REQUIRE(h.reports.size() == 1);
    CHECK(h.reports[0].path == dir.file("bericht.odt"));
    CHECK(h.reports[0].format == "odt");
    CHECK(h.reports[0].lang == "de");
}

TEST_CASE("the report head typed in the dialog goes into every later report and the browser report", "[ui][export][i18n]") {
    TempDir dir;
    ExportHarness h("de", dir.file("bericht.html"));
    h.shell().setSession(core::makeDemoSession(), {});
    h.frame();
    h.click("Datei");
    h.click("Exportieren");
    h.click("Berichtskopf \xE2\x80\xA6");
    h.frame(3);
    REQUIRE(h.shows("Report head organisation"));
    h.typeInto("Report head organisation", "Stadt Musterhausen");
    h.typeInto("Report head file number", "AZ 10-2026/17");
    h.typeInto("Report head status", "Entwurf");
    h.click("OK");
    h.frame(2);
    CHECK(h.shell().exportMenu().reportHead().organisation == "Stadt Musterhausen");
    h.click("Datei");
    h.click("Exportieren");
    h.click("Transferbericht (HTML) \xE2\x80\xA6");
    h.frame(); // the desktop dialog answers in a later frame
    REQUIRE(h.reports.size() == 1);
    CHECK(h.reports[0].head.organisation == "Stadt Musterhausen");
    CHECK(h.reports[0].head.fileNumber == "AZ 10-2026/17");
    CHECK(h.reports[0].head.status == "Entwurf");
    CHECK(h.reports[0].head.author.empty());
    h.frame(2);
    h.click("OK");
    h.click("Datei");
    h.click("Exportieren");
    h.click("Bericht \xC3\xB6""ffnen / drucken");
    REQUIRE(h.opened.size() == 1);
    CHECK(h.opened[0].lang == "de");
    CHECK(h.opened[0].head.fileNumber == "AZ 10-2026/17");
}

TEST_CASE("the built-in dialog (no native one) exports the report under the name typed", "[ui][export]") {
    TempDir dir;
    ExportHarness h("en"); // native dialog unavailable
    h.shell().setSession(core::makeDemoSession(), dir.file("demo.lernraum"));
    h.frame();
    h.click("File");
    h.click("Export");
    h.click("Transfer report (HTML)\xE2\x80\xA6");
    h.frame(); // the desktop dialog answers in a later frame
    CHECK(h.reports.empty()); // waits for the dialog
    h.frame(3); // the popup is measured in its first frames and placed after that
    h.click("Save");
    REQUIRE(h.reports.size() == 1);
    // The suggestion demo.html is kept; the dialog's ".lernraum" is not appended to a report.
    CHECK(h.reports[0].path == dir.file("demo.html"));
}

TEST_CASE("the research export is refused without research consent", "[ui][export][privacy]") {
    TempDir dir;
    ExportHarness h("en", dir.file("data"));
    core::Session session = core::makeDemoSession();
    session.researchConsent = false;
    h.shell().setSession(session, {});
    h.frame();
    h.click("File");
    h.click("Export");
    h.click("Export research data\xE2\x80\xA6");
    h.frame(); // the desktop dialog answers in a later frame
    CHECK(h.research.empty());
    CHECK(h.requests().empty()); // no directory asked for
    h.frame(2);
    CHECK(h.shell().exportMenu().failed());
    CHECK(h.shell().exportMenu().resultMessage().find("no research consent") != std::string::npos);
}

TEST_CASE("the research export with consent writes into the chosen directory and names the key file", "[ui][export][privacy]") {
    TempDir dir;
    ExportHarness h("en", dir.file("data"));
    core::Session session = core::makeDemoSession();
    session.researchConsent = true;
    h.shell().setSession(session, dir.file("demo.lernraum"));
    h.frame();
    h.click("File");
    h.click("Export");
    h.click("Export research data\xE2\x80\xA6");
    h.frame(); // the desktop dialog answers in a later frame
    REQUIRE(h.requests().size() == 1);
    CHECK(h.requests()[0].folder); // a folder, not a file
    CHECK(h.requests()[0].title == "Folder for the research data");
    CHECK(h.requests()[0].suggestion == dir.file("demo-research-data"));
    REQUIRE(h.research.size() == 1);
    CHECK(h.research[0].session == session);
    CHECK(h.research[0].dir == dir.file("data"));
    CHECK(h.reports.empty());
    h.frame(2);
    CHECK_FALSE(h.shell().exportMenu().failed());
    CHECK(h.shell().exportMenu().resultMessage() == "Written to " + dir.file("data"));
    const std::string detail = h.shell().exportMenu().resultDetail();
    CHECK(detail.find("/home/facilitator/.config/lernraum/research-export.key") != std::string::npos);
    CHECK(detail.find("new key") != std::string::npos);
    CHECK(h.shows("OK"));
}
