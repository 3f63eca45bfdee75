#include "children/leaving/leaving.hpp"

#include <fmt/format.h>

#include "platform/keyset.hpp"

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
    return keyset_text(format_date(c.admitted), c.child_id);
}

std::optional<RegisterCursor> decode_register_cursor(const std::string& text) {
    auto parts = keyset_parts(text);
    if (!parts) {
        return std::nullopt;
    }
    auto admitted = parse_date(parts->first);
    if (!admitted) {
        return std::nullopt;
    }
    return RegisterCursor{*admitted, parts->second};
}

}  // namespace hearth::children
