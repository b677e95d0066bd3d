// Every UI string has a German translation: each _("...") and C_("context", "...") literal in src/ui
// and src/app, and every undo label, refusal message and term from core, must have a non-empty
// msgstr in assets/po/de.po (a C_ literal: an entry with that msgctxt).
// Also checks the .mo reader and that the compiled catalogue is found at run time.

#include "core/board_csv.hpp"
#include "core/board_import.hpp"
#include "core/commands.hpp"
#include "core/formats.hpp"
#include "core/retro_rules.hpp"
#include "core/room_rules.hpp"
#include "ui/i18n.hpp"

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
namespace ui = lernraum::ui;

namespace {

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Decodes the body of a C/C++ or PO string literal (\n, \t, \", \\, \xHH).
std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 >= s.size()) {
            out += s[i];
            continue;
        }
        const char c = s[++i];
        if (c == 'n') {
            out += '\n';
        } else if (c == 't') {
            out += '\t';
        } else if (c == 'x') {
            std::size_t j = i + 1;
            int value = 0;
            while (j < s.size() && j < i + 3 && std::isxdigit(static_cast<unsigned char>(s[j]))) {
                value = value * 16 + std::stoi(std::string(1, s[j]), nullptr, 16);
                ++j;
            }
            out += static_cast<char>(value);
            i = j - 1;
        } else {
            out += c;
        }
    }
    return out;
}

// The key of a context entry, as in a .mo file: "context\x04msgid".
std::string contextKey(const std::string& context, const std::string& msgid) { return context + '\x04' + msgid; }

// How a key is written in a .po file (ready to paste).
std::string poEntry(const std::string& key) {
    const auto eot = key.find('\x04');
    if (eot == std::string::npos) return "msgid \"" + key + "\"\n";
    return "msgctxt \"" + key.substr(0, eot) + "\"\nmsgid \"" + key.substr(eot + 1) + "\"\n";
}

// msgid -> msgstr of a .po file (singular entries; multi-line strings joined). Entries with a
// msgctxt are keyed contextKey(msgctxt, msgid).
std::map<std::string, std::string> parsePo(const std::string& text) {
    std::map<std::string, std::string> entries;
    std::istringstream in(text);
    std::string line;
    std::string ctxt;
    std::string id;
    std::string str;
    bool hasContext = false;
    std::string* current = nullptr;
    auto flush = [&] {
        if (!id.empty()) entries[hasContext ? contextKey(ctxt, id) : id] = str;
        ctxt.clear();
        id.clear();
        str.clear();
        hasContext = false;
        current = nullptr;
    };
    static const std::regex quoted(R"re(^\s*"(.*)"\s*$)re");
    while (std::getline(in, line)) {
        std::smatch m;
        if (line.rfind("msgctxt ", 0) == 0) {
            flush();
            hasContext = true;
            current = &ctxt;
            line = line.substr(8);
        } else if (line.rfind("msgid ", 0) == 0) {
            if (current != &ctxt) flush(); // else the msgid of the msgctxt just read
            current = &id;
            line = line.substr(6);
        } else if (line.rfind("msgstr ", 0) == 0) {
            current = &str;
            line = line.substr(7);
        } else if (line.empty() || line[0] == '#') {
            continue;
        }
        if (current && std::regex_match(line, m, quoted)) *current += unescape(m[1]);
    }
    flush();
    return entries;
}

// The msgids of _("...") calls and the contextKey()s of C_("context", "...") calls.
std::set<std::string> uiLiterals(const fs::path& sourceDir) {
    std::set<std::string> found;
    // _( "part" "part" ) with any whitespace between the parts; C_( "context", "part" "part" ).
    // (\b_ does not match the _ of C_: there is no word boundary between C and _.)
    static const std::regex call(R"re(\b_\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\))re");
    static const std::regex contextCall(
        R"re(\bC_\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+),\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\))re");
    static const std::regex part(R"re("((?:[^"\\]|\\.)*)")re");
    auto join = [](const std::string& parts) {
        std::string joined;
        for (std::sregex_iterator p(parts.begin(), parts.end(), part), end; p != end; ++p) joined += unescape((*p)[1]);
        return joined;
    };
    for (const char* dir : {"src/ui", "src/app"}) {
        for (const auto& entry : fs::directory_iterator(sourceDir / dir)) {
            const auto ext = entry.path().extension();
            if (ext != ".cpp" && ext != ".hpp") continue;
            const std::string text = readFile(entry.path());
            for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) found.insert(join((*it)[1]));
            for (std::sregex_iterator it(text.begin(), text.end(), contextCall), end; it != end; ++it)
                found.insert(contextKey(join((*it)[1]), join((*it)[2])));
        }
    }
    return found;
}

} // namespace

TEST_CASE("every UI string has a German translation", "[ui][i18n]") {
    const fs::path source(LERNRAUM_SOURCE_DIR);
    const auto po = parsePo(readFile(source / "assets/po/de.po"));
    REQUIRE(po.size() > 100);
    const auto literals = uiLiterals(source);
    REQUIRE(literals.size() > 100); // the scan found the sources
    REQUIRE(literals.count("Save") == 1);
    REQUIRE(literals.count(contextKey("action status", "Open")) == 1); // the scan finds C_ calls
    // All missing entries at once, ready to paste into de.po.
    std::string missing;
    for (const auto& key : literals) {
        const auto it = po.find(key);
        if (it == po.end() || it->second.empty()) missing += poEntry(key);
    }
    INFO("untranslated in assets/po/de.po:\n" << missing);
    CHECK(missing.empty());
}

TEST_CASE("undo labels, refusals and their terms from core have German translations", "[ui][i18n]") {
    const auto po = parsePo(readFile(fs::path(LERNRAUM_SOURCE_DIR) / "assets/po/de.po"));
    std::vector<std::string_view> texts;
    for (auto list : {lernraum::core::commandLabels(), lernraum::core::refusalPatterns(), lernraum::core::refusalTerms(),
                      lernraum::core::retroRuleTexts(), lernraum::core::roomRuleTexts(), lernraum::core::formatTexts(),
                      lernraum::core::csvProblemTexts(), lernraum::core::importNoteTexts()}) {
        texts.insert(texts.end(), list.begin(), list.end());
    }
    REQUIRE(texts.size() > 20);
    std::string missing;
    for (auto msgid : texts) {
        const auto it = po.find(std::string(msgid));
        if (it == po.end() || it->second.empty()) missing += "msgid \"" + std::string(msgid) + "\"\n";
    }
    INFO("untranslated in assets/po/de.po:\n" << missing);
    CHECK(missing.empty());
}

TEST_CASE("the compiled German catalogue is found and used", "[ui][i18n]") {
    REQUIRE(ui::setLanguage("de"));
    CHECK(std::string(ui::translate("Save")) == "Speichern");
    CHECK(std::string(ui::translate("Retrospective")) == "Retrospektive");
    CHECK(std::string(ui::translate("no such msgid")) == "no such msgid");
    REQUIRE(ui::setLanguage("en"));
    CHECK(std::string(ui::translate("Save")) == "Save");
    CHECK(ui::language() == "en");
}

TEST_CASE("the .po reader keeps a context entry apart from the plain msgid", "[ui][i18n]") {
    const auto po = parsePo("msgid \"Open\"\nmsgstr \"\xC3\x96" "ffnen\"\n\n"
                            "msgctxt \"action status\"\nmsgid \"Open\"\nmsgstr \"Offen\"\n\n"
                            "msgctxt \"phase\"\nmsgid \"Close\"\nmsgstr \"\"\n\n"
                            "msgid \"Save\"\nmsgstr \"Speichern\"\n");
    CHECK(po.at("Open") == "\xC3\x96" "ffnen");
    CHECK(po.at(contextKey("action status", "Open")) == "Offen");
    CHECK(po.count("Close") == 0);
    CHECK(po.at(contextKey("phase", "Close")).empty()); // an untranslated context entry counts as missing
    CHECK(po.at("Save") == "Speichern");                // a plain entry after a context entry
}

TEST_CASE("context translations are looked up with their context only", "[ui][i18n]") {
    REQUIRE(ui::setLanguage("de"));
    CHECK(std::string(ui::translate("Open")) == "\xC3\x96" "ffnen");
    CHECK(std::string(C_("action status", "Open")) == "Offen");
    CHECK(std::string(ui::translate("Close")) == "Schlie\xC3\x9F" "en");
    CHECK(std::string(C_("retrospective phase", "Close")) == "Abschluss");
    // An unknown context falls back to the English msgid, not to the plain entry's translation.
    CHECK(std::string(C_("no such context", "Open")) == "Open");
    REQUIRE(ui::setLanguage("en"));
    CHECK(std::string(C_("action status", "Open")) == "Open");
}

TEST_CASE("the .mo reader rejects malformed catalogues", "[ui][i18n]") {
    ui::Catalogue c;
    CHECK_FALSE(c.parse(""));
    CHECK_FALSE(c.parse(std::string(28, '\0')));
    // Valid magic, but tables pointing outside the data.
    std::string bad(28, '\0');
    const unsigned magic = 0x950412de;
    const unsigned count = 1000;
    const unsigned offset = 0xfffffff0;
    std::memcpy(bad.data(), &magic, 4);
    std::memcpy(bad.data() + 8, &count, 4);
    std::memcpy(bad.data() + 12, &offset, 4);
    std::memcpy(bad.data() + 16, &offset, 4);
    CHECK_FALSE(c.parse(bad));
    CHECK(c.size() == 0);
}
