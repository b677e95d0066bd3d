// Saving in shared and synced folders (issue 13, items 2-6): planted symbolic links, concurrent
// saves, mode and read-only files, the size cap, change detection, lock files and recovery copies.
// The two-user group case runs as a process test (tests/cli/save_shared_folder.sh).

#include "core/demo.hpp"
#include "core/generate.hpp"
#include "store/document_file.hpp"
#include "store/lock_file.hpp"
#include "store/recovery.hpp"
#include "store/session_file.hpp"
#include "store_test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace lernraum;

using test::readBytes;
using test::session;
using test::TempDir;
using test::writeBytes;

namespace {

mode_t modeOf(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// Files in the folder other than the expected ones (left-over temporary files and the like).
std::set<std::string> namesIn(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Item 2: planted links

TEST_CASE("A symbolic link planted at the temporary file name is never written through", "[store][save][shared]") {
    TempDir dir;
    const auto file = dir.path / "team.lernraum";
    const auto victim = dir.path / "victim.txt";
    writeBytes(victim, "do not touch\n");
    REQUIRE_FALSE(store::saveSession(session(1), file));
    // The name every save used to write to, plus the hidden names of today's temporary files.
    fs::create_symlink(victim, dir.path / "team.lernraum.tmp");
    REQUIRE_FALSE(store::saveSession(session(2), file));
    CHECK(readBytes(victim) == "do not touch\n");
    CHECK(fs::is_symlink(dir.path / "team.lernraum.tmp"));
    CHECK(*store::loadSession(file).session == session(2));
    // Nothing else left behind: the file, its backup, the planted link, the victim.
    CHECK(namesIn(dir.path) == std::set<std::string>{"team.lernraum", "team.lernraum.bak", "team.lernraum.tmp", "victim.txt"});
}

TEST_CASE("A symbolic link planted at NAME.bak is replaced, not followed", "[store][save][shared]") {
    TempDir dir;
    const auto file = dir.path / "team.lernraum";
    const auto victim = dir.path / "victim.txt";
    writeBytes(victim, "do not touch\n");
    REQUIRE_FALSE(store::saveSession(session(1), file));
    const auto first = readBytes(file);
    fs::create_symlink(victim, dir.path / "team.lernraum.bak");
    REQUIRE_FALSE(store::saveSession(session(2), file));
    CHECK(readBytes(victim) == "do not touch\n");
    CHECK_FALSE(fs::is_symlink(dir.path / "team.lernraum.bak"));
    CHECK(readBytes(dir.path / "team.lernraum.bak") == first);
}

TEST_CASE("Saving to a dangling symbolic link is refused and leaves the link as it is", "[store][save][shared]") {
    TempDir dir;
    const auto link = dir.path / "team.lernraum";
    fs::create_symlink(dir.path / "gone" / "real.lernraum", link);
    const auto error = store::saveSession(session(1), link);
    REQUIRE(error);
    CHECK(error->kind == store::SaveErrorKind::BadTarget);
    CHECK(error->message.find("symbolic link") != std::string::npos);
    CHECK(error->message.find("does not exist") != std::string::npos);
    CHECK(fs::is_symlink(link));
    CHECK(namesIn(dir.path) == std::set<std::string>{"team.lernraum"});
}

TEST_CASE("A session file replaced by a symbolic link after opening is not written through", "[store][save][shared]") {
    TempDir dir;
    const auto file = dir.path / "team.lernraum";
    const auto victim = dir.path / "victim.lernraum";
    REQUIRE_FALSE(store::saveSession(session(1), file));
    REQUIRE_FALSE(store::saveSession(session(9), victim));
    const auto victimBytes = readBytes(victim);
    auto loaded = store::loadSession(file);
    REQUIRE(loaded);
    // Someone with write access to the folder re-points the session at another file.
    fs::remove(file);
    fs::create_symlink(victim, file);
    store::SaveOptions options;
    options.expected = loaded.stamp;
    const auto error = store::saveSession(session(2), file, options);
    REQUIRE(error);
    CHECK(error->kind == store::SaveErrorKind::ChangedOnDisk);
    CHECK(readBytes(victim) == victimBytes);
    CHECK(fs::is_symlink(file));
}

// ---------------------------------------------------------------------------------------------
// Item 3: concurrent saves and change detection

TEST_CASE("Concurrent saves of one file: every save succeeds, the file always loads and holds one complete save",
          "[store][save][shared][concurrency]") {
    TempDir dir;
    const auto file = dir.path / "team.lernraum";
    REQUIRE_FALSE(store::saveSession(session(100), file));
    std::vector<core::Session> sessions;
    for (std::uint64_t i = 0; i < 4; ++i) sessions.push_back(session(200 + i, 10));
    for (int round = 0; round < 100; ++round) {
        const int writers = 2 + round % 3; // 2, 3 or 4 at once
        std::atomic<int> ready{0};
        std::vector<std::optional<store::SaveError>> results(static_cast<std::size_t>(writers));
        std::vector<std::string> seenAfter(static_cast<std::size_t>(writers));
        std::vector<std::thread> threads;
        for (int w = 0; w < writers; ++w) {
            threads.emplace_back([&, w] {
                ++ready;
                while (ready.load() < writers) std::this_thread::yield(); // start together
                results[static_cast<std::size_t>(w)] = store::saveSession(sessions[static_cast<std::size_t>(w)], file);
                seenAfter[static_cast<std::size_t>(w)] = readBytes(file);
            });
        }
        for (auto& t : threads) t.join();
        INFO("round " << round << " with " << writers << " writers");
        std::set<std::string> saved; // the bytes of every save that reported success
        for (int w = 0; w < writers; ++w) {
            const auto& result = results[static_cast<std::size_t>(w)];
            INFO("writer " << w << ": " << (result ? result->toString() : std::string("saved")));
            CHECK_FALSE(result); // no reason for any of them to fail
            if (!result) saved.insert(store::serializeSession(sessions[static_cast<std::size_t>(w)], core::Timestamp{}));
        }
        // Right after each save returned, the file was a complete, loadable session: its own or
        // one written by a save that also reported success (a later complete save superseded it).
        for (int w = 0; w < writers; ++w) {
            auto parsed = store::parseSession(seenAfter[static_cast<std::size_t>(w)], "seen");
            REQUIRE(parsed);
            const auto as = store::serializeSession(*parsed.session, core::Timestamp{});
            CHECK(saved.count(as) == 1);
        }
        auto final = store::loadSession(file);
        REQUIRE(final);
        CHECK(saved.count(store::serializeSession(*final.session, core::Timestamp{})) == 1);
        CHECK(store::loadSession(dir.path / "team.lernraum.bak")); // the backup is complete too
    }
    CHECK(namesIn(dir.path) == std::set<std::string>{"team.lernraum", "team.lernraum.bak"});
}

TEST_CASE("A file changed on disk since it was opened is not overwritten, touched or identical rewrites are no change",
          "[store][save][shared]") {
    TempDir dir;
    const auto file = dir.path / "team.lernraum";
    REQUIRE_FALSE(store::saveSession(session(1), file));
    auto opened = store::loadSession(file);
    REQUIRE(opened);
    CHECK(opened.stamp.exists);
    CHECK(opened.stamp.hash == store::contentHash(readBytes(file)));

    SECTION("another program changed it") {
        REQUIRE_FALSE(store::saveSession(session(7), file)); // a colleague's save
        const auto theirs = readBytes(file);
        store::SaveOptions options;
        options.expected = opened.stamp;
        const auto error = store::saveSession(session(2), file, options);
        REQUIRE(error);
        CHECK(error->kind == store::SaveErrorKind::ChangedOnDisk);
        CHECK(readBytes(file) == theirs);
        CHECK_FALSE(fs::exists(dir.path / "team.lernraum.tmp"));
    }
    SECTION("it was deleted") {
        fs::remove(file);
        store::SaveOptions options;
        options.expected = opened.stamp;
        const auto error = store::saveSession(session(2), file, options);
        REQUIRE(error);
        CHECK(error->kind == store::SaveErrorKind::ChangedOnDisk);
    }
    SECTION("a sync client rewrote the same bytes with a new time") {
        const auto bytes = readBytes(file);
        fs::remove(file);
        writeBytes(file, bytes);
        fs::last_write_time(file, fs::last_write_time(file) + std::chrono::hours(1));
        store::SaveOptions options;
        options.expected = opened.stamp;
        store::FileStamp written;
        options.written = &written;
        REQUIRE_FALSE(store::saveSession(session(2), file, options));
        CHECK(*store::loadSession(file).session == session(2));
        // The stamp of the new file is what the next save expects.
        CHECK_FALSE(store::changedSince(written, store::stampFile(file)));
        options.expected = written;
        options.written = nullptr;
        CHECK_FALSE(store::saveSession(session(3), file, options));
    }
}

// ---------------------------------------------------------------------------------------------
// Item 4: mode and read-only files

TEST_CASE("Saving keeps the existing file's mode (0660 stays 0660 whatever the umask)", "[store][save][shared]") {
    TempDir dir;
    const auto file = dir.path / "team.lernraum";
    REQUIRE_FALSE(store::saveSession(session(1), file));
    fs::permissions(file, static_cast<fs::perms>(0660));
    const mode_t old = ::umask(022);
    const auto error = store::saveSession(session(2), file);
    ::umask(old);
    REQUIRE_FALSE(error);
    CHECK(modeOf(file) == 0660);
    CHECK(modeOf(dir.path / "team.lernraum.bak") == 0660);
}

TEST_CASE("A read-only file (0444) is not replaced unless the user says so", "[store][save][shared]") {
    TempDir dir;
    const auto file = dir.path / "team.lernraum";
    REQUIRE_FALSE(store::saveSession(session(1), file));
    fs::permissions(file, static_cast<fs::perms>(0444));
    const auto before = readBytes(file);
    const auto error = store::saveSession(session(2), file);
    REQUIRE(error);
    CHECK(error->kind == store::SaveErrorKind::ReadOnly);
    CHECK(error->message.find("read-only") != std::string::npos);
    CHECK(readBytes(file) == before);

    store::SaveOptions overwrite;
    overwrite.overwriteReadOnly = true;
    REQUIRE_FALSE(store::saveSession(session(2), file, overwrite));
    CHECK(*store::loadSession(file).session == session(2));
    CHECK(modeOf(file) == 0444);
}

// ---------------------------------------------------------------------------------------------
// Item 6: the size cap

TEST_CASE("Saving refuses a session larger than the load cap with the loader's message", "[store][save][shared]") {
    TempDir dir;
    const auto file = dir.path / "huge.lernraum";
    core::Session huge = session(1, 1);
    huge.title.assign(store::kMaxFileBytes, 'x'); // the serialized file is a little larger than the cap
    const auto error = store::saveSession(huge, file);
    REQUIRE(error);
    CHECK(error->kind == store::SaveErrorKind::TooLarge);
    CHECK_FALSE(fs::exists(file));
    // The loader says exactly the same about such a file.
    const auto bytes = store::serializeSession(huge, core::Timestamp{});
    const auto loaded = store::parseSession(bytes, "huge.lernraum");
    REQUIRE(loaded.error);
    REQUIRE(loaded.error->kind == store::LoadErrorKind::TooLarge);
    CHECK(error->message.rfind(loaded.error->message, 0) == 0);
    CHECK(error->message == store::tooLargeMessage(bytes.size()) + ": Lernraum could not open it again; nothing was written");
}

// ---------------------------------------------------------------------------------------------
// Lock files

namespace {

// A process id that is certainly not running: a child that has exited and been reaped.
pid_t deadPid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

void plantLock(const fs::path& session, std::int64_t pid, core::Timestamp since) {
    const auto me = store::currentOwner(since);
    writeBytes(store::lockPathFor(session), "lernraum-lock 1\nuser=kollegin\nhost=" + me.host + "\npid=" + std::to_string(pid) +
                                                "\nsince=" + since.toString() + "\n");
}

constexpr core::Timestamp kNow{1'790'000'000};

} // namespace

TEST_CASE("The lock file names user, host, pid and time, nothing of the session, and is removed by its owner only",
          "[store][lock][shared]") {
    TempDir dir;
    const auto file = dir.path / "team.lernraum";
    REQUIRE_FALSE(store::saveSession(core::makeDemoSession(), file));
    CHECK(store::lockPathFor(file) == dir.path / ".~lock.team.lernraum#");
    CHECK(store::lockState(file, kNow) == store::LockState::Free);
    REQUIRE(store::acquireLock(file, kNow) == store::LockState::Ours);
    const auto text = readBytes(store::lockPathFor(file));
    CHECK(text.find("pid=" + std::to_string(::getpid()) + "\n") != std::string::npos);
    CHECK(text.find("since=" + kNow.toString()) != std::string::npos);
    CHECK(text.size() < 300);
    CHECK(text.find(core::makeDemoSession().title) == std::string::npos);
    CHECK(text.find(core::makeDemoSession().participants.front().displayName) == std::string::npos);
    CHECK(store::lockState(file, kNow) == store::LockState::Ours);
    store::releaseLock(file);
    CHECK_FALSE(fs::exists(store::lockPathFor(file)));

    // Another live Lernraum's lock (pid 1 is always alive) is neither taken over nor removed.
    plantLock(file, 1, kNow);
    store::LockOwner owner;
    CHECK(store::acquireLock(file, kNow, &owner) == store::LockState::Held);
    CHECK(owner.user == "kollegin");
    CHECK(owner.pid == 1);
    store::releaseLock(file);
    CHECK(fs::exists(store::lockPathFor(file)));
}

TEST_CASE("Stale locks are recognised: a dead process, an old lock, an unreadable or planted lock", "[store][lock][shared]") {
    TempDir dir;
    const auto file = dir.path / "team.lernraum";
    REQUIRE_FALSE(store::saveSession(session(1), file));

    plantLock(file, deadPid(), kNow);
    CHECK(store::lockState(file, kNow) == store::LockState::Stale);
    CHECK(store::acquireLock(file, kNow) == store::LockState::Ours);
    store::releaseLock(file);

    plantLock(file, 1, core::Timestamp{kNow.seconds - store::kStaleLockSeconds - 60});
    CHECK(store::lockState(file, kNow) == store::LockState::Stale);
    plantLock(file, 1, core::Timestamp{kNow.seconds - 60});
    CHECK(store::lockState(file, kNow) == store::LockState::Held);

    writeBytes(store::lockPathFor(file), "\x01garbage");
    CHECK(store::lockState(file, kNow) == store::LockState::Stale);

    // A link planted as the lock file is removed (not followed) when the lock is taken.
    const auto victim = dir.path / "victim.txt";
    writeBytes(victim, "do not touch\n");
    fs::remove(store::lockPathFor(file));
    fs::create_symlink(victim, store::lockPathFor(file));
    CHECK(store::lockState(file, kNow) == store::LockState::Stale);
    CHECK(store::acquireLock(file, kNow) == store::LockState::Ours);
    CHECK(readBytes(victim) == "do not touch\n");
    CHECK_FALSE(fs::is_symlink(store::lockPathFor(file)));
    store::releaseLock(file);
}

// ---------------------------------------------------------------------------------------------
// Item 5: recovery copies belong to their document

TEST_CASE("An untitled session's recovery copy survives saving another file, saving that session removes it",
          "[store][recovery][shared]") {
    TempDir dir;
    const auto config = dir.path / "config";
    core::Session untitled = session(1);
    untitled.id = "session-untitled-a";
    core::Session other = session(2);
    other.id = "session-other-b";

    // Autosave of the untitled session (the first tick only starts the clock).
    store::Autosaver autosaver(config);
    REQUIRE(autosaver.tick(0.0, untitled, "", true, 1).empty());
    REQUIRE(autosaver.tick(store::kAutosaveSeconds + 1, untitled, "", true, 2).empty());
    const auto copy = store::recoveryPath(config, "", untitled.id);
    REQUIRE(fs::exists(copy));
    CHECK(copy != store::recoveryPath(config, "", other.id));
    // It holds the workshop's content: readable by its owner only, whatever the umask.
    CHECK((fs::status(copy).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));

    // Another document is saved (in this or another window): the copy stays and is offered.
    store::DocumentFile document(config);
    REQUIRE_FALSE(document.save(other, (dir.path / "other.lernraum").string(), false));
    REQUIRE(fs::exists(copy));
    const auto offer = store::findRecovery(config, "");
    REQUIRE(offer);
    CHECK(offer->session == untitled);

    // Saving the untitled session itself removes its copy.
    REQUIRE_FALSE(document.save(untitled, (dir.path / "mine.lernraum").string(), false));
    CHECK_FALSE(fs::exists(copy));
    CHECK_FALSE(store::findRecovery(config, ""));
}
