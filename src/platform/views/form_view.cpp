#include "platform/views/form_view.hpp"

namespace hearth::views {

namespace {
std::string text_of(const nlohmann::json& values, const std::string& name) {
    if (!values.contains(name)) {
        return {};
    }
    const auto& v = values[name];
    if (v.is_string()) {
        return v.get<std::string>();
    }
    if (v.is_boolean()) {
        return v.get<bool>() ? "true" : "";
    }
    if (v.is_number()) {
        return v.dump();
    }
    return {};
}

bool is_selected(const nlohmann::json& values, const std::string& name, const std::string& key) {
    if (!values.contains(name)) {
        return false;
    }
    const auto& v = values[name];
    if (v.is_array()) {
        for (const auto& item : v) {
            if ((item.is_string() && item.get<std::string>() == key) ||
                (item.is_number() && item.dump() == key)) {
                return true;
            }
        }
        return false;
    }
    return text_of(values, name) == key;
}
}  // namespace

Options options_of(const std::vector<Choice>& choices) {
    Options out;
    for (const auto& c : choices) {
        out.emplace_back(c.key, c.label);
    }
    return out;
}

nlohmann::json field(const FieldSpec& spec, const nlohmann::json& values,
                     const nlohmann::json& errors) {
    nlohmann::json f = {{"name", spec.name},
                        {"label", spec.label},
                        {"hint", spec.hint},
                        {"has_hint", !spec.hint.empty()},
                        {"width", spec.width},
                        {"autocomplete", spec.autocomplete},
                        {"value", text_of(values, spec.name)},
                        {"check_language", spec.check_language}};
    if (errors.contains(spec.name)) {
        f["error"] = errors[spec.name];
        f["has_error"] = true;
    }
    switch (spec.kind) {
        case FieldKind::text:
            f["is_text"] = true;
            f["type"] = "text";
            break;
        case FieldKind::email:
            f["is_text"] = true;
            f["type"] = "email";
            break;
        case FieldKind::password:
            f["is_text"] = true;
            f["type"] = "password";
            f["value"] = "";
            break;
        case FieldKind::time:
            // The browser's own time picker on a tablet; "14:05" is what it sends.
            f["is_text"] = true;
            f["type"] = "time";
            if (spec.width.empty()) {
                f["width"] = "govuk-input--width-5";
            }
            break;
        case FieldKind::textarea:
            f["is_textarea"] = true;
            break;
        case FieldKind::hidden:
            f["is_hidden"] = true;
            break;
        case FieldKind::checkbox:
            f["is_checkbox"] = true;
            f["checked"] =
                text_of(values, spec.name) == "true" || text_of(values, spec.name) == "yes";
            break;
        case FieldKind::date: {
            f["is_date"] = true;
            std::string day = text_of(values, spec.name + "-day"),
                        month = text_of(values, spec.name + "-month"),
                        year = text_of(values, spec.name + "-year");
            const std::string whole = text_of(values, spec.name);
            if (day.empty() && month.empty() && year.empty() && whole.size() == 10) {
                year = whole.substr(0, 4);
                month = std::to_string(std::stoi(whole.substr(5, 2)));
                day = std::to_string(std::stoi(whole.substr(8, 2)));
            }
            f["day"] = day;
            f["month"] = month;
            f["year"] = year;
            break;
        }
        case FieldKind::radios:
        case FieldKind::checkboxes: {
            f[spec.kind == FieldKind::radios ? "is_radios" : "is_checkboxes"] = true;
            nlohmann::json options = nlohmann::json::array();
            int i = 0;
            for (const auto& [key, label] : spec.options) {
                options.push_back(
                    {{"id", spec.name + (i == 0 ? std::string{} : "-" + std::to_string(i))},
                     {"name", spec.name},
                     {"value", key},
                     {"label", label},
                     {"checked", is_selected(values, spec.name, key)}});
                ++i;
            }
            f["options"] = options;
            break;
        }
    }
    return f;
}

nlohmann::json id_values(const std::vector<std::int64_t>& ids) {
    nlohmann::json out = nlohmann::json::array();
    for (auto id : ids) {
        out.push_back(std::to_string(id));
    }
    return out;
}

std::string one_a_line(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) {
        out += (out.empty() ? "" : "\n") + i;
    }
    return out;
}

}  // namespace hearth::views
