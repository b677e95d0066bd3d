// References for `lernraum bench` (see bench_reference.hpp). The JSON flags and the throwing
// assertion are the session loader's, token for token (session_file.cpp; RapidJSON's templates
// must be the same in both translation units), so the parse does the same work.

#include "rapidjson_setup.hpp" // before any RapidJSON header
#include <rapidjson/document.h>
#include <rapidjson/memorystream.h>

#include "bench_reference.hpp"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace lernraum::store {

bool referenceParse(std::string_view json) {
    rapidjson::Document document;
    rapidjson::MemoryStream stream(json.data(), json.size());
    document.ParseStream<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(stream);
    return !document.HasParseError();
}

bool referenceWrite(const std::filesystem::path& path, std::string_view bytes) {
    const std::string tmp = path.string() + ".reference.tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    bool ok = true;
    while (ok && !bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ok = false;
        else bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    ok = ::fsync(fd) == 0 && ok;
    ok = ::close(fd) == 0 && ok;
    if (ok && ::rename(tmp.c_str(), path.c_str()) == 0) return true;
    ::unlink(tmp.c_str());
    return false;
}

} // namespace lernraum::store
