#pragma once
// A compiled cache of the hyphenation patterns. libhyphen builds its pattern machine from the
// text file on every start, which takes over two seconds of CPU for the German patterns; the
// machine itself (states, transitions, priority strings) is a few megabytes that read back in
// milliseconds. The cache file lives in $XDG_CACHE_HOME/lernraum (default ~/.cache/lernraum), one
// file per pattern file, and records the pattern file's size and modification time: a changed
// pattern file makes it stale. A damaged cache (wrong magic or version, truncated, checksum
// mismatch, an index out of range) is never used: the patterns are compiled again and the cache
// rewritten atomically (temporary file + rename).

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct _HyphenDict; // <hyphen.h>, kept out of this header

namespace lernraum::ui {

// $XDG_CACHE_HOME/lernraum when XDG_CACHE_HOME is an absolute path (a relative one is ignored, as
// the XDG spec says), else $HOME/.cache/lernraum; empty when neither is set.
std::filesystem::path lernraumCacheDirectory();

enum class PatternCache {
    Off,     // no cache directory: compiled from the pattern file
    Lazy,    // no valid cache file: each word is hyphenated with the patterns that occur in it (PatternIndex)
    Reused,  // read from a valid cache file
    Built,   // there was no cache file: compiled and written
    Rebuilt, // the cache file was stale or damaged: compiled and rewritten
};
std::string_view toName(PatternCache outcome);

// A pattern machine rebuilt from a cache file; owns all of its memory (not libhyphen's).
class CompiledPatterns {
public:
    CompiledPatterns();
    ~CompiledPatterns();
    CompiledPatterns(const CompiledPatterns&) = delete;
    CompiledPatterns& operator=(const CompiledPatterns&) = delete;
    [[nodiscard]] _HyphenDict* dict();

    struct Level;
    std::unique_ptr<Level> first;
};

// The cache file for `patternFile` inside `cacheDir` (the name carries a hash of the full path).
std::filesystem::path patternCacheFile(const std::filesystem::path& patternFile, const std::filesystem::path& cacheDir);

// The bytes of a cache file for `dict`, compiled from a pattern file of `sourceSize` bytes last
// modified at `sourceMtimeNs`.
std::string serializePatterns(const _HyphenDict* dict, std::uint64_t sourceSize, std::int64_t sourceMtimeNs);

enum class CacheCheck { Valid, Missing, Stale, Damaged };
// Rebuilds the machine from cache bytes; null with `check` = Stale or Damaged when they cannot be used.
std::unique_ptr<CompiledPatterns> deserializePatterns(std::string_view bytes, std::uint64_t sourceSize,
                                                      std::int64_t sourceMtimeNs, CacheCheck& check);

// The compiled patterns of `patternFile` from its cache file in `cacheDir`; null (and why in
// `check`) when there is no usable one.
std::unique_ptr<CompiledPatterns> readPatternCache(const std::filesystem::path& patternFile,
                                                   const std::filesystem::path& cacheDir, CacheCheck& check);

// Loads the patterns of `patternFile`: from its cache file in `cacheDir` when valid, else with
// libhyphen (and then writes the cache file; failures to write are ignored, the patterns still
// work). An empty `cacheDir` disables the cache. Exactly one of `compiled` (from the cache) and
// the returned libhyphen dictionary is set; both are null when the pattern file cannot be read.
_HyphenDict* loadPatterns(const std::filesystem::path& patternFile, const std::filesystem::path& cacheDir,
                          std::unique_ptr<CompiledPatterns>& compiled, PatternCache& outcome);

// The pattern file as text, indexed by the letters of each pattern, for a cold start without a
// cache file: compileFor(word) builds a machine of only the patterns whose letters occur in the
// word, in well under a millisecond instead of seconds for all of them. libhyphen applies exactly
// the patterns that occur in a word (also in the parts of a compound it hyphenates on its second
// level), so a machine of a superset of those gives the same breaks as the whole file.
class PatternIndex {
public:
    // False when the file cannot be read.
    bool read(const std::filesystem::path& file);
    // A libhyphen dictionary for `word` (in the file's encoding, lower case); free it with
    // hnj_hyphen_free. Null when libhyphen cannot read the patterns.
    [[nodiscard]] _HyphenDict* compileFor(std::string_view word) const;
    // The pattern file as compileFor(word) hands it to libhyphen (for tests).
    [[nodiscard]] std::string patternsFor(std::string_view word) const;

private:
    struct Level {
        std::string directives;                                         // LEFTHYPHENMIN, NOHYPHEN, ... lines
        std::string always;                                             // patterns with other characters than letters
        std::unordered_multimap<std::string_view, std::string_view> byLetters; // letters (no digits, dots) -> line
    };
    std::string m_text;
    std::string m_charset; // the first line
    std::vector<Level> m_levels;
    std::deque<std::string> m_keys; // the map keys (a deque never moves its strings)
};

} // namespace lernraum::ui
