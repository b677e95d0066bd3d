// libFuzzer target: the session loader on arbitrary bytes (issue 13). Loading must never crash,
// hang or leak, whatever the input; whatever loads must save and load again to the same session.
// Built only with -DLERNRAUM_FUZZ=ON and clang (see scripts/fuzz.sh).

#include "store/session_file.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lernraum;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto loaded = store::parseSession(text, "fuzz.lernraum");
    if (!loaded.session) {
        if (!loaded.error || loaded.error->message.empty()) std::abort(); // every refusal says why
        (void)loaded.error->toString();
        return 0;
    }
    // A session the loader accepts is valid, so it saves and reads back unchanged.
    const auto saved = store::serializeSession(*loaded.session, core::Timestamp{1'790'000'000});
    const auto again = store::parseSession(saved, "fuzz-roundtrip.lernraum");
    if (!again.session) {
        std::fprintf(stderr, "round trip failed: %s\n", again.error ? again.error->toString().c_str() : "?");
        std::abort();
    }
    if (!(*again.session == *loaded.session)) {
        std::fprintf(stderr, "round trip changed the session\n");
        std::abort();
    }
    return 0;
}
