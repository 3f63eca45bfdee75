#pragma once
// A route's pattern against a request's path, apart from the router so that it can be tested and
// fuzzed on its own: the path is what any client sends.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace hearth::http {

// "/homes/{home}/children/{child}": each {name} takes one segment that is a positive whole number,
// put in `params` under its name; a trailing "*" takes the rest of the path, whatever it is (the
// static files are looked up by name, never opened from it). Everything else matches itself.
bool match_path(std::string_view pattern, std::string_view path,
                std::map<std::string, std::int64_t>& params);

}  // namespace hearth::http
