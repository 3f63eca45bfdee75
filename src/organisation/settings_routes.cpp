#include "organisation/settings_routes.hpp"

#include <limits>

#include "organisation/settings.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::organisation {

namespace {

using http::Context;
using http::Response;

// One view of the settings: the page and its JSON.
nlohmann::json settings_view(const std::vector<SettingValue>& values) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : values) {
        out.push_back({{"key", v.setting.key},
                       {"label", v.setting.label},
                       {"unit", v.setting.unit},
                       {"value", v.value},
                       {"default", v.setting.default_value},
                       {"least", v.setting.least},
                       {"most", v.setting.most},
                       {"source", v.setting.source},
                       {"changed", v.changed},
                       {"changed_by", v.changed_by},
                       {"changed_at", v.changed_at ? nlohmann::json(format_utc(*v.changed_at))
                                                   : nlohmann::json()},
                       {"changed_when", v.changed_at ? format_local(*v.changed_at) : ""}});
    }
    return out;
}

Result<nlohmann::json> current(const Context& ctx) {
    auto values = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return settings_of(c, ctx.person.organisation_id); }));
    return settings_view(values);
}

Result<Response> show(const Context& ctx, const nlohmann::json& typed,
                      const std::optional<Error>& error, int status) {
    auto list = TRY(current(ctx));
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json view = {{"saved", ctx.request.query_value("saved").has_value()}};
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    for (auto& s : list) {
        const std::string key = s["key"];
        nlohmann::json values = {
            {key, typed.contains(key) ? typed[key]
                                      : nlohmann::json(std::to_string(s["value"].get<int>()))}};
        s["field"] =
            views::field({key,
                          s["label"].get<std::string>() + " (" + s["unit"].get<std::string>() + ")",
                          views::FieldKind::text,
                          "Default " + std::to_string(s["default"].get<int>()) + " " +
                              s["unit"].get<std::string>(),
                          {},
                          "govuk-input--width-4"},
                         values, errors);
    }
    view["settings"] = list;
    return ctx.page("settings", "Settings", view, status);
}

Result<Response> page(Context& ctx) {
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"settings", TRY(current(ctx))}});
    }
    return show(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> save(Context& ctx) {
    http::FormReader reader(*ctx.form);
    std::vector<std::pair<std::string, int>> values;
    for (const auto& s : settings()) {
        if (!reader.has(s.key)) {
            continue;  // the API may change one setting and leave the others
        }
        if (auto v = reader.integer(s.key, s.label, true, std::numeric_limits<int>::min(),
                                    std::numeric_limits<int>::max())) {
            values.emplace_back(s.key, static_cast<int>(*v));
        }
    }
    TRY(reader.finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return change_settings(c, ctx.person.organisation_id, values, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"settings", TRY(current(ctx))}});
    }
    return Response::redirect("/organisation/settings?saved=1");
}

Result<Response> save_again(Context& ctx, const Error& e) {
    return show(ctx, ctx.form->typed_values(), e, http::status_for(e.kind));
}

}  // namespace

void add_settings_routes(http::Router& router) {
    router.add({"GET", "/organisation/settings", Action::manage_accounts, page});
    router.add({.method = "POST",
                .pattern = "/organisation/settings",
                .action = Action::manage_accounts,
                .handler = save,
                .again = save_again});
    router.add({"GET", "/api/v1/organisation/settings", Action::manage_accounts, page});
    router.add({"PUT", "/api/v1/organisation/settings", Action::manage_accounts, save});
}

}  // namespace hearth::organisation
