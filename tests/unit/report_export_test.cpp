// Research export: canaries, k-anonymity, pseudonyms, determinism, CSV format, manifest, codebook.
#include "report_test_support.hpp"

#include "core/generate.hpp"
#include "core/validate.hpp"
#include "report/research_export.hpp"
#include "report/research_tables.hpp"

#include <random>
#include <regex>

using namespace lernraum;
using namespace lernraum::report;
using namespace lernraum::report::test;

namespace {

const std::string kKeyA(32, 'A');
const std::string kKeyB(32, 'B');

ExportOptions options(const std::string& key = kKeyA, bool includeText = false, int k = 5) {
    ExportOptions o;
    o.key = key;
    o.includeText = includeText;
    o.k = k;
    return o;
}

// RFC 4180 parser: returns rows of fields; fails the test on malformed input.
std::vector<std::vector<std::string>> parseCsv(const std::string& csv) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    std::size_t i = 0;
    bool fieldStarted = false;
    while (i < csv.size()) {
        const char c = csv[i];
        if (c == '"' && !fieldStarted && field.empty()) {
            ++i;
            while (true) {
                REQUIRE(i < csv.size()); // unterminated quote
                if (csv[i] == '"') {
                    if (i + 1 < csv.size() && csv[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += csv[i++];
            }
            fieldStarted = true;
            REQUIRE((i >= csv.size() || csv[i] == ',' || csv[i] == '\r'));
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == '\r') {
            REQUIRE(i + 1 < csv.size());
            REQUIRE(csv[i + 1] == '\n'); // CRLF line ends
            row.push_back(field);
            rows.push_back(row);
            row.clear();
            field.clear();
            fieldStarted = false;
            i += 2;
        } else {
            REQUIRE(c != '\n'); // a bare LF outside quotes
            REQUIRE(c != '"');  // a quote inside an unquoted field
            field += c;
            fieldStarted = true;
            ++i;
        }
    }
    REQUIRE(row.empty());
    REQUIRE(field.empty());
    return rows;
}

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    [[nodiscard]] std::size_t col(const std::string& name) const {
        const auto it = std::find(header.begin(), header.end(), name);
        REQUIRE(it != header.end());
        return static_cast<std::size_t>(it - header.begin());
    }
};

Table table(const ResearchExport& e, const std::string& name) {
    const auto it = e.tables.find(name);
    REQUIRE(it != e.tables.end());
    auto rows = parseCsv(it->second);
    REQUIRE_FALSE(rows.empty());
    Table t{rows.front(), {rows.begin() + 1, rows.end()}};
    for (const auto& r : t.rows) REQUIRE(r.size() == t.header.size());
    return t;
}

core::Session canarySession() {
    SessionTexts t;
    t.card = "Hildegard Zwiebelfisch und Jürgen bringen das ins Amt für Knödelwesen";
    t.item = "JUERGEN SCHNAEBELMEIER meinte: Frau Zwiebelfischs Idee ist gut, sagt Jurgen Schnabelmeier. "
             "Mail: hildegard.zwiebelfisch@knoedelwesen.example, Tel. +49 2921 30-1234, "
             "siehe https://www.grosshinterduesendorf.example/knoedel";
    t.experiment = "Björn Öhlschläger (Oehlschlaeger, ohlschlager, BJOERN) testet mit Gisela Quarkstrudel in "
                   "Großhinterdüsendorf – GROSSHINTERDUESENDORF, Grosshinterdusendorf – Strüdelpflege";
    t.observation = "quarkstrudel und zwiebelfisch beobachten im Lernraum Zauberwürfel; Zauberwürfel läuft. "
                    "Rückruf unter 0171 2345678";
    t.action = "Hildegard fragt Björn, Gisela und den Personalrat im Knödelwesen";
    t.group = "Themen von Schnäbelmeier";
    t.title = "Auswertung Amt für Knödelwesen Großhinterdüsendorf mit Gisela Quarkstrudel";
    t.goal = "Ziel von Hildegard Zwiebelfisch: Lernraum „Zauberwürfel“ voranbringen";
    auto s = makeSmallSession("zwiebelfisch-session", t);
    s.facilitator = "Gisela Quarkstrudel";
    s.orgUnit = "Amt für Knödelwesen Großhinterdüsendorf";
    s.lernraum = "Lernraum „Zauberwürfel“";
    const std::vector<std::string> names{"Hildegard Zwiebelfisch", "Jürgen Schnäbelmeier", "Björn Öhlschläger"};
    for (std::size_t i = 0; i < s.participants.size(); ++i) {
        s.participants[i].displayName = names[i % names.size()];
        s.participants[i].department = "Abteilung Strüdelpflege";
    }
    s.retrospectives[0].prompts[0].text = "Was sagt Zwiebelfisch?";
    s.boards[0].title = "Board von Quarkstrudel";
    s.boards[0].columns[0].title = "Zwiebelfisch wartet";
    s.agenda[0].title = "Begrüßung durch Gisela";
    s.experiments[0].links = {{"zwiebelfisch-session-i1", "", "Zwiebelfisch-Link"}};
    return s;
}

const std::vector<std::string> kCanaries{"hildegard",    "zwiebelfisch",        "jürgen",       "schnäbelmeier",
                                         "björn",        "öhlschläger",         "gisela",       "quarkstrudel",
                                         "knödelwesen",  "großhinterdüsendorf", "strüdelpflege", "zauberwürfel",
                                         "2921",         "2345678"};

} // namespace

TEST_CASE("scrubText replaces names in every spelling, e-mail, phone and URL", "[report][export][scrub]") {
    ScrubList list;
    list.names = {"Jürgen Schäfer", "Ada Li"};
    list.orgs = {"Stadtverwaltung Bad Mühlheim"};
    list.series = {"Führung auf Distanz"};
    CHECK(scrubText("Jürgen Schäfer sagt", list) == "[NAME] sagt");
    CHECK(scrubText("JUERGEN und schaefer und Jurgen Schafer", list) == "[NAME] und [NAME] und [NAME]");
    CHECK(scrubText("Schäfers Idee", list) == "[NAME] Idee"); // the genitive s is part of the name
    CHECK(scrubText("Ada und Li, nicht aber Adapter oder Limit", list) == "[NAME] und [NAME], nicht aber Adapter oder Limit");
    CHECK(scrubText("in Bad Mühlheim und MUEHLHEIM", list) == "in Bad [ORG] und [ORG]");
    CHECK(scrubText("die Stadtverwaltung bleibt", list) == "die Stadtverwaltung bleibt");
    CHECK(scrubText("Lernraum Führung auf Distanz", list) == "Lernraum [LERNRAUM]");
    CHECK(scrubText("Mail an j.schaefer@bad-muehlheim.example!", list) == "Mail an [EMAIL]!");
    CHECK(scrubText("Tel. +49 (0)2921 30-1234 oder 0171/2345678.", list) == "Tel. [PHONE] oder [PHONE].");
    CHECK(scrubText("am 01.02.2026 um 10 Uhr, 2026-11-22, 12 Karten", list) == "am 01.02.2026 um 10 Uhr, 2026-11-22, 12 Karten");
    CHECK(scrubText("siehe https://example.org/a?b=c, und www.example.org.", list) == "siehe [URL], und [URL].");
    CHECK(scrubText("ctrl\x01" "char", list) == "ctrlchar");
}

TEST_CASE("canary names never leave through the research export", "[report][export][privacy]") {
    const auto s = canarySession();
    REQUIRE(core::validate(s).empty());
    for (const bool includeText : {false, true}) {
        INFO("include text: " << includeText);
        auto o = options(kKeyA, includeText, 1);
        o.formats.sav = o.formats.dta = true; // every output format
        const auto e = exportResearch({{"canary.lernraum", s}}, o);
        REQUIRE(e.exportedSessions == 1);
        const auto files = e.files();
        for (const char* f : {"datapackage.json", "codebook.de.md", "sessions.sav", "retro_items.de.sav", "actions.dta", "experiments.de.dta"})
            CHECK(files.count(f) == 1);
        for (const auto& [name, content] : files) {
            const std::string low = lower(content);
            for (const auto& canary : kCanaries) {
                INFO(name << " must not contain " << canary);
                CHECK(low.find(lower(canary)) == std::string::npos);
                CHECK(low.find(transliterated(canary)) == std::string::npos);
                CHECK(low.find(stripped(canary)) == std::string::npos);
            }
            CHECK(content.find("@knoedel") == std::string::npos);
            // The only URL: libreadstat's product name in the header of a .sav file.
            CHECK(replaceAll(content, "@(#) SPSS DATA FILE - https://github.com/WizardMac/ReadStat", "").find("https://") == std::string::npos);
        }
        if (includeText) {
            // Text is there, only scrubbed.
            const auto items = table(e, "retro_items.csv");
            const auto text = items.rows.at(0).at(items.col("text"));
            CHECK(text.find("[NAME] meinte") != std::string::npos);
            CHECK(text.find("[EMAIL]") != std::string::npos);
            CHECK(text.find("[PHONE]") != std::string::npos);
            CHECK(text.find("[URL]") != std::string::npos);
        } else {
            for (const auto& [name, content] : e.tables) CHECK(content.find("[NAME]") == std::string::npos);
            CHECK(table(e, "retro_items.csv").header.size() == 10);
        }
    }
}

TEST_CASE("suppressSmallGroups never reveals a small group's true count", "[report][export][k-anonymity]") {
    SECTION("examples") {
        auto s = suppressSmallGroups({2, 6, 1, 1, 0}, 5);
        CHECK(s.suppressed == std::array<bool, 5>{true, false, true, true, false});
        CHECK(s.suppressedTotal == 4);
        s = suppressSmallGroups({3, 8, 0, 0, 0}, 5); // one small group: its partner is merged too
        CHECK(s.suppressed == std::array<bool, 5>{true, true, false, false, false});
        CHECK(s.suppressedTotal == 11);
        s = suppressSmallGroups({3, 8, 6, 0, 0}, 5); // the smallest other group is the partner
        CHECK(s.suppressed == std::array<bool, 5>{true, false, true, false, false});
        s = suppressSmallGroups({5, 8, 6, 0, 0}, 5);
        CHECK(s.suppressedTotal == 0);
        s = suppressSmallGroups({1, 2, 0, 0, 0}, 1);
        CHECK(s.suppressedTotal == 0);
    }
    SECTION("exhaustive property over the export") {
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> count(0, 9);
        for (int round = 0; round < 300; ++round) {
            std::array<int, 5> counts{};
            for (auto& c : counts) c = count(rng);
            const int k = 2 + round % 6;
            auto s = makeSmallSession("k" + std::to_string(round), {}, counts);
            const auto e = exportResearch({{"x", s}}, options(kKeyA, false, k));
            const auto t = table(e, "participation.csv");
            int published = 0, suppressedRow = -1, groupsMerged = 0;
            for (std::size_t r = 0; r < 5; ++r) groupsMerged += (counts[r] > 0 && counts[r] < k) ? 1 : 0;
            for (const auto& row : t.rows) {
                const int n = std::stoi(row.at(2));
                if (row.at(1) == "suppressed") {
                    suppressedRow = n;
                    continue;
                }
                INFO("k=" << k << " role " << row.at(1) << " n=" << n);
                CHECK(n >= k); // only groups of at least k are published
                published += n;
            }
            int total = 0, nonZeroGroups = 0;
            for (const int c : counts) total += c, nonZeroGroups += c > 0 ? 1 : 0;
            if (suppressedRow >= 0) CHECK(published + suppressedRow == total);
            // The merged row (or total minus published) equals a single small group's count only
            // when that group is the only group of the session, so its role stays unknown.
            for (std::size_t r = 0; r < 5; ++r) {
                if (counts[r] == 0 || counts[r] >= k) continue;
                INFO("counts " << counts[0] << counts[1] << counts[2] << counts[3] << counts[4] << " k=" << k);
                CHECK(suppressedRow >= 0);
                if (nonZeroGroups > 1) CHECK(total - published != counts[r]);
            }
            // Roles elsewhere follow the suppression.
            const auto actions = table(e, "actions.csv"); // owner: manager
            const std::string owner = actions.rows.at(0).at(actions.col("owner_role"));
            if (counts[0] > 0 && counts[0] < k) CHECK(owner == "suppressed");
            if (counts[0] == 0 || counts[0] >= k) CHECK((owner == "manager" || owner == "suppressed"));
            (void)groupsMerged;
        }
    }
}

TEST_CASE("pseudonyms are stable per key and differ between keys", "[report][export]") {
    const auto s = makeSmallSession("stable", {});
    const auto a1 = exportResearch({{"a", s}}, options(kKeyA));
    const auto a2 = exportResearch({{"a", s}}, options(kKeyA));
    const auto b = exportResearch({{"a", s}}, options(kKeyB));
    CHECK(a1.files() == a2.files());
    const auto ta = table(a1, "sessions.csv"), tb = table(b, "sessions.csv");
    const auto pa = ta.rows.at(0).at(0), pb = tb.rows.at(0).at(0);
    CHECK(std::regex_match(pa, std::regex("ses-[0-9a-f]{16}")));
    CHECK(pa != pb);
    CHECK(pa == pseudonym(kKeyA, "id", "stable", "ses"));
    CHECK(a1.tables.at("sessions.csv").find("stable") == std::string::npos);
    // The same object has the same pseudonym in every table.
    const auto items = table(a1, "retro_items.csv");
    const auto actions = table(a1, "actions.csv");
    CHECK(actions.rows.at(0).at(actions.col("source")) == items.rows.at(0).at(items.col("item")));
    // Sessions of a series are linked through the key.
    auto next = makeSmallSession("stable-2", {});
    next.previousSessionId = "stable";
    const auto series = exportResearch({{"a", s}, {"b", next}}, options(kKeyA));
    const auto st = table(series, "sessions.csv");
    bool linked = false;
    for (const auto& row : st.rows) linked = linked || row.at(st.col("previous_session")) == pa;
    CHECK(linked);
}

TEST_CASE("the research export is deterministic and independent of input order", "[report][export]") {
    std::vector<LoadedSession> sessions;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        core::GenerateOptions g;
        g.seed = seed;
        g.cards = 30;
        auto s = core::generateSession(g);
        s.researchConsent = true;
        sessions.push_back({"gen" + std::to_string(seed), s});
    }
    for (const bool includeText : {false, true}) {
        const auto first = exportResearch(sessions, options(kKeyA, includeText));
        auto reversed = sessions;
        std::reverse(reversed.begin(), reversed.end());
        CHECK(first.files() == exportResearch(reversed, options(kKeyA, includeText)).files());
        CHECK(first.exportedSessions == 6);
        for (const auto& [name, csv] : first.tables) {
            INFO(name);
            const auto t = table(first, name); // every table parses as RFC 4180 with equal-width rows
            CHECK_FALSE(t.header.empty());
        }
    }
}

TEST_CASE("free text cannot smuggle spreadsheet formulas", "[report][export][security]") {
    SessionTexts t;
    t.item = "=HYPERLINK(\"http://evil.example\",\"klick\")";
    t.action = "+1 und -1";
    t.observation = "@SUM(A1:A9)";
    t.card = "Normale Karte";
    const auto e = exportResearch({{"a", makeSmallSession("f", t)}}, options(kKeyA, true));
    const auto items = table(e, "retro_items.csv");
    CHECK(items.rows.at(0).at(items.col("text")).rfind("'=HYPERLINK(", 0) == 0);
    const auto actions = table(e, "actions.csv");
    CHECK(actions.rows.at(0).at(actions.col("text")) == "'+1 und -1");
    const auto obs = table(e, "experiment_observations.csv");
    CHECK(obs.rows.at(0).at(obs.col("text")) == "'@SUM(A1:A9)");
    const auto cards = table(e, "board_flow.csv");
    CHECK(cards.rows.at(0).at(cards.col("title")) == "Normale Karte");
}

TEST_CASE("sessions without consent are skipped and duplicates exported once", "[report][export]") {
    auto yes = makeSmallSession("yes", {});
    auto no = makeSmallSession("no", {});
    no.researchConsent = false;
    const auto e = exportResearch({{"yes.lernraum", yes}, {"no.lernraum", no}, {"copy.lernraum", yes}}, options());
    CHECK(e.exportedSessions == 1);
    REQUIRE(e.skipped.size() == 2);
    CHECK(e.skipped[0].source == "no.lernraum");
    CHECK(e.skipped[0].reason.find("consent") != std::string::npos);
    CHECK(e.skipped[1].source == "copy.lernraum");
    CHECK(table(e, "sessions.csv").rows.size() == 1);
    CHECK(table(e, "experiments.csv").rows.size() == 1);
}

TEST_CASE("tables carry months, flow times and counts", "[report][export]") {
    const auto e = exportResearch({{"a", makeSmallSession("m", {})}}, options());
    const auto s = table(e, "sessions.csv");
    CHECK(s.rows.at(0).at(s.col("month")) == "2026-11");
    CHECK(s.rows.at(0).at(s.col("next_review_month")) == "2026-12");
    CHECK(s.rows.at(0).at(s.col("participants_total")) == "10");
    CHECK(s.rows.at(0).at(s.col("agenda_used_minutes")) == "12");
    CHECK(s.rows.at(0).at(s.col("roti_4")) == "4");
    const auto f = table(e, "board_flow.csv");
    CHECK(f.rows.at(0).at(f.col("lead_time_days")) == "7.00");
    CHECK(f.rows.at(0).at(f.col("cycle_time_days")) == "5.00");
    CHECK(f.rows.at(0).at(f.col("created_month")) == "2026-11");
    CHECK(f.rows.at(0).at(f.col("column_kind")) == "done");
    const auto o = table(e, "experiment_observations.csv");
    CHECK(o.rows.at(0).at(o.col("month")) == "2026-11");
    for (const auto& [name, content] : e.tables) {
        INFO(name);
        CHECK_FALSE(std::regex_search(content, std::regex(R"(\d{4}-\d{2}-\d{2})"))); // no exact dates
    }
}

TEST_CASE("manifest lists every file with its SHA-256", "[report][export]") {
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const auto e = exportResearch({{"a", makeSmallSession("m", {})}}, options());
    CHECK(e.tables.size() == 8);
    for (const auto& [name, content] : e.tables) {
        INFO(name);
        CHECK(e.manifest.find("\"name\": \"" + name + "\", \"rows\": ") != std::string::npos);
        CHECK(e.manifest.find(sha256Hex(content)) != std::string::npos);
    }
    CHECK(e.manifest.find(sha256Hex(e.codebook)) != std::string::npos);
    CHECK(e.manifest.find("\"k\": 5") != std::string::npos);
    CHECK(e.manifest.find("\"include_text\": false") != std::string::npos);
}

TEST_CASE("keys: parsing, generation, and refusal of bad keys", "[report][export]") {
    CHECK(parseKey(std::string(32, 'x')) == std::string(32, 'x'));
    CHECK(parseKey(std::string(64, 'a') + "\n") == std::string(32, '\xaa'));
    CHECK(parseKey("too short").empty());
    CHECK(parseKey(std::string(64, 'g')).empty());
    const auto k1 = makeKey(), k2 = makeKey();
    CHECK(k1.size() == kKeyBytes);
    CHECK(k1 != k2);
    CHECK_THROWS_AS(exportResearch({}, options("short")), std::invalid_argument);
}

TEST_CASE("docs/codebook.md is the generated codebook", "[report][export][golden]") {
    checkGolden(std::string(LERNRAUM_SOURCE_DIR) + "/docs/codebook.md", codebookMarkdown(true));
    checkGolden(std::string(LERNRAUM_SOURCE_DIR) + "/docs/codebook.de.md", codebookMarkdownGerman(true));
    // Every column of every table is described.
    const auto e = exportResearch({{"a", makeSmallSession("m", {})}}, options(kKeyA, true));
    for (const auto& [name, csv] : e.tables) {
        for (const auto& column : table(e, name).header) {
            INFO(name << ": " << column);
            CHECK(e.codebook.find("| `" + column + "`") != std::string::npos);
        }
    }
}

TEST_CASE("every research column has a German meaning and the formats list is checked", "[report][export][i18n]") {
    for (const auto& t : researchTables()) {
        for (const auto& c : t.columns) {
            INFO(t.file << " " << c.name);
            CHECK_FALSE(germanMeaning(t.file, c.name).empty());
        }
    }
    ResearchFormats f;
    std::string unknown;
    CHECK(parseResearchFormats("csv", f, unknown));
    CHECK_FALSE(f.sav);
    CHECK(parseResearchFormats("csv,sav,dta", f, unknown));
    CHECK((f.sav && f.dta));
    CHECK_FALSE(parseResearchFormats("csv,xlsx", f, unknown));
    CHECK(unknown == "xlsx");
}

TEST_CASE("the SPSS and Stata files are written from the finished CSV and are deterministic", "[report][export]") {
    auto o = options(kKeyA, true, 1);
    o.formats.sav = o.formats.dta = true;
    const auto s = canarySession();
    const auto a = exportResearch({{"a.lernraum", s}}, o);
    const auto b = exportResearch({{"a.lernraum", s}}, o);
    CHECK(a.files() == b.files());
    const auto sav = a.formatFiles.at("retro_items.sav");
    CHECK(sav.substr(0, 4) == "$FL2"); // SPSS system file
    // Every pseudonym of the CSV is in the .sav (strings are stored as they are).
    const auto items = table(a, "retro_items.csv");
    for (const auto& row : items.rows) CHECK(sav.find(row.at(items.col("item"))) != std::string::npos);
    const auto codebook = a.formatFiles.at("codebook.de.md");
    CHECK(codebook.find("# Lernraum-Forschungsexport") == 0);
    CHECK(codebook.find("`retro_items.csv`") != std::string::npos);
}
