// Free-text scrubbing (issue 13, items 11-13): spellings of names and e-mail addresses that must be
// caught, ordinary words that must never change, and names of one session in another session's text.
#include "report_test_support.hpp"

#include "report/research_export.hpp"

#include <fstream>
#include <set>

using namespace lernraum;
using namespace lernraum::report;
using namespace lernraum::report::test;

namespace {

ScrubList participants() {
    ScrubList list;
    list.names = {"Hannelore Quellenbrink", "Łukasz Wróbel", "Émile Lefèvre", "Gül Yılmaz", "Иван Петров",
                  "Jürgen Schäfer", "Heike Meier", "Søren Kjærgaard"};
    list.orgs = {"Amt für Straßenbau"};
    return list;
}

// No name part survives, in any spelling the test knows.
void checkNoName(const std::string& scrubbed) {
    const std::string low = lower(scrubbed);
    for (const std::string part : {"quellenbrink", "hannelore", "łukasz", "lukasz", "wróbel", "wrobel", "émile", "emile",
                                   "lefèvre", "lefevre", "yılmaz", "yilmaz", "gül", "gul", "schäfer", "schaefer",
                                   "schafer", "meier", "heike", "kjærgaard", "kjaergaard", "søren", "soren", "h.meier",
                                   "kreis.de", "kreis"}) {
        INFO(part);
        CHECK(low.find(part) == std::string::npos);
    }
    CHECK(scrubbed.find("ИВАН") == std::string::npos);
    CHECK(scrubbed.find("Иван") == std::string::npos);
    CHECK(scrubbed.find("иван") == std::string::npos);
}

} // namespace

TEST_CASE("scrubbing catches names and e-mail addresses in 40+ spellings", "[report][scrub][privacy]") {
    const Scrubber scrub(participants());
    // Each spelling with the text around it: what must come out.
    const std::vector<std::pair<std::string, std::string>> cases{
        // as written, case, umlauts
        {"Hannelore Quellenbrink fragt", "[NAME] fragt"},
        {"QUELLENBRINK fragt", "[NAME] fragt"},
        {"quellenbrink fragt", "[NAME] fragt"},
        {"Jürgen Schäfer sagt", "[NAME] sagt"},
        {"Juergen Schaefer sagt", "[NAME] sagt"},
        {"Jurgen Schafer sagt", "[NAME] sagt"},
        {"JÜRGEN SCHÄFER sagt", "[NAME] sagt"},
        // decomposed umlauts (NFD)
        {"Ju\u0308rgen Scha\u0308fer sagt", "[NAME] sagt"},
        {"Gu\u0308l sagt", "[NAME] sagt"},
        // soft hyphen, zero-width characters inside a name
        {"Quellen\u00ADbrink fragt", "[NAME] fragt"},
        {"Quellen\u200Bbrink fragt", "[NAME] fragt"},
        {"Quel\u200Dlen\u200Cbrink fragt", "[NAME] fragt"},
        {"Mei\u2060er fragt", "[NAME] fragt"},
        {"\uFEFFMeier fragt", "[NAME] fragt"},
        // glued to a word at a capital boundary
        {"KolleginQuellenbrink fragt", "Kollegin[NAME] fragt"},
        {"FrauMeier fragt", "Frau[NAME] fragt"},
        {"MeierTeam fragt", "[NAME]Team fragt"},
        // upper case outside Latin-1
        {"ŁUKASZ fragt", "[NAME] fragt"},
        {"ИВАН fragt", "[NAME] fragt"},
        {"ПЕТРОВ fragt", "[NAME] fragt"},
        {"YILMAZ fragt", "[NAME] fragt"},
        {"WRÓBEL fragt", "[NAME] fragt"},
        // typed without accents
        {"Lukasz fragt", "[NAME] fragt"},
        {"Lukasz Wrobel fragt", "[NAME] fragt"},
        {"Emile Lefevre fragt", "[NAME] fragt"},
        {"Gul Yilmaz fragt", "[NAME] fragt"},
        {"Soren Kjaergaard fragt", "[NAME] fragt"},
        // fullwidth letters
        {"\uFF2D\uFF45\uFF49\uFF45\uFF52 fragt", "[NAME] fragt"},
        {"\uFF31\uFF35\uFF25\uFF2C\uFF2C\uFF25\uFF2E\uFF22\uFF32\uFF29\uFF2E\uFF2B fragt", "[NAME] fragt"},
        // broken by a line break
        {"Quellen-\nbrink fragt", "[NAME] fragt"},
        {"Quellen\nbrink fragt", "[NAME] fragt"},
        {"Hannelore\nQuellenbrink fragt", "[NAME] fragt"},
        // genitive, quotes, punctuation
        {"Meiers Idee", "[NAME] Idee"},
        {"Meier's Idee", "[NAME] Idee"},
        {"„Meier“ fragt", "„[NAME]“ fragt"},
        {"(Meier) fragt", "([NAME]) fragt"},
        // e-mail addresses, also obfuscated
        {"Mail h.meier@kreis.de bitte", "Mail [EMAIL] bitte"},
        {"Mail H.Meier@Kreis.DE bitte", "Mail [EMAIL] bitte"},
        {"Mail h.meier (at) kreis.de bitte", "Mail [EMAIL] bitte"},
        {"Mail h.meier(at)kreis.de bitte", "Mail [EMAIL] bitte"},
        {"Mail h.meier [at] kreis [dot] de bitte", "Mail [EMAIL] bitte"},
        {"Mail h.meier {at} kreis {dot} de bitte", "Mail [EMAIL] bitte"},
        {"Mail h.meier at kreis dot de bitte", "Mail [EMAIL] bitte"},
        {"Mail h.meier @ kreis.de bitte", "Mail [EMAIL] bitte"},
        {"Mail h.meier (ät) kreis.de bitte", "Mail [EMAIL] bitte"},
        {"Mail h.meier\uFF20kreis.de bitte", "Mail [EMAIL] bitte"},
        {"Mail h.meier[at]kreis[dot]de bitte", "Mail [EMAIL] bitte"},
        {"Mail h.meier ( at ) kreis ( dot ) de bitte", "Mail [EMAIL] bitte"},
    };
    REQUIRE(cases.size() >= 40);
    for (const auto& [input, expected] : cases) {
        INFO(input);
        const std::string out = scrub(input);
        CHECK(out == expected);
        checkNoName(out);
    }
}

TEST_CASE("scrubbing never changes text that does not match", "[report][scrub]") {
    const Scrubber scrub(participants());
    // Text with umlauts, NFD, soft hyphens, emoji and control-free punctuation around a name keeps
    // every byte outside the name.
    const std::string around = "Über\u00ADgabe an Sachbearbeitung – e\u0301 👍 ";
    CHECK(scrub(around + "Meier." + around) == around + "[NAME]." + around);
    CHECK(scrub("Die Meierei und die Meiers-Kurve") == "Die Meierei und die [NAME]-Kurve");
    CHECK(scrub("Straßenbahn und Gullydeckel") == "Straßenbahn und Gullydeckel");
    CHECK(scrub("keine E-Mail: meier@kreis ist unvollständig") == "keine E-Mail: [NAME]@kreis ist unvollständig");
    CHECK(scrub("Wir treffen uns at home") == "Wir treffen uns at home");
}

TEST_CASE("a name never matches as part of a longer lower-case word", "[report][scrub]") {
    ScrubList list;
    list.names = {"Klein", "Lang", "Koch", "Person", "Jan Bauer"};
    const Scrubber scrub(list);
    CHECK(scrub("Kleine Schritte, lange Wege, Kochen und Personalrat") == "Kleine Schritte, lange Wege, Kochen und Personalrat");
    CHECK(scrub("Klein und Lang kochen") == "[NAME] und [NAME] kochen");
    CHECK(scrub("Januar, Bauernhof, Vorjahr") == "Januar, Bauernhof, Vorjahr");
    CHECK(scrub("KLEINE SCHRITTE") == "KLEINE SCHRITTE");
}

// The German word list through the scrubber, with participants named after common German words:
// no word other than the names themselves (and their genitive, "Kochs") may change.
TEST_CASE("the German word list passes the scrubber unchanged", "[report][scrub][wordlist]") {
    const std::string path = "/usr/share/dict/ngerman";
    std::ifstream in(path);
    INFO("Debian package wngerman (scripts/install-deps.sh) provides " << path);
    REQUIRE(in.is_open());
    std::vector<std::string> words;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) words.push_back(line);
    }
    REQUIRE(words.size() > 100000);

    const std::vector<std::string> surnames{"Klein", "Lang", "Koch", "Weiß", "Schwarz", "Neumann", "Wolf", "Fuchs",
                                            "Bauer", "Person", "Schmidt", "Müller", "Becker", "Hoffmann", "Richter",
                                            "Braun", "Krüger", "Hahn", "Vogel", "Jäger", "Busch", "Roth", "Sommer"};
    ScrubList list;
    list.names = surnames;
    const Scrubber scrub(list);
    std::set<std::string> allowed; // folded: the names and their genitive
    for (const auto& n : surnames) {
        for (const auto& form : {transliterated(n), stripped(n)}) {
            allowed.insert(form);
            allowed.insert(form + "s");
        }
    }

    // One pass: the whole list as one text, one word per line (a word list has no word broken over
    // lines that continues in lower case, and if the scrubber joined lines it would show here).
    std::string text;
    for (const auto& w : words) text += w + "\n";
    const std::string out = scrub(text);

    std::vector<std::string> changed;
    std::size_t pos = 0, matchedNames = 0;
    for (const auto& w : words) {
        const std::size_t nl = out.find('\n', pos);
        if (nl == std::string::npos) {
            changed.push_back("(the output has fewer lines than the list)");
            break;
        }
        const std::string got = out.substr(pos, nl - pos);
        pos = nl + 1;
        if (got == w) continue;
        if (got == "[NAME]" && allowed.contains(transliterated(w))) {
            ++matchedNames;
            continue;
        }
        changed.push_back(w + " -> " + got);
    }
    INFO("changed: " << (changed.empty() ? std::string{} : changed.front()) << " (" << changed.size() << " words)");
    CHECK(changed.empty());
    CHECK(pos == out.size());
    CHECK(matchedNames >= 10); // the names themselves are in the list and were replaced
}

TEST_CASE("the research export scrubs every text with the names of all its sessions", "[report][export][scrub][privacy]") {
    SessionTexts a;
    a.item = "Beitrag aus A";
    auto sessionA = makeSmallSession("session-a", a);
    sessionA.participants[0].displayName = "Roswitha Quarkbällchen";
    SessionTexts b;
    b.item = "Roswitha hat das in Sitzung A schon gesagt, Frau Quarkbällchen auch";
    auto sessionB = makeSmallSession("session-b", b);
    sessionB.date = core::Date{2026, 12, 18};
    // A without research consent: its names are still known to the scrubber.
    for (const bool consentA : {true, false}) {
        INFO("session A has research consent: " << consentA);
        sessionA.researchConsent = consentA;
        ExportOptions o;
        o.key = std::string(32, 'K');
        o.includeText = true;
        const auto e = exportResearch({{"a.lernraum", sessionA}, {"b.lernraum", sessionB}}, o);
        const auto& items = e.tables.at("retro_items.csv");
        CHECK(items.find("[NAME] hat das in Sitzung A schon gesagt, Frau [NAME] auch") != std::string::npos);
        for (const auto& [name, content] : e.files()) {
            INFO(name);
            CHECK(lower(content).find("roswitha") == std::string::npos);
            CHECK(lower(content).find("quarkb") == std::string::npos);
        }
    }
}
