// Loads the participant page (assets/room/) for the room server.

#include "room_assets.hpp"

#include "store/assets_file.hpp"

#include <fstream>
#include <sstream>

namespace lernraum::app {

namespace {

const char* typeOf(const std::filesystem::path& p) {
    const auto ext = p.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js") return "text/javascript; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    return nullptr;
}

} // namespace

std::filesystem::path executableDir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

std::map<std::string, room::Asset> loadRoomAssets(const std::filesystem::path& exeDir, std::string& error) {
    std::map<std::string, room::Asset> assets;
    for (const auto& base : store::assetSearchPath(exeDir)) {
        const auto dir = base / "room";
        std::error_code ec;
        if (!std::filesystem::is_regular_file(dir / "index.html", ec)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            const char* type = typeOf(entry.path());
            if (!type || !entry.is_regular_file(ec)) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream body;
            body << in.rdbuf();
            const std::string name = entry.path().filename().string();
            assets[name == "index.html" ? "/" : "/" + name] = room::Asset{type, body.str()};
        }
        return assets;
    }
    error = "the participant page (assets/room/index.html) was not found; set LERNRAUM_ASSETSDIR";
    return assets;
}

} // namespace lernraum::app
