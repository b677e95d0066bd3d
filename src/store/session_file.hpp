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
inline constexpr std::uintmax_t kMaxFileBytes = 64ull * 1024 * 1024; // size cap for loading

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
    explicit operator bool() const { return session.has_value(); }
};

// Parses a session from JSON text. `name` is used in error messages.
LoadResult parseSession(std::string_view json, std::string_view name);

// Reads and parses a file (size-capped). Never modifies the file.
LoadResult loadSession(const std::filesystem::path& path);

// Serializes a session into the envelope. `savedAt` goes into "saved_at".
std::string serializeSession(const core::Session& session, core::Timestamp savedAt);

struct SaveError {
    std::string file;
    std::string message;
    [[nodiscard]] std::string toString() const { return file + ": error: " + message; }
};

struct SaveOptions {
    bool keepBackup = true; // keep the previous version as NAME.bak
    core::Timestamp savedAt{}; // 0 = now
    // Test hook: called before each step ("write", "fsync", "rename", "backup"); returning
    // false makes that step fail as if the system call had failed.
    std::function<bool(std::string_view step)> faultInjection;
};

// Crash-safe save: serialize to memory, write NAME.tmp, fsync, keep the previous file as NAME.bak,
// rename NAME.tmp over NAME, fsync the directory. On failure the previous file is untouched.
std::optional<SaveError> saveSession(const core::Session& session, const std::filesystem::path& path,
                                     const SaveOptions& options = {});

// Writes arbitrary bytes with the same crash-safe procedure (used for recovery copies and exports).
std::optional<SaveError> writeFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                                             const SaveOptions& options = {});

} // namespace lernraum::store
