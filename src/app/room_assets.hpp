#pragma once
// The participant page's files (assets/room/: index.html, room.css, room.js), found the way the
// app finds its other assets (store::assetSearchPath) and read into memory for the room server.

#include "room/server.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace lernraum::app {

// The files keyed by URL path ("/" = index.html); empty with `error` set when none were found.
std::map<std::string, room::Asset> loadRoomAssets(const std::filesystem::path& exeDir, std::string& error);

// The directory of the running binary ("" when unknown).
std::filesystem::path executableDir();

} // namespace lernraum::app
