#include "children/record_view.hpp"

#include "platform/clock.hpp"

namespace hearth::children {

std::string shown_time(const std::string& utc) {
    auto t = parse_utc(utc);
    return t ? format_local(*t) : std::string();
}

nlohmann::json summary_row(const std::string& key, const std::string& value, bool multiline) {
    return {{"key", key},
            {"value", value.empty() ? "Not recorded" : value},
            {"missing", value.empty()},
            {"multiline", multiline && !value.empty()}};
}

}  // namespace hearth::children
