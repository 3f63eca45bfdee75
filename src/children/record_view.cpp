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

std::string with_contact(const std::string& name, const std::string& contact) {
    if (name.empty() || contact.empty()) {
        return name.empty() ? contact : name;
    }
    return name + "\n" + contact;
}

std::string key_worker_names(const Child& child) {
    std::string out;
    for (const auto& k : child.key_workers) {
        out += (out.empty() ? "" : ", ") + k.name;
    }
    return out;
}

}  // namespace hearth::children
