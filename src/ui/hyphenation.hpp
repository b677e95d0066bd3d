#pragma once
// Line breaking for the shared screen. Dear ImGui wraps only at spaces and cuts a word that is
// wider than the line anywhere ("Dienstvereinbarun|g"), which German compounds in narrow board
// columns hit all the time. layoutWrapped() breaks lines itself: at spaces, after a hyphen or
// slash that is already in the word, and otherwise at a syllable boundary from the hyphenation
// patterns of LibreOffice/TeX (Debian's libhyphen with hyphen-de), adding a "-". Only when a single
// syllable does not fit does it cut between characters.

#include "ui/hyphenation_cache.hpp"

#include <imgui.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace lernraum::ui {

class Hyphenator {
public:
    // How loading goes when there is no valid cache file (with one, the compiled patterns are read
    // back in milliseconds and all three are the same).
    enum class Start {
        Complete,      // compile all patterns (seconds) and write the cache; ready after that
        LazyThenCache, // ready at once, hyphenating word by word (PatternIndex); meanwhile compile
                       // all patterns on the loading thread, write the cache and switch to them
        LazyOnly,      // ready at once, word by word; never compile all (a short-lived process)
    };

    // The German patterns (the content of a Lernraum is German even in the English UI), else US
    // English; searched in $LERNRAUM_HYPHEN_DIR and /usr/share/hyphen. Compiling the German
    // pattern machine takes over two seconds, so it is kept compiled in a cache file
    // (hyphenation_cache.hpp, in lernraumCacheDirectory()) and read back in milliseconds. The
    // first call starts loading on a background thread (as set by setStart(), default
    // LazyThenCache); until it is ready, breakPoints() finds nothing and words are cut between
    // characters.
    static Hyphenator& instance();
    // How instance() starts; call before the first instance() call.
    static void setStart(Start start);
    // Loads the first of `files` that is a pattern file, on a background thread, through a cache
    // file in `cacheDir` (empty: no cache).
    explicit Hyphenator(std::vector<std::filesystem::path> files, std::filesystem::path cacheDir = {},
                        Start start = Start::Complete);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Called once (on the loading thread) when it is ready, e.g. to wake an idle window so it lays
    // out its text again. Set it before the first instance() call, or it may be missed;
    // setOnLoaded({}) before the window goes away (it waits for a running callback).
    static void setOnLoaded(std::function<void()> callback);
    // Blocks until ready (screenshots, benchmarks and tests want the final layout). The breaks are
    // final then: word by word and all patterns give the same ones.
    void waitUntilLoaded();
    // Blocks until the loading thread has finished (with LazyThenCache: all patterns compiled).
    void waitUntilIdle();

    [[nodiscard]] bool loaded() const { return m_ready.load(std::memory_order_acquire) && m_found; }
    // The loading thread is still working (compiling all patterns): joining it would wait.
    [[nodiscard]] bool busy() const { return !m_idle.load(std::memory_order_acquire); }
    [[nodiscard]] const std::string& dictionaryPath() const { return m_path; } // after loading
    [[nodiscard]] PatternCache cacheOutcome() const { return m_cacheOutcome.load(); }
    // Byte offsets into `word` (UTF-8, no spaces) after which a hyphen may break it, ascending.
    // Empty while loading, when no dictionary was found, or when the word has characters the
    // dictionary cannot encode.
    [[nodiscard]] std::vector<std::size_t> breakPoints(std::string_view word) const;

private:
    void load(const std::vector<std::filesystem::path>& files, const std::filesystem::path& cacheDir, Start start);
    void markReady();
    // hnj_hyphen_hyphenate2's odd-numbered break flags (without non-standard breaks) for `encoded`.
    [[nodiscard]] std::vector<char> hyphenate(std::string_view encoded) const;

    std::atomic<void*> m_dict{nullptr}; // HyphenDict* of all patterns, once there
    std::unique_ptr<CompiledPatterns> m_compiled; // owns m_dict when it came from the cache
    void* m_libhyphenDict = nullptr;              // owns m_dict when libhyphen compiled it
    std::unique_ptr<PatternIndex> m_index;        // word by word until m_dict is there
    mutable std::mutex m_wordsMutex;
    mutable std::unordered_map<std::string, std::vector<char>> m_words; // word by word results
    std::atomic<PatternCache> m_cacheOutcome{PatternCache::Off};
    bool m_found = false;   // a pattern file was read; written before m_ready
    bool m_latin1 = false;  // the dictionary is ISO-8859-1 (hyphen-de is), not UTF-8
    std::string m_path;
    std::atomic<bool> m_ready{false};
    std::atomic<bool> m_idle{false};
    std::mutex m_mutex;
    std::condition_variable m_loadedSignal;
    std::thread m_loader;
};

// `text` with line breaks ('\n') inserted so that no line is wider than `width` in `font` at
// `size` px; words are split as described above. Existing line breaks are kept.
std::string layoutWrapped(std::string_view text, float width, const ImFont* font, float size,
                          const Hyphenator& hyphenator = Hyphenator::instance());

} // namespace lernraum::ui
