// The participants' room HTTP server on libmicrohttpd; see server.hpp.
//
// [SECTION] Threads: libmicrohttpd runs one internal polling thread (epoll) that calls every
//   handler below; a small heartbeat thread wakes the event streams. Both touch only Impl, under
//   m_mutex. The owner thread takes jobs, answers them (Job::done resumes the suspended
//   connection) and publishes snapshots (which resumes the suspended event streams).
// [SECTION] Checks, in order, before any body is read: method, Host, Origin/Sec-Fetch-Site,
//   room open, route, cookie, Content-Type, Content-Length / chunked, body size.

#include "server.hpp"

#include "json.hpp"
#include "rate_limit.hpp"

#include <microhttpd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/random.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

namespace lernraum::room {

namespace {

constexpr std::string_view kCodeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679";
constexpr const char* kCookie = "lr";
constexpr auto kHeartbeat = std::chrono::seconds(15);
constexpr std::size_t kAnswerTimesKept = 4096;

void fillRandom(unsigned char* out, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = getrandom(out + got, n - got, 0);
        if (r > 0) got += static_cast<std::size_t>(r);
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string header(MHD_Connection* c, const char* name) {
    const char* v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
    return v ? std::string(v) : std::string();
}
bool hasHeader(MHD_Connection* c, const char* name) {
    return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name) != nullptr;
}

std::string clientAddress(MHD_Connection* c) {
    const auto* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr) return {};
    char buf[INET6_ADDRSTRLEN] = {};
    const sockaddr* sa = info->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, buf, sizeof buf);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, buf, sizeof buf);
    return buf;
}

// Headers every answer carries.
void secure(MHD_Response* r, bool api) {
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
                            "form-action 'none'");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Cache-Control", api ? "no-store" : "no-cache");
}

MHD_Result answer(MHD_Connection* c, unsigned status, const std::string& body, const char* type, bool api,
                  const std::string& cookie = {}) {
    MHD_Response* r = MHD_create_response_from_buffer(body.size(), const_cast<char*>(body.data()), MHD_RESPMEM_MUST_COPY);
    if (!r) return MHD_NO;
    MHD_add_response_header(r, "Content-Type", type);
    secure(r, api);
    if (!cookie.empty()) MHD_add_response_header(r, "Set-Cookie", cookie.c_str());
    const MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

MHD_Result fail(MHD_Connection* c, unsigned status, std::string_view code) {
    return answer(c, status, errorJson(code), "application/json; charset=utf-8", true);
}

} // namespace

std::string randomRoomCode() {
    std::string code;
    unsigned char bytes[6];
    while (code.size() < 6) {
        fillRandom(bytes, sizeof bytes);
        for (unsigned char b : bytes) {
            // Rejection sampling: no alphabet letter is likelier than another.
            if (b >= 250 - 250 % kCodeAlphabet.size()) continue;
            if (code.size() < 6) code += kCodeAlphabet[b % kCodeAlphabet.size()];
        }
    }
    return code;
}

std::string randomToken() {
    unsigned char bytes[16];
    fillRandom(bytes, sizeof bytes);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
    return out;
}

std::string normalizeCode(std::string_view code) {
    std::string out;
    for (char c : code) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------

struct Stream;

// Per connection state (libmicrohttpd's con_cls).
struct Context {
    enum class Kind { Api, Events } kind = Kind::Api;
    std::string route;
    DeviceNo device = 0;
    std::string body;
    bool tooLarge = false;
    std::shared_ptr<Job> job; // set while the owner works on it
    bool jobDone = false;
    std::chrono::steady_clock::time_point arrived = std::chrono::steady_clock::now();
};

struct Stream {
    Server::Impl* impl = nullptr;
    MHD_Connection* connection = nullptr;
    DeviceNo device = 0;
    std::uint64_t sent = 0; // snapshot version last sent
    std::string pending;    // bytes not yet handed to libmicrohttpd
    bool suspended = false;
    bool ended = false;     // superseded, room closed, or stopping
    bool started = false;
    std::chrono::steady_clock::time_point lastWrite = std::chrono::steady_clock::now();
};

struct Server::Impl {
    ServerOptions options;
    std::string hostPort; // "ADDR:PORT", what Host must say
    std::string originText;
    std::uint16_t port = 0;
    MHD_Daemon* daemon = nullptr;

    mutable std::mutex mutex;
    std::unordered_map<std::string, DeviceNo> tokens; // token -> device number
    DeviceNo nextDevice = 1;
    CodeAttempts attempts{10};
    std::deque<std::shared_ptr<Job>> jobs;
    std::shared_ptr<const Snapshot> snapshot = std::make_shared<Snapshot>();
    std::set<Stream*> streams;
    std::unordered_map<DeviceNo, Stream*> streamOf;
    bool closed = false;
    bool stopping = false;
    std::vector<float> answerMs; // the last kAnswerTimesKept owner-answered requests (durations only)
    std::size_t answerNext = 0;

    std::thread heartbeat;
    std::condition_variable heartbeatWake;

    // --- helpers (mutex held) -----------------------------------------------------------------
    std::optional<DeviceNo> deviceOf(MHD_Connection* c) {
        const char* t = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, kCookie);
        if (!t) return std::nullopt;
        const auto it = tokens.find(t);
        if (it == tokens.end()) return std::nullopt;
        return it->second;
    }
    void resumeStreams(bool endThem) {
        for (Stream* s : streams) {
            if (endThem) s->ended = true;
            if (s->suspended) {
                s->suspended = false;
                MHD_resume_connection(s->connection);
            }
        }
    }

    // --- request handling (polling thread) ------------------------------------------------------
    MHD_Result handle(MHD_Connection* c, const char* url, const char* method, const char* uploadData,
                      std::size_t* uploadSize, void** conCls);
    MHD_Result first(MHD_Connection* c, const std::string& url, const std::string& method, void** conCls);
    MHD_Result finishPost(MHD_Connection* c, Context& ctx);
    MHD_Result join(MHD_Connection* c, const Body& body);
    MHD_Result openStream(MHD_Connection* c, DeviceNo device);
    ssize_t readStream(Stream& s, char* buf, std::size_t max);
};

namespace {

MHD_Result onRequest(void* cls, MHD_Connection* c, const char* url, const char* method, const char*,
                     const char* uploadData, std::size_t* uploadSize, void** conCls) {
    return static_cast<Server::Impl*>(cls)->handle(c, url, method, uploadData, uploadSize, conCls);
}

// No percent-decoding: the room's paths are plain ASCII, and "/%00" must not turn into "/".
std::size_t keepEscaped(void*, MHD_Connection*, char* s) { return std::strlen(s); }

void onCompleted(void*, MHD_Connection*, void** conCls, MHD_RequestTerminationCode) {
    delete static_cast<Context*>(*conCls);
    *conCls = nullptr;
}

ssize_t onStreamRead(void* cls, std::uint64_t, char* buf, std::size_t max) {
    auto* s = static_cast<Stream*>(cls);
    return s->impl->readStream(*s, buf, max);
}

void onStreamFree(void* cls) {
    auto* s = static_cast<Stream*>(cls);
    {
        std::lock_guard lock(s->impl->mutex);
        s->impl->streams.erase(s);
        const auto it = s->impl->streamOf.find(s->device);
        if (it != s->impl->streamOf.end() && it->second == s) s->impl->streamOf.erase(it);
    }
    delete s;
}

} // namespace

MHD_Result Server::Impl::handle(MHD_Connection* c, const char* url, const char* method, const char* uploadData,
                                std::size_t* uploadSize, void** conCls) {
    if (!*conCls) return first(c, url ? url : "", method ? method : "", conCls);
    auto& ctx = *static_cast<Context*>(*conCls);
    if (*uploadSize > 0) {
        if (ctx.body.size() + *uploadSize > options.maxBodyBytes) ctx.tooLarge = true;
        else ctx.body.append(uploadData, *uploadSize);
        *uploadSize = 0;
        return MHD_YES;
    }
    bool done = false;
    {
        std::lock_guard lock(mutex);
        done = ctx.jobDone;
    }
    if (done) {
        const Reply r = ctx.job->reply; // a copy: the job goes away below
        std::string body = r.error.empty() ? std::string("{\"ok\":true") : std::string("{\"error\":");
        if (!r.error.empty()) appendJsonString(body, r.error);
        if (!r.id.empty()) {
            body += ",\"id\":";
            appendJsonString(body, r.id);
        }
        body += '}';
        ctx.job.reset();
        ctx.jobDone = false;
        {
            std::lock_guard lock(mutex);
            const auto ms = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - ctx.arrived).count();
            if (answerMs.size() < kAnswerTimesKept) answerMs.push_back(ms);
            else answerMs[answerNext++ % kAnswerTimesKept] = ms;
        }
        return answer(c, static_cast<unsigned>(r.status), body, "application/json; charset=utf-8", true);
    }
    if (ctx.job) return MHD_YES; // resumed without an answer yet (cannot happen; keep waiting)
    return finishPost(c, ctx);
}

MHD_Result Server::Impl::first(MHD_Connection* c, const std::string& url, const std::string& method, void** conCls) {
    const bool get = method == "GET";
    const bool post = method == "POST";
    if (!get && !post) return fail(c, 405, "method-not-allowed");
    // DNS rebinding: only the advertised address is this room.
    if (lower(header(c, "Host")) != hostPort) return fail(c, 421, "wrong-host");
    // Cross-site requests: a browser names the page that sends them.
    if (hasHeader(c, "Origin") && header(c, "Origin") != originText) return fail(c, 403, "foreign-origin");
    if (post && !hasHeader(c, "Origin")) return fail(c, 403, "origin-required");
    if (const std::string site = header(c, "Sec-Fetch-Site"); !site.empty() && site != "same-origin" && site != "none")
        return fail(c, 403, "cross-site");

    std::unique_lock lock(mutex);
    if (stopping || closed) return fail(c, 410, "room-closed");

    // The page and its files.
    if (get) {
        std::string path = url;
        const std::string low = lower(path);
        if (low == "/" || (low.rfind("/j/", 0) == 0 && low.size() <= 24 && low.find('/', 3) == std::string::npos))
            path = "/";
        if (const auto it = options.assets.find(path); it != options.assets.end()) {
            lock.unlock();
            return answer(c, 200, it->second.body, it->second.contentType.c_str(), false);
        }
    }

    const auto device = deviceOf(c);
    if (url == "/api/join" && post) {
        auto* ctx = new Context;
        ctx->route = url;
        *conCls = ctx;
    } else if (url == "/api/state" && get) {
        if (!device) return fail(c, 401, "not-joined");
        const std::string body = stateJson(*snapshot, *device);
        lock.unlock();
        return answer(c, 200, body, "application/json; charset=utf-8", true);
    } else if (url == "/api/events" && get) {
        if (!device) return fail(c, 401, "not-joined");
        return openStream(c, *device);
    } else if (post && (url == "/api/cards" || url == "/api/cards/edit" || url == "/api/cards/delete" ||
                        url == "/api/votes/add" || url == "/api/votes/remove" || url == "/api/answer" ||
                        url == "/api/proposals")) {
        if (!device) return fail(c, 401, "not-joined");
        auto* ctx = new Context;
        ctx->route = url;
        ctx->device = *device;
        *conCls = ctx;
    } else {
        return fail(c, 404, "not-found");
    }
    lock.unlock();

    // A POST: JSON only, a declared length, no chunked upload, within the size cap.
    const std::string type = lower(header(c, "Content-Type"));
    if (type.rfind("application/json", 0) != 0) return fail(c, 415, "json-required");
    if (lower(header(c, "Transfer-Encoding")).find("chunked") != std::string::npos) return fail(c, 411, "length-required");
    const std::string length = header(c, "Content-Length");
    if (length.empty() || length.size() > 9 || !std::all_of(length.begin(), length.end(), ::isdigit))
        return fail(c, 411, "length-required");
    if (std::stoul(length) > options.maxBodyBytes) return fail(c, 413, "body-too-large");
    return MHD_YES;
}

MHD_Result Server::Impl::finishPost(MHD_Connection* c, Context& ctx) {
    if (ctx.tooLarge) return fail(c, 413, "body-too-large");
    const auto body = parseBody(ctx.body);
    if (!body) return fail(c, 400, "bad-json");
    if (ctx.route == "/api/join") return join(c, *body);

    auto job = std::make_shared<Job>();
    Request& r = job->request;
    r.device = ctx.device;
    r.requestId = body->requestId;
    r.itemId = body->itemId;
    r.promptId = body->promptId;
    r.text = body->text;
    if (ctx.route == "/api/cards") r.kind = RequestKind::AddCard;
    else if (ctx.route == "/api/proposals") {
        r.kind = RequestKind::ProposeCard;
        r.itemId = body->boardId; // the board whose first column gets the card
    }
    else if (ctx.route == "/api/cards/edit") r.kind = RequestKind::EditCard;
    else if (ctx.route == "/api/cards/delete") r.kind = RequestKind::DeleteCard;
    else if (ctx.route == "/api/votes/add") r.kind = RequestKind::AddVote;
    else if (ctx.route == "/api/votes/remove") r.kind = RequestKind::RemoveVote;
    else r.kind = RequestKind::Answer;
    if (r.kind == RequestKind::Answer) {
        if (!body->value) return fail(c, 400, "value-required");
        r.value = *body->value;
    }
    if (r.requestId.size() > 64) return fail(c, 400, "bad-request-id");
    if ((r.kind == RequestKind::AddCard || r.kind == RequestKind::EditCard || r.kind == RequestKind::ProposeCard) &&
        r.text.empty())
        return fail(c, 422, "empty-text");
    if (r.kind == RequestKind::ProposeCard && r.itemId.empty()) return fail(c, 400, "board-required");
    if (r.kind != RequestKind::AddCard && r.kind != RequestKind::Answer && r.kind != RequestKind::ProposeCard &&
        r.itemId.empty())
        return fail(c, 400, "item-required");

    Context* ctxp = &ctx;
    job->done = [this, c, ctxp](Job&) {
        // Owner thread: the connection is suspended and waits for exactly this.
        std::lock_guard lock(mutex);
        ctxp->jobDone = true;
        MHD_resume_connection(c);
    };
    {
        std::lock_guard lock(mutex);
        if (closed || stopping) return fail(c, 410, "room-closed");
        ctx.job = job;
        jobs.push_back(job);
        MHD_suspend_connection(c);
    }
    if (options.wake) options.wake();
    return MHD_YES;
}

MHD_Result Server::Impl::join(MHD_Connection* c, const Body& body) {
    const std::string address = clientAddress(c);
    const auto now = std::chrono::steady_clock::now();
    std::unique_lock lock(mutex);
    if (const auto known = deviceOf(c)) return answer(c, 200, "{\"ok\":true}", "application/json; charset=utf-8", true);
    if (!attempts.mayTry(address, now)) return fail(c, 429, "too-many-attempts");
    if (normalizeCode(body.code) != options.code) {
        attempts.failed(address, now);
        return fail(c, 403, "wrong-code");
    }
    if (static_cast<int>(tokens.size()) >= options.maxDevices) return fail(c, 503, "room-full");
    const std::string token = randomToken();
    tokens.emplace(token, nextDevice++);
    lock.unlock();
    if (options.wake) options.wake(); // the facilitator's count changes
    return answer(c, 200, "{\"ok\":true}", "application/json; charset=utf-8", true,
                  std::string(kCookie) + "=" + token + "; HttpOnly; SameSite=Strict; Path=/");
}

MHD_Result Server::Impl::openStream(MHD_Connection* c, DeviceNo device) {
    // mutex held by the caller (first()).
    if (static_cast<int>(streams.size()) >= options.maxDevices) return fail(c, 503, "too-many-streams");
    auto* s = new Stream;
    s->impl = this;
    s->connection = c;
    s->device = device;
    // One stream per device: a phone that reconnects replaces its old (maybe dead) stream.
    if (const auto it = streamOf.find(device); it != streamOf.end()) {
        Stream* old = it->second;
        old->ended = true;
        if (old->suspended) {
            old->suspended = false;
            MHD_resume_connection(old->connection);
        }
    }
    streams.insert(s);
    streamOf[device] = s;
    MHD_Response* r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, &onStreamRead, s, &onStreamFree);
    if (!r) {
        streams.erase(s);
        streamOf.erase(device);
        delete s;
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", "text/event-stream; charset=utf-8");
    secure(r, true);
    const MHD_Result ok = MHD_queue_response(c, 200, r);
    MHD_destroy_response(r);
    return ok;
}

ssize_t Server::Impl::readStream(Stream& s, char* buf, std::size_t max) {
    std::lock_guard lock(mutex);
    if (s.pending.empty()) {
        if (s.ended || closed || stopping) return MHD_CONTENT_READER_END_OF_STREAM;
        const auto now = std::chrono::steady_clock::now();
        if (!s.started) {
            s.pending = "retry: 1000\n\n";
            s.started = true;
        } else if (snapshot->version > s.sent) {
            s.sent = snapshot->version;
            s.pending = "data: " + stateJson(*snapshot, s.device) + "\n\n";
        } else if (now - s.lastWrite >= kHeartbeat) {
            s.pending = ": ping\n\n";
        } else {
            // Nothing new: park the connection until publish() or the heartbeat resumes it.
            s.suspended = true;
            MHD_suspend_connection(s.connection);
            return 0;
        }
    }
    const std::size_t n = std::min(max, s.pending.size());
    std::memcpy(buf, s.pending.data(), n);
    s.pending.erase(0, n);
    s.lastWrite = std::chrono::steady_clock::now();
    return static_cast<ssize_t>(n);
}

// ---------------------------------------------------------------------------------------------

Server::Server(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}

std::unique_ptr<Server> Server::start(ServerOptions options, std::string& error) {
    sockaddr_storage addr{};
    socklen_t len = 0;
    std::string hostForUrl = options.bindAddress;
    if (in_addr a4{}; inet_pton(AF_INET, options.bindAddress.c_str(), &a4) == 1) {
        if (a4.s_addr == htonl(INADDR_ANY)) {
            error = "refusing to listen on every address (0.0.0.0); give one address";
            return nullptr;
        }
        auto* sa = reinterpret_cast<sockaddr_in*>(&addr);
        sa->sin_family = AF_INET;
        sa->sin_port = htons(options.port);
        sa->sin_addr = a4;
        len = sizeof(sockaddr_in);
    } else if (in6_addr a6{}; inet_pton(AF_INET6, options.bindAddress.c_str(), &a6) == 1) {
        if (IN6_IS_ADDR_UNSPECIFIED(&a6)) {
            error = "refusing to listen on every address (::); give one address";
            return nullptr;
        }
        auto* sa = reinterpret_cast<sockaddr_in6*>(&addr);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = htons(options.port);
        sa->sin6_addr = a6;
        len = sizeof(sockaddr_in6);
        hostForUrl = "[" + options.bindAddress + "]";
    } else {
        error = "not an IP address: " + options.bindAddress;
        return nullptr;
    }
    (void)len;

    auto impl = std::make_unique<Impl>();
    if (options.code.empty()) options.code = randomRoomCode();
    options.code = normalizeCode(options.code);
    impl->attempts = CodeAttempts(options.wrongCodesPerMinute);
    const unsigned maxConnections =
        static_cast<unsigned>(options.maxConnections > 0 ? options.maxConnections : 2 * options.maxDevices + 16);
    impl->options = std::move(options);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME;
    if (addr.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
    impl->daemon = MHD_start_daemon(
        flags, 0, nullptr, nullptr, &onRequest, impl.get(), MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&addr),
        MHD_OPTION_CONNECTION_LIMIT, maxConnections, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        static_cast<unsigned>(impl->options.maxConnectionsPerAddress), MHD_OPTION_CONNECTION_TIMEOUT,
        impl->options.timeoutSeconds, MHD_OPTION_CONNECTION_MEMORY_LIMIT, impl->options.memoryPerConnection,
        MHD_OPTION_NOTIFY_COMPLETED, &onCompleted, nullptr, MHD_OPTION_STRICT_FOR_CLIENT, 1, MHD_OPTION_UNESCAPE_CALLBACK, &keepEscaped, nullptr, MHD_OPTION_END);
    if (!impl->daemon) {
        error = "cannot listen on " + impl->options.bindAddress + " port " + std::to_string(impl->options.port) +
                " (address not on this machine, or port in use)";
        return nullptr;
    }
    const auto* info = MHD_get_daemon_info(impl->daemon, MHD_DAEMON_INFO_BIND_PORT);
    impl->port = info ? info->port : impl->options.port;
    impl->hostPort = lower(hostForUrl) + ":" + std::to_string(impl->port);
    impl->originText = "http://" + impl->hostPort;
    Impl* raw = impl.get();
    impl->heartbeat = std::thread([raw] {
        std::unique_lock lock(raw->mutex);
        while (!raw->stopping) {
            raw->heartbeatWake.wait_for(lock, kHeartbeat);
            if (!raw->stopping) raw->resumeStreams(false);
        }
    });
    return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::~Server() { stop(); }

std::string Server::url() const { return m->originText + "/j/" + m->options.code; }
std::string Server::origin() const { return m->originText; }
const std::string& Server::code() const { return m->options.code; }
std::uint16_t Server::port() const { return m->port; }

std::vector<std::shared_ptr<Job>> Server::takeJobs() {
    std::lock_guard lock(m->mutex);
    std::vector<std::shared_ptr<Job>> out(m->jobs.begin(), m->jobs.end());
    m->jobs.clear();
    return out;
}

void Server::publish(std::shared_ptr<const Snapshot> snapshot) {
    std::lock_guard lock(m->mutex);
    m->snapshot = std::move(snapshot);
    m->resumeStreams(false);
}

void Server::close() {
    std::vector<std::shared_ptr<Job>> waiting;
    {
        std::lock_guard lock(m->mutex);
        m->closed = true;
        waiting.assign(m->jobs.begin(), m->jobs.end());
        m->jobs.clear();
        m->tokens.clear();
        m->resumeStreams(true);
    }
    for (auto& job : waiting) {
        job->reply = Reply{410, "room-closed", {}};
        job->done(*job);
    }
}

bool Server::isClosed() const {
    std::lock_guard lock(m->mutex);
    return m->closed;
}

int Server::deviceCount() const {
    std::lock_guard lock(m->mutex);
    return static_cast<int>(m->tokens.size());
}

AnswerTimes Server::answerTimes() const {
    std::vector<float> v;
    {
        std::lock_guard lock(m->mutex);
        v = m->answerMs;
    }
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    auto rank = [&](double p) { return v[std::min(v.size() - 1, static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5))]; };
    return AnswerTimes{static_cast<int>(v.size()), rank(50), rank(95), v.back()};
}

int Server::streamCount() const {
    std::lock_guard lock(m->mutex);
    return static_cast<int>(m->streams.size());
}

void Server::stop() {
    if (!m || !m->daemon) return;
    close();
    {
        std::lock_guard lock(m->mutex);
        m->stopping = true;
        m->resumeStreams(true);
    }
    m->heartbeatWake.notify_all();
    if (m->heartbeat.joinable()) m->heartbeat.join();
    MHD_stop_daemon(m->daemon);
    m->daemon = nullptr;
}

} // namespace lernraum::room
