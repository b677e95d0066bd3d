#pragma once
// Autosave and recovery. While a session has unsaved changes, a recovery copy is written every
// 30 s (crash-safe, mode 0600, in <state>/recovery/ = $XDG_STATE_HOME/lernraum/recovery/ in a
// folder only the user can open, never over the user's file). On start, a copy newer
// than its session file is offered for restore; declining keeps it (renamed *.declined) until the
// next clean save of that session removes it.
//
// A copy belongs to its document: a saved session's copy is keyed by the file's absolute path, an
// untitled session's copy by the session's own id ("untitled-<id>.lernraum"). Saving one document
// never removes another document's copy.

#include "core/model.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace lernraum::store {

inline constexpr double kAutosaveSeconds = 30.0;

// `configDir` below is the directory that holds recovery/: the GUI passes its state directory
// (ui::stateDirectory(); the name dates from when the copies lived among the settings).
// <configDir>/recovery/<name>-<hash of the absolute path>.lernraum for a file;
// <configDir>/recovery/untitled-<session id>.lernraum for an untitled session.
std::filesystem::path recoveryPath(const std::filesystem::path& configDir, const std::string& sessionPath,
                                   const std::string& sessionId);

struct RecoveryOffer {
    core::Session session;
    std::filesystem::path file;
    std::string savedAt; // local time, "2026-11-22 10:15"
};

// For a file: its loadable recovery copy if newer than the file. For an untitled session
// (sessionPath empty): the newest loadable copy of any untitled session.
std::optional<RecoveryOffer> findRecovery(const std::filesystem::path& configDir, const std::string& sessionPath);

// Moves a declined copy aside so autosave does not overwrite it.
void keepDeclined(const std::filesystem::path& recoveryFile);
// After a clean save of the session `sessionId` to `sessionPath`: removes that file's copy, the
// copy the session had while it was untitled, and their declined copies. Nothing else.
void removeRecovery(const std::filesystem::path& configDir, const std::string& sessionPath, const std::string& sessionId);

class Autosaver {
public:
    explicit Autosaver(std::filesystem::path configDir) : m_configDir(std::move(configDir)) {}

    // Call every frame. Writes when dirty, the session changed since the last copy, and 30 s have
    // passed since the last write. Returns an error message when a write failed, else "".
    std::string tick(double time, const core::Session& session, const std::string& sessionPath, bool dirty,
                     std::uint64_t version);

    // True while a copy is due (dirty and changed since the last copy): the main loop then wakes
    // once a second instead of sleeping until the next input.
    [[nodiscard]] bool pending(bool dirty, std::uint64_t version) const {
        return !m_configDir.empty() && dirty && (!m_haveVersion || version != m_lastVersion);
    }

private:
    std::filesystem::path m_configDir;
    double m_lastWrite = 0.0;
    std::uint64_t m_lastVersion = 0;
    bool m_haveVersion = false;
};

} // namespace lernraum::store
