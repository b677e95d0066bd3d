#include "ui/hyphenation_cache.hpp"

#include "ui/base_dirs.hpp"

#include <hyphen.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_set>
#include <vector>

namespace lernraum::ui {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// File layout (native byte order: the cache never leaves the machine that wrote it)
//
//   header:  magic "LRHYPHC\0", u32 format version, u32 byte-order mark 0x01020304,
//            u64 pattern file size, i64 pattern file mtime (ns), u64 payload size, u64 checksum
//   payload: levels (libhyphen chains a second dictionary for compound words), each:
//            i8 lhmin rhmin clhmin crhmin, i32 nohyphenl, i32 nohyphen bytes (-1 = none) + bytes,
//            char[MAX_NAME] cset, i32 utf8, i32 num_states, u8 has next level,
//            per state: i32 match bytes (-1 = none) + bytes, i32 repl bytes (-1 = none) + bytes,
//            i8 replindex, i8 replcut, i32 fallback_state, i32 num_trans, per transition: i8 ch, i32 state

namespace {

constexpr char kMagic[8] = {'L', 'R', 'H', 'Y', 'P', 'H', 'C', '\0'};
constexpr std::uint32_t kCacheVersion = 1;
constexpr std::uint32_t kByteOrder = 0x01020304;
constexpr std::size_t kHeaderBytes = 8 + 4 + 4 + 8 + 8 + 8 + 8;

std::uint64_t checksum(std::string_view bytes) {
    // FNV-1a over 8-byte words with a final mix: detects damage, not tampering.
    std::uint64_t h = 0xCBF29CE484222325ull ^ bytes.size();
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        h = (h ^ w) * 0x100000001B3ull;
        h ^= h >> 32;
    }
    for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001B3ull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return h;
}

template <typename T> void put(std::string& out, T value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void putBytes(std::string& out, const char* bytes, std::size_t n) {
    put<std::int32_t>(out, bytes ? static_cast<std::int32_t>(n) : -1);
    if (bytes) out.append(bytes, n);
}

// libhyphen keeps NOHYPHEN as nohyphenl + 1 NUL-terminated strings in one buffer.
std::size_t nohyphenBytes(const HyphenDict* d) {
    if (!d->nohyphen) return 0;
    std::size_t n = 0;
    for (int i = 0; i <= d->nohyphenl; ++i) n += std::strlen(d->nohyphen + n) + 1;
    return n;
}

// Bounds-checked reading; any failure marks the whole cache damaged.
struct Reader {
    std::string_view bytes;
    std::size_t pos = 0;
    bool ok = true;
    template <typename T> T get() {
        T value{};
        if (!ok || bytes.size() - pos < sizeof value) {
            ok = false;
            return value;
        }
        std::memcpy(&value, bytes.data() + pos, sizeof value);
        pos += sizeof value;
        return value;
    }
    // -1: none; otherwise the bytes.
    bool getBytes(std::string_view& out, bool& present) {
        const auto n = get<std::int32_t>();
        present = n >= 0;
        if (!ok || n < -1 || (n > 0 && bytes.size() - pos < static_cast<std::size_t>(n))) return ok = false;
        out = n > 0 ? bytes.substr(pos, static_cast<std::size_t>(n)) : std::string_view{};
        pos += n > 0 ? static_cast<std::size_t>(n) : 0;
        return true;
    }
};

} // namespace

struct CompiledPatterns::Level {
    HyphenDict dict{};
    std::vector<HyphenState> states;
    std::vector<HyphenTrans> trans;
    std::string strings;  // every match and repl, NUL-terminated, pointed into by the states
    std::string nohyphen; // pointed into by dict.nohyphen
    std::unique_ptr<Level> next;
};

CompiledPatterns::CompiledPatterns() = default;
CompiledPatterns::~CompiledPatterns() = default;
HyphenDict* CompiledPatterns::dict() { return first ? &first->dict : nullptr; }

fs::path lernraumCacheDirectory() { return cacheDirectory(); }

std::string_view toName(PatternCache outcome) {
    switch (outcome) {
    case PatternCache::Off: return "off";
    case PatternCache::Lazy: return "lazy";
    case PatternCache::Reused: return "reused";
    case PatternCache::Built: return "built";
    case PatternCache::Rebuilt: return "rebuilt";
    }
    return "unknown";
}

fs::path patternCacheFile(const fs::path& patternFile, const fs::path& cacheDir) {
    std::error_code ec;
    auto full = fs::weakly_canonical(patternFile, ec);
    if (ec) full = patternFile;
    const auto hash = checksum(full.string());
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return cacheDir / (patternFile.stem().string() + "-" + hex + ".hyphcache");
}

std::string serializePatterns(const HyphenDict* dict, std::uint64_t sourceSize, std::int64_t sourceMtimeNs) {
    std::string payload;
    for (const HyphenDict* d = dict; d != nullptr; d = d->nextlevel) {
        put<std::int8_t>(payload, d->lhmin);
        put<std::int8_t>(payload, d->rhmin);
        put<std::int8_t>(payload, d->clhmin);
        put<std::int8_t>(payload, d->crhmin);
        put<std::int32_t>(payload, d->nohyphenl);
        putBytes(payload, d->nohyphen, nohyphenBytes(d));
        std::string cset(d->cset, strnlen(d->cset, MAX_NAME - 1)); // not the bytes after the NUL
        cset.resize(MAX_NAME, '\0');
        payload += cset;
        put<std::int32_t>(payload, d->utf8);
        put<std::int32_t>(payload, d->num_states);
        put<std::uint8_t>(payload, d->nextlevel ? 1 : 0);
        for (int i = 0; i < d->num_states; ++i) {
            const HyphenState& s = d->states[i];
            putBytes(payload, s.match, s.match ? std::strlen(s.match) : 0);
            putBytes(payload, s.repl, s.repl ? std::strlen(s.repl) : 0);
            // libhyphen leaves these uninitialised when there is no replacement (and reads them only
            // when there is one): write zeros, so the same patterns always give the same cache.
            put<std::int8_t>(payload, s.repl ? s.replindex : 0);
            put<std::int8_t>(payload, s.repl ? s.replcut : 0);
            put<std::int32_t>(payload, s.fallback_state);
            put<std::int32_t>(payload, s.num_trans);
            for (int t = 0; t < s.num_trans; ++t) {
                put<std::int8_t>(payload, static_cast<std::int8_t>(s.trans[t].ch));
                put<std::int32_t>(payload, s.trans[t].new_state);
            }
        }
    }
    std::string out(kMagic, sizeof kMagic);
    put<std::uint32_t>(out, kCacheVersion);
    put<std::uint32_t>(out, kByteOrder);
    put<std::uint64_t>(out, sourceSize);
    put<std::int64_t>(out, sourceMtimeNs);
    put<std::uint64_t>(out, payload.size());
    put<std::uint64_t>(out, checksum(payload));
    out += payload;
    return out;
}

std::unique_ptr<CompiledPatterns> deserializePatterns(std::string_view bytes, std::uint64_t sourceSize,
                                                      std::int64_t sourceMtimeNs, CacheCheck& check) {
    check = CacheCheck::Damaged;
    Reader header{bytes};
    char magic[sizeof kMagic];
    for (char& c : magic) c = header.get<char>();
    if (!header.ok || std::memcmp(magic, kMagic, sizeof kMagic) != 0) return nullptr;
    if (header.get<std::uint32_t>() != kCacheVersion || header.get<std::uint32_t>() != kByteOrder) return nullptr;
    const auto size = header.get<std::uint64_t>();
    const auto mtime = header.get<std::int64_t>();
    const auto payloadSize = header.get<std::uint64_t>();
    const auto sum = header.get<std::uint64_t>();
    if (!header.ok || header.pos != kHeaderBytes) return nullptr;
    if (payloadSize != bytes.size() - kHeaderBytes || checksum(bytes.substr(kHeaderBytes)) != sum) return nullptr;
    if (size != sourceSize || mtime != sourceMtimeNs) {
        check = CacheCheck::Stale;
        return nullptr;
    }

    auto compiled = std::make_unique<CompiledPatterns>();
    Reader in{bytes.substr(kHeaderBytes)};
    std::unique_ptr<CompiledPatterns::Level>* slot = &compiled->first;
    bool more = true;
    for (int levels = 0; more; ++levels) {
        if (levels == 8) return nullptr; // libhyphen makes two
        auto level = std::make_unique<CompiledPatterns::Level>();
        HyphenDict& d = level->dict;
        d.lhmin = in.get<char>();
        d.rhmin = in.get<char>();
        d.clhmin = in.get<char>();
        d.crhmin = in.get<char>();
        d.nohyphenl = in.get<std::int32_t>();
        std::string_view nohyphen;
        bool hasNohyphen = false;
        if (!in.getBytes(nohyphen, hasNohyphen)) return nullptr;
        if (hasNohyphen) {
            // nohyphenl + 1 NUL-terminated strings, as libhyphen reads them.
            if (nohyphen.empty() || nohyphen.back() != '\0' || d.nohyphenl < 0) return nullptr;
            std::size_t strings = 0;
            for (const char c : nohyphen) strings += c == '\0' ? 1 : 0;
            if (strings != static_cast<std::size_t>(d.nohyphenl) + 1) return nullptr;
            level->nohyphen.assign(nohyphen);
        }
        for (char& c : d.cset) c = in.get<char>();
        d.cset[MAX_NAME - 1] = '\0';
        d.utf8 = in.get<std::int32_t>();
        d.num_states = in.get<std::int32_t>();
        more = in.get<std::uint8_t>() != 0;
        if (!in.ok || d.num_states < 0 || static_cast<std::uint64_t>(d.num_states) > in.bytes.size()) return nullptr;

        // First pass: sizes and bounds; pointers are set once the vectors no longer move.
        struct Offsets {
            std::int64_t match = -1, repl = -1;
            std::size_t trans = 0;
        };
        std::vector<Offsets> offsets(static_cast<std::size_t>(d.num_states));
        level->states.resize(static_cast<std::size_t>(d.num_states));
        for (int i = 0; i < d.num_states; ++i) {
            HyphenState& s = level->states[static_cast<std::size_t>(i)];
            Offsets& o = offsets[static_cast<std::size_t>(i)];
            std::string_view text;
            bool present = false;
            if (!in.getBytes(text, present)) return nullptr;
            if (present) {
                o.match = static_cast<std::int64_t>(level->strings.size());
                level->strings.append(text).push_back('\0');
            }
            if (!in.getBytes(text, present)) return nullptr;
            if (present) {
                o.repl = static_cast<std::int64_t>(level->strings.size());
                level->strings.append(text).push_back('\0');
            }
            s.replindex = in.get<signed char>();
            s.replcut = in.get<signed char>();
            s.fallback_state = in.get<std::int32_t>();
            s.num_trans = in.get<std::int32_t>();
            if (!in.ok || s.fallback_state < -1 || s.fallback_state >= d.num_states || s.num_trans < 0 ||
                static_cast<std::uint64_t>(s.num_trans) > in.bytes.size())
                return nullptr;
            o.trans = level->trans.size();
            for (int t = 0; t < s.num_trans; ++t) {
                HyphenTrans tr{};
                tr.ch = in.get<char>();
                tr.new_state = in.get<std::int32_t>();
                if (!in.ok || tr.new_state < 0 || tr.new_state >= d.num_states) return nullptr;
                level->trans.push_back(tr);
            }
        }
        for (std::size_t i = 0; i < level->states.size(); ++i) {
            HyphenState& s = level->states[i];
            const Offsets& o = offsets[i];
            s.match = o.match >= 0 ? level->strings.data() + o.match : nullptr;
            s.repl = o.repl >= 0 ? level->strings.data() + o.repl : nullptr;
            s.trans = s.num_trans > 0 ? level->trans.data() + o.trans : nullptr;
        }
        d.states = level->states.data();
        d.nohyphen = hasNohyphen ? level->nohyphen.data() : nullptr;
        d.nextlevel = nullptr; // chained below
        *slot = std::move(level);
        slot = &(*slot)->next;
    }
    if (in.pos != in.bytes.size() || !compiled->first) return nullptr;
    // Chain the levels' dictionaries.
    for (auto* level = compiled->first.get(); level != nullptr; level = level->next.get())
        level->dict.nextlevel = level->next ? &level->next->dict : nullptr;
    check = CacheCheck::Valid;
    return compiled;
}

namespace {

bool readFile(const fs::path& path, std::string& out) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    struct stat st {};
    bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (1 << 30);
    if (ok) {
        out.resize(static_cast<std::size_t>(st.st_size));
        std::size_t used = 0;
        while (ok && used < out.size()) {
            const ssize_t n = ::read(fd, out.data() + used, out.size() - used);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) ok = false;
            else used += static_cast<std::size_t>(n);
        }
    }
    ::close(fd);
    return ok;
}

// Temporary file in the same folder, then rename: a reader sees the old file or the whole new one.
void writeFileAtomically(const fs::path& path, std::string_view bytes) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::string tmpl = (path.parent_path() / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
    if (fd < 0) return;
    bool ok = true;
    while (ok && !bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ok = false;
        else bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(tmpl.c_str(), path.c_str()) != 0) ::unlink(tmpl.c_str());
}

} // namespace

bool PatternIndex::read(const fs::path& file) {
    m_levels.clear();
    m_keys.clear();
    m_charset.clear();
    if (!readFile(file, m_text)) return false;
    m_levels.emplace_back();
    m_levels.back().byLetters.reserve(m_text.size() / 10); // about one pattern per 10-14 bytes: no rehashing
    std::string_view text = m_text;
    bool first = true;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (first) { // libhyphen reads the charset from the first line
            m_charset = line;
            first = false;
            continue;
        }
        if (line.empty() || line[0] == '%' || line[0] == '#') continue;
        if (line == "NEXTLEVEL") {
            m_levels.emplace_back();
            continue;
        }
        Level& level = m_levels.back();
        if (line[0] >= 'A' && line[0] <= 'Z') { // a directive (LEFTHYPHENMIN 2, NOHYPHEN -,', ...)
            level.directives.append(line).push_back('\n');
            continue;
        }
        // The letters: digits are priorities, dots word boundaries, "/..." a replacement.
        const std::string_view pattern = line.substr(0, line.find('/'));
        std::string letters;
        bool onlyLetters = true;
        for (const char c : pattern) {
            if ((c >= '0' && c <= '9') || c == '.') continue;
            const auto u = static_cast<unsigned char>(c);
            if (!((u >= 'a' && u <= 'z') || u >= 0x80)) onlyLetters = false;
            letters.push_back(c);
        }
        if (!onlyLetters || letters.empty()) {
            level.always.append(line).push_back('\n');
            continue;
        }
        // The key must outlive the map: the letters are a copy, so keep them in a stable buffer.
        m_keys.push_back(std::move(letters));
        level.byLetters.emplace(m_keys.back(), line);
    }
    return true;
}

std::string PatternIndex::patternsFor(std::string_view word) const {
    std::string out = m_charset + "\n";
    std::unordered_set<std::string_view> pieces; // every substring of the word, once
    for (std::size_t from = 0; from < word.size(); ++from)
        for (std::size_t n = 1; from + n <= word.size(); ++n) pieces.insert(word.substr(from, n));
    for (std::size_t l = 0; l < m_levels.size(); ++l) {
        const Level& level = m_levels[l];
        if (l > 0) out += "NEXTLEVEL\n";
        out += level.directives;
        out += level.always;
        std::vector<std::string_view> lines;
        for (const auto piece : pieces) {
            const auto range = level.byLetters.equal_range(piece);
            for (auto it = range.first; it != range.second; ++it) lines.push_back(it->second);
        }
        // In the order of the file, as libhyphen would read them (a repeated pattern: the last wins).
        std::sort(lines.begin(), lines.end(), [](std::string_view a, std::string_view b) { return a.data() < b.data(); });
        for (const auto line : lines) out.append(line).push_back('\n');
    }
    return out;
}

HyphenDict* PatternIndex::compileFor(std::string_view word) const {
    std::string patterns = patternsFor(word);
    FILE* file = ::fmemopen(patterns.data(), patterns.size(), "r");
    if (file == nullptr) return nullptr;
    HyphenDict* dict = hnj_hyphen_load_file(file);
    std::fclose(file);
    return dict;
}

namespace {

bool sourceStamp(const fs::path& patternFile, std::uint64_t& size, std::int64_t& mtime) {
    struct stat st {};
    if (::stat(patternFile.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    size = static_cast<std::uint64_t>(st.st_size);
    mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    return true;
}

} // namespace

std::unique_ptr<CompiledPatterns> readPatternCache(const fs::path& patternFile, const fs::path& cacheDir, CacheCheck& check) {
    check = CacheCheck::Missing;
    std::uint64_t size = 0;
    std::int64_t mtime = 0;
    std::string bytes;
    if (cacheDir.empty() || !sourceStamp(patternFile, size, mtime) || !readFile(patternCacheFile(patternFile, cacheDir), bytes))
        return nullptr;
    return deserializePatterns(bytes, size, mtime, check);
}

HyphenDict* loadPatterns(const fs::path& patternFile, const fs::path& cacheDir, std::unique_ptr<CompiledPatterns>& compiled,
                         PatternCache& outcome) {
    compiled.reset();
    outcome = PatternCache::Off;
    std::uint64_t size = 0;
    std::int64_t mtime = 0;
    if (!sourceStamp(patternFile, size, mtime)) return nullptr;
    if (!cacheDir.empty()) {
        CacheCheck check = CacheCheck::Missing;
        compiled = readPatternCache(patternFile, cacheDir, check);
        if (compiled) {
            outcome = PatternCache::Reused;
            return nullptr;
        }
        outcome = check == CacheCheck::Missing ? PatternCache::Built : PatternCache::Rebuilt;
    }
    HyphenDict* dict = hnj_hyphen_load(patternFile.c_str());
    if (dict && !cacheDir.empty()) writeFileAtomically(patternCacheFile(patternFile, cacheDir), serializePatterns(dict, size, mtime));
    return dict;
}

} // namespace lernraum::ui
