#include "children/record_form.hpp"

#include "platform/views/views.hpp"

namespace hearth::children {

Result<http::Response> show_record_form(const http::Context& ctx, const RecordForm& form,
                                        nlohmann::json values, const std::optional<Error>& error,
                                        int status) {
    const bool kept = ctx.draft.has_value() && !error;
    if (kept) {
        values = ctx.draft->typed_values();
    }
    nlohmann::json data = {
        {"title", form.title},   {"caption", form.caption},         {"intro", form.intro},
        {"action", form.action}, {"cancel_href", form.cancel_href}, {"submit", form.submit},
        {"kept_draft", kept}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
        if (error->kind == ErrorKind::conflict) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& [key, value] : form.conflict_rows) {
                rows.push_back({{"key", key}, {"value", value.empty() ? "Not recorded" : value}});
            }
            data["conflict"] = {{"message", error->message}, {"rows", rows}};
        }
    }
    nlohmann::json hidden = nlohmann::json::array();
    for (const auto& [name, value] : form.hidden) {
        // A kept draft carries the version its writer had read: a stale one is then refused.
        const bool from_draft = kept && ctx.draft->find(name) != nullptr;
        hidden.push_back({{"name", name}, {"value", from_draft ? ctx.draft->get(name) : value}});
    }
    data["hidden"] = hidden;
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& g : form.groups) {
        nlohmann::json fields = nlohmann::json::array();
        for (const auto& spec : g.fields) {
            fields.push_back(views::field(spec, values, errors));
        }
        groups.push_back({{"heading", g.heading}, {"hint", g.hint}, {"fields", fields}});
    }
    data["groups"] = groups;
    return ctx.page("child_record_form", form.title, data, status);
}

}  // namespace hearth::children
