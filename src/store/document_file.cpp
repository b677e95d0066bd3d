#include "store/document_file.hpp"

#include "store/recovery.hpp"

namespace lernraum::store {

DocumentFile::DocumentFile(std::filesystem::path configDir, bool useLocks)
    : m_configDir(std::move(configDir)), m_useLocks(useLocks) {}

DocumentFile::~DocumentFile() {
    if (m_lockTaken) releaseLock(m_current);
}

DocumentFile::Opened DocumentFile::open(const std::string& path, core::Timestamp now) {
    Opened opened;
    opened.result = loadSession(path);
    if (!opened.result.session) return opened;
    m_stamps[path] = opened.result.stamp;
    LockOwner owner;
    if (m_useLocks && path != m_current && lockState(path, now, &owner) == LockState::Held) opened.heldBy = owner;
    return opened;
}

std::optional<SaveError> DocumentFile::save(const core::Session& session, const std::string& path, bool overwrite) {
    SaveOptions options;
    if (!overwrite) {
        if (const auto known = m_stamps.find(path); known != m_stamps.end()) options.expected = known->second;
    }
    options.overwriteReadOnly = overwrite;
    FileStamp written;
    options.written = &written;
    if (auto error = saveSession(session, path, options)) return error;
    m_stamps[path] = std::move(written);
    removeRecovery(m_configDir, path, session.id);
    return std::nullopt;
}

void DocumentFile::setCurrent(const std::string& path, core::Timestamp now) {
    if (path == m_current) {
        if (!m_lockTaken && m_useLocks && !path.empty()) m_lockTaken = acquireLock(path, now) == LockState::Ours;
        return;
    }
    if (m_lockTaken) releaseLock(m_current);
    m_lockTaken = false;
    m_current = path;
    if (m_useLocks && !path.empty()) m_lockTaken = acquireLock(path, now) == LockState::Ours;
}

} // namespace lernraum::store
