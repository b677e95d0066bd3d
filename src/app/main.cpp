#include <lernraum/version.hpp>

#include <cstdio>

int main() {
    std::printf("lernraum %s\n", lernraum::kVersion);
    return 0;
}
