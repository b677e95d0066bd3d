// Transfer report fixes (issue 11 "Report fixes found on the way", issue 13 items 10 and 14):
// format names, kind labels, group votes, chart labels, plurals, ROTI anchors, open items, names in
// free text, overflow-safe totals.
#include "report_test_support.hpp"

#include "core/types.hpp"
#include "report/document.hpp"
#include "report/report.hpp"
#include "report/research_export.hpp"
#include "report/strings.hpp"

#include <climits>

using namespace lernraum;
using namespace lernraum::report;
using namespace lernraum::report::test;

namespace {

const core::RetroLibrary& library() { return shippedLibrary(); }

std::string md(const std::vector<core::Session>& s, Language l = Language::German, bool names = false) {
    ReportOptions o;
    o.format = ReportFormat::Markdown;
    o.language = l;
    o.includeNames = names;
    o.library = &library();
    return renderReport(s, o);
}
std::string html(const std::vector<core::Session>& s, Language l = Language::German) {
    ReportOptions o;
    o.format = ReportFormat::Html;
    o.language = l;
    o.library = &library();
    return renderReport(s, o);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
}

} // namespace

TEST_CASE("the report names the retrospective format, not its id", "[report][fixes]") {
    REQUIRE_FALSE(library().formats.empty());
    auto s = makeSmallSession("s1", {});
    s.retrospectives[0].formatId = "4ls";
    CHECK(md({s}).find("**Format:** 4L: Gemocht / Gelernt / Gefehlt / Gewünscht") != std::string::npos);
    CHECK(md({s}, Language::English).find("**Format:** 4Ls: Liked / Learned / Lacked / Longed for") != std::string::npos);
    CHECK(md({s}).find("**Format:** 4ls") == std::string::npos);
    s.retrospectives[0].formatId = "custom";
    CHECK(md({s}).find("**Format:** eigenes Format") != std::string::npos);
}

TEST_CASE("the session kind reads the same in the report as in the GUI", "[report][fixes]") {
    // The GUI (src/ui/labels.cpp) shows core::sessionKindLabel; the report must too.
    for (int i = 0; i < static_cast<int>(core::SessionKind::Count); ++i) {
        const auto kind = static_cast<core::SessionKind>(i);
        CHECK(label(Language::German, kind) == core::sessionKindLabel(kind, "de"));
        CHECK(label(Language::English, kind) == core::sessionKindLabel(kind, "en"));
        auto s = makeSmallSession("s1", {});
        s.kind = kind;
        CHECK(md({s}).find("**Art der Sitzung:** " + std::string(core::sessionKindLabel(kind, "de"))) != std::string::npos);
    }
    CHECK(core::sessionKindLabel(core::SessionKind::KickOff, "de") == "Auftaktveranstaltung");
    CHECK(core::sessionKindLabel(core::SessionKind::Other, "de") == "Workshop");
}

TEST_CASE("dots given to a group show on the group's cards", "[report][fixes]") {
    auto s = makeSmallSession("s1", {});
    auto& r = s.retrospectives[0];
    r.groups[0].votes = 7;
    r.groups[0].title = "Gruppe A";
    r.items[0].votes = 0;
    const std::string out = md({s});
    CHECK(out.find("| Gruppe A | (Punkte auf die ganze Gruppe) | | 7 |") != std::string::npos);
    CHECK(out.find("| | Beitrag | Was lief gut? | 0 |") != std::string::npos);
    r.groups[0].votes = 0;
    CHECK(md({s}).find("Punkte auf die ganze Gruppe") == std::string::npos);
}

TEST_CASE("long chart labels are not cut", "[report][fixes]") {
    const std::string longTitle = "Erreichbarkeit und Reaktionszeiten im hybriden Arbeitsalltag der Außenstelle Nordwestkreis Endwort";
    auto s = makeSmallSession("s1", {});
    s.retrospectives[0].groups[0].title = longTitle;
    s.boards[0].columns[0].title = "Eine sehr lange Spaltenüberschrift mit vielen Wörtern Schlusswort";
    const std::string h = html({s});
    for (const std::string word : {"Erreichbarkeit", "Außenstelle", "Nordwestkreis", "Endwort", "Spaltenüberschrift", "Schlusswort"}) {
        INFO(word);
        CHECK(count(h, word) >= 1);
    }
    CHECK(h.find("…</t") == std::string::npos); // no truncation mark in any SVG text
    CHECK(md({s}).find("| " + longTitle + " |") != std::string::npos);
    for (const auto& line : wrapLabel(longTitle, 30)) CHECK(line.size() <= 30 + 4); // a few bytes of "ß"
    CHECK(wrapLabel("Donaudampfschifffahrtsgesellschaftskapitän", 10).size() == 5);
}

TEST_CASE("German counts use singular and plural forms", "[report][fixes]") {
    auto s = makeSmallSession("s1", {}, {1, 2, 1, 1, 1});
    std::string out = md({s});
    CHECK(out.find("1 erledigte Karte)") != std::string::npos);
    CHECK(out.find("1 erledigte Karten") == std::string::npos);
    CHECK(out.find("(1 Führungskraft, 2 Beschäftigte, 1 Personalrat, 1 Moderation, 1 Extern)") != std::string::npos);
    auto second = s.boards[0].cards[0];
    second.id = "s1-card2";
    s.boards[0].cards.push_back(second);
    out = md({s});
    CHECK(out.find("2 erledigte Karten)") != std::string::npos);
    CHECK(md({s}, Language::English).find("2 cards done)") != std::string::npos);
}

TEST_CASE("the ROTI scale is explained once", "[report][fixes]") {
    auto s = makeSmallSession("s1", {});
    s.retrospectives[0].roti.question = "Hat es sich gelohnt?";
    const std::string withoutAnchors = md({s});
    CHECK(count(withoutAnchors, "1 = verschwendet … 5 = sehr wertvoll") == 1);
    s.retrospectives[0].roti.question = "Hat es sich gelohnt? (1 = verschwendet, 5 = sehr wertvoll)";
    const std::string withAnchors = md({s});
    CHECK(count(withAnchors, "1 = verschwendet") == 1);
}

TEST_CASE("the report lists open cards and open actions with owner role and due date", "[report][fixes]") {
    auto s = makeSmallSession("s1", {});
    auto open = s.boards[0].cards[0];
    open.id = "s1-open";
    open.title = "Leitfaden schreiben";
    open.columnId = "s1-c2";
    open.ownerRole = core::Role::StaffCouncil;
    open.due = core::Date{2026, 12, 24};
    s.boards[0].cards.push_back(open);
    auto archived = open;
    archived.id = "s1-archived";
    archived.title = "Archivierte Karte";
    archived.archived = true;
    s.boards[0].cards.push_back(archived);
    s.retrospectives[0].actions[0].text = "Termin mit der Amtsleitung";
    auto dropped = s.retrospectives[0].actions[0];
    dropped.id = "s1-dropped";
    dropped.text = "Verworfene Maßnahme";
    dropped.status = core::ActionStatus::Dropped;
    s.retrospectives[0].actions.push_back(dropped);
    const std::string out = md({s});
    const auto section = out.find("## Offene Punkte");
    REQUIRE(section != std::string::npos);
    const std::string part = out.substr(section, out.find("\n## ", section + 1) - section);
    const auto action = part.find("| Maßnahme | Termin mit der Amtsleitung | offen | Führungskraft | 01.12.2026 |");
    const auto card = part.find("| Karte | Leitfaden schreiben | Board: In Arbeit | Personalrat | 24.12.2026 |");
    CHECK(action != std::string::npos);
    CHECK(card != std::string::npos);
    CHECK(action < card); // earliest due date first
    CHECK(part.find("Archivierte Karte") == std::string::npos);
    CHECK(part.find("Verworfene") == std::string::npos);
    CHECK(part.find("| Karte | Karte |") == std::string::npos); // the done card is not open
}

TEST_CASE("the report without names scrubs names from free text", "[report][privacy][scrub]") {
    SessionTexts t;
    t.item = "Frau Quellenbrink meinte, Herr Ołowski solle h.meier (at) kreis.de fragen";
    t.action = "Quellenbrink klärt das";
    t.observation = "QUELLENBRINK und Olowski beobachten";
    t.card = "Karte für Ołowski";
    auto a = makeSmallSession("s1", t);
    a.participants[0].displayName = "Hanna Quellenbrink";
    auto b = makeSmallSession("s2", {});
    b.date = core::Date{2026, 12, 18};
    b.participants[0].displayName = "Piotr Ołowski"; // a participant of the other session
    b.facilitator = "Heike Meier";
    for (const auto& series : {std::vector<core::Session>{a, b}}) {
        const std::string withoutNames = md(series);
        CHECK(lower(withoutNames).find("quellenbrink") == std::string::npos);
        CHECK(lower(withoutNames).find("owski") == std::string::npos);
        CHECK(lower(withoutNames).find("h.meier") == std::string::npos);
        CHECK(replaceAll(withoutNames, "\\", "").find("Frau [NAME] meinte, Herr [NAME] solle [EMAIL] fragen") != std::string::npos);
        const std::string withNames = md(series, Language::German, true);
        CHECK(withNames.find("Frau Quellenbrink meinte") != std::string::npos);
        // The privacy note says what the placeholders mean, only when they are used.
        CHECK(withoutNames.find("Namen erfasster Teilnehmender") != std::string::npos);
        CHECK(withNames.find("Namen erfasster Teilnehmender") == std::string::npos);
    }
}

TEST_CASE("vote totals near INT_MAX do not wrap", "[report][fixes][overflow]") {
    auto s = makeSmallSession("s1", {});
    auto& r = s.retrospectives[0];
    r.groups[0].votes = INT_MAX - 1;
    r.items[0].votes = INT_MAX - 1;
    auto second = r.items[0];
    second.id = "s1-i2";
    r.items.push_back(second);
    r.roti.counts = {INT_MAX, INT_MAX, INT_MAX, INT_MAX, INT_MAX};
    s.agenda[0].timeboxMinutes = INT_MAX;
    auto more = s.agenda[0];
    more.id = "s1-ag2";
    s.agenda.push_back(more);
    for (const auto& out : {md({s}), html({s})}) {
        CHECK(out.find("-2147483") == std::string::npos); // no negative sum
        CHECK(out.find("Mittelwert: 3,0") != std::string::npos);
        CHECK(out.find("4294967294") != std::string::npos); // planned minutes, summed in 64 bit
    }
    ExportOptions o;
    o.key = std::string(32, 'K');
    const auto e = exportResearch({{"s.lernraum", s}}, o);
    CHECK(e.tables.at("sessions.csv").find(",4294967294,") != std::string::npos);
    CHECK(e.tables.at("sessions.csv").find(",-") == std::string::npos);
}

TEST_CASE("a format id made of free text is not exported", "[report][export][privacy]") {
    auto s = makeSmallSession("s1", {});
    ExportOptions o;
    o.key = std::string(32, 'K');
    for (const auto& [id, expected] : std::vector<std::pair<std::string, std::string>>{
             {"4ls", "4ls"}, {"custom", "custom"}, {"team-meier", "other"}, {"Retro mit Hanna Quellenbrink", "other"}}) {
        s.retrospectives[0].formatId = id;
        const auto csv = exportResearch({{"s.lernraum", s}}, o).tables.at("retro_items.csv");
        INFO(id);
        CHECK(csv.find("," + expected + ",") != std::string::npos);
        if (id != expected) CHECK(csv.find(id) == std::string::npos);
    }
}

TEST_CASE("the built-in format ids are the shipped formats", "[report][export]") {
    std::vector<std::string> shipped;
    for (const auto& f : library().formats) shipped.push_back(f.id);
    CHECK(shipped == builtinFormatIds());
}
