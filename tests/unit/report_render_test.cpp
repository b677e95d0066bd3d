// Transfer report: golden files, escaping of hostile text, determinism, series reports.
#include "report_test_support.hpp"

#include <zip.h>

#include "core/demo.hpp"
#include "core/validate.hpp"
#include "report/escape.hpp"
#include "report/report.hpp"

#include <regex>
#include <set>

using namespace lernraum;
using namespace lernraum::report;
using namespace lernraum::report::test;

namespace {

std::string render(const std::vector<core::Session>& s, ReportFormat f, Language l, bool names = false) {
    ReportOptions o{f, l, names};
    o.library = &shippedLibrary();
    return renderReport(s, o);
}

// Every tag name that appears in the HTML, e.g. "h1", "/h1", "svg".
std::set<std::string> tagNames(const std::string& html) {
    std::set<std::string> tags;
    static const std::regex tag{R"(<(/?[A-Za-z][A-Za-z0-9-]*))"};
    for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) tags.insert(lower((*it)[1]));
    return tags;
}

// Attribute names of every tag, parsed the way a browser would (quoted values skipped).
std::vector<std::string> attributeNames(const std::string& html) {
    std::vector<std::string> names;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string::npos) {
        ++i;
        if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
        while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) && html[i] != '>') ++i; // tag name
        while (i < html.size() && html[i] != '>') {
            if (std::isspace(static_cast<unsigned char>(html[i])) || html[i] == '/') {
                ++i;
                continue;
            }
            std::string name;
            while (i < html.size() && html[i] != '=' && html[i] != '>' && !std::isspace(static_cast<unsigned char>(html[i]))) name += html[i++];
            names.push_back(lower(name));
            if (i < html.size() && html[i] == '=') {
                ++i;
                if (html[i] == '"' || html[i] == '\'') {
                    const char q = html[i];
                    i = html.find(q, i + 1);
                    if (i == std::string::npos) return names;
                    ++i;
                } else {
                    while (i < html.size() && html[i] != '>' && !std::isspace(static_cast<unsigned char>(html[i]))) ++i;
                }
            }
        }
    }
    return names;
}

// Characters that would be markup in Markdown when not preceded by a backslash.
bool hasUnescaped(const std::string& md, const std::string& what) {
    for (std::size_t p = md.find(what); p != std::string::npos; p = md.find(what, p + 1)) {
        if (p == 0 || md[p - 1] != '\\') return true;
    }
    return false;
}

} // namespace

// One entry of a zip held in memory ("" when missing).
static std::string zipEntry(const std::string& zipBytes, const char* name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(zipBytes.data(), zipBytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (!archive) {
        if (source) zip_source_free(source);
        return {};
    }
    std::string out;
    zip_stat_t st;
    if (zip_stat(archive, name, 0, &st) == 0) {
        if (zip_file_t* f = zip_fopen(archive, name, 0)) {
            out.resize(static_cast<std::size_t>(st.size));
            if (zip_fread(f, out.data(), st.size) != static_cast<zip_int64_t>(st.size)) out.clear();
            zip_fclose(f);
        }
    }
    zip_close(archive);
    return out;
}

TEST_CASE("the ODT report is a zip package with the mimetype first and stored", "[report][odt]") {
    const auto demo = core::makeDemoSession();
    const auto odt = render({demo}, ReportFormat::Odt, Language::German, false);
    // The first local file header: signature, stored (method 0), name "mimetype", then the type.
    REQUIRE(odt.size() > 100);
    CHECK(odt.substr(0, 4) == std::string("PK\x03\x04", 4));
    CHECK(odt[8] == 0);
    CHECK(odt[9] == 0);
    CHECK(odt.substr(30, 8) == "mimetype");
    CHECK(odt.substr(38, 39) == "application/vnd.oasis.opendocument.text");
    const std::string content = zipEntry(odt, "content.xml");
    CHECK(content.find("<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">Kontext</text:h>") != std::string::npos);
    CHECK(content.find("xlink:href=\"Pictures/chart1.png\"") != std::string::npos);
    CHECK(zipEntry(odt, "Pictures/chart1.png").substr(1, 3) == "PNG");
    CHECK(zipEntry(odt, "META-INF/manifest.xml").find("Pictures/chart1.png") != std::string::npos);
    CHECK(render({demo}, ReportFormat::Odt, Language::German, false) == odt); // deterministic
    // English: English page footer and language.
    const auto en = render({demo}, ReportFormat::Odt, Language::English, false);
    CHECK(zipEntry(en, "styles.xml").find("Page <text:page-number") != std::string::npos);
    CHECK(zipEntry(en, "styles.xml").find("fo:language=\"en\"") != std::string::npos);
}

TEST_CASE("transfer report of the demo session matches the golden files", "[report][golden]") {
    const auto demo = core::makeDemoSession();
    REQUIRE(core::validate(demo).empty());
    checkGolden(fixturePath("demo_de.md"), render({demo}, ReportFormat::Markdown, Language::German));
    checkGolden(fixturePath("demo_en.md"), render({demo}, ReportFormat::Markdown, Language::English));
    checkGolden(fixturePath("demo_de.html"), render({demo}, ReportFormat::Html, Language::German));
    checkGolden(fixturePath("demo_en.html"), render({demo}, ReportFormat::Html, Language::English));
}

TEST_CASE("the transfer report is deterministic and independent of input order", "[report]") {
    const auto a = makeSmallSession("s1", {});
    auto b = makeSmallSession("s2", {});
    b.date = core::Date{2026, 12, 18};
    for (const auto format : {ReportFormat::Markdown, ReportFormat::Html}) {
        const auto first = render({a, b}, format, Language::German);
        CHECK(first == render({a, b}, format, Language::German));
        CHECK(first == render({b, a}, format, Language::German)); // sorted by date
        CHECK(first != render({a, b}, format, Language::English));
    }
}

TEST_CASE("the HTML report is self-contained: no scripts, no external resources", "[report]") {
    const auto html = render({core::makeDemoSession()}, ReportFormat::Html, Language::German);
    const auto tags = tagNames(html);
    for (const char* banned : {"script", "img", "link", "iframe", "object", "embed", "a", "form", "base", "image", "use"})
        CHECK_FALSE(tags.contains(banned));
    CHECK(tags.contains("svg"));
    CHECK(tags.contains("style"));
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("@page{size:A4") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("names stay out of the report unless asked for", "[report]") {
    auto s = makeSmallSession("s1", {});
    s.participants[0].displayName = "Hildegard Zwiebelfisch";
    s.facilitator = "Rüdiger Kaffeekanne";
    for (const auto format : {ReportFormat::Markdown, ReportFormat::Html}) {
        const auto withoutNames = render({s}, format, Language::German);
        CHECK(withoutNames.find("Zwiebelfisch") == std::string::npos);
        CHECK(withoutNames.find("Kaffeekanne") == std::string::npos);
        const auto withNames = render({s}, format, Language::German, true);
        CHECK(withNames.find("Zwiebelfisch") != std::string::npos);
        CHECK(withNames.find("Kaffeekanne") != std::string::npos);
    }
}

TEST_CASE("hostile text in cards, items and experiments produces inert output", "[report][security]") {
    const std::vector<std::string> payloads{
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "</style><script>alert(2)</script>",
        "</title><svg onload=alert(3)>",
        "[klick mich](javascript:alert(4)) ![bild](http://evil.example/x.png) <b>fett</b>",
        "# Überschrift\n- Liste\n| a | b |\n```code```",
        "steuer\x01zeichen\x1b[31m\x7f und \xC2\x85 und \xE2\x80\xAE bidi",
        "' onmouseover='alert(5)",
        "</textarea><iframe src=//evil>",
        "&lt;script&gt; already escaped &amp;",
    };
    std::string all;
    for (const auto& p : payloads) all += p + " ";
    SessionTexts t;
    t.card = t.item = t.experiment = t.observation = t.action = t.group = t.title = t.goal = all;
    auto s = makeSmallSession("evil", t);
    s.lernraum = all;
    s.orgUnit = all;
    s.boards[0].columns[0].title = all;
    s.retrospectives[0].prompts[0].text = all;
    s.agenda[0].title = all;
    s.retrospectives[0].roti.question = all;

    for (const auto lang : {Language::German, Language::English}) {
        const auto html = render({s}, ReportFormat::Html, lang, true);
        const auto tags = tagNames(html);
        for (const char* banned : {"script", "img", "iframe", "b", "textarea", "a", "title"}) {
            if (std::string(banned) == "title") continue; // the document's own <title> is expected
            INFO(banned);
            CHECK_FALSE(tags.contains(banned));
        }
        CHECK(std::count(html.begin(), html.end(), '<') == std::count(html.begin(), html.end(), '>'));
        // Only the document's own <style> and <title> element, once each.
        // (Counted with find: std::regex's recursive matcher overflows the stack on a whole report.)
        const auto occurrences = [&](std::string_view needle) {
            int n = 0;
            for (auto pos = html.find(needle); pos != std::string::npos; pos = html.find(needle, pos + 1)) ++n;
            return n;
        };
        CHECK(occurrences("</style>") == 1);
        CHECK(occurrences("</title>") == 1);
        // No event handler (or any unexpected) attribute inside any tag.
        const std::set<std::string> allowed{"lang", "charset", "http-equiv", "content", "name", "class", "scope",
                                            "viewbox", "width", "height", "role", "aria-label", "x", "y", "x1",
                                            "x2", "y1", "y2", "fill", "fill-opacity", "stroke", "points", "text-anchor"};
        for (const auto& attr : attributeNames(html)) {
            INFO(attr);
            CHECK(allowed.contains(attr));
            CHECK(attr.rfind("on", 0) == std::string::npos);
        }
        CHECK(html.find("&lt;script&gt;") != std::string::npos); // visible as text
        CHECK(html.find("&amp;lt;script&amp;gt;") != std::string::npos); // pre-escaped text stays literal
        // Control and bidi characters are gone.
        for (const char* bad : {"\x01", "\x1b", "\x7f", "\xC2\x85", "\xE2\x80\xAE"}) CHECK(html.find(bad) == std::string::npos);

        // ODT: the same text only as XML character data.
        const auto odt = render({s}, ReportFormat::Odt, lang, true);
        const std::string content = zipEntry(odt, "content.xml");
        REQUIRE_FALSE(content.empty());
        for (const char* banned : {"<script", "<img", "<iframe", "<b>", "<text:a", "<office:script", "<svg onload"}) {
            INFO(banned);
            CHECK(content.find(banned) == std::string::npos);
        }
        CHECK(content.find("&lt;script&gt;") != std::string::npos);
        CHECK(content.find("&amp;lt;script&amp;gt;") != std::string::npos);
        CHECK(std::count(content.begin(), content.end(), '<') == std::count(content.begin(), content.end(), '>'));
        for (const char* bad : {"\x01", "\x1b", "\x7f", "\xC2\x85", "\xE2\x80\xAE"}) CHECK(content.find(bad) == std::string::npos);
        CHECK(zipEntry(odt, "mimetype") == "application/vnd.oasis.opendocument.text");

        const auto md = render({s}, ReportFormat::Markdown, lang, true);
        CHECK_FALSE(hasUnescaped(md, "<"));
        CHECK_FALSE(hasUnescaped(md, "]("));
        CHECK_FALSE(hasUnescaped(md, "`"));
        CHECK(md.find("\\<script") != std::string::npos); // visible as text
        CHECK(md.find("http://evil") == std::string::npos); // no autolink
        CHECK(md.find("\\[klick mich\\]") != std::string::npos);
        for (const char* bad : {"\x01", "\x1b", "\x7f", "\xC2\x85", "\xE2\x80\xAE"}) CHECK(md.find(bad) == std::string::npos);
        // User text never starts a Markdown block of its own (heading, list).
        std::istringstream lines(md);
        for (std::string line; std::getline(lines, line);) {
            INFO(line);
            CHECK(line.rfind("# Überschrift", 0) == std::string::npos);
            CHECK(line.rfind("- Liste", 0) == std::string::npos);
        }
    }
}

TEST_CASE("several sessions give one report over time", "[report]") {
    auto first = makeSmallSession("s1", {});
    auto second = makeSmallSession("s2", {});
    second.date = core::Date{2026, 12, 18};
    second.experiments[0].id = first.experiments[0].id; // carried forward
    second.experiments[0].status = core::ExperimentStatus::Evaluated;
    second.experiments[0].result = core::ExperimentResult::Confirmed;
    second.experiments[0].decision = core::Decision::Persevere;
    const auto md = render({second, first}, ReportFormat::Markdown, Language::German);
    CHECK(md.find("Entwicklung der Praxisexperimente") != std::string::npos);
    const auto running = md.find("| 20.11.2026 | läuft |");
    const auto evaluated = md.find("| 18.12.2026 | ausgewertet | bestätigt | beibehalten |");
    REQUIRE(running != std::string::npos);
    REQUIRE(evaluated != std::string::npos);
    CHECK(running < evaluated);
    CHECK(md.find("Stand: 18.12.2026") != std::string::npos);
}

TEST_CASE("report sections reflect the session", "[report]") {
    const auto s = makeSmallSession("s1", {});
    const auto md = render({s}, ReportFormat::Markdown, Language::English);
    CHECK(md.find("10 (2 Managers, 6 Employees, 1 Staff council, 1 Facilitator)") != std::string::npos);
    CHECK(md.find("| 1 | Set the stage | Check-in | 10 | 12 | yes |") != std::string::npos);
    CHECK(md.find("Lead time:** 7.0 days") != std::string::npos);  // 2 Nov -> 9 Nov
    CHECK(md.find("Cycle time:** 5.0 days") != std::string::npos); // 4 Nov -> 9 Nov
    CHECK(md.find("Answers: 10 · Mean: 3.7") != std::string::npos);
    CHECK(md.find("Next review:** 2026-12-18") != std::string::npos);
    const auto de = render({s}, ReportFormat::Markdown, Language::German);
    CHECK(de.find("Mittelwert: 3,7") != std::string::npos);
}
