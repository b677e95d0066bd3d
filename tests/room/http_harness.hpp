#pragma once
// A room on 127.0.0.1 with its owner loop on a thread, and a raw-socket HTTP client with short
// timeouts, for the HTTP and fuzz tests. Everything is bounded in time.

#include "core/history.hpp"
#include "core/ids.hpp"
#include "core/retro_rules.hpp"
#include "core/room_rules.hpp"
#include "core/templates.hpp"
#include "room/room.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace roomtest {

using namespace lernraum;

struct Answer {
    int status = 0; // 0 = no HTTP answer (connection refused or closed)
    std::string head;
    std::string body;
};

// Sends `raw` to 127.0.0.1:port and reads until the server closes or `timeoutMs` passes.
inline Answer exchange(std::uint16_t port, const std::string& raw, int timeoutMs = 3000) {
    Answer a;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return a;
    timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return a;
    }
    std::size_t sent = 0;
    while (sent < raw.size()) {
        const ssize_t n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break; // the server may close early (e.g. after a 4xx): read what it said
        sent += static_cast<std::size_t>(n);
    }
    std::string in;
    char buf[8192];
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < end) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        in.append(buf, static_cast<std::size_t>(n));
        if (in.size() > (1u << 20)) break;
    }
    ::close(fd);
    const auto split = in.find("\r\n\r\n");
    a.head = in.substr(0, split);
    a.body = split == std::string::npos ? std::string() : in.substr(split + 4);
    if (in.rfind("HTTP/1.", 0) == 0 && in.size() > 12) a.status = std::atoi(in.c_str() + 9);
    return a;
}

struct RoomFixture {
    core::IdGenerator ids{21};
    core::Session session = core::makeEmptySession("HTTP-Test", core::Date{}, ids);
    core::History history;
    std::unique_ptr<room::Room> room;
    std::mutex mutex; // guards session, history and room calls
    std::condition_variable wake;
    bool woken = false;
    std::atomic<bool> stopping{false};
    std::thread owner;
    std::string host, origin;

    explicit RoomFixture(room::ServerOptions options = {}) {
        options.bindAddress = "127.0.0.1";
        options.port = 0;
        options.code = "K7M2NP";
        options.assets["/"] = room::Asset{"text/html; charset=utf-8", "<!doctype html><title>Lernraum</title>"};
        options.assets["/room.js"] = room::Asset{"text/javascript; charset=utf-8", "'use strict';"};
        options.wake = [this] {
            std::lock_guard lock(mutex);
            woken = true;
            wake.notify_one();
        };
        std::string error;
        room = room::Room::open(std::move(options), session, error);
        if (!room) throw std::runtime_error(error);
        host = "127.0.0.1:" + std::to_string(room->port());
        origin = "http://" + host;
        owner = std::thread([this] {
            std::unique_lock lock(mutex);
            while (!stopping) {
                wake.wait_for(lock, std::chrono::milliseconds(20), [this] { return woken || stopping.load(); });
                woken = false;
                room->pump(session, history, core::Timestamp{1'700'000'000}, ids);
            }
        });
    }
    ~RoomFixture() {
        stopping = true;
        wake.notify_one();
        owner.join();
        room.reset();
    }
    // Runs `f(session, history)` on the session under the owner's lock (the facilitator).
    template <typename F> void facilitate(F&& f) {
        std::lock_guard lock(mutex);
        f(session, history);
        room->pump(session, history, core::Timestamp{1'700'000'000}, ids);
    }
    core::Session copy() {
        std::lock_guard lock(mutex);
        return session;
    }
    const core::Id& retroId() const { return session.retrospectives.front().id; }
    void phase(core::Phase p) {
        facilitate([&](core::Session& s, core::History& h) { h.apply(s, core::goToPhase(s, retroId(), p)); });
    }

    std::uint16_t port() const { return room->port(); }
    std::string get(const std::string& path, const std::string& cookie = {}, const std::string& extra = {}) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (cookie.empty() ? "" : "Cookie: lr=" + cookie + "\r\n") +
               extra + "Connection: close\r\n\r\n";
    }
    std::string post(const std::string& path, const std::string& body, const std::string& cookie = {},
                     const std::string& extra = {}) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin +
               "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" +
               (cookie.empty() ? "" : "Cookie: lr=" + cookie + "\r\n") + extra + "Connection: close\r\n\r\n" + body;
    }
    // Joins and returns the device token ("" when refused).
    std::string join(const std::string& code = "K7M2NP") {
        const auto a = exchange(port(), post("/api/join", "{\"code\":\"" + code + "\"}"));
        const auto at = a.head.find("lr=");
        if (a.status != 200 || at == std::string::npos) return {};
        return a.head.substr(at + 3, 32);
    }
};

} // namespace roomtest
