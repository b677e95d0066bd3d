#include "store/recovery.hpp"

#include "store/session_file.hpp"
#include "store/state_files.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdint>
#include <ctime>
#include <system_error>

namespace lernraum::store {
namespace {

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string localTime(std::filesystem::file_time_type t) {
    const auto sys = std::chrono::file_clock::to_sys(t);
    const std::time_t tt = std::chrono::system_clock::to_time_t(std::chrono::time_point_cast<std::chrono::seconds>(sys));
    std::tm tm{};
    localtime_r(&tt, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

std::filesystem::path declinedPath(const std::filesystem::path& file) {
    auto p = file;
    p.replace_extension(".declined");
    return p;
}

std::string hex(std::uint64_t value) {
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(value));
    return out;
}

constexpr std::string_view kUntitledPrefix = "untitled-";

} // namespace

std::filesystem::path recoveryPath(const std::filesystem::path& configDir, const std::string& sessionPath,
                                   const std::string& sessionId) {
    const auto dir = configDir / "recovery";
    if (sessionPath.empty()) {
        // Keyed by the session's id (random per new session); only safe characters in the name.
        std::string safe;
        for (char c : sessionId.substr(0, 40))
            safe += (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_') ? c : '_';
        return dir / (std::string(kUntitledPrefix) + safe + "-" + hex(fnv1a(sessionId)) + ".lernraum");
    }
    std::error_code ec;
    auto absolute = std::filesystem::absolute(sessionPath, ec);
    if (ec) absolute = sessionPath;
    std::string stem = absolute.stem().string();
    if (stem.size() > 40) stem.resize(40);
    return dir / (stem + "-" + hex(fnv1a(absolute.lexically_normal().string())) + ".lernraum");
}

std::optional<RecoveryOffer> findRecovery(const std::filesystem::path& configDir, const std::string& sessionPath) {
    if (configDir.empty()) return std::nullopt;
    std::error_code ec;
    if (sessionPath.empty()) {
        // The newest copy of an untitled session (a crash before its first save).
        std::optional<RecoveryOffer> best;
        std::filesystem::file_time_type bestTime{};
        for (const auto& entry : std::filesystem::directory_iterator(configDir / "recovery", ec)) {
            const auto name = entry.path().filename().string();
            if (name.rfind(kUntitledPrefix, 0) != 0 || entry.path().extension() != ".lernraum") continue;
            const auto time = std::filesystem::last_write_time(entry.path(), ec);
            if (ec || (best && time <= bestTime)) continue;
            auto loaded = loadSession(entry.path());
            if (!loaded.session) continue;
            best = RecoveryOffer{std::move(*loaded.session), entry.path(), localTime(time)};
            bestTime = time;
        }
        return best;
    }
    const auto file = recoveryPath(configDir, sessionPath, {});
    const auto copyTime = std::filesystem::last_write_time(file, ec);
    if (ec) return std::nullopt;
    const auto fileTime = std::filesystem::last_write_time(sessionPath, ec);
    if (!ec && fileTime >= copyTime) return std::nullopt; // the file was saved after the copy
    auto loaded = loadSession(file);
    if (!loaded.session) return std::nullopt;
    return RecoveryOffer{std::move(*loaded.session), file, localTime(copyTime)};
}

void keepDeclined(const std::filesystem::path& recoveryFile) {
    std::error_code ec;
    std::filesystem::rename(recoveryFile, declinedPath(recoveryFile), ec);
}

void removeRecovery(const std::filesystem::path& configDir, const std::string& sessionPath, const std::string& sessionId) {
    if (configDir.empty()) return;
    std::error_code ec;
    for (const auto& file : {recoveryPath(configDir, sessionPath, sessionId), recoveryPath(configDir, {}, sessionId)}) {
        std::filesystem::remove(file, ec);
        std::filesystem::remove(declinedPath(file), ec);
    }
}

std::string Autosaver::tick(double time, const core::Session& session, const std::string& sessionPath, bool dirty,
                            std::uint64_t version) {
    if (m_configDir.empty()) return {};
    if (!m_haveVersion) {
        m_haveVersion = true;
        m_lastVersion = version;
        m_lastWrite = time;
    }
    if (!dirty || version == m_lastVersion || time - m_lastWrite < kAutosaveSeconds) return {};
    m_lastWrite = time;
    const auto file = recoveryPath(m_configDir, sessionPath, session.id);
    if (auto error = createPrivateDirectories(file.parent_path()); !error.empty()) return error;
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    SaveOptions options;
    options.keepBackup = false;
    options.savedAt = core::Timestamp{now.count()};
    options.newFileMode = 0600; // the copy holds the workshop (names too): for its owner only
    const auto error = saveSession(session, file, options);
    if (error) return error->toString();
    // A copy written by an older version may still be readable by others.
    std::error_code ec;
    std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace, ec);
    m_lastVersion = version;
    return {};
}

} // namespace lernraum::store
