#pragma once
// Lock files: while Lernraum has a session file open in the GUI, a small lock file next to it
// tells other Lernraum instances (on this or another computer sharing the folder) that someone is
// working on it. LibreOffice style: `.~lock.NAME#` in the session's folder, plain text:
//
//   lernraum-lock 1
//   user=anna          the login name of the person who opened it
//   host=pc-12         the computer
//   pid=4711           the Lernraum process on that computer
//   since=2026-11-22T10:15:00Z
//
// It never holds session content or participant data. A lock is stale when its process is gone
// (same computer, no such pid) or it is older than kStaleLockSeconds; a stale lock is replaced.
// Locks are advisory: they warn, they do not stop anyone from opening or saving (the change check
// of saveSession() protects the content).

#include "core/types.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace lernraum::store {

inline constexpr std::int64_t kStaleLockSeconds = 12 * 3600;

struct LockOwner {
    std::string user;
    std::string host;
    std::int64_t pid = 0;
    core::Timestamp since;
};

enum class LockState {
    Free,  // no lock file
    Ours,  // written by this process
    Held,  // another live Lernraum holds the file
    Stale, // the holder is gone, or the lock is too old or unreadable
};

// `<dir>/.~lock.<name>#` for the session file (symbolic links resolved).
std::filesystem::path lockPathFor(const std::filesystem::path& session);

// The lock file's holder, if a readable lock file exists (never follows a link planted there).
std::optional<LockOwner> readLock(const std::filesystem::path& session);

// Who holds the session file now, judged at `now`.
LockState lockState(const std::filesystem::path& session, core::Timestamp now, LockOwner* owner = nullptr);

// This process, as it would be written into a lock file.
LockOwner currentOwner(core::Timestamp now);

// Writes this process's lock file unless another live instance holds the file (then it returns
// Held and fills `owner`). A stale lock is replaced. Returns Ours on success.
LockState acquireLock(const std::filesystem::path& session, core::Timestamp now, LockOwner* owner = nullptr);

// Removes the lock file if (and only if) it is this process's.
void releaseLock(const std::filesystem::path& session);

// "anna on pc-12 since 2026-11-22 10:15 UTC" (for messages).
std::string describe(const LockOwner& owner);

} // namespace lernraum::store
