// Asset files: retrospective formats and the activity library (own text, JSON).

// The same RapidJSON configuration as session_file.cpp (identical definitions, so every translation
// unit instantiates RapidJSON's templates alike): iterative parsing and a throwing assertion.
#include <cereal/details/helpers.hpp>

namespace lernraum::store {
struct JsonAssertion : cereal::Exception {
    using cereal::Exception::Exception;
};
} // namespace lernraum::store

#define RAPIDJSON_ASSERT_THROWS
#define RAPIDJSON_ASSERT(x)                                                                                              \
    if (!(x)) {                                                                                                          \
        throw ::lernraum::store::JsonAssertion("rapidjson internal assertion failure: " #x);                             \
    }
#define RAPIDJSON_PARSE_DEFAULT_FLAGS kParseIterativeFlag
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "store/assets_file.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iterator>

#ifndef LERNRAUM_INSTALL_ASSETSDIR
#define LERNRAUM_INSTALL_ASSETSDIR "/usr/local/share/lernraum/assets"
#endif

namespace lernraum::store {
namespace {

constexpr std::size_t kMaxAssetBytes = 1024 * 1024;

struct Bad : std::exception {
    explicit Bad(std::string m) : message(std::move(m)) {}
    const char* what() const noexcept override { return message.c_str(); }
    std::string message;
};

const rapidjson::Value& member(const rapidjson::Value& obj, const char* key) {
    if (!obj.IsObject()) throw Bad(std::string("expected an object around '") + key + "'");
    const auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) throw Bad(std::string("missing '") + key + "'");
    return it->value;
}

std::string text(const rapidjson::Value& v, const char* key) {
    if (!v.IsString()) throw Bad(std::string("'") + key + "' must be a string");
    return std::string(v.GetString(), v.GetStringLength());
}

core::LocalText localText(const rapidjson::Value& v, const char* key) {
    if (!v.IsObject()) throw Bad(std::string("'") + key + "' must be an object {\"de\": ..., \"en\": ...}");
    return core::LocalText{text(member(v, "de"), key), text(member(v, "en"), key)};
}

int integer(const rapidjson::Value& v, const char* key) {
    if (!v.IsInt()) throw Bad(std::string("'") + key + "' must be a whole number");
    return v.GetInt();
}

rapidjson::Document parse(std::string_view json) {
    if (json.size() > kMaxAssetBytes) throw Bad("file too large");
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
    if (doc.HasParseError())
        throw Bad(std::string("not valid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()) + " at byte " +
                  std::to_string(doc.GetErrorOffset()));
    return doc;
}

std::optional<std::string> readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return bytes;
}

} // namespace

std::optional<core::RetroFormat> parseRetroFormat(std::string_view json, std::string_view name, std::string& error) {
    try {
        const auto doc = parse(json);
        core::RetroFormat f;
        f.id = text(member(doc, "id"), "id");
        f.name = localText(member(doc, "name"), "name");
        f.description = localText(member(doc, "description"), "description");
        const auto& prompts = member(doc, "prompts");
        if (!prompts.IsArray()) throw Bad("'prompts' must be a list");
        for (const auto& p : prompts.GetArray()) f.prompts.push_back(localText(p, "prompts"));
        return f;
    } catch (const std::exception& e) {
        error = std::string(name) + ": error: " + e.what();
        return std::nullopt;
    }
}

std::optional<std::vector<core::Activity>> parseActivities(std::string_view json, std::string_view name,
                                                           std::string& error) {
    try {
        const auto doc = parse(json);
        const auto& list = member(doc, "activities");
        if (!list.IsArray()) throw Bad("'activities' must be a list");
        std::vector<core::Activity> out;
        for (const auto& v : list.GetArray()) {
            core::Activity a;
            a.id = text(member(v, "id"), "id");
            const std::string phase = text(member(v, "phase"), "phase");
            const auto parsed = core::parseEnum<core::Phase>(phase);
            if (!parsed) throw Bad("activity '" + a.id + "': unknown phase '" + phase + "'");
            a.phase = *parsed;
            a.minutes = integer(member(v, "minutes"), "minutes");
            const auto& people = member(v, "people");
            a.minPeople = integer(member(people, "min"), "min");
            a.maxPeople = integer(member(people, "max"), "max");
            a.title = localText(member(v, "title"), "title");
            a.description = localText(member(v, "description"), "description");
            out.push_back(std::move(a));
        }
        return out;
    } catch (const std::exception& e) {
        error = std::string(name) + ": error: " + e.what();
        return std::nullopt;
    }
}

AssetLoad loadRetroLibrary(const std::filesystem::path& dir) {
    AssetLoad load;
    load.dir = dir;
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "formats", ec)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    if (ec) load.errors.push_back((dir / "formats").string() + ": error: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::string error;
        const auto bytes = readFile(file);
        if (!bytes) {
            load.errors.push_back(file.string() + ": error: cannot read the file");
            continue;
        }
        if (auto f = parseRetroFormat(*bytes, file.string(), error)) {
            load.library.formats.push_back(std::move(*f));
        } else {
            load.errors.push_back(error);
        }
    }
    const auto activities = dir / "activities.json";
    if (const auto bytes = readFile(activities)) {
        std::string error;
        if (auto list = parseActivities(*bytes, activities.string(), error)) {
            load.library.activities = std::move(*list);
        } else {
            load.errors.push_back(error);
        }
    } else {
        load.errors.push_back(activities.string() + ": error: cannot read the file");
    }
    for (auto& problem : core::checkLibrary(load.library)) load.errors.push_back(dir.string() + ": " + problem);
    return load;
}

bool runningFromBuildTree() {
#ifdef LERNRAUM_BUILD_DIR
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    const std::string build = LERNRAUM_BUILD_DIR "/";
    return !ec && exe.compare(0, build.size(), build) == 0;
#else
    return false;
#endif
}

std::vector<std::filesystem::path> assetSearchPath(const std::filesystem::path& exeDir) {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("LERNRAUM_ASSETSDIR"); env && *env) dirs.emplace_back(env);
    if (!exeDir.empty()) {
        dirs.push_back(exeDir / "assets");
        dirs.push_back(exeDir.parent_path() / "share" / "lernraum" / "assets");
    }
    dirs.emplace_back(LERNRAUM_INSTALL_ASSETSDIR);
#ifdef LERNRAUM_SOURCE_ASSETSDIR
    // Only for binaries inside the build tree (the program, the test binaries): an installed copy
    // never falls back to the source tree.
    if (runningFromBuildTree()) dirs.emplace_back(LERNRAUM_SOURCE_ASSETSDIR);
#endif
    return dirs;
}

AssetLoad findRetroLibrary(const std::filesystem::path& exeDir) {
    for (const auto& dir : assetSearchPath(exeDir)) {
        std::error_code ec;
        if (std::filesystem::is_directory(dir / "formats", ec)) return loadRetroLibrary(dir);
    }
    AssetLoad none;
    none.errors.push_back("no assets directory with formats/ found");
    return none;
}

} // namespace lernraum::store
