// The participants' room over HTTP on 127.0.0.1: every hostile or malformed request gets a 4xx
// with a short JSON error, the server stays up and the session is unchanged.

#include "http_harness.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <vector>

using namespace roomtest;

namespace {

// The server still answers a plain request.
void stillUp(RoomFixture& f) {
    const auto a = exchange(f.port(), f.get("/"));
    REQUIRE(a.status == 200);
    CHECK(a.body.find("Lernraum") != std::string::npos);
}

bool jsonError(const Answer& a, const std::string& code) {
    return a.body == "{\"error\":\"" + code + "\"}" && a.head.find("application/json") != std::string::npos;
}

} // namespace

TEST_CASE("room http: the page and the API carry the security headers", "[room][http]") {
    RoomFixture f;
    const auto page = exchange(f.port(), f.get("/J/k7m2np"));
    REQUIRE(page.status == 200);
    CHECK(page.head.find("Content-Security-Policy: default-src 'self'") != std::string::npos);
    CHECK(page.head.find("X-Content-Type-Options: nosniff") != std::string::npos);
    const auto token = f.join();
    REQUIRE(token.size() == 32);
    const auto joined = exchange(f.port(), f.post("/api/join", "{\"code\":\"k7m2 np\"}"));
    CHECK(joined.head.find("HttpOnly; SameSite=Strict; Path=/") != std::string::npos);
    const auto state = exchange(f.port(), f.get("/api/state", token));
    REQUIRE(state.status == 200);
    CHECK(state.head.find("Cache-Control: no-store") != std::string::npos);
    CHECK(state.body.find("\"phase\":\"check-in\"") != std::string::npos);
    CHECK(exchange(f.port(), f.get("/api/state")).status == 401);
    CHECK(exchange(f.port(), f.get("/api/state", std::string(32, 'a'))).status == 401);
}

TEST_CASE("room http: hostile and malformed requests get a 4xx and change nothing", "[room][http]") {
    RoomFixture f;
    f.phase(core::Phase::GatherData);
    const auto token = f.join();
    REQUIRE_FALSE(token.empty());
    const core::Session before = f.copy();
    const std::string card = R"({"text":"Karte","requestId":"x1"})";

    SECTION("wrong Host (DNS rebinding)") {
        auto raw = f.post("/api/cards", card, token);
        raw.replace(raw.find(f.host), f.host.size(), "evil.example");
        const auto a = exchange(f.port(), raw);
        CHECK(a.status == 421);
        CHECK(jsonError(a, "wrong-host"));
        CHECK(exchange(f.port(), "GET / HTTP/1.1\r\nConnection: close\r\n\r\n").status == 400); // no Host at all
    }
    SECTION("foreign or missing Origin") {
        auto raw = f.post("/api/cards", card, token);
        raw.replace(raw.find("Origin: " + f.origin), 8 + f.origin.size(), "Origin: http://evil.example");
        const auto a = exchange(f.port(), raw);
        CHECK(a.status == 403);
        CHECK(jsonError(a, "foreign-origin"));
        auto none = f.post("/api/cards", card, token);
        none.erase(none.find("Origin: "), 10 + f.origin.size());
        CHECK(exchange(f.port(), none).status == 403);
        CHECK(exchange(f.port(), f.post("/api/cards", card, token, "Sec-Fetch-Site: cross-site\r\n")).status == 403);
    }
    SECTION("not JSON") {
        auto raw = f.post("/api/cards", card, token);
        raw.replace(raw.find("application/json"), 16, "text/plain");
        const auto a = exchange(f.port(), raw);
        CHECK(a.status == 415);
        CHECK(jsonError(a, "json-required"));
    }
    SECTION("oversized body") {
        const std::string big = "{\"text\":\"" + std::string(9000, 'x') + "\"}";
        const auto a = exchange(f.port(), f.post("/api/cards", big, token));
        CHECK(a.status == 413);
        CHECK(jsonError(a, "body-too-large"));
        // A lying Content-Length is refused before anything is read.
        std::string lie = f.post("/api/cards", card, token);
        lie.replace(lie.find("Content-Length: "), 16 + std::to_string(card.size()).size(), "Content-Length: 99999999999");
        CHECK(exchange(f.port(), lie).status == 411);
    }
    SECTION("a 1 MB header line") {
        const std::string raw = "GET /api/state HTTP/1.1\r\nHost: " + f.host + "\r\nX-Junk: " + std::string(1 << 20, 'a') +
                                "\r\nConnection: close\r\n\r\n";
        const auto a = exchange(f.port(), raw);
        CHECK((a.status == 0 || (a.status >= 400 && a.status < 500)));
    }
    SECTION("chunked flood") {
        std::string raw = "POST /api/cards HTTP/1.1\r\nHost: " + f.host + "\r\nOrigin: " + f.origin +
                          "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nCookie: lr=" + token +
                          "\r\n\r\n";
        for (int i = 0; i < 20000; ++i) raw += "a\r\n0123456789\r\n";
        const auto a = exchange(f.port(), raw);
        CHECK(a.status == 411);
        CHECK(jsonError(a, "length-required"));
    }
    SECTION("bad JSON") {
        for (const std::string& body : std::vector<std::string>{"{", "[]", "{\"text\":3}", std::string(100000, '['),
                                                                "\"just a string\"", "{\"text\":\"\xc3\x28\"}"}) {
            const auto a = exchange(f.port(), f.post("/api/cards", body.substr(0, 8000), token));
            CHECK(a.status == 400);
            CHECK(jsonError(a, "bad-json"));
        }
    }
    SECTION("unknown routes and methods") {
        for (const std::string& path : std::vector<std::string>{"/api", "/api/cards/../join", "/etc/passwd", "/room.js/x", "/%00", "/api/state/1"}) {
            const auto a = exchange(f.port(), f.get(path, token));
            INFO(path);
            CHECK(a.status == 404);
            CHECK(jsonError(a, "not-found"));
        }
        CHECK(exchange(f.port(), f.post("/api/nothing", card, token)).status == 404);
        auto put = f.post("/api/cards", card, token);
        put.replace(0, 4, "PUT");
        CHECK(exchange(f.port(), put).status == 405);
        CHECK(exchange(f.port(), "BREW / HTTP/1.1\r\nHost: " + f.host + "\r\n\r\n").status >= 400);
    }
    SECTION("not joined") {
        const auto a = exchange(f.port(), f.post("/api/cards", card, std::string(32, '0')));
        CHECK(a.status == 401);
        CHECK(jsonError(a, "not-joined"));
    }
    stillUp(f);
    CHECK(f.copy() == before);
}

TEST_CASE("room http: wrong room codes are rate-limited per address", "[room][http]") {
    RoomFixture f;
    for (int i = 0; i < 10; ++i) {
        const auto a = exchange(f.port(), f.post("/api/join", "{\"code\":\"AAAAA" + std::to_string(i) + "\"}"));
        REQUIRE(a.status == 403);
        CHECK(jsonError(a, "wrong-code"));
    }
    const auto limited = exchange(f.port(), f.post("/api/join", "{\"code\":\"K7M2NP\"}"));
    CHECK(limited.status == 429);
    CHECK(jsonError(limited, "too-many-attempts"));
    CHECK(f.room->counts(f.copy()).devices == 0);
    stillUp(f);
}

TEST_CASE("room http: a closed room refuses everything and the session stays as it was", "[room][http]") {
    RoomFixture f;
    f.phase(core::Phase::GatherData);
    const auto token = f.join();
    REQUIRE(exchange(f.port(), f.post("/api/cards", R"({"text":"vorher"})", token)).status == 201);
    f.facilitate([&](core::Session& s, core::History&) { f.room->close(s); });
    const core::Session before = f.copy();
    CHECK(exchange(f.port(), f.post("/api/cards", R"({"text":"danach"})", token)).status == 410);
    CHECK(exchange(f.port(), f.get("/api/state", token)).status == 410);
    CHECK(exchange(f.port(), f.post("/api/join", R"({"code":"K7M2NP"})")).status == 410);
    CHECK(f.copy() == before);
    CHECK(f.room->counts(before).devices == 0); // tokens are forgotten
}

TEST_CASE("room http: 50 parallel vote requests of one device with budget 5 accept exactly 5", "[room][http]") {
    room::ServerOptions options;
    options.maxConnectionsPerAddress = 200;
    RoomFixture f(options);
    f.phase(core::Phase::GatherData);
    const auto writer = f.join();
    const auto added = exchange(f.port(), f.post("/api/cards", R"({"text":"Wichtig"})", writer));
    REQUIRE(added.status == 201);
    const std::string id = added.body.substr(added.body.find("\"id\":\"") + 6, 17);
    f.facilitate([&](core::Session& s, core::History& h) {
        h.apply(s, core::revealShuffled(s, f.retroId(), 1));
        auto v = s.retrospectives.front().voting;
        v.open = true;
        v.budgetPerParticipant = 5;
        h.apply(s, core::setVotingSettings(s, f.retroId(), v));
    });
    const auto voter = f.join();
    std::atomic<int> ok{0}, conflict{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 50; ++i) {
        threads.emplace_back([&, i] {
            const auto a = exchange(f.port(), f.post("/api/votes/add",
                                                     "{\"itemId\":\"" + id + "\",\"requestId\":\"p" + std::to_string(i) + "\"}", voter));
            (a.status == 200 ? ok : a.status == 409 ? conflict : other) += 1;
        });
    }
    for (auto& t : threads) t.join();
    CHECK(ok == 5);
    CHECK(conflict == 45);
    CHECK(other == 0);
    CHECK(f.copy().retrospectives.front().items.front().votes == 5);
}

TEST_CASE("room http: the same request id twice makes one card, others never see hidden text", "[room][http]") {
    RoomFixture f;
    f.phase(core::Phase::GatherData);
    const auto a = f.join();
    const auto b = f.join();
    const std::string body = R"({"text":"GEHEIM-123","requestId":"same"})";
    const auto first = exchange(f.port(), f.post("/api/cards", body, a));
    const auto retry = exchange(f.port(), f.post("/api/cards", body, a));
    CHECK(first.status == 201);
    CHECK(retry.body == first.body);
    CHECK(f.copy().retrospectives.front().items.size() == 1);
    const auto own = exchange(f.port(), f.get("/api/state", a));
    CHECK(own.body.find("GEHEIM-123") != std::string::npos);
    const auto other = exchange(f.port(), f.get("/api/state", b));
    CHECK(other.body.find("GEHEIM-123") == std::string::npos);
    CHECK(other.body.find("\"hiddenCount\":1") != std::string::npos);
    // The event stream of b: its first frame carries the state without the text.
    const auto stream = exchange(f.port(), f.get("/api/events", b), 400);
    CHECK(stream.status == 200);
    CHECK(stream.head.find("text/event-stream") != std::string::npos);
    CHECK(stream.body.find("\"hiddenCount\":1") != std::string::npos);
    CHECK(stream.body.find("GEHEIM") == std::string::npos);
}

TEST_CASE("room http: a board card proposal lands in the first column, a malformed one changes nothing", "[room][http]") {
    RoomFixture f;
    const auto a = f.join();
    const core::Id boardId = f.copy().boards.front().id;
    const std::size_t before = f.copy().boards.front().cards.size();
    const std::string body = R"({"boardId":")" + boardId + R"(","text":"Sprechstunde","requestId":"p1"})";
    // Closed outside the phase "decide what to do".
    CHECK(exchange(f.port(), f.post("/api/proposals", R"({"boardId":")" + boardId + R"(","text":"zu früh"})", a)).status == 409);
    f.phase(core::Phase::DecideWhatToDo);
    const auto state = exchange(f.port(), f.get("/api/state", a));
    CHECK(state.body.find("\"proposing\":true") != std::string::npos);
    CHECK(state.body.find(boardId) != std::string::npos);
    CHECK(exchange(f.port(), f.post("/api/proposals", R"({"text":"ohne Board"})", a)).status == 400);
    CHECK(exchange(f.port(), f.post("/api/proposals", R"({"boardId":")" + boardId + R"(","text":""})", a)).status == 422);
    CHECK(exchange(f.port(), f.post("/api/proposals", R"({"boardId":7,"text":"x"})", a)).status == 400);
    CHECK(exchange(f.port(), f.post("/api/proposals", body)).status == 401); // not joined
    CHECK(f.copy().boards.front().cards.size() == before);
    const auto first = exchange(f.port(), f.post("/api/proposals", body, a));
    CHECK(first.status == 201);
    CHECK(exchange(f.port(), f.post("/api/proposals", body, a)).body == first.body); // a retry
    const auto session = f.copy();
    REQUIRE(session.boards.front().cards.size() == before + 1);
    CHECK(session.boards.front().cards.back().title == "Sprechstunde");
    CHECK(session.boards.front().cards.back().columnId == session.boards.front().columns.front().id);
}

TEST_CASE("room http: devices beyond the cap are refused cleanly", "[room][http]") {
    room::ServerOptions options;
    options.maxDevices = 2;
    RoomFixture f(options);
    CHECK_FALSE(f.join().empty());
    CHECK_FALSE(f.join().empty());
    const auto a = exchange(f.port(), f.post("/api/join", R"({"code":"K7M2NP"})"));
    CHECK(a.status == 503);
    CHECK(jsonError(a, "room-full"));
    stillUp(f);
}

TEST_CASE("room http: a bounded random-request fuzz run leaves the server up and the session unchanged", "[room][http][fuzz]") {
    RoomFixture f;
    f.phase(core::Phase::GatherData);
    const core::Session before = f.copy();
    std::mt19937 rng(20261129);
    const std::vector<std::string> methods = {"GET", "POST", "PUT", "HEAD", "OPTIONS", "DELETE", "G\x01T", ""};
    const std::vector<std::string> paths = {"/", "/api/join", "/api/cards", "/api/votes/add", "/api/events", "/api/state",
                                            "/j/K7M2NP", "//", "/%ff%00", "*", "/api/cards/edit?x=1"};
    const std::vector<std::string> headers = {"Host: " + f.host, "Host: evil", "Origin: " + f.origin, "Origin: null",
                                              "Content-Type: application/json", "Content-Length: 5",
                                              "Content-Length: -1", "Transfer-Encoding: chunked",
                                              "Cookie: lr=" + std::string(32, 'f'), "Cookie: ;;;===",
                                              "X: \r\n\tfolded", "Expect: 100-continue", "Host: " + f.host + "%0D%0AX: y"};
    const auto bytes = [&](std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += static_cast<char>(rng() % 256);
        return s;
    };
    const auto pick = [&](const auto& list) { return list[rng() % list.size()]; };
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    int sent = 0;
    for (; sent < 300 && std::chrono::steady_clock::now() < deadline; ++sent) {
        std::string raw;
        switch (rng() % 4) {
        case 0: raw = bytes(rng() % 600); break; // noise
        case 1: raw = pick(methods) + " " + pick(paths) + " HTTP/1.1\r\n" + bytes(rng() % 80) + "\r\n\r\n"; break;
        default: {
            raw = pick(methods) + " " + pick(paths) + (rng() % 5 ? " HTTP/1.1" : " HTTP/9") + "\r\n";
            for (unsigned h = rng() % 6; h > 0; --h) raw += pick(headers) + "\r\n";
            raw += "\r\n";
            raw += rng() % 2 ? std::string(R"({"code":"WRONG1","text":"fuzz","value":7})") : bytes(rng() % 200);
        }
        }
        const auto a = exchange(f.port(), raw, 300);
        // A request without a device token never reaches the session; whatever the server says is a
        // status of its own (no 5xx except a full room).
        if (a.status >= 500) FAIL_CHECK("status " << a.status << " for " << raw.substr(0, 120));
    }
    INFO(sent << " random requests");
    CHECK(sent >= 50);
    stillUp(f);
    CHECK(f.copy() == before);
}
