// Session files: envelope, hostile-input-safe loading with typed errors, crash-safe saving.
//
// [SECTION] JSON configuration   - iterative parsing + UTF-8 validation for every parse in this file
// [SECTION] Envelope diagnosis   - a SAX pass that classifies input the fast path could not read
// [SECTION] Loading
// [SECTION] Saving

// ---------------------------------------------------------------------------------------------
// [SECTION] JSON configuration
//
// RapidJSON's recursive parser overflows the stack on deeply nested input (200,000 '[' crash the
// process). Iterative parsing keeps the parse stack on the heap and fails cleanly. The flags and a
// throwing RAPIDJSON_ASSERT must be defined before the first RapidJSON header (otherwise RapidJSON
// calls abort() on a wrong value type). cereal's json.hpp keeps both definitions.

#include <istream>
#include <streambuf>

#include "rapidjson_setup.hpp" // before any RapidJSON header
#include <rapidjson/istreamwrapper.h>
#include <rapidjson/ostreamwrapper.h>

namespace lernraum::store {
// A read-only streambuf over existing memory (no copy of a possibly large file).
class MemoryBuffer : public std::streambuf {
public:
    MemoryBuffer(const char* data, std::size_t size) {
        char* p = const_cast<char*>(data); // NOLINT: the get area is never written through
        setg(p, p, p + size);
    }
    const char* begin() const { return eback(); }
    const char* end() const { return egptr(); }
};
} // namespace lernraum::store

// RapidJSON 1.1's IStreamWrapper calls std::istream::peek()/get() once per character; building a
// sentry for every byte made loading a 10 MB session take half a second. cereal's JSONInputArchive
// reads through exactly this type, so this translation unit (the only one that includes cereal's
// JSON archive) specializes it to read straight from the memory behind a MemoryBuffer.
namespace rapidjson {
template <> class BasicIStreamWrapper<std::istream> {
public:
    typedef char Ch;
    explicit BasicIStreamWrapper(std::istream& stream) {
        const auto* memory = dynamic_cast<const lernraum::store::MemoryBuffer*>(stream.rdbuf());
        RAPIDJSON_ASSERT(memory != nullptr); // every parse in this file reads from a MemoryBuffer
        m_begin = m_current = memory->begin();
        m_end = memory->end();
    }
    Ch Peek() const { return m_current < m_end ? *m_current : '\0'; }
    Ch Take() { return m_current < m_end ? *m_current++ : '\0'; }
    size_t Tell() const { return static_cast<size_t>(m_current - m_begin); }
    Ch* PutBegin() { RAPIDJSON_ASSERT(false); return 0; }
    void Put(Ch) { RAPIDJSON_ASSERT(false); }
    void Flush() { RAPIDJSON_ASSERT(false); }
    size_t PutEnd(Ch*) { RAPIDJSON_ASSERT(false); return 0; }

private:
    const char* m_begin = nullptr;
    const char* m_current = nullptr;
    const char* m_end = nullptr;
};

// The same for writing: OStreamWrapper calls std::ostream::put() per character; write to the
// stream buffer instead (sputc is an inline pointer bump while the buffer has room).
template <> class BasicOStreamWrapper<std::ostream> {
public:
    typedef char Ch;
    explicit BasicOStreamWrapper(std::ostream& stream) : m_buffer(stream.rdbuf()) {}
    void Put(Ch c) { m_buffer->sputc(c); }
    void Flush() { m_buffer->pubsync(); }
    Ch Peek() const { RAPIDJSON_ASSERT(false); return 0; }
    Ch Take() { RAPIDJSON_ASSERT(false); return 0; }
    size_t Tell() const { RAPIDJSON_ASSERT(false); return 0; }
    Ch* PutBegin() { RAPIDJSON_ASSERT(false); return 0; }
    size_t PutEnd(Ch*) { RAPIDJSON_ASSERT(false); return 0; }

private:
    std::streambuf* m_buffer;
};
} // namespace rapidjson

#include <cereal/archives/json.hpp>

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "session_file.hpp"

#include "serialization.hpp"

#include <lernraum/version.hpp>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <sstream>
#include <algorithm>
#include <cstdlib>
#include <limits>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lernraum::store {

namespace fs = std::filesystem;

std::string_view toName(LoadErrorKind kind) {
    switch (kind) {
    case LoadErrorKind::Io: return "io";
    case LoadErrorKind::TooLarge: return "too_large";
    case LoadErrorKind::NotLernraum: return "not_lernraum";
    case LoadErrorKind::NewerVersion: return "newer_version";
    case LoadErrorKind::Corrupt: return "corrupt";
    case LoadErrorKind::Invalid: return "invalid";
    }
    return "unknown";
}

std::string LoadError::toString() const {
    std::string out = file + ": error: " + message;
    if (kind == LoadErrorKind::Invalid && !problems.empty()) {
        out += ": " + problems.front().toString();
        if (problems.size() > 1) out += " (and " + std::to_string(problems.size() - 1) + " more)";
    }
    return out;
}

namespace {

LoadResult fail(LoadErrorKind kind, std::string_view file, std::string message, std::vector<core::Problem> problems = {}) {
    LoadResult r;
    r.error = LoadError{kind, std::string(file), std::move(message), std::move(problems)};
    return r;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Envelope diagnosis

struct EnvelopeScan : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, EnvelopeScan> {
    int depth = 0;
    bool rootIsObject = false;
    std::string key; // last key seen at depth 1
    bool hasFormat = false;
    std::string format;
    bool hasSchemaVersion = false;
    bool schemaVersionIsInt = false;
    std::int64_t schemaVersion = 0;
    bool hasSession = false;
    bool sessionIsObject = false;

    bool atTop() const { return depth == 1; }
    void topValue(bool isObject) {
        if (!atTop()) return;
        if (key == "session") {
            hasSession = true;
            sessionIsObject = isObject;
        } else if (key == "format") {
            hasFormat = true;
        } else if (key == "schema_version") {
            hasSchemaVersion = true;
        }
    }
    bool Default() {
        topValue(false);
        return true;
    }
    bool String(const char* s, rapidjson::SizeType n, bool) {
        if (atTop() && key == "format") format.assign(s, n);
        topValue(false);
        return true;
    }
    bool Int(int v) { return integer(v); }
    bool Uint(unsigned v) { return integer(v); }
    bool Int64(std::int64_t v) { return integer(v); }
    bool Uint64(std::uint64_t v) {
        return v > static_cast<std::uint64_t>(INT64_MAX) ? integer(INT64_MAX) : integer(static_cast<std::int64_t>(v));
    }
    bool Double(double v) {
        // A whole number too large for 64 bits ("schema_version": 1e20) is still a version number.
        if (atTop() && key == "schema_version" && v >= 1 && std::floor(v) == v)
            return integer(v > 9e18 ? INT64_MAX : static_cast<std::int64_t>(v));
        topValue(false);
        return true;
    }
    bool integer(std::int64_t v) {
        if (atTop() && key == "schema_version") {
            schemaVersionIsInt = true;
            schemaVersion = v;
        }
        topValue(false);
        return true;
    }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        if (atTop()) key.assign(s, n);
        return true;
    }
    bool StartObject() {
        if (depth == 0) rootIsObject = true;
        topValue(true);
        ++depth;
        return true;
    }
    bool EndObject(rapidjson::SizeType) {
        --depth;
        return true;
    }
    bool StartArray() {
        topValue(false);
        ++depth;
        return true;
    }
    bool EndArray(rapidjson::SizeType) {
        --depth;
        return true;
    }
};

bool looksLikeLernraum(std::string_view json) {
    // A damaged file of ours still names its format near the start.
    const auto head = json.substr(0, 4096);
    const auto pos = head.find("\"format\"");
    return pos != std::string_view::npos && head.find(kFormatName, pos) != std::string_view::npos;
}

std::string friendlyCerealMessage(std::string_view what) {
    // cereal reports type mismatches as failed RapidJSON assertions; say it in words.
    static constexpr std::pair<std::string_view, std::string_view> kMap[] = {
        {"IsString()", "a value has the wrong type (expected text)"},
        {"IsBool()", "a value has the wrong type (expected true or false)"},
        {"IsInt()", "a value has the wrong type or is out of range (expected a whole number)"},
        {"IsObject()", "a value has the wrong type (expected an object)"},
        {"IsArray()", "a value has the wrong type (expected a list)"},
        {"IsUint()", "a value has the wrong type or is out of range (expected a whole number)"},
        {"IsInt64()", "a value has the wrong type or is out of range (expected a whole number)"},
        {"IsUint64()", "a value has the wrong type or is out of range (expected a whole number)"},
        {"kIntFlag", "a value has the wrong type or is out of range (expected a whole number)"},
        {"kUintFlag", "a value has the wrong type or is out of range (expected a whole number)"},
        {"kInt64Flag", "a value has the wrong type or is out of range (expected a whole number)"},
        {"kUint64Flag", "a value has the wrong type or is out of range (expected a whole number)"},
    };
    for (const auto& [needle, message] : kMap)
        if (what.find(needle) != std::string_view::npos) return std::string(message);
    if (what.find("not found") != std::string_view::npos) {
        // "JSON Parsing failed - provided NVP (title) not found"
        const auto open = what.find('(');
        const auto close = what.find(')', open);
        if (open != std::string_view::npos && close != std::string_view::npos)
            return "required field '" + std::string(what.substr(open + 1, close - open - 1)) + "' is missing";
    }
    if (what.find("No more objects") != std::string_view::npos) return "a list is shorter than required";
    return std::string(what.substr(0, 200));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Loading

namespace {

// Classifies input that failed the fast path: a SAX pass over the whole text finds syntax and
// encoding errors (with their byte offset) and checks the envelope. Returns nothing when the
// envelope is fine, i.e. the problem lies inside "session".
std::optional<LoadResult> diagnoseEnvelope(std::string_view json, std::string_view name) {
    EnvelopeScan scan;
    {
        MemoryBuffer buffer(json.data(), json.size());
        std::istream in(&buffer);
        rapidjson::IStreamWrapper stream(in);
        rapidjson::Reader reader;
        const rapidjson::ParseResult ok =
            reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(stream, scan);
        if (!ok) {
            std::string detail = std::string(rapidjson::GetParseError_En(ok.Code())) + " (at byte " + std::to_string(ok.Offset()) + ")";
            if (looksLikeLernraum(json)) return fail(LoadErrorKind::Corrupt, name, "the file is damaged: " + detail);
            return fail(LoadErrorKind::NotLernraum, name, "not a Lernraum session file (not valid JSON: " + detail + ")");
        }
    }
    if (!scan.rootIsObject || !scan.hasFormat)
        return fail(LoadErrorKind::NotLernraum, name, "not a Lernraum session file (JSON without \"format\": \"lernraum-session\")");
    if (scan.format != kFormatName)
        return fail(LoadErrorKind::NotLernraum, name,
                    "not a Lernraum session file (format is '" + scan.format.substr(0, 60) + "', expected 'lernraum-session')");
    if (!scan.hasSchemaVersion || !scan.schemaVersionIsInt || scan.schemaVersion < 1)
        return fail(LoadErrorKind::Corrupt, name, "the file is damaged: \"schema_version\" is missing or not a positive whole number");
    if (scan.schemaVersion > kSchemaVersion)
        return fail(LoadErrorKind::NewerVersion, name,
                    "written by a newer version of Lernraum (file format version " + std::to_string(scan.schemaVersion) +
                        ", this version reads up to " + std::to_string(kSchemaVersion) + "); please update Lernraum");
    if (!scan.hasSession || !scan.sessionIsObject)
        return fail(LoadErrorKind::Corrupt, name, "the file is damaged: \"session\" is missing or not an object");
    return std::nullopt;
}

// Texts keep no control characters but tab and LF (core/text.hpp). Older versions saved CR from
// CSV imports (Windows line ends): every escaped CRLF or CR in a JSON string becomes LF, so such
// files still load. An escaped NUL (\u0000) is reported in `nul`: the JSON reader would silently
// cut the text there. Returns false when nothing needed rewriting (`out` untouched).
bool normalizeTextEscapes(std::string_view json, std::string& out, bool& nul) {
    nul = false;
    const bool hasCr = json.find("\\r") != std::string_view::npos;
    if (!hasCr && json.find("\\u0000") == std::string_view::npos) return false;
    if (hasCr) out.reserve(json.size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c != '\\' || i + 1 >= json.size()) {
            if (hasCr) out.push_back(c);
            continue;
        }
        // An escape: a backslash and the character after it, taken in pairs, so an escaped backslash
        // followed by the letter r stays text.
        const char next = json[i + 1];
        if (next == 'r') {
            out += "\\n";
            i += json.substr(i + 2, 2) == "\\n" ? 3 : 1;
            continue;
        }
        if (next == 'u' && json.substr(i + 2, 4) == "0000") nul = true;
        if (hasCr) {
            out.push_back(c);
            out.push_back(next);
        }
        ++i;
    }
    return hasCr;
}

} // namespace

LoadResult parseSession(std::string_view json, std::string_view name) {
    if (json.size() > kMaxFileBytes) return fail(LoadErrorKind::TooLarge, name, tooLargeMessage(json.size()));
    if (json.size() >= 3 && json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3); // UTF-8 BOM
    if (json.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return fail(LoadErrorKind::NotLernraum, name, "not a Lernraum session file (the file is empty)");
    std::string normalized;
    bool nul = false;
    if (normalizeTextEscapes(json, normalized, nul)) json = normalized;

    // Fast path: one parse. cereal builds the document (iterative, UTF-8 validated), the envelope is
    // checked, and only then is the session read, so a newer file is never half-read. Anything that
    // goes wrong before the session is read is classified by diagnoseEnvelope().
    core::Session session;
    std::string sessionError;
    try {
        MemoryBuffer buffer(json.data(), json.size());
        std::istream in(&buffer);
        cereal::JSONInputArchive archive(in);
        std::string format;
        std::int64_t schemaVersion = 0;
        archive(cereal::make_nvp("format", format), cereal::make_nvp("schema_version", schemaVersion));
        if (format != kFormatName || schemaVersion != kSchemaVersion) throw cereal::Exception("envelope");
        // Schema migrations go here: when kSchemaVersion becomes 2, a version-1 document is
        // rewritten step by step (1 -> 2 -> ...) before the session is read. Per-type field changes
        // use class versions (see serialization.hpp).
        try {
            archive(cereal::make_nvp("session", session));
        } catch (const NewerClassVersion& e) {
            return fail(LoadErrorKind::NewerVersion, name,
                        std::string("written by a newer version of Lernraum (") + e.what() + "); please update Lernraum");
        } catch (const UnknownValue& e) {
            return fail(LoadErrorKind::Invalid, name, "the session is not valid", {core::Problem{"", e.what()}});
        } catch (const cereal::Exception& e) {
            sessionError = friendlyCerealMessage(e.what());
        } catch (const std::bad_alloc&) {
            sessionError = "not enough memory to read it";
        } catch (const std::exception& e) {
            sessionError = e.what();
        }
    } catch (const std::bad_alloc&) {
        return fail(LoadErrorKind::Corrupt, name, "the file is damaged: not enough memory to read it");
    } catch (const std::exception&) {
        if (auto diagnosis = diagnoseEnvelope(json, name)) return std::move(*diagnosis);
        return fail(LoadErrorKind::Corrupt, name, "the file is damaged: the envelope cannot be read");
    }
    if (!sessionError.empty()) {
        if (auto diagnosis = diagnoseEnvelope(json, name)) return std::move(*diagnosis); // e.g. "session": []
        return fail(LoadErrorKind::Corrupt, name, "the file is damaged: " + sessionError);
    }

    // RapidJSON validated the encoding of the whole text (kParseValidateEncodingFlag above), so
    // validate() need not check every text for UTF-8 a second time. Not so for escapes: RapidJSON
    // 1.1 turns a lone low surrogate (\udc00) into bytes that are not UTF-8, so a text with an
    // escape of that range ("\ud..") keeps the second pass.
    const bool surrogateEscape = json.find("\\ud") != std::string_view::npos || json.find("\\uD") != std::string_view::npos;
    auto problems = core::validate(session, core::ValidateOptions{.textIsValidUtf8 = !surrogateEscape});
    if (nul) problems.insert(problems.begin(), core::Problem{"", "a text contains the control character U+0000 (NUL)"});
    if (!problems.empty()) {
        const auto count = problems.size();
        return fail(LoadErrorKind::Invalid, name,
                    "the session is not valid (" + std::to_string(count) + (count == 1 ? " problem)" : " problems)"),
                    std::move(problems));
    }
    LoadResult ok;
    ok.session = std::move(session);
    return ok;
}

namespace {

// Closes a file descriptor on every way out.
struct FdGuard {
    int fd = -1;
    explicit FdGuard(int f) : fd(f) {}
    FdGuard(const FdGuard&) = delete;
    FdGuard& operator=(const FdGuard&) = delete;
    ~FdGuard() {
        if (fd >= 0) ::close(fd);
    }
    int release() {
        const int f = fd;
        fd = -1;
        return f;
    }
};

std::int64_t mtimeNsOf(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

std::string realPathOf(const fs::path& path) {
    char* real = ::realpath(path.c_str(), nullptr);
    if (real == nullptr) return path.string();
    std::string out = real;
    std::free(real);
    return out;
}

// The stamp of a file whose metadata is `st` and whose content is `bytes`.
FileStamp stampOf(const fs::path& path, const struct stat& st, std::string_view bytes) {
    FileStamp stamp;
    stamp.exists = true;
    stamp.target = realPathOf(path);
    stamp.size = bytes.size();
    stamp.mtimeNs = mtimeNsOf(st);
    stamp.dev = st.st_dev;
    stamp.ino = st.st_ino;
    stamp.hash = contentHash(bytes);
    return stamp;
}

// Reads the whole file behind fd (at most `limit` bytes; one more tells that it is larger).
bool readAll(int fd, std::string& out, std::uintmax_t expected, std::uintmax_t limit) {
    out.clear();
    out.resize(static_cast<std::size_t>(std::min(expected, limit) + 1));
    std::size_t used = 0;
    for (;;) {
        if (used == out.size()) {
            if (out.size() > limit) break; // read one byte beyond the limit: too large
            out.resize(std::min<std::size_t>(out.size() * 2, static_cast<std::size_t>(limit) + 1));
        }
        const ssize_t n = ::read(fd, out.data() + used, out.size() - used);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
    }
    out.resize(used);
    return true;
}

} // namespace

std::string tooLargeMessage(std::uintmax_t bytes) {
    return "file is too large (" + std::to_string(bytes / (1024 * 1024)) + " MiB, at most " +
           std::to_string(kMaxFileBytes / (1024 * 1024)) + " MiB)";
}

std::uint64_t contentHash(std::string_view bytes) {
    // 8 bytes per step, multiply-xorshift mixing, splitmix64 finalizer: fast enough to hash every
    // file on load and before every save (change detection only, not a cryptographic hash).
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ bytes.size();
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 29;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 31;
    return h;
}

FileStamp stampFile(const fs::path& path) {
    FileStamp stamp;
    const FdGuard fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    struct stat st {};
    if (fd.fd < 0 || ::fstat(fd.fd, &st) != 0) return stamp;
    stamp.exists = true;
    stamp.target = realPathOf(path);
    stamp.size = static_cast<std::uintmax_t>(st.st_size);
    stamp.mtimeNs = mtimeNsOf(st);
    stamp.dev = st.st_dev;
    stamp.ino = st.st_ino;
    std::string bytes;
    if (S_ISREG(st.st_mode) && readAll(fd.fd, bytes, stamp.size, std::numeric_limits<std::uintmax_t>::max() / 2)) {
        stamp.size = bytes.size();
        stamp.hash = contentHash(bytes);
    }
    return stamp;
}

bool changedSince(const FileStamp& before, const FileStamp& now) {
    if (before.exists != now.exists) return true;
    if (!before.exists) return false;
    return before.target != now.target || before.size != now.size || before.hash != now.hash;
}

LoadResult loadSession(const fs::path& path) {
    const std::string name = path.string();
    // O_NONBLOCK: opening a FIFO must not hang; it is refused below as not a regular file.
    const FdGuard fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.fd < 0) {
        const int err = errno;
        if (err == ENOENT) return fail(LoadErrorKind::Io, name, "cannot open the file: it does not exist");
        return fail(LoadErrorKind::Io, name, std::string("cannot open the file: ") + std::strerror(err));
    }
    struct stat st {};
    if (::fstat(fd.fd, &st) != 0) return fail(LoadErrorKind::Io, name, std::string("cannot read the file: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return fail(LoadErrorKind::Io, name, "cannot open the file: it is a directory");
    if (!S_ISREG(st.st_mode)) return fail(LoadErrorKind::Io, name, "cannot open the file: not a regular file");
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > kMaxFileBytes) return fail(LoadErrorKind::TooLarge, name, tooLargeMessage(size));

    std::string bytes;
    if (!readAll(fd.fd, bytes, size, kMaxFileBytes))
        return fail(LoadErrorKind::Io, name, std::string("cannot read the file: ") + std::strerror(errno));
    if (bytes.size() > kMaxFileBytes) return fail(LoadErrorKind::TooLarge, name, tooLargeMessage(bytes.size())); // grew

    LoadResult result = parseSession(bytes, name);
    result.stamp = stampOf(path, st, bytes);
    return result;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Saving

namespace {
// A stream buffer that appends to a std::string in 64 KiB chunks (no per-character virtual call,
// no repeated copying of the growing text as std::ostringstream does).
class StringSink : public std::streambuf {
public:
    explicit StringSink(std::string& out) : m_out(out) { setp(m_chunk, m_chunk + sizeof m_chunk); }
    ~StringSink() override { sync(); }
    int sync() override {
        m_out.append(pbase(), static_cast<std::size_t>(pptr() - pbase()));
        setp(m_chunk, m_chunk + sizeof m_chunk);
        return 0;
    }

protected:
    int_type overflow(int_type c) override {
        sync();
        if (c != traits_type::eof()) sputc(traits_type::to_char_type(c));
        return traits_type::not_eof(c);
    }

private:
    std::string& m_out;
    char m_chunk[64 * 1024];
};
} // namespace

std::string serializeSession(const core::Session& session, core::Timestamp savedAt) {
    // Growing a 10 MB string by doubling copies it again and again; start near the last size.
    static std::atomic<std::size_t> lastSize{64 * 1024};
    std::string text;
    text.reserve(lastSize.load() + lastSize.load() / 8);
    {
        auto sink = std::make_unique<StringSink>(text);
        std::ostream out(sink.get());
        {
            cereal::JSONOutputArchive archive(
                out, cereal::JSONOutputArchive::Options(324, cereal::JSONOutputArchive::Options::IndentChar::space, 1));
            archive(cereal::make_nvp("format", std::string(kFormatName)), cereal::make_nvp("schema_version", kSchemaVersion),
                    cereal::make_nvp("app_version", std::string(kVersion)), cereal::make_nvp("saved_at", savedAt.toString()),
                    cereal::make_nvp("session", session));
        }
        out << '\n';
        out.flush();
    }
    lastSize = text.size();
    return text;
}

namespace {

core::Timestamp now() {
    const auto t = std::chrono::system_clock::now();
    return core::Timestamp{std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count()};
}

bool step(const SaveOptions& options, std::string_view name) { return !options.faultInjection || options.faultInjection(name); }

std::string errnoText(int err) { return std::strerror(err); }

bool writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

void fsyncDirectory(const fs::path& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd); // best effort: some file systems do not support it on directories
        ::close(fd);
    }
}

// ".NAME.1a2b3c4d5e6f.tmp": hidden, unpredictable, and unique per save (two saves of the same file,
// in one process or two, never share a temporary file).
fs::path uniqueSibling(const fs::path& file, std::string_view suffix) {
    std::uint64_t r = 0;
    if (::getrandom(&r, sizeof r, 0) != static_cast<ssize_t>(sizeof r)) {
        static std::atomic<std::uint64_t> counter{0};
        r = contentHash(std::to_string(::getpid()) + ":" + std::to_string(counter++) + ":" +
                        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(r));
    std::string name = "." + file.filename().string();
    if (name.size() > 200) name.resize(200); // stay within NAME_MAX
    return file.parent_path() / (name + "." + hex + std::string(suffix));
}

// Creates a new temporary file next to `file`, exclusively: O_EXCL never opens an existing file and
// never follows a symbolic link planted at that name (not even a dangling one).
int createTemporary(const fs::path& file, mode_t mode, fs::path& created) {
    for (int attempt = 0; attempt < 16; ++attempt) {
        created = uniqueSibling(file, ".tmp");
        const int fd = ::open(created.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    errno = EEXIST;
    return -1;
}

// Writes bytes to fd and fsyncs it. Returns an error text or "".
std::string writeAndSync(int fd, const fs::path& file, std::string_view bytes, const SaveOptions& options) {
    if (!step(options, "write")) return "cannot write '" + file.string() + "': " + errnoText(ENOSPC);
    if (!writeAll(fd, bytes)) return "cannot write '" + file.string() + "': " + errnoText(errno);
    if (!step(options, "fsync")) return "cannot flush '" + file.string() + "' to disk: " + errnoText(EIO);
    if (::fsync(fd) != 0) return "cannot flush '" + file.string() + "' to disk: " + errnoText(errno);
    return {};
}

// changedSince(before, stampFile(path)), without reading the file when its size or identity
// already tells (a huge file planted in its place is not read into memory).
bool changedOnDisk(const FileStamp& before, const fs::path& path) {
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists != before.exists) return true;
    if (!exists) return false;
    if (static_cast<std::uintmax_t>(st.st_size) != before.size || realPathOf(path) != before.target) return true;
    return changedSince(before, stampFile(path));
}

// Whether the permission bits let this process write the file (root: any write bit at all), so a
// read-only file (0444) is not replaced without asking.
bool writableByMode(const struct stat& st) {
    const uid_t uid = ::geteuid();
    if (uid == 0) return (st.st_mode & 0222) != 0;
    if (st.st_uid == uid) return (st.st_mode & S_IWUSR) != 0;
    bool inGroup = st.st_gid == ::getegid();
    if (!inGroup) {
        const int n = ::getgroups(0, nullptr);
        std::vector<gid_t> groups(static_cast<std::size_t>(std::max(n, 0)));
        if (n > 0 && ::getgroups(n, groups.data()) == n)
            inGroup = std::find(groups.begin(), groups.end(), st.st_gid) != groups.end();
    }
    return (st.st_mode & (inGroup ? S_IWGRP : S_IWOTH)) != 0;
}

// Gives the new file the existing file's group (and owner, where the saver may: root) and mode. A
// group share keeps working for colleagues after a save (0660 stays 0660, the team's group stays).
void keepOwnershipAndMode(int fd, const struct stat& st) {
    struct stat mine {};
    if (::fstat(fd, &mine) == 0 && (mine.st_uid != st.st_uid || mine.st_gid != st.st_gid)) {
        if (::fchown(fd, st.st_uid, st.st_gid) != 0) (void)::fchown(fd, static_cast<uid_t>(-1), st.st_gid);
    }
    (void)::fchmod(fd, st.st_mode & 07777 & ~static_cast<mode_t>(S_ISUID)); // after fchown, which clears set-id bits
}

// NAME.bak := the current NAME, replaced atomically: a hard link (or a synced copy) under a unique
// name, then renamed over NAME.bak. NAME.bak itself is never opened, so a link planted there is
// replaced, not followed, and two saves never write into the same backup file.
bool keepBackup(const fs::path& path, const fs::path& bak) {
    fs::path staged;
    bool staged_ok = false;
    for (int attempt = 0; attempt < 16 && !staged_ok; ++attempt) {
        staged = uniqueSibling(path, ".bak");
        if (::link(path.c_str(), staged.c_str()) == 0) {
            staged_ok = true;
        } else if (errno != EEXIST) {
            break;
        }
    }
    if (!staged_ok) {
        // No hard links here (some network or FAT file systems): copy into a new exclusive file.
        const FdGuard in(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
        std::string previous;
        struct stat st {};
        if (in.fd < 0 || ::fstat(in.fd, &st) != 0 || !readAll(in.fd, previous, static_cast<std::uintmax_t>(st.st_size),
                                                               std::numeric_limits<std::uintmax_t>::max() / 2))
            return false;
        const FdGuard out(createTemporary(path, 0600, staged));
        if (out.fd < 0) return false;
        keepOwnershipAndMode(out.fd, st);
        if (!writeAndSync(out.fd, staged, previous, SaveOptions{}).empty()) {
            ::unlink(staged.c_str());
            return false;
        }
    }
    const bool renamed = ::rename(staged.c_str(), bak.c_str()) == 0;
    // rename() does nothing when both names are links to the same file (another save staged the
    // same version a moment ago): the staged name must go either way.
    ::unlink(staged.c_str());
    return renamed;
}

} // namespace

std::optional<SaveError> writeFileAtomically(const fs::path& requested, std::string_view bytes, const SaveOptions& options) {
    const std::string name = requested.string();
    const auto refuse = [&name](SaveErrorKind kind, std::string message) { return SaveError{kind, name, std::move(message)}; };

    // A symbolic link is resolved to its final target, which is replaced atomically; the link stays.
    // A dangling link is refused rather than replaced by a regular file.
    fs::path path = requested;
    struct stat lst {};
    if (::lstat(requested.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
        char* real = ::realpath(requested.c_str(), nullptr);
        if (real == nullptr) {
            const int err = errno;
            std::error_code ec;
            const auto to = fs::read_symlink(requested, ec);
            if (err == ENOENT)
                return refuse(SaveErrorKind::BadTarget, "cannot save: it is a symbolic link to '" + to.string() +
                                                            "', which does not exist; nothing was written");
            return refuse(SaveErrorKind::BadTarget, "cannot save: cannot follow the symbolic link: " + errnoText(err));
        }
        path = real;
        std::free(real);
    }

    struct stat st {};
    const bool existed = ::stat(path.c_str(), &st) == 0;
    if (existed && S_ISDIR(st.st_mode)) return refuse(SaveErrorKind::BadTarget, "cannot save: it is a directory");
    if (existed && !S_ISREG(st.st_mode)) return refuse(SaveErrorKind::BadTarget, "cannot save: it is not a regular file");
    const std::string unchanged = existed ? " (the previous file is unchanged)" : "";

    if (options.expected && changedOnDisk(*options.expected, requested))
        return refuse(SaveErrorKind::ChangedOnDisk,
                      options.expected->exists
                          ? "the file was changed or replaced on disk since it was opened or last saved; it was not overwritten"
                          : "a file of this name was created on disk in the meantime; it was not overwritten");
    if (existed && !options.overwriteReadOnly && !writableByMode(st))
        return refuse(SaveErrorKind::ReadOnly, "cannot save: the file is read-only" + unchanged);

    fs::path tmp;
    FdGuard fd(createTemporary(path, existed ? 0600 : static_cast<mode_t>(options.newFileMode & 0777), tmp));
    if (fd.fd < 0) {
        const auto dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
        return refuse(SaveErrorKind::Failed, "cannot create a file in '" + dir.string() + "': " + errnoText(errno) + unchanged);
    }
    const auto discard = [&](std::string message) {
        ::unlink(tmp.c_str());
        return refuse(SaveErrorKind::Failed, std::move(message) + unchanged);
    };
    if (existed) keepOwnershipAndMode(fd.fd, st);
    if (auto error = writeAndSync(fd.fd, tmp, bytes, options); !error.empty()) return discard(error);
    struct stat written {};
    (void)::fstat(fd.fd, &written);
    if (::close(fd.release()) != 0) return discard("cannot close '" + tmp.string() + "': " + errnoText(errno));

    if (existed && options.keepBackup) {
        fs::path bak = path;
        bak += ".bak";
        if (!step(options, "backup") || !keepBackup(path, bak))
            return discard("cannot keep the previous version as '" + bak.string() + "'");
    }

    const bool renameAllowed = step(options, "rename");
    if (!renameAllowed || ::rename(tmp.c_str(), path.c_str()) != 0)
        return discard("cannot replace the file: " + errnoText(renameAllowed ? errno : EIO));
    fsyncDirectory(path.parent_path());
    if (options.written != nullptr) *options.written = stampOf(path, written, bytes);
    return std::nullopt;
}

std::optional<SaveError> saveSession(const core::Session& session, const fs::path& path, const SaveOptions& options) {
    std::string bytes;
    try {
        bytes = serializeSession(session, options.savedAt.isSet() ? options.savedAt : now());
    } catch (const std::exception& e) {
        return SaveError{SaveErrorKind::Failed, path.string(),
                         std::string("cannot serialize the session: ") + e.what() + " (the previous file is unchanged)"};
    }
    // Never write what loadSession() would refuse: the same cap, the same words.
    if (bytes.size() > kMaxFileBytes)
        return SaveError{SaveErrorKind::TooLarge, path.string(),
                         tooLargeMessage(bytes.size()) + ": Lernraum could not open it again; nothing was written"};
    return writeFileAtomically(path, bytes, options);
}

} // namespace lernraum::store
