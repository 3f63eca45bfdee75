#include "platform/keyset.hpp"

#include <charconv>

namespace hearth {

std::string keyset_text(std::string_view key, std::int64_t id) {
    return std::string(key) + "~" + std::to_string(id);
}

std::optional<std::pair<std::string_view, std::int64_t>> keyset_parts(std::string_view text) {
    const auto tilde = text.find('~');
    if (tilde == std::string_view::npos) {
        return std::nullopt;
    }
    std::int64_t id = 0;
    const char* first = text.data() + tilde + 1;
    const char* last = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(first, last, id);
    if (ec != std::errc{} || ptr != last || id <= 0) {
        return std::nullopt;
    }
    return std::pair{text.substr(0, tilde), id};
}

}  // namespace hearth
