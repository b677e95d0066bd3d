// Keeps docs/file-format.md true: every JSON key that serializeSession() writes and every enum machine
// name must be documented there as `name`; every object written must have exactly the fields of one
// table of the document (so deleting a row fails even if the key is mentioned elsewhere); and every
// field or enum value the document's tables list must still exist.

#include "core/generate.hpp"
#include "core/types.hpp"
#include "store/session_file.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace lernraum;

namespace {

std::string readDoc() {
    std::ifstream in(std::string(LERNRAUM_SOURCE_DIR) + "/docs/file-format.md", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool mentions(const std::string& doc, const std::string& name) { return doc.find("`" + name + "`") != std::string::npos; }

// The key set of every object in a JSON text, innermost first. A key is a string token followed
// (after whitespace) by ':'. String tokens are walked with their escapes, so a text value such as
// "{\"json\": 1}" contributes neither keys nor objects.
std::vector<std::set<std::string>> jsonObjects(const std::string& json) {
    std::vector<std::set<std::string>> done, open;
    std::size_t i = 0;
    while (i < json.size()) {
        const char c = json[i];
        if (c == '{') open.emplace_back();
        if (c == '}' && !open.empty()) {
            done.push_back(std::move(open.back()));
            open.pop_back();
        }
        if (c != '"') {
            ++i;
            continue;
        }
        std::string token;
        ++i;
        while (i < json.size() && json[i] != '"') {
            if (json[i] == '\\') ++i; // an escaped character never belongs to a key name here
            else token.push_back(json[i]);
            ++i;
        }
        ++i; // closing quote
        std::size_t j = i;
        while (j < json.size() && (json[j] == ' ' || json[j] == '\n' || json[j] == '\r' || json[j] == '\t')) ++j;
        if (j < json.size() && json[j] == ':' && !open.empty()) open.back().insert(token);
    }
    return done;
}

std::set<std::string> jsonKeys(const std::string& json) {
    std::set<std::string> keys;
    for (const auto& object : jsonObjects(json)) keys.insert(object.begin(), object.end());
    return keys;
}

template <typename E> void addNames(std::vector<std::string>& out) {
    for (int i = 0; i < static_cast<int>(E::Count); ++i) out.emplace_back(core::toName(static_cast<E>(i)));
}

std::vector<std::string> allEnumNames() {
    std::vector<std::string> names;
    addNames<core::SessionKind>(names);
    addNames<core::Role>(names);
    addNames<core::Phase>(names);
    addNames<core::ColumnKind>(names);
    addNames<core::WipMode>(names);
    addNames<core::CardColour>(names);
    addNames<core::ActionStatus>(names);
    addNames<core::ExperimentStatus>(names);
    addNames<core::ExperimentResult>(names);
    addNames<core::EvidenceStrength>(names);
    addNames<core::Decision>(names);
    return names;
}

// A session that uses every field and every enum value (see GenerateOptions).
std::string serializedSession() {
    core::GenerateOptions options;
    options.seed = 3;
    options.cards = 30;
    options.retroItems = 20;
    options.experiments = 8;
    options.participants = 8;
    options.boards = 2;
    options.retrospectives = 2;
    options.actions = 5;
    options.agendaItems = 4;
    return store::serializeSession(core::generateSession(options), core::Timestamp{1'795'000'000});
}

// The first backquoted word of table rows ("| `name` | ...") in the given level-2 sections.
std::vector<std::string> tableNames(const std::string& doc, const std::set<std::string>& sections) {
    std::vector<std::string> names;
    std::istringstream in(doc);
    std::string line, section;
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) section = line.substr(3);
        if (!sections.contains(section) || line.rfind("| `", 0) != 0) continue;
        const auto end = line.find('`', 3);
        if (end != std::string::npos) names.push_back(line.substr(3, end - 3));
    }
    return names;
}

// The rows of each field table: "Envelope" and every "### Type" under "## Types" -> its field names.
std::map<std::string, std::set<std::string>> fieldTables(const std::string& doc) {
    std::map<std::string, std::set<std::string>> tables;
    std::istringstream in(doc);
    std::string line, section, table;
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) {
            section = line.substr(3);
            table = section == "Envelope" ? section : "";
        } else if (line.rfind("### ", 0) == 0) {
            table = section == "Types" ? line.substr(4) : "";
        }
        if (table.empty() || line.rfind("| `", 0) != 0) continue;
        const auto end = line.find('`', 3);
        if (end != std::string::npos) tables[table].insert(line.substr(3, end - 3));
    }
    return tables;
}

// Keys that cereal adds and the document explains in prose rather than in a table.
bool isCerealKey(const std::string& key) {
    return key == "cereal_class_version";
}

} // namespace

TEST_CASE("docs/file-format.md mentions every JSON key the app writes", "[docs]") {
    const std::string doc = readDoc();
    REQUIRE_FALSE(doc.empty());

    const auto keys = jsonKeys(serializedSession());
    // The scan itself works: the envelope, a nested key and cereal's version key are found, and a
    // key-like text inside a value is not.
    REQUIRE(keys.contains("schema_version"));
    REQUIRE(keys.contains("entered_at"));
    REQUIRE(keys.contains("cereal_class_version"));
    REQUIRE_FALSE(keys.contains("json"));
    REQUIRE(keys.size() >= 90);

    for (const auto& key : keys) {
        INFO("JSON key `" << key << "` is written by serializeSession() but not documented in docs/file-format.md");
        CHECK(mentions(doc, key));
    }

    // Stronger: each key has its own row in the envelope or type tables, so deleting a row fails even
    // when the key is still mentioned elsewhere (the example, the rules). cereal's bookkeeping keys
    // are explained in prose instead.
    const std::set<std::string> prose{"cereal_class_version"};
    const auto rows = tableNames(doc, {"Envelope", "Types"});
    const std::set<std::string> documented(rows.begin(), rows.end());
    for (const auto& key : keys) {
        if (prose.contains(key)) continue;
        INFO("JSON key `" << key << "` has no row in the tables of docs/file-format.md");
        CHECK(documented.contains(key));
    }
}

TEST_CASE("docs/file-format.md mentions every enum machine name", "[docs]") {
    const std::string doc = readDoc();
    REQUIRE_FALSE(doc.empty());
    const auto names = allEnumNames();
    REQUIRE(names.size() == 5 + 5 + 5 + 3 + 2 + 9 + 4 + 6 + 4 + 4 + 4);
    for (const auto& name : names) {
        INFO("enum machine name `" << name << "` is not documented in docs/file-format.md");
        CHECK(mentions(doc, name));
    }
}

TEST_CASE("every field and enum value in the tables of docs/file-format.md exists", "[docs]") {
    const std::string doc = readDoc();
    const auto keys = jsonKeys(serializedSession());

    const auto fields = tableNames(doc, {"Envelope", "Types"});
    REQUIRE(fields.size() >= 100); // one row per field of every type
    for (const auto& field : fields) {
        INFO("docs/file-format.md documents the field `" << field << "`, which serializeSession() does not write");
        CHECK(keys.contains(field));
    }

    const auto enumNames = allEnumNames();
    const std::set<std::string> known(enumNames.begin(), enumNames.end());
    const auto documented = tableNames(doc, {"Enums"});
    REQUIRE(documented.size() == enumNames.size());
    for (const auto& name : documented) {
        INFO("docs/file-format.md documents the enum value `" << name << "`, which does not exist");
        CHECK(known.contains(name));
    }
}

TEST_CASE("every object the app writes has exactly the fields of one table in docs/file-format.md", "[docs]") {
    const std::string doc = readDoc();
    const auto tables = fieldTables(doc);
    REQUIRE(tables.size() == 20); // the envelope and 19 types
    REQUIRE(tables.contains("Lane"));
    REQUIRE(tables.at("Lane") == std::set<std::string>{"id", "title"});

    std::set<std::string> matched;
    for (auto object : jsonObjects(serializedSession())) {
        std::erase_if(object, isCerealKey);
        std::string fields;
        for (const auto& key : object) fields += " " + key;
        bool found = false;
        for (const auto& [type, rows] : tables) {
            if (rows != object) continue;
            found = true;
            matched.insert(type);
        }
        INFO("no table in docs/file-format.md has exactly the fields of this object:" << fields);
        CHECK(found);
    }
    for (const auto& [type, rows] : tables) {
        INFO("the table '" << type << "' in docs/file-format.md matches no object that serializeSession() writes");
        CHECK(matched.contains(type));
    }
}
