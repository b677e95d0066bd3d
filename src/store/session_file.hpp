#pragma once
// Session files (.lernraum): cereal JSON inside an envelope, hostile-input-safe loading with typed
// errors, crash-safe saving. The only place in Lernraum that parses or writes session JSON.
//
//   { "format": "lernraum-session", "schema_version": 1, "app_version": "0.1.0",
//     "saved_at": "2026-11-22T10:00:00Z", "session": { ... } }

#include "core/model.hpp"
#include "core/validate.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lernraum::store {

inline constexpr std::string_view kFormatName = "lernraum-session";
inline constexpr int kSchemaVersion = 1;
// Size cap for loading and saving: a 100,000-card board (`lernraum generate --cards 100000`,
// 98 MiB) loads; `generate` refuses larger sessions with the loader's message (docs/file-format.md).
inline constexpr std::uintmax_t kMaxFileBytes = 128ull * 1024 * 1024;

// "file is too large (140 MiB, at most 128 MiB)": the one message for the cap, on load and on save.
std::string tooLargeMessage(std::uintmax_t bytes);

// What a session file looked like on disk when it was read or written: a later save compares it
// with the file as it is then, to notice changes made behind Lernraum's back (another facilitator,
// a sync client). `exists == false` stands for "there was no file".
struct FileStamp {
    bool exists = false;
    std::string target; // the file's real path (symbolic links resolved)
    std::uintmax_t size = 0;
    std::int64_t mtimeNs = 0;
    std::uint64_t dev = 0;
    std::uint64_t ino = 0;
    std::uint64_t hash = 0; // of the content (contentHash)
};

// A 64-bit hash of file content for change detection (not a cryptographic hash).
std::uint64_t contentHash(std::string_view bytes);

// The stamp of the file at `path` as it is now (the content is read and hashed; symbolic links are
// followed). A missing file gives exists == false.
FileStamp stampFile(const std::filesystem::path& path);

// True when the file is not the one described by `before`: it appeared, disappeared, now resolves
// to another file, or has another size or content. A file that was only touched, or rewritten with
// the same bytes (as sync clients do), is unchanged.
bool changedSince(const FileStamp& before, const FileStamp& now);

enum class LoadErrorKind {
    Io,           // cannot open/read the file (missing, permission, is a directory)
    TooLarge,     // larger than kMaxFileBytes
    NotLernraum,  // not JSON, or JSON without our envelope ("format" missing or different)
    NewerVersion, // schema_version or a class version newer than this app understands
    Corrupt,      // our envelope, but the content cannot be read (wrong types, truncated, bad UTF-8, ...)
    Invalid,      // read fine, but validate() found problems
};

struct LoadError {
    LoadErrorKind kind = LoadErrorKind::Corrupt;
    std::string file;                   // the path or name given to the loader
    std::string message;                // one line, human readable, without the file name
    std::vector<core::Problem> problems; // for Invalid: every problem found

    // "FILE: error: MESSAGE" (one line; for Invalid the first problems and a count).
    [[nodiscard]] std::string toString() const;
};

std::string_view toName(LoadErrorKind kind); // "io", "too_large", "not_lernraum", ...

// Either a session or an error.
struct LoadResult {
    std::optional<core::Session> session;
    std::optional<LoadError> error;
    FileStamp stamp; // loadSession(): the file as read (exists == false for parseSession)
    explicit operator bool() const { return session.has_value(); }
};

// Parses a session from JSON text. `name` is used in error messages.
LoadResult parseSession(std::string_view json, std::string_view name);

// Reads and parses a file (size-capped). Never modifies the file.
LoadResult loadSession(const std::filesystem::path& path);

// Serializes a session into the envelope. `savedAt` goes into "saved_at".
std::string serializeSession(const core::Session& session, core::Timestamp savedAt);

enum class SaveErrorKind {
    Failed,        // the system refused (no space, no permission, missing folder, ...)
    ChangedOnDisk, // SaveOptions::expected was given and the file changed since
    ReadOnly,      // the existing file is read-only for the saver (overwriteReadOnly not set)
    TooLarge,      // the file would exceed kMaxFileBytes, so Lernraum could not open it again
    BadTarget,     // a directory, a dangling symbolic link, or not a regular file
};

struct SaveError {
    SaveErrorKind kind = SaveErrorKind::Failed;
    std::string file;
    std::string message;
    [[nodiscard]] std::string toString() const { return file + ": error: " + message; }
};

struct SaveOptions {
    bool keepBackup = true; // keep the previous version as NAME.bak
    core::Timestamp savedAt{}; // 0 = now
    // When set, the save is refused (SaveErrorKind::ChangedOnDisk) if the file on disk is no longer
    // the one described here (see changedSince); pass the stamp from loading or the last save.
    std::optional<FileStamp> expected;
    // Replace a file the saver has no write permission for (after the user said so).
    bool overwriteReadOnly = false;
    // Permissions of a file that does not exist yet (the umask applies); an existing file keeps its
    // own. Recovery copies, which hold the workshop's content, use 0600.
    unsigned newFileMode = 0666;
    // When set, receives the stamp of the file just written (on success).
    FileStamp* written = nullptr;
    // Test hook: called before each step ("write", "fsync", "rename", "backup"); returning
    // false makes that step fail as if the system call had failed.
    std::function<bool(std::string_view step)> faultInjection;
};

// Crash-safe save: serialize to memory, write a new uniquely named temporary file in the target's
// folder (created exclusively, never through a link), fsync, keep the previous file as NAME.bak,
// rename the temporary file over NAME, fsync the directory. On failure the previous file is
// untouched. A symbolic link NAME is resolved and its final target replaced (the link stays); a
// dangling link is refused. The existing file's mode and group are kept where permitted. A session
// that would be larger than kMaxFileBytes is refused with the loader's message.
std::optional<SaveError> saveSession(const core::Session& session, const std::filesystem::path& path,
                                     const SaveOptions& options = {});

// Writes arbitrary bytes with the same crash-safe procedure (used for recovery copies and exports).
std::optional<SaveError> writeFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                                             const SaveOptions& options = {});

} // namespace lernraum::store
