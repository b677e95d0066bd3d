#pragma once
// The participants' room on the network: a libmicrohttpd server (its own polling thread) that
// serves the participant page and its small JSON API. It never touches the session: requests
// become Jobs the owner thread takes (takeJobs) and answers, and the pages read the immutable
// Snapshot the owner publishes. Device tokens live only here, in memory; the owner sees device
// numbers. See docs/participants.md and docs/security.md.

#include "room_state.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lernraum::room {

struct Asset {
    std::string contentType;
    std::string body;
};

struct ServerOptions {
    std::string bindAddress = "127.0.0.1"; // one address; 0.0.0.0 and :: are refused
    std::uint16_t port = 0;                // 0 = a free port
    int maxDevices = 60;
    int maxConnections = 0;            // 0 = 2 x maxDevices + 16
    int maxConnectionsPerAddress = 32; // per client address
    int wrongCodesPerMinute = 10;      // per client address, then 429
    unsigned timeoutSeconds = 10;      // idle connection timeout
    std::size_t maxBodyBytes = 8 * 1024;
    std::size_t memoryPerConnection = 32 * 1024; // headers + buffers; a longer header gets a 4xx
    std::string code;                            // empty = a random 6-character code
    std::map<std::string, Asset> assets;         // "/room.js" -> file; "/" is the page
    std::function<void()> wake;                  // called (from server threads) when jobs wait
};

// One participant request on its way to the owner thread.
struct Job {
    Request request;
    Reply reply;
    std::function<void(Job&)> done; // the owner calls this once with `reply` filled in
};

// How long the participants' state changes took inside the server: from the request's headers to
// its answer being queued (waiting for the owner thread included; the network and the client not).
// Durations only, of the last 4096 such requests.
struct AnswerTimes {
    int count = 0;
    double median = 0.0;
    double p95 = 0.0;
    double max = 0.0;
};

class Server {
public:
    // Starts listening; nullptr and `error` set when the address cannot be used.
    static std::unique_ptr<Server> start(ServerOptions options, std::string& error);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    [[nodiscard]] std::string url() const;    // http://ADDR:PORT/j/CODE
    [[nodiscard]] std::string origin() const; // http://ADDR:PORT
    [[nodiscard]] const std::string& code() const;
    [[nodiscard]] std::uint16_t port() const;

    // Owner thread.
    std::vector<std::shared_ptr<Job>> takeJobs();
    void publish(std::shared_ptr<const Snapshot> snapshot);
    void close(); // "Raum schließen": new requests get 410, waiting ones are answered, streams end
    [[nodiscard]] bool isClosed() const;
    [[nodiscard]] int deviceCount() const;
    [[nodiscard]] int streamCount() const;
    [[nodiscard]] AnswerTimes answerTimes() const;
    void stop(); // close() and stop listening; also done by the destructor

    struct Impl;

private:
    explicit Server(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m;
};

// A random room code: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
std::string randomRoomCode();
// A random device token: 128 bits as 32 hex digits.
std::string randomToken();
// Room codes compare case-insensitively and ignore spaces and dashes ("k7m2 np" = "K7M2NP").
std::string normalizeCode(std::string_view code);

} // namespace lernraum::room
