#include "store/lock_file.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <pwd.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace lernraum::store {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kMagic = "lernraum-lock 1";
constexpr std::size_t kMaxLockBytes = 4096;

// Lock values end up in a dialog: printable, one line, short.
std::string cleanValue(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, 64)) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || u == 0x7F) ? '?' : c;
    }
    return out;
}

std::string hostName() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0) return "localhost";
    return cleanValue(buf);
}

std::string userName() {
    struct passwd pw {};
    struct passwd* result = nullptr;
    char buf[1024];
    if (::getpwuid_r(::geteuid(), &pw, buf, sizeof buf, &result) == 0 && result != nullptr && result->pw_name != nullptr)
        return cleanValue(result->pw_name);
    if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return cleanValue(user);
    return std::to_string(::geteuid());
}

std::optional<LockOwner> parseLock(std::string_view text) {
    if (text.substr(0, kMagic.size()) != kMagic) return std::nullopt;
    LockOwner owner;
    bool havePid = false;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        const std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        const auto eq = line.find('=');
        if (eq == std::string_view::npos) continue;
        const auto key = line.substr(0, eq);
        const auto value = line.substr(eq + 1);
        if (key == "user") {
            owner.user = cleanValue(value);
        } else if (key == "host") {
            owner.host = cleanValue(value);
        } else if (key == "pid") {
            char* end = nullptr;
            const std::string digits(value.substr(0, 20));
            const long long pid = std::strtoll(digits.c_str(), &end, 10);
            havePid = end != nullptr && *end == '\0' && pid > 0;
            owner.pid = havePid ? pid : 0;
        } else if (key == "since") {
            owner.since = core::Timestamp::parse(value).value_or(core::Timestamp{});
        }
    }
    if (!havePid || owner.host.empty() || !owner.since.isSet()) return std::nullopt;
    return owner;
}

bool processAlive(std::int64_t pid) {
    if (pid <= 0 || pid > 0x3FFFFFFF) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

bool isOurs(const LockOwner& owner) { return owner.host == hostName() && owner.pid == ::getpid(); }

} // namespace

fs::path lockPathFor(const fs::path& session) {
    fs::path file = session;
    if (char* real = ::realpath(session.c_str(), nullptr)) {
        file = real;
        std::free(real);
    }
    return file.parent_path() / (".~lock." + file.filename().string() + "#");
}

std::optional<LockOwner> readLock(const fs::path& session) {
    const int fd = ::open(lockPathFor(session).c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string text(kMaxLockBytes, '\0');
    struct stat st {};
    ssize_t n = -1;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) n = ::read(fd, text.data(), text.size());
    ::close(fd);
    if (n <= 0) return std::nullopt;
    text.resize(static_cast<std::size_t>(n));
    return parseLock(text);
}

LockState lockState(const fs::path& session, core::Timestamp now, LockOwner* owner) {
    struct stat st {};
    if (::lstat(lockPathFor(session).c_str(), &st) != 0) return LockState::Free;
    const auto holder = readLock(session);
    if (!holder) return LockState::Stale; // unreadable, foreign or planted: nobody can be holding it
    if (owner != nullptr) *owner = *holder;
    if (isOurs(*holder)) return LockState::Ours;
    if (now.seconds - holder->since.seconds > kStaleLockSeconds) return LockState::Stale;
    if (holder->host == hostName() && !processAlive(holder->pid)) return LockState::Stale;
    return LockState::Held;
}

LockOwner currentOwner(core::Timestamp now) { return LockOwner{userName(), hostName(), ::getpid(), now}; }

LockState acquireLock(const fs::path& session, core::Timestamp now, LockOwner* owner) {
    const fs::path lock = lockPathFor(session);
    for (int attempt = 0; attempt < 2; ++attempt) {
        const LockState state = lockState(session, now, owner);
        if (state == LockState::Held) return state;
        // Ours or stale: remove the entry itself (unlink never follows a link planted there).
        if (state != LockState::Free) ::unlink(lock.c_str());
        // O_EXCL: creating the lock is atomic; if another instance was faster, look again.
        const int fd = ::open(lock.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0) {
            if (errno == EEXIST) continue;
            return LockState::Free; // read-only folder and the like: work without a lock
        }
        const LockOwner me = currentOwner(now);
        const std::string text = std::string(kMagic) + "\nuser=" + me.user + "\nhost=" + me.host +
                                 "\npid=" + std::to_string(me.pid) + "\nsince=" + me.since.toString() + "\n";
        const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
        ::close(fd);
        if (!ok) {
            ::unlink(lock.c_str());
            return LockState::Free;
        }
        if (owner != nullptr) *owner = me;
        return LockState::Ours;
    }
    return lockState(session, now, owner);
}

void releaseLock(const fs::path& session) {
    const auto holder = readLock(session);
    if (holder && isOurs(*holder)) ::unlink(lockPathFor(session).c_str());
}

std::string describe(const LockOwner& owner) {
    std::string since = owner.since.toString(); // 2026-11-22T10:15:00Z
    if (since.size() >= 16) since = since.substr(0, 10) + " " + since.substr(11, 5) + " UTC";
    return (owner.user.empty() ? std::string("?") : owner.user) + " @ " + owner.host + " (" + since + ")";
}

} // namespace lernraum::store
