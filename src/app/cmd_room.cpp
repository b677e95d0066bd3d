// Subcommand room: the participants' room without a window, for scripting and tests.
//
//   lernraum room FILE [--bind ADDR] [--port N]
//
// Prints "join: URL" and "code: CODE" at start, then reads facilitator commands from stdin, one
// per line (room_commands.hpp): phase N (1-5), reveal, voting open, voting close, status, save,
// close, quit. Saves FILE crash-safely (store::saveSession) within 2 s of a change and on quit,
// SIGINT and SIGTERM.
// End of stdin keeps the room running until a signal or quit.

#include "cli.hpp"
#include "room_assets.hpp"
#include "room_commands.hpp"

#include "core/history.hpp"
#include "core/ids.hpp"
#include "room/room.hpp"
#include "store/session_file.hpp"
#include "ui/i18n.hpp"

#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <future>
#include <memory>
#include <string>

namespace lernraum::app {

namespace {

int g_wakeWrite = -1;
volatile sig_atomic_t g_signal = 0;

void onSignal(int sig) {
    g_signal = sig;
    if (g_wakeWrite >= 0) {
        const char c = 's';
        [[maybe_unused]] auto r = ::write(g_wakeWrite, &c, 1);
    }
}

core::Timestamp nowUtc() {
    return core::Timestamp{std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count()};
}

struct Loop {
    std::string file;
    core::Session session;
    core::History history;
    core::IdGenerator ids = core::IdGenerator::fromRandomDevice();
    std::unique_ptr<room::Room> room;
    std::chrono::steady_clock::time_point lastSave{};
    bool quit = false;

    void say(const std::string& line) {
        std::fputs((line + "\n").c_str(), stdout);
        std::fflush(stdout);
    }
    void complain(const std::string& message) { printError(file, message); }

    void command(const std::string& line) {
        using Kind = FacilitatorCommand::Kind;
        auto cmd = parseFacilitatorCommand(line, session, room->retroId(), randomSeed());
        switch (cmd.kind) {
        case Kind::Empty: break;
        case Kind::Quit: quit = true; break;
        case Kind::Status: say(roomStatusLine(*room, session)); break;
        case Kind::Timing: say(roomTimingLine(*room)); break;
        case Kind::Save:
            if (save()) say("saved");
            break;
        case Kind::Close:
            room->close(session);
            say("room: closed");
            break;
        case Kind::Error: complain(cmd.error); break;
        case Kind::Change:
            if (!*cmd.change) {
                complain(cmd.change->refusal().message());
                break;
            }
            history.apply(session, *cmd.change);
            say(cmd.done);
            break;
        }
    }

    // A save: synchronous (quit, `save`), or in the background while the room runs, so that
    // participants' requests never wait for the disk (an fsync on a busy disk can take hundreds
    // of milliseconds). The background save writes a copy of the session; the history counts as
    // saved only when nothing changed meanwhile.
    std::future<std::optional<store::SaveError>> saving;
    std::uint64_t savingVersion = 0;

    void startBackgroundSave() {
        if (saving.valid()) return;
        savingVersion = history.version();
        saving = std::async(std::launch::async, [copy = session, path = file] { return store::saveSession(copy, path); });
        lastSave = std::chrono::steady_clock::now();
    }
    bool finishBackgroundSave(bool wait) {
        if (!saving.valid()) return true;
        if (!wait && saving.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return true;
        if (const auto error = saving.get()) {
            complain(error->message);
            return false;
        }
        if (history.version() == savingVersion) history.markSaved();
        return true;
    }
    bool save() {
        finishBackgroundSave(true);
        if (const auto error = store::saveSession(session, file)) {
            complain(error->message);
            return false;
        }
        history.markSaved();
        lastSave = std::chrono::steady_clock::now();
        return true;
    }
};

int runRoom(const std::string& file, const std::string& bind, int port, int maxDevices, int perAddress) {
    auto loaded = store::loadSession(file);
    if (!loaded) {
        std::fputs(("lernraum: " + loaded.error->toString() + "\n").c_str(), stderr);
        return kExitFailed;
    }
    Loop loop;
    loop.file = file;
    loop.session = std::move(*loaded.session);

    int wake[2];
    if (::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        printError(file, "cannot create a pipe");
        return kExitFailed;
    }
    g_wakeWrite = wake[1];
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    signal(SIGPIPE, SIG_IGN);

    std::string error;
    room::ServerOptions options;
    options.bindAddress = bind;
    options.port = static_cast<std::uint16_t>(port);
    options.maxDevices = maxDevices;
    options.maxConnectionsPerAddress = perAddress;
    options.assets = loadRoomAssets(executableDir(), error);
    if (options.assets.empty()) {
        printError(file, error);
        return kExitFailed;
    }
    const int wakeFd = wake[1];
    options.wake = [wakeFd] {
        const char c = 'w';
        [[maybe_unused]] auto r = ::write(wakeFd, &c, 1);
    };
    loop.room = room::Room::open(std::move(options), loop.session, error);
    if (!loop.room) {
        printError(file, error);
        return kExitFailed;
    }
    loop.say("join: " + loop.room->url());
    loop.say("code: " + loop.room->code());

    std::string input;
    bool stdinOpen = true;
    while (!loop.quit && !g_signal) {
        pollfd fds[2] = {{wake[0], POLLIN, 0}, {STDIN_FILENO, static_cast<short>(stdinOpen ? POLLIN : 0), 0}};
        ::poll(fds, stdinOpen ? 2 : 1, 250);
        if (fds[0].revents & POLLIN) {
            char buf[256];
            while (::read(wake[0], buf, sizeof buf) > 0) {}
        }
        if (stdinOpen && (fds[1].revents & (POLLIN | POLLHUP))) {
            char buf[4096];
            const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
            if (n <= 0) stdinOpen = false;
            else input.append(buf, static_cast<std::size_t>(n));
            for (std::size_t nl; (nl = input.find('\n')) != std::string::npos && !loop.quit;) {
                std::string line = input.substr(0, nl);
                input.erase(0, nl + 1);
                if (!line.empty() && line.back() == '\r') line.pop_back();
                loop.command(line);
                loop.room->pump(loop.session, loop.history, nowUtc(), loop.ids);
            }
            if (input.size() > 64 * 1024) input.clear();
        }
        loop.room->pump(loop.session, loop.history, nowUtc(), loop.ids);
        loop.finishBackgroundSave(false);
        if (loop.history.isDirty() && std::chrono::steady_clock::now() - loop.lastSave >= std::chrono::seconds(1))
            loop.startBackgroundSave();
    }
    loop.room->close(loop.session);
    loop.room.reset();
    loop.finishBackgroundSave(true);
    const bool saved = !loop.history.isDirty() || loop.save();
    g_wakeWrite = -1;
    ::close(wake[0]);
    ::close(wake[1]);
    return saved ? kExitOk : kExitFailed;
}

} // namespace

void registerRoomCommand(CLI::App& app, CliContext& ctx) {
    struct Args {
        std::string file, bind = "127.0.0.1";
        int port = 0, maxDevices = 60, perAddress = 32;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("room", _("Open the participants' room for FILE without a window (facilitator "
                                           "commands on stdin: phase N, reveal, voting open|close, status, timing, save, close, quit)"));
    cmd->add_option("FILE", args->file, _("Session file (saved within 2 s of every change)"))->required();
    cmd->add_option("--bind", args->bind, _("The one address to listen on (default 127.0.0.1; never 0.0.0.0)"));
    cmd->add_option("--port", args->port, _("Port (0 = a free one)"))->check(CLI::Range(0, 65535));
    cmd->add_option("--max-devices", args->maxDevices, _("Devices that may join"))->check(CLI::Range(1, 500));
    cmd->add_option("--max-connections-per-address", args->perAddress, _("Open connections per client address"))
        ->check(CLI::Range(1, 2000));
    cmd->callback([args, &ctx] {
        ctx.exitCode = runRoom(args->file, args->bind, args->port, args->maxDevices, args->perAddress);
    });
}

} // namespace lernraum::app
