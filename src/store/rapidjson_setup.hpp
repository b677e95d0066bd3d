#pragma once
// RapidJSON as the session loader configures it: include this before any RapidJSON or cereal JSON
// header. Its internal assertions throw JsonAssertion (a cereal::Exception, like cereal's own
// RapidJSONException it replaces), and the default parse is iterative with UTF-8 validation.
// Shared by session_file.cpp and bench_reference.cpp, whose parses must do the same work
// (RapidJSON's templates must be identical in every translation unit that uses these flags).
#include <cereal/details/helpers.hpp> // cereal::Exception only; no RapidJSON yet

namespace lernraum::store {
// Thrown by RapidJSON's internal checks (wrong value types and the like).
struct JsonAssertion : cereal::Exception {
    using cereal::Exception::Exception;
};
} // namespace lernraum::store

#define RAPIDJSON_ASSERT_THROWS
#define RAPIDJSON_ASSERT(x)                                                                                              \
    if (!(x)) {                                                                                                          \
        throw ::lernraum::store::JsonAssertion("rapidjson internal assertion failure: " #x);                             \
    }
#define RAPIDJSON_PARSE_DEFAULT_FLAGS (kParseIterativeFlag | kParseValidateEncodingFlag)
