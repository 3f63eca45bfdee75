#include "platform/http/form_again.hpp"

#include <charconv>

namespace hearth::http {

int version_again(const Context& ctx, const Error& e, int current) {
    if (e.kind == ErrorKind::conflict || !ctx.form) {
        return current;
    }
    const std::string sent = ctx.form->get("version");
    int version = 0;
    auto [end, ec] = std::from_chars(sent.data(), sent.data() + sent.size(), version);
    if (ec != std::errc{} || end != sent.data() + sent.size() || version < 1) {
        return current;
    }
    return version;
}

nlohmann::json typed_again(const Context& ctx, const Error& e, int current) {
    nlohmann::json values = ctx.form ? ctx.form->typed_values() : nlohmann::json::object();
    values["version"] = std::to_string(version_again(ctx, e, current));
    return values;
}

}  // namespace hearth::http
