// German display names of the model's enums (src/ui/labels.cpp): the words that are also used
// elsewhere with another meaning ("Open", "Close") get their own gettext context, and every label
// is the German term that docs/file-format.md documents for the GUI.

#include "core/types.hpp"
#include "ui/i18n.hpp"
#include "ui/labels.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace core = lernraum::core;
namespace ui = lernraum::ui;

namespace {

// Switches the UI to German for one test and back to English afterwards.
struct German {
    German() { REQUIRE(ui::setLanguage("de")); }
    ~German() { ui::setLanguage("en"); }
    German(const German&) = delete;
    German& operator=(const German&) = delete;
};

// "### Heading" -> machine name -> German term, from the tables under "## Enums" of
// docs/file-format.md. Terms marked "(report)" or "(no label)" are not GUI terms and are left
// out; "Term (report: Other)" keeps "Term".
std::map<std::string, std::map<std::string, std::string>> documentedGuiTerms() {
    std::ifstream in(std::filesystem::path(LERNRAUM_SOURCE_DIR) / "docs/file-format.md");
    std::map<std::string, std::map<std::string, std::string>> terms;
    std::string line;
    std::string heading;
    bool inEnums = false;
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) inEnums = line == "## Enums";
        if (!inEnums) continue;
        if (line.rfind("### ", 0) == 0) {
            heading = line.substr(4);
            continue;
        }
        if (line.rfind("| `", 0) != 0) continue;
        const auto nameEnd = line.find('`', 3);
        const auto lastBar = line.rfind('|');
        const auto germanStart = line.rfind('|', lastBar - 1);
        if (nameEnd == std::string::npos || germanStart == std::string::npos) continue;
        std::string german = line.substr(germanStart + 1, lastBar - germanStart - 1);
        german = german.substr(german.find_first_not_of(' '));
        german = german.substr(0, german.find_last_not_of(' ') + 1);
        if (german.find("(report)") != std::string::npos || german.find("(no label)") != std::string::npos) continue;
        if (const auto note = german.find(" ("); note != std::string::npos) german.resize(note);
        terms[heading][line.substr(3, nameEnd - 3)] = german;
    }
    return terms;
}

template <typename E> void checkAgainstDocs(const std::map<std::string, std::string>& documented, std::size_t& checked) {
    std::set<std::string> labels;
    for (int i = 0; i < static_cast<int>(E::Count); ++i) {
        const auto v = static_cast<E>(i);
        const std::string name(core::toName(v));
        const std::string text = ui::label(v);
        INFO(name << " -> " << text);
        CHECK_FALSE(text.empty());
        CHECK(labels.insert(text).second); // two values of one enum never read the same
        const auto it = documented.find(name);
        if (it == documented.end()) continue;
        CHECK(text == it->second);
        ++checked;
    }
}

} // namespace

TEST_CASE("German labels of action status Open and experiment status Stopped", "[ui][i18n][labels]") {
    German de;
    // "Open" as a status is "Offen"; the same English word as a command (File > Open) is "Öffnen".
    CHECK(std::string(ui::label(core::ActionStatus::Open)) == "Offen");
    CHECK(std::string(_("Open")) == "\xC3\x96" "ffnen");
    // The documented term (docs/file-format.md) and the transfer report's word ("abgebrochen").
    CHECK(std::string(ui::label(core::ExperimentStatus::Stopped)) == "Abgebrochen");
    // The phase "Close" is "Abschluss", the button "Close" is "Schließen".
    CHECK(std::string(ui::label(core::Phase::Close)) == "Abschluss");
    CHECK(std::string(_("Close")) == "Schlie\xC3\x9F" "en");
}

TEST_CASE("session kinds read as in the transfer report (one source in core)", "[ui][i18n][labels]") {
    for (const char* lang : {"de", "en"}) {
        REQUIRE(ui::setLanguage(lang));
        for (int i = 0; i < static_cast<int>(core::SessionKind::Count); ++i) {
            const auto kind = static_cast<core::SessionKind>(i);
            CHECK(std::string(ui::label(kind)) == core::sessionKindLabel(kind, lang));
        }
    }
    REQUIRE(ui::setLanguage("de"));
    CHECK(std::string(ui::label(core::SessionKind::KickOff)) == "Auftaktveranstaltung");
}

TEST_CASE("English labels are the source strings, also those with a context", "[ui][i18n][labels]") {
    REQUIRE(ui::setLanguage("en"));
    CHECK(std::string(ui::label(core::ActionStatus::Open)) == "Open");
    CHECK(std::string(ui::label(core::Phase::Close)) == "Close");
    CHECK(std::string(ui::label(core::ExperimentStatus::Stopped)) == "Stopped");
}

TEST_CASE("German enum labels are the terms documented in docs/file-format.md", "[ui][i18n][labels]") {
    const auto docs = documentedGuiTerms();
    REQUIRE(docs.count("ActionStatus") == 1);
    German de;
    std::size_t checked = 0;
    checkAgainstDocs<core::SessionKind>(docs.at("SessionKind"), checked);
    checkAgainstDocs<core::Role>(docs.at("Role"), checked);
    checkAgainstDocs<core::Phase>(docs.at("Phase"), checked);
    checkAgainstDocs<core::ActionStatus>(docs.at("ActionStatus"), checked);
    checkAgainstDocs<core::ExperimentStatus>(docs.at("ExperimentStatus"), checked);
    checkAgainstDocs<core::ExperimentResult>(docs.at("ExperimentResult"), checked);
    checkAgainstDocs<core::EvidenceStrength>(docs.at("EvidenceStrength"), checked);
    checkAgainstDocs<core::Decision>(docs.at("Decision"), checked);
    CHECK(checked >= 30); // the tables were found and compared
}

TEST_CASE("decimals use the UI language's separator", "[ui][labels]") {
    REQUIRE(ui::setLanguage("de"));
    CHECK(ui::formatDecimal(3.54) == "3,5");
    CHECK(ui::formatDecimal(12.0) == "12,0");
    REQUIRE(ui::setLanguage("en"));
    CHECK(ui::formatDecimal(3.54) == "3.5");
}
