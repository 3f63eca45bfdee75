#pragma once
// What a fuzz target holds for every input. A broken property aborts, so libFuzzer keeps the input
// that broke it as a crash and scripts/fuzz fails.
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace hearth::fuzz {

inline void holds(bool property, const char* what) {
    if (!property) {
        std::fprintf(stderr, "fuzz property broken: %s\n", what);
        std::abort();
    }
}

// Below U+0020 or DEL: never shown on a page, and a NUL ends the text in C and in some databases.
inline bool has_control(std::string_view s, bool multiline) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 || u == 0x7F) && !(multiline && (c == '\n' || c == '\t'))) {
            return true;
        }
    }
    return false;
}

}  // namespace hearth::fuzz
