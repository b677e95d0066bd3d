#include "ui/hyphenation.hpp"
#include "ui/hyphenation_cache.hpp"

#include "core/text.hpp"

#include <hyphen.h>

#include <algorithm>
#include <cfloat>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

namespace lernraum::ui {
namespace {

// Letters the patterns know: ASCII letters and the Latin-1 letters (umlauts, ß, accents).
bool isLetter(std::uint32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7);
}

std::uint32_t toLower(std::uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
    return cp;
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The length in bytes of the UTF-8 character at text[pos] (1 for a broken byte).
std::size_t charLength(std::string_view text, std::size_t pos) {
    std::uint32_t cp = 0;
    const std::size_t n = core::decodeUtf8(text, pos, cp);
    return n == 0 ? 1 : n;
}

} // namespace

namespace {
std::mutex g_callbackMutex; // setOnLoaded({}) returns only when no callback is running
std::function<void()> g_onLoaded;
} // namespace

void Hyphenator::setOnLoaded(std::function<void()> callback) {
    std::lock_guard lock(g_callbackMutex);
    g_onLoaded = std::move(callback);
}

namespace {
std::atomic<Hyphenator::Start> g_start{Hyphenator::Start::LazyThenCache};
} // namespace

void Hyphenator::setStart(Start start) { g_start = start; }

Hyphenator& Hyphenator::instance() {
    static Hyphenator hyphenator(
        [] {
            std::vector<std::filesystem::path> files;
            std::vector<std::filesystem::path> dirs;
            if (const char* dir = std::getenv("LERNRAUM_HYPHEN_DIR"); dir && *dir) dirs.emplace_back(dir);
            dirs.emplace_back("/usr/share/hyphen");
            for (const auto& dir : dirs)
                for (const char* name : {"hyph_de_DE.dic", "hyph_de.dic", "hyph_en_US.dic"}) files.push_back(dir / name);
            return files;
        }(),
        lernraumCacheDirectory(), g_start.load());
    return hyphenator;
}

Hyphenator::Hyphenator(std::vector<std::filesystem::path> files, std::filesystem::path cacheDir, Start start)
    : m_loader([this, files = std::move(files), cacheDir = std::move(cacheDir), start] { load(files, cacheDir, start); }) {}

void Hyphenator::markReady() {
    {
        std::lock_guard lock(m_mutex);
        m_ready.store(true, std::memory_order_release);
    }
    m_loadedSignal.notify_all();
    std::lock_guard lock(g_callbackMutex);
    if (g_onLoaded) g_onLoaded();
}

void Hyphenator::load(const std::vector<std::filesystem::path>& files, const std::filesystem::path& cacheDir, Start start) {
    for (const auto& path : files) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) continue;
        std::ifstream in(path);
        std::string charset;
        std::getline(in, charset);
        m_latin1 = charset.find("UTF-8") == std::string::npos;
        m_path = path.string();

        if (start != Start::Complete) {
            // A valid cache file: all patterns at once. Otherwise word by word, right away.
            std::unique_ptr<CompiledPatterns> compiled;
            CacheCheck check = CacheCheck::Damaged;
            if (!cacheDir.empty()) compiled = readPatternCache(path, cacheDir, check);
            if (compiled) {
                m_compiled = std::move(compiled);
                m_dict.store(m_compiled->dict(), std::memory_order_release);
                m_cacheOutcome = PatternCache::Reused;
                m_found = true;
                break;
            }
            auto index = std::make_unique<PatternIndex>();
            if (!index->read(path)) continue;
            m_index = std::move(index);
            m_cacheOutcome = PatternCache::Lazy;
            m_found = true;
            markReady();
            if (start == Start::LazyOnly) break;
        }
        PatternCache outcome = PatternCache::Off;
        void* dict = loadPatterns(path, cacheDir, m_compiled, outcome);
        if (m_compiled) dict = m_compiled->dict();
        else m_libhyphenDict = dict;
        if (!dict) {
            if (m_found) break; // word by word it is
            continue;
        }
        if (!m_found) m_found = true; // (already true and read by other threads after word by word)
        m_cacheOutcome = outcome;
        m_dict.store(dict, std::memory_order_release);
        break;
    }
    if (!m_ready.load()) markReady();
    m_idle.store(true, std::memory_order_release);
    m_loadedSignal.notify_all();
}

void Hyphenator::waitUntilLoaded() {
    std::unique_lock lock(m_mutex);
    m_loadedSignal.wait(lock, [this] { return m_ready.load(std::memory_order_acquire); });
}

void Hyphenator::waitUntilIdle() {
    std::unique_lock lock(m_mutex);
    m_loadedSignal.wait(lock, [this] { return m_idle.load(std::memory_order_acquire); });
}

Hyphenator::~Hyphenator() {
    if (m_loader.joinable()) m_loader.join();
    if (m_libhyphenDict) hnj_hyphen_free(static_cast<HyphenDict*>(m_libhyphenDict)); // else m_compiled owns it
}

std::vector<char> Hyphenator::hyphenate(std::string_view encoded) const {
    std::vector<char> flags(encoded.size(), 0);
    HyphenDict* dict = static_cast<HyphenDict*>(m_dict.load(std::memory_order_acquire));
    HyphenDict* own = nullptr; // word by word: a machine of the patterns in this word
    if (dict == nullptr) {
        if (!m_index) return flags;
        {
            std::lock_guard lock(m_wordsMutex);
            if (const auto it = m_words.find(std::string(encoded)); it != m_words.end()) return it->second;
        }
        own = m_index->compileFor(encoded);
        if (own == nullptr) return flags;
        dict = own;
    }
    std::vector<char> hyphens(encoded.size() + 5, 0);
    std::vector<char> hyphenated(encoded.size() * 2 + 1, 0);
    char** rep = nullptr;
    int* positions = nullptr;
    int* cuts = nullptr;
    if (hnj_hyphen_hyphenate2(dict, encoded.data(), static_cast<int>(encoded.size()), hyphens.data(), hyphenated.data(),
                              &rep, &positions, &cuts) == 0) {
        for (std::size_t i = 0; i < encoded.size(); ++i)
            flags[i] = static_cast<char>((hyphens[i] & 1) != 0 && !(rep && rep[i])); // a break that changes letters: not used
    }
    if (rep) {
        for (std::size_t i = 0; i < encoded.size(); ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(positions);
    std::free(cuts);
    if (own != nullptr) {
        hnj_hyphen_free(own);
        std::lock_guard lock(m_wordsMutex);
        if (m_words.size() > 20000) m_words.clear();
        m_words.emplace(std::string(encoded), flags);
    }
    return flags;
}

std::vector<std::size_t> Hyphenator::breakPoints(std::string_view word) const {
    std::vector<std::size_t> out;
    if (!loaded()) return out;
    // Each run of letters is hyphenated on its own; punctuation around it („ “ ( ) digits) and
    // a hyphen inside compounds ("Onboarding-Checkliste") separate the runs.
    std::size_t pos = 0;
    while (pos < word.size()) {
        std::string encoded;              // the run in the dictionary's encoding, lower case
        std::vector<std::size_t> endOf;   // byte offset in `word` after each encoded character
        std::size_t next = pos;
        while (next < word.size()) {
            std::uint32_t cp = 0;
            const std::size_t n = core::decodeUtf8(word, next, cp);
            if (n == 0 || !isLetter(cp)) break;
            const std::uint32_t lower = toLower(cp);
            if (m_latin1) {
                encoded += static_cast<char>(lower);
                endOf.push_back(next + n);
            } else {
                const std::size_t before = encoded.size();
                appendUtf8(encoded, lower);
                for (std::size_t k = before; k < encoded.size(); ++k) endOf.push_back(next + n);
            }
            next += n;
        }
        if (encoded.size() >= 4) {
            const auto flags = hyphenate(encoded);
            for (std::size_t i = 0; i + 1 < encoded.size(); ++i) {
                if (!flags[i]) continue;
                if (!m_latin1 && (static_cast<unsigned char>(encoded[i + 1]) & 0xC0) == 0x80) continue;
                out.push_back(endOf[i]);
            }
        }
        if (next == pos) {
            next += charLength(word, pos); // a non-letter: skip it
        }
        pos = next;
    }
    return out;
}

std::string layoutWrapped(std::string_view text, float width, const ImFont* font, float size,
                          const Hyphenator& hyphenator) {
    const auto measure = [&](std::string_view s) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    };
    const float space = measure(" ");
    const float hyphen = measure("-");
    std::string out;
    out.reserve(text.size() + 8);

    // Breaks inside a word: after '-' or '/' (nothing added) or at a syllable boundary (adds '-').
    auto wordBreaks = [&hyphenator](std::string_view word) {
        std::vector<std::pair<std::size_t, bool>> breaks; // offset, needs a hyphen
        for (const std::size_t offset : hyphenator.breakPoints(word)) breaks.emplace_back(offset, true);
        for (std::size_t i = 1; i + 1 < word.size(); ++i)
            if (word[i] == '-' || word[i] == '/') breaks.emplace_back(i + 1, false);
        std::sort(breaks.begin(), breaks.end());
        std::vector<std::pair<std::size_t, bool>> unique;
        for (const auto& b : breaks) {
            if (!unique.empty() && unique.back().first == b.first) unique.back().second = unique.back().second && b.second;
            else unique.push_back(b);
        }
        return unique;
    };

    std::size_t paragraphStart = 0;
    while (paragraphStart <= text.size()) {
        std::size_t paragraphEnd = text.find('\n', paragraphStart);
        if (paragraphEnd == std::string_view::npos) paragraphEnd = text.size();
        const std::string_view paragraph = text.substr(paragraphStart, paragraphEnd - paragraphStart);
        float lineWidth = 0.0f;
        bool lineEmpty = true;
        std::size_t pos = 0;
        while (pos < paragraph.size()) {
            std::size_t end = paragraph.find(' ', pos);
            if (end == std::string_view::npos) end = paragraph.size();
            std::string_view word = paragraph.substr(pos, end - pos);
            pos = end + 1;
            if (word.empty()) continue;
            const float w = measure(word);
            if (!lineEmpty && lineWidth + space + w <= width) {
                out += ' ';
                out += word;
                lineWidth += space + w;
                continue;
            }
            if (w <= width) { // fits on a line of its own: plain word wrap
                if (!lineEmpty) out += '\n';
                out += word;
                lineWidth = w;
                lineEmpty = false;
                continue;
            }
            // Wider than a whole line: split it, starting on the current line when a piece fits.
            const auto breaks = wordBreaks(word);
            std::size_t done = 0; // bytes of `word` already written
            bool onCurrentLine = !lineEmpty;
            while (true) {
                const float room = onCurrentLine ? width - lineWidth - space : width;
                const std::string_view rest = word.substr(done);
                if (const float restWidth = measure(rest); restWidth <= room) {
                    if (onCurrentLine) out += ' ';
                    out += rest;
                    lineWidth = onCurrentLine ? lineWidth + space + restWidth : restWidth;
                    lineEmpty = false;
                    break;
                }
                std::size_t cut = 0; // the longest piece that fits, with its hyphen
                bool addHyphen = false;
                for (const auto& [offset, needsHyphen] : breaks) {
                    if (offset <= done) continue;
                    if (measure(word.substr(done, offset - done)) + (needsHyphen ? hyphen : 0.0f) > room) break;
                    cut = offset;
                    addHyphen = needsHyphen;
                }
                if (cut == 0 && onCurrentLine) { // nothing fits here: start on the next line
                    out += '\n';
                    onCurrentLine = false;
                    continue;
                }
                if (cut == 0) { // not even one syllable fits a whole line: cut between characters
                    cut = done + charLength(word, done);
                    while (cut < word.size() && measure(word.substr(done, cut + charLength(word, cut) - done)) <= room)
                        cut += charLength(word, cut);
                }
                if (onCurrentLine) out += ' ';
                out += word.substr(done, cut - done);
                if (addHyphen) out += '-';
                out += '\n';
                done = cut;
                onCurrentLine = false;
            }
        }
        if (paragraphEnd == text.size()) break;
        out += '\n';
        paragraphStart = paragraphEnd + 1;
    }
    return out;
}

} // namespace lernraum::ui
