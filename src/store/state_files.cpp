#include "store/state_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <utility>

namespace lernraum::store {
namespace {

namespace fs = std::filesystem;

std::string errnoText(int error) { return std::strerror(error); }

class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

void fsyncDirectory(const fs::path& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd); // best effort: not every file system supports it on directories
        ::close(fd);
    }
}

// Copies `from` into the new file `to` (O_EXCL, 0600), with the original's modification time,
// and flushes it to disk. On failure removes what it created and returns the error.
std::string copyDurably(const fs::path& from, const fs::path& to) {
    Fd in(::open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (in.get() < 0) return "cannot read it: " + errnoText(errno);
    struct stat st {};
    if (::fstat(in.get(), &st) != 0) return "cannot read it: " + errnoText(errno);
    Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (out.get() < 0) {
        return errno == EEXIST ? std::string("a file of that name is already there") : "cannot create it: " + errnoText(errno);
    }
    std::string error;
    char buffer[65536];
    while (error.empty()) {
        const ssize_t n = ::read(in.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = "cannot read it: " + errnoText(errno);
            break;
        }
        if (n == 0) break;
        for (ssize_t done = 0; done < n && error.empty();) {
            const ssize_t w = ::write(out.get(), buffer + done, static_cast<std::size_t>(n - done));
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) error = "cannot write the copy: " + errnoText(errno);
            if (w > 0) done += w;
        }
    }
    // The recovery offer compares the copy's time with the session file's: keep it.
    const struct timespec times[2] = {st.st_atim, st.st_mtim};
    if (error.empty() && ::futimens(out.get(), times) != 0) error = "cannot keep its time: " + errnoText(errno);
    if (error.empty() && ::fsync(out.get()) != 0) error = "cannot flush the copy to disk: " + errnoText(errno);
    if (error.empty() && ::close(out.release()) != 0) error = "cannot write the copy: " + errnoText(errno);
    if (!error.empty()) {
        ::unlink(to.c_str());
        return error;
    }
    fsyncDirectory(to.parent_path());
    return {};
}

} // namespace

std::string createPrivateDirectories(const fs::path& dir) {
    if (dir.empty()) return "no directory";
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return {};
    if (dir.has_parent_path() && dir.parent_path() != dir) {
        if (auto error = createPrivateDirectories(dir.parent_path()); !error.empty()) return error;
    }
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return dir.string() + ": cannot create the folder: " + errnoText(errno);
    if (!fs::is_directory(dir, ec)) return dir.string() + ": not a folder";
    return {};
}

std::string moveFile(const fs::path& from, const fs::path& to, bool allowRename) {
    if (auto error = createPrivateDirectories(to.parent_path()); !error.empty()) return error;
    if (allowRename) {
        // Within one file system: one atomic step that never replaces an existing file.
        if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
            ::chmod(to.c_str(), 0600);
            fsyncDirectory(to.parent_path());
            fsyncDirectory(from.parent_path());
            return {};
        }
        if (errno == EEXIST) return "a file of that name is already there";
        if (errno == EINVAL) {
            // A file system without RENAME_NOREPLACE: a hard link fails on an existing name, too.
            if (::link(from.c_str(), to.c_str()) == 0) {
                if (::unlink(from.c_str()) != 0) {
                    const int error = errno;
                    ::unlink(to.c_str());
                    return "cannot remove it from the old place: " + errnoText(error);
                }
                ::chmod(to.c_str(), 0600);
                fsyncDirectory(to.parent_path());
                fsyncDirectory(from.parent_path());
                return {};
            }
            if (errno == EEXIST) return "a file of that name is already there";
        }
        if (errno != EXDEV && errno != EINVAL && errno != EPERM && errno != EMLINK && errno != EOPNOTSUPP) {
            return errnoText(errno);
        }
    }
    // Another file system: the copy is on disk before the original goes.
    if (auto error = copyDurably(from, to); !error.empty()) return error;
    if (::unlink(from.c_str()) != 0) {
        const int error = errno;
        ::unlink(to.c_str()); // the original is still there; one copy, not two
        fsyncDirectory(to.parent_path());
        return "cannot remove it from the old place: " + errnoText(error);
    }
    fsyncDirectory(from.parent_path());
    return {};
}

StateMove moveStateFromConfig(const fs::path& configDir, const fs::path& stateDir) {
    StateMove result;
    if (configDir.empty() || stateDir.empty()) return result;
    std::error_code ec;
    if (fs::equivalent(configDir, stateDir, ec)) return result;
    auto move = [&](const fs::path& from, const fs::path& to) {
        if (auto error = moveFile(from, to); !error.empty()) {
            result.errors.push_back(from.string() + ": error: not moved to " + to.parent_path().string() + ": " + error +
                                    " (it stays where it is)");
        } else {
            ++result.moved;
        }
    };
    const fs::path oldRecovery = configDir / "recovery";
    if (fs::is_directory(oldRecovery, ec)) {
        std::vector<fs::path> files;
        for (fs::directory_iterator it(oldRecovery, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code typeError;
            if (it->is_regular_file(typeError) && !it->is_symlink(typeError)) files.push_back(it->path());
        }
        for (const auto& file : files) move(file, stateDir / "recovery" / file.filename());
        ::rmdir(oldRecovery.c_str()); // only when empty: anything left stays visible
    }
    // ImGui's window layout: nothing to lose; when a newer one is already there, the old one goes.
    const fs::path oldIni = configDir / "imgui.ini";
    if (fs::is_regular_file(oldIni, ec)) {
        if (fs::exists(stateDir / "imgui.ini", ec)) {
            fs::remove(oldIni, ec);
        } else {
            move(oldIni, stateDir / "imgui.ini");
        }
    }
    return result;
}

} // namespace lernraum::store
