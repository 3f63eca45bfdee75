// Path matching in the router: a request's path, as any client may send it, against patterns of
// the kinds Hearth registers.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "platform/http/route_pattern.hpp"
#include "property.hpp"

using namespace hearth;

namespace {

constexpr std::string_view patterns[] = {
    "/",
    "/sign-in",
    "/children/{child}",
    "/children/{child}/incidents/{incident}",
    "/homes/{home}/children/{child}/plans",
    "/api/v1/children/{child}/daily-notes/{note}",
    "/static/*",
};

// The pattern with each {name} replaced by its id, as the pages write a link.
std::string link(std::string_view pattern, const std::map<std::string, std::int64_t>& params) {
    std::string out;
    for (std::size_t p = 0; p < pattern.size(); ++p) {
        if (pattern[p] != '{') {
            out.push_back(pattern[p]);
            continue;
        }
        const auto close = pattern.find('}', p);
        out += std::to_string(params.at(std::string(pattern.substr(p + 1, close - p - 1))));
        p = close;
    }
    return out;
}

bool climbs_or_skips(std::string_view path) {
    return path.find("/../") != std::string_view::npos ||
           path.find("/./") != std::string_view::npos ||
           path.find("//") != std::string_view::npos || path.ends_with("/..") ||
           path.ends_with("/.");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view path(reinterpret_cast<const char*>(data), size);
    for (const auto pattern : patterns) {
        std::map<std::string, std::int64_t> params;
        if (!http::match_path(pattern, path, params)) {
            continue;
        }
        if (const auto star = pattern.find('*'); star != std::string_view::npos) {
            fuzz::holds(path.starts_with(pattern.substr(0, star)) && path.size() > star,
                        "the rest of a path is taken only after the pattern's own beginning");
            continue;
        }
        fuzz::holds(!climbs_or_skips(path), "a route's path never has a . or .. or empty segment");
        fuzz::holds(
            path.find('\0') == std::string_view::npos && path.find('%') == std::string_view::npos,
            "a route's path has no NUL and no escape");
        for (const auto& [name, id] : params) {
            fuzz::holds(id > 0, "an id in a path is positive");
        }
        std::map<std::string, std::int64_t> again;
        fuzz::holds(http::match_path(pattern, link(pattern, params), again) && again == params,
                    "the link to what a path matched matches it again with the same ids");
    }
    return 0;
}
