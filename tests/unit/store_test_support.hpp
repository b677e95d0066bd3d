#pragma once
// Helpers shared by the store tests: a throwaway folder, whole-file reads and writes, and small
// deterministic sessions.

#include "core/generate.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace lernraum::test {

inline std::string readBytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void writeBytes(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        static int counter = 0;
        path = std::filesystem::temp_directory_path() /
               ("lernraum-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

// True when a save left a temporary or staging file (".NAME.<random>.tmp/.bak") in `dir`.
inline bool hasTemporaryFiles(const std::filesystem::path& dir) {
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const auto name = e.path().filename().string();
        if (name.rfind('.', 0) == 0 || name.ends_with(".tmp")) return true;
    }
    return false;
}

// A small generated session; the same seed gives the same session.
inline core::Session session(std::uint64_t seed, int cards = 20) {
    core::GenerateOptions o;
    o.seed = seed;
    o.cards = cards;
    return core::generateSession(o);
}

} // namespace lernraum::test
