#pragma once
// Keyset paging: a list says where its next page starts as "<key>~<id>", the sort key (a time, a
// date) and the id of the last row shown, so that page 1,000 is as fast as page 1 and rows added
// meanwhile move nothing. Each list parses its own key; this reads and writes the shape once.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace hearth {

std::string keyset_text(std::string_view key, std::int64_t id);

// The key's text and a positive id, or nullopt when `text` is not one of ours.
std::optional<std::pair<std::string_view, std::int64_t>> keyset_parts(std::string_view text);

}  // namespace hearth
