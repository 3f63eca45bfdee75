#include "chronology/chronology.hpp"

#include "platform/keyset.hpp"

namespace hearth::chronology {

std::string encode(const Cursor& c) {
    return keyset_text(format_utc(c.occurred_at), c.id);
}

std::optional<Cursor> decode(const std::string& text) {
    auto parts = keyset_parts(text);
    if (!parts) {
        return std::nullopt;
    }
    auto at = parse_utc(parts->first);
    if (!at) {
        return std::nullopt;
    }
    return Cursor{*at, parts->second};
}

std::string summarise(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) {
        return text;
    }
    std::size_t cut = text.rfind(' ', limit);
    if (cut == std::string::npos || cut < limit / 2) {
        cut = limit;
    }
    // Never cut inside a UTF-8 sequence: step back over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return text.substr(0, cut) + "…";
}

}  // namespace hearth::chronology
