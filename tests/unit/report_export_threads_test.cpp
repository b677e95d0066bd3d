// The research export runs its sessions on several threads; the bytes must not depend on how many.

#include "core/generate.hpp"
#include "report/research_export.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

namespace core = lernraum::core;
namespace report = lernraum::report;

namespace {

// A series of workshops with free text, small role groups (suppression) and one without consent.
std::vector<report::LoadedSession> series() {
    std::vector<report::LoadedSession> sessions;
    for (int i = 0; i < 24; ++i) {
        core::GenerateOptions g;
        g.seed = static_cast<std::uint64_t>(100 + i);
        g.cards = 25;
        g.retroItems = 20;
        g.experiments = 3;
        g.participants = 3 + i % 9; // some role groups below k
        auto s = core::generateSession(g);
        s.researchConsent = i != 5;
        sessions.push_back({"s" + std::to_string(i) + ".lernraum", std::move(s)});
    }
    return sessions;
}

report::ExportOptions options(int threads) {
    report::ExportOptions o;
    o.key = std::string(report::kKeyBytes, 'q');
    o.includeText = true;
    o.threads = threads;
    return o;
}

} // namespace

TEST_CASE("the research export gives the same bytes with 1 and with several threads", "[report][export]") {
    const auto sessions = series();
    const auto one = report::exportResearch(sessions, options(1));
    REQUIRE(one.exportedSessions == 23);
    const auto files = one.files();
    REQUIRE(files.size() > 3);
    bool suppressed = false; // k-suppression is exercised
    for (const auto& [name, bytes] : files) suppressed = suppressed || bytes.find("suppressed") != std::string::npos;
    CHECK(suppressed);
    for (const int threads : {2, 3, 8, 0}) {
        INFO("threads: " << threads);
        const auto many = report::exportResearch(sessions, options(threads));
        CHECK(many.exportedSessions == one.exportedSessions);
        CHECK(many.skipped.size() == one.skipped.size());
        const auto other = many.files();
        REQUIRE(other.size() == files.size());
        for (const auto& [name, bytes] : files) {
            INFO(name);
            CHECK(other.at(name) == bytes);
        }
    }
}

TEST_CASE("exportThreads uses the requested count, else one per core", "[report][export]") {
    CHECK(report::exportThreads(3) == 3);
    CHECK(report::exportThreads(1) == 1);
    CHECK(report::exportThreads(0) >= 1);
}

TEST_CASE("forEachIndex runs every index once and rethrows the lowest failing index", "[report][export]") {
    for (const int threads : {1, 4}) {
        std::vector<std::atomic<int>> runs(500);
        report::forEachIndex(runs.size(), threads, [&](std::size_t i) { ++runs[i]; });
        for (const auto& r : runs) CHECK(r.load() == 1);

        std::string caught;
        try {
            report::forEachIndex(200, threads, [](std::size_t i) {
                if (i == 37 || i == 150) throw std::runtime_error("index " + std::to_string(i));
            });
        } catch (const std::runtime_error& e) {
            caught = e.what();
        }
        CHECK(caught == "index 37");
    }
}
