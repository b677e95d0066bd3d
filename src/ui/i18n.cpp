#include "ui/i18n.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#ifndef LERNRAUM_INSTALL_LOCALEDIR
#define LERNRAUM_INSTALL_LOCALEDIR "/usr/local/share/locale"
#endif

namespace lernraum::ui {
namespace {

Catalogue g_catalogue;
std::string g_language = "en";

std::uint32_t readWord(std::string_view bytes, std::size_t offset, bool swap) {
    std::uint32_t w = 0;
    std::memcpy(&w, bytes.data() + offset, 4);
    if (swap) w = __builtin_bswap32(w);
    return w;
}

std::filesystem::path executableDir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

} // namespace

bool Catalogue::parse(std::string_view bytes) {
    m_entries.clear();
    if (bytes.size() < 28) return false;
    std::uint32_t magic = 0;
    std::memcpy(&magic, bytes.data(), 4);
    bool swap = false;
    if (magic == 0x950412deu) {
        swap = false;
    } else if (magic == 0xde120495u) {
        swap = true;
    } else {
        return false;
    }
    const std::uint32_t count = readWord(bytes, 8, swap);
    const std::uint32_t origTable = readWord(bytes, 12, swap);
    const std::uint32_t transTable = readWord(bytes, 16, swap);
    if (count > bytes.size() / 16) return false;
    auto tableOk = [&](std::uint32_t table) { return table <= bytes.size() && bytes.size() - table >= std::size_t{count} * 8; };
    if (!tableOk(origTable) || !tableOk(transTable)) return false;
    auto stringAt = [&](std::uint32_t table, std::uint32_t i, std::string_view& out) {
        const std::uint32_t len = readWord(bytes, table + i * 8, swap);
        const std::uint32_t off = readWord(bytes, table + i * 8 + 4, swap);
        if (off > bytes.size() || bytes.size() - off < len) return false;
        out = bytes.substr(off, len);
        return true;
    };
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string_view id;
        std::string_view str;
        if (!stringAt(origTable, i, id) || !stringAt(transTable, i, str)) {
            m_entries.clear();
            return false;
        }
        if (id.empty()) continue; // the header entry
        // Plural entries hold "singular\0plural"; keep the singular and the first form.
        id = id.substr(0, id.find('\0'));
        str = str.substr(0, str.find('\0'));
        if (!str.empty()) m_entries.emplace(std::string(id), std::string(str));
    }
    return true;
}

bool Catalogue::load(const std::filesystem::path& moFile) {
    std::ifstream in(moFile, std::ios::binary);
    if (!in) return false;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse(bytes);
}

const char* Catalogue::find(const char* msgid) const {
    // Heterogeneous lookup is C++20 for unordered containers only with a transparent hash;
    // one std::string per lookup is cheap compared with drawing the text.
    auto it = m_entries.find(msgid);
    return it == m_entries.end() ? nullptr : it->second.c_str();
}

const char* Catalogue::find(const char* context, const char* msgid) const {
    std::string key(context);
    key += '\x04';
    key += msgid;
    auto it = m_entries.find(key);
    return it == m_entries.end() ? nullptr : it->second.c_str();
}

std::vector<std::filesystem::path> localeSearchPath() {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("LERNRAUM_LOCALEDIR"); env && *env) dirs.emplace_back(env);
    const auto exeDir = executableDir();
    if (!exeDir.empty()) {
        dirs.push_back(exeDir / "locale");
        dirs.push_back(exeDir.parent_path() / "share" / "locale");
    }
#ifdef LERNRAUM_BUILD_LOCALEDIR
    // Only for binaries inside the build tree (test binaries live in subdirectories): an installed
    // copy never reads the build tree's catalogues.
    const std::string build = LERNRAUM_BUILD_DIR "/";
    if (exeDir.string().compare(0, build.size(), build) == 0) dirs.emplace_back(LERNRAUM_BUILD_LOCALEDIR);
#endif
    dirs.emplace_back(LERNRAUM_INSTALL_LOCALEDIR);
    return dirs;
}

bool setLanguage(std::string_view language) {
    g_language = language == "de" ? "de" : "en";
    g_catalogue = Catalogue{};
    if (g_language == "en") return true; // the sources are English
    for (const auto& dir : localeSearchPath()) {
        if (g_catalogue.load(dir / g_language / "LC_MESSAGES" / "lernraum.mo")) return true;
    }
    return false;
}

const std::string& language() { return g_language; }

const char* translate(const char* msgid) {
    const char* t = g_catalogue.find(msgid);
    return t ? t : msgid;
}

const char* translate(const char* context, const char* msgid) {
    const char* t = g_catalogue.find(context, msgid);
    return t ? t : msgid;
}

} // namespace lernraum::ui
