// The UI tests never write into the user's cache: Hyphenator::instance() keeps its compiled
// patterns (hyphenation_cache.hpp) below the build tree. Runs before any test touches instance().
#include <cstdlib>

#ifndef LERNRAUM_TEST_CACHE_HOME
#error "LERNRAUM_TEST_CACHE_HOME must be defined"
#endif

namespace {
const bool kCacheHomeSet = [] { return ::setenv("XDG_CACHE_HOME", LERNRAUM_TEST_CACHE_HOME, 1) == 0; }();
} // namespace
