#include "platform/http/route_pattern.hpp"

#include <charconv>

namespace hearth::http {

bool match_path(std::string_view pattern, std::string_view path,
                std::map<std::string, std::int64_t>& params) {
    std::size_t p = 0, q = 0;
    while (p < pattern.size() && q < path.size()) {
        if (pattern[p] == '*') {
            return true;
        }
        if (pattern[p] == '{') {
            auto close = pattern.find('}', p);
            std::string name(pattern.substr(p + 1, close - p - 1));
            auto end = path.find('/', q);
            if (end == std::string_view::npos) {
                end = path.size();
            }
            std::int64_t id = 0;
            auto [ptr, ec] = std::from_chars(path.data() + q, path.data() + end, id);
            if (ec != std::errc{} || ptr != path.data() + end || id <= 0) {
                return false;
            }
            params[name] = id;
            p = close + 1;
            q = end;
        } else {
            if (pattern[p] != path[q]) {
                return false;
            }
            ++p;
            ++q;
        }
    }
    return p == pattern.size() && q == path.size();
}

}  // namespace hearth::http
