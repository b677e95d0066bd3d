// The compiled cache of the hyphenation patterns: built once, reused, rebuilt when the pattern file
// changed or the cache is damaged, and the breaks are the same as libhyphen's own.

#include "ui/hyphenation.hpp"
#include "ui/hyphenation_cache.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
namespace ui = lernraum::ui;

#ifndef LERNRAUM_SOURCE_DIR
#error "LERNRAUM_SOURCE_DIR must be defined"
#endif

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "lernraum-hyphcache-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeBytes(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes; }

const fs::path kFixture = fs::path(LERNRAUM_SOURCE_DIR) / "tests/fixtures/hyphen/hyph_de_DE.dic";

// A loaded hyphenator over `file` with its cache in `cacheDir`.
struct Loaded {
    ui::Hyphenator h;
    Loaded(const fs::path& file, const fs::path& cacheDir, ui::Hyphenator::Start start = ui::Hyphenator::Start::Complete)
        : h({file}, cacheDir, start) {
        h.waitUntilLoaded();
    }
};

// German words of workshop texts: compounds, umlauts, ß, capitals, punctuation, short words.
const std::vector<std::string> kWords = {
    "Dienstvereinbarung", "Verwaltungsgebäude", "Onboarding-Checkliste", "„Dienstvereinbarung“", "Personalrat",
    "Beschäftigtenbefragung", "Straßenverkehrsbehörde", "Digitalisierungsstrategie", "Außenstelle", "Zuständigkeit",
    "Fachbereichsleitung", "Wissensmanagement", "Ausschreibungsunterlagen", "Rückmeldung", "Schnittstellenbeschreibung",
    "Verantwortlichkeiten", "Bürgerservice", "Aktenführung", "Prozesslandkarte", "Qualitätssicherung", "Übergabeprotokoll",
    "Lernraum", "Experiment", "Retrospektive", "Hypothese", "Maßnahme", "Beobachtung", "Erfolgskriterium", "zu", "und",
    "Arbeitsgruppe", "Schifffahrt", "Teilnehmende", "Entscheidungsvorlage", "Eingangsbestätigung", "Zwischenergebnis",
};

std::vector<std::vector<std::size_t>> breaksOf(const ui::Hyphenator& h) {
    std::vector<std::vector<std::size_t>> out;
    for (const auto& w : kWords) out.push_back(h.breakPoints(w));
    return out;
}

} // namespace

TEST_CASE("the German pattern cache is built once, then reused, with the same breaks as libhyphen", "[ui][hyphenation]") {
    const fs::path german = "/usr/share/hyphen/hyph_de_DE.dic";
    INFO("install hyphen-de (scripts/install-deps.sh)");
    REQUIRE(fs::exists(german));
    TempDir dir;
    // No cache file yet: libhyphen compiles the patterns (these are its own breaks) and the cache is written.
    Loaded built(german, dir.path);
    REQUIRE(built.h.loaded());
    CHECK(built.h.cacheOutcome() == ui::PatternCache::Built);
    const auto cacheFile = ui::patternCacheFile(german, dir.path);
    REQUIRE(fs::exists(cacheFile));
    CHECK(fs::file_size(cacheFile) > 100000);

    Loaded reused(german, dir.path);
    REQUIRE(reused.h.loaded());
    CHECK(reused.h.cacheOutcome() == ui::PatternCache::Reused);
    const auto expected = breaksOf(built.h);
    CHECK(breaksOf(reused.h) == expected);
    // The words do break (a cache that found nothing would compare equal to nothing).
    std::size_t total = 0;
    for (const auto& b : expected) total += b.size();
    CHECK(total > kWords.size());
    CHECK(reused.h.breakPoints("Dienstvereinbarung") == std::vector<std::size_t>{6, 9, 12, 14});

    // Without a cache file, word by word (only the patterns whose letters occur in the word): the
    // same breaks again.
    TempDir empty;
    Loaded lazy(german, empty.path, ui::Hyphenator::Start::LazyOnly);
    REQUIRE(lazy.h.loaded());
    CHECK(lazy.h.cacheOutcome() == ui::PatternCache::Lazy);
    CHECK(breaksOf(lazy.h) == expected);
    lazy.h.waitUntilIdle();
    CHECK_FALSE(fs::exists(ui::patternCacheFile(german, empty.path))); // LazyOnly writes nothing
}

TEST_CASE("a cold start hyphenates word by word at once and writes the cache meanwhile", "[ui][hyphenation]") {
    TempDir dir;
    Loaded cold(kFixture, dir.path, ui::Hyphenator::Start::LazyThenCache);
    REQUIRE(cold.h.loaded());
    CHECK(cold.h.breakPoints("Dienstvereinbarung") == std::vector<std::size_t>{6, 9, 12});
    cold.h.waitUntilIdle();
    CHECK_FALSE(cold.h.busy());
    CHECK(cold.h.cacheOutcome() == ui::PatternCache::Built);
    CHECK(cold.h.breakPoints("Dienstvereinbarung") == std::vector<std::size_t>{6, 9, 12});
    CHECK(fs::exists(ui::patternCacheFile(kFixture, dir.path)));

    Loaded warm(kFixture, dir.path, ui::Hyphenator::Start::LazyThenCache);
    CHECK(warm.h.cacheOutcome() == ui::PatternCache::Reused);
    CHECK(warm.h.breakPoints("Dienstvereinbarung") == std::vector<std::size_t>{6, 9, 12});
}

TEST_CASE("word by word hands libhyphen only the patterns whose letters occur in the word", "[ui][hyphenation]") {
    TempDir dir;
    const auto patterns = dir.path / "hyph_xx.dic";
    writeBytes(patterns, "ISO8859-1\n% comment\nLEFTHYPHENMIN 2\nNOHYPHEN -\n1-1\nNEXTLEVEL\n1ver\n.ein1\n1ba\nzz1z\n");
    ui::PatternIndex index;
    REQUIRE(index.read(patterns));
    const std::string text = index.patternsFor("verein");
    CHECK(text == "ISO8859-1\nLEFTHYPHENMIN 2\nNOHYPHEN -\n1-1\nNEXTLEVEL\n1ver\n.ein1\n");
    CHECK_FALSE(index.read(dir.path / "missing.dic"));
}

TEST_CASE("a pattern cache is rebuilt when the pattern file changed", "[ui][hyphenation]") {
    TempDir dir;
    const auto patterns = dir.path / "hyph_de_DE.dic";
    fs::copy_file(kFixture, patterns);
    const auto cacheDir = dir.path / "cache";
    {
        Loaded first(patterns, cacheDir);
        CHECK(first.h.cacheOutcome() == ui::PatternCache::Built);
        CHECK(first.h.breakPoints("Dienstvereinbarung") == std::vector<std::size_t>{6, 9, 12});
    }
    {
        Loaded second(patterns, cacheDir);
        CHECK(second.h.cacheOutcome() == ui::PatternCache::Reused);
        CHECK(second.h.breakPoints("Dienstvereinbarung") == std::vector<std::size_t>{6, 9, 12});
    }
    // New patterns (a package update): the old machine must not be used.
    writeBytes(patterns, "ISO8859-1\n1ver\n1ein\n");
    fs::last_write_time(patterns, fs::last_write_time(patterns) + std::chrono::seconds(5));
    {
        Loaded updated(patterns, cacheDir);
        CHECK(updated.h.cacheOutcome() == ui::PatternCache::Rebuilt);
        CHECK(updated.h.breakPoints("Dienstvereinbarung") == std::vector<std::size_t>{6, 9});
    }
    Loaded again(patterns, cacheDir);
    CHECK(again.h.cacheOutcome() == ui::PatternCache::Reused);
    CHECK(again.h.breakPoints("Dienstvereinbarung") == std::vector<std::size_t>{6, 9});
}

TEST_CASE("a damaged pattern cache is detected and rebuilt, never used", "[ui][hyphenation]") {
    TempDir dir;
    const auto cacheFile = ui::patternCacheFile(kFixture, dir.path);
    { Loaded first(kFixture, dir.path); }
    const std::string good = readBytes(cacheFile);
    REQUIRE(good.size() > 48);

    std::vector<std::pair<std::string, std::string>> damaged = {
        {"empty", ""},
        {"truncated header", good.substr(0, 20)},
        {"truncated payload", good.substr(0, good.size() - 3)},
        {"longer", good + "x"},
        {"other magic", "XX" + good.substr(2)},
        {"not a cache", std::string(good.size(), 'a')},
    };
    std::string flipped = good;
    flipped[good.size() - 5] = static_cast<char>(flipped[good.size() - 5] ^ 0x40); // payload byte
    damaged.emplace_back("flipped payload byte", flipped);
    std::string version = good;
    version[8] = static_cast<char>(version[8] + 1); // format version
    damaged.emplace_back("other version", version);

    for (const auto& [what, bytes] : damaged) {
        INFO(what);
        writeBytes(cacheFile, bytes);
        Loaded loaded(kFixture, dir.path);
        REQUIRE(loaded.h.loaded());
        CHECK(loaded.h.cacheOutcome() == ui::PatternCache::Rebuilt);
        CHECK(loaded.h.breakPoints("Dienstvereinbarung") == std::vector<std::size_t>{6, 9, 12});
        CHECK(readBytes(cacheFile) == good); // rewritten
    }
}

TEST_CASE("reading a cut or bit-flipped pattern cache never crashes", "[ui][hyphenation]") {
    TempDir dir;
    { Loaded first(kFixture, dir.path); }
    const std::string good = readBytes(ui::patternCacheFile(kFixture, dir.path));
    struct stat st {};
    REQUIRE(::stat(kFixture.c_str(), &st) == 0);
    const auto size = static_cast<std::uint64_t>(st.st_size);
    const std::int64_t mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    ui::CacheCheck check = ui::CacheCheck::Damaged;
    REQUIRE(ui::deserializePatterns(good, size, mtime, check) != nullptr);
    CHECK(check == ui::CacheCheck::Valid);
    CHECK(ui::deserializePatterns(good, size + 1, mtime, check) == nullptr);
    CHECK(check == ui::CacheCheck::Stale);
    for (std::size_t cut = 0; cut < good.size(); ++cut) {
        CHECK(ui::deserializePatterns(std::string_view(good).substr(0, cut), size, mtime, check) == nullptr);
        CHECK(check == ui::CacheCheck::Damaged);
    }
    for (std::size_t i = 0; i < good.size(); ++i) {
        std::string bad = good;
        bad[i] = static_cast<char>(bad[i] ^ 0x01);
        const auto compiled = ui::deserializePatterns(bad, size, mtime, check);
        CHECK(compiled == nullptr);
        CHECK(check != ui::CacheCheck::Valid);
    }
}

TEST_CASE("the cache directory follows XDG_CACHE_HOME and ignores a relative one", "[ui][hyphenation]") {
    const std::string oldXdg = std::getenv("XDG_CACHE_HOME") ? std::getenv("XDG_CACHE_HOME") : "";
    const std::string oldHome = std::getenv("HOME") ? std::getenv("HOME") : "";
    ::setenv("HOME", "/home/facilitator", 1);
    ::setenv("XDG_CACHE_HOME", "/var/tmp/xdg-cache", 1);
    CHECK(ui::lernraumCacheDirectory() == fs::path("/var/tmp/xdg-cache/lernraum"));
    ::setenv("XDG_CACHE_HOME", "relative/cache", 1);
    CHECK(ui::lernraumCacheDirectory() == fs::path("/home/facilitator/.cache/lernraum"));
    ::unsetenv("XDG_CACHE_HOME");
    CHECK(ui::lernraumCacheDirectory() == fs::path("/home/facilitator/.cache/lernraum"));
    ::unsetenv("HOME");
    CHECK(ui::lernraumCacheDirectory().empty());
    if (oldHome.empty()) ::unsetenv("HOME");
    else ::setenv("HOME", oldHome.c_str(), 1);
    if (oldXdg.empty()) ::unsetenv("XDG_CACHE_HOME");
    else ::setenv("XDG_CACHE_HOME", oldXdg.c_str(), 1);
}
