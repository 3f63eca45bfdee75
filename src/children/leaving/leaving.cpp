#include "children/leaving/leaving.hpp"

#include <fmt/format.h>

#include <charconv>

namespace hearth::children {

Result<Leaving> read_leaving(http::FormReader& f, Date today, Date admitted) {
    Leaving l;
    auto left = f.date(
        "left_on", "the date they left",
        {.required = true, .not_after = today, .not_before = admitted, .after_label = "today"});
    l.destination = f.text("destination", "where they went", {.required = true, .max = 200});
    l.address = f.text("address", "Address on leaving", {.max = 500, .multiline = true});
    l.reason =
        f.text("reason", "why they left", {.required = true, .max = 2000, .multiline = true});
    auto informed = f.date("authority_informed_on", "the date the placing authority was told",
                           {.required = true, .not_after = today, .after_label = "today"});
    l.authority_informed_who =
        f.text("authority_informed_who", "Who at the placing authority was told", {.max = 200});
    TRY(f.finish());
    l.left_on = *left;
    l.authority_informed_on = *informed;
    return l;
}

std::string encode(const RegisterCursor& c) {
    return format_date(c.admitted) + "~" + std::to_string(c.child_id);
}

std::optional<RegisterCursor> decode_register_cursor(const std::string& text) {
    const auto tilde = text.find('~');
    if (tilde == std::string::npos)
        return std::nullopt;
    auto admitted = parse_date(std::string_view(text).substr(0, tilde));
    if (!admitted)
        return std::nullopt;
    std::int64_t id = 0;
    const char* first = text.data() + tilde + 1;
    const char* last = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(first, last, id);
    if (ec != std::errc{} || ptr != last || id <= 0)
        return std::nullopt;
    return RegisterCursor{*admitted, id};
}

}  // namespace hearth::children
