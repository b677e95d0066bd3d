#pragma once
// Reads the retrospective formats (assets/formats/*.json) and the activity library
// (assets/activities.json) into core::RetroLibrary. The store is the only layer that parses JSON.
//
// Format file:   { "id": "start-stop-continue",
//                  "name": {"de": "...", "en": "..."}, "description": {"de": "...", "en": "..."},
//                  "prompts": [ {"de": "...", "en": "..."}, ... ] }
// Activity file: { "activities": [ { "id": "...", "phase": "set_the_stage", "minutes": 5,
//                  "people": {"min": 2, "max": 0}, "title": {...}, "description": {...} }, ... ] }

#include "core/formats.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::store {

// Parse one file's text; on failure `error` says why (with `name`) and the result is empty.
std::optional<core::RetroFormat> parseRetroFormat(std::string_view json, std::string_view name, std::string& error);
std::optional<std::vector<core::Activity>> parseActivities(std::string_view json, std::string_view name,
                                                           std::string& error);

struct AssetLoad {
    core::RetroLibrary library;
    std::filesystem::path dir;       // the assets directory used ("" when none was found)
    std::vector<std::string> errors; // files that could not be read, and checkLibrary() problems
};

// Reads <dir>/formats/*.json (sorted by file name) and <dir>/activities.json.
AssetLoad loadRetroLibrary(const std::filesystem::path& dir);

// Where the assets are looked for, in order: $LERNRAUM_ASSETSDIR, <exe dir>/assets (build tree),
// <exe dir>/../share/lernraum/assets (install prefix), the configured install dir, and the source
// tree's assets/ as the last fallback, but only when the running executable lies inside the build
// tree (runningFromBuildTree()). `exeDir` may be empty.
std::vector<std::filesystem::path> assetSearchPath(const std::filesystem::path& exeDir);
// True when /proc/self/exe lies inside the CMake build directory this was compiled for.
bool runningFromBuildTree();
// The first directory of the search path that holds formats/; loads it.
AssetLoad findRetroLibrary(const std::filesystem::path& exeDir);

} // namespace lernraum::store
