#include "app/recovery.hpp"

#include "store/session_file.hpp"

#include <chrono>
#include <cstdint>
#include <ctime>
#include <system_error>

namespace lernraum::app {
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

} // namespace

std::filesystem::path recoveryPath(const std::filesystem::path& configDir, const std::string& sessionPath) {
    const auto dir = configDir / "recovery";
    if (sessionPath.empty()) return dir / "untitled.lernraum";
    std::error_code ec;
    auto absolute = std::filesystem::absolute(sessionPath, ec);
    if (ec) absolute = sessionPath;
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a(absolute.lexically_normal().string())));
    std::string stem = absolute.stem().string();
    if (stem.size() > 40) stem.resize(40);
    return dir / (stem + "-" + hash + ".lernraum");
}

std::optional<RecoveryOffer> findRecovery(const std::filesystem::path& configDir, const std::string& sessionPath) {
    if (configDir.empty()) return std::nullopt;
    const auto file = recoveryPath(configDir, sessionPath);
    std::error_code ec;
    const auto copyTime = std::filesystem::last_write_time(file, ec);
    if (ec) return std::nullopt;
    if (!sessionPath.empty()) {
        const auto fileTime = std::filesystem::last_write_time(sessionPath, ec);
        if (!ec && fileTime >= copyTime) return std::nullopt; // the file was saved after the copy
    }
    auto loaded = store::loadSession(file);
    if (!loaded.session) return std::nullopt;
    return RecoveryOffer{std::move(*loaded.session), file, localTime(copyTime)};
}

void keepDeclined(const std::filesystem::path& recoveryFile) {
    std::error_code ec;
    std::filesystem::rename(recoveryFile, declinedPath(recoveryFile), ec);
}

void removeRecovery(const std::filesystem::path& configDir, const std::string& sessionPath) {
    if (configDir.empty()) return;
    const auto file = recoveryPath(configDir, sessionPath);
    std::error_code ec;
    std::filesystem::remove(file, ec);
    std::filesystem::remove(declinedPath(file), ec);
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
    const auto file = recoveryPath(m_configDir, sessionPath);
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    store::SaveOptions options;
    options.keepBackup = false;
    const auto error = store::writeFileAtomically(file, store::serializeSession(session, core::Timestamp{now.count()}), options);
    if (error) return error->toString();
    m_lastVersion = version;
    return {};
}

} // namespace lernraum::app
