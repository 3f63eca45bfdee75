// The correction of a bullying concern by the manager or a senior who leads responses: the form
// shows the concern as it reads now, and a save keeps the version before it.
#include "relationships/bullying_correction_routes.hpp"

#include <fmt/format.h>

#include "platform/views/views.hpp"
#include "relationships/bullying_routes.hpp"

namespace hearth::relationships {

namespace {

using http::Context;
using http::Response;

// The concern as its correction form shows it before anything is typed.
nlohmann::json values_of(const Concern& k) {
    const auto& d = k.details;
    return {{"by_described", d.by_described},
            {"occurred_on", format_date(local_date_of(d.occurred_at))},
            {"occurred_time", format_local_time(d.occurred_at)},
            {"place", d.place},
            {"forms", d.forms},
            {"characteristic", d.characteristic},
            {"child_words", d.child_words},
            {"safety_plan", d.safety_plan},
            {"child_wants", d.child_wants},
            {"child_part", d.child_part},
            {"version", std::to_string(k.version)}};
}

Result<Response> show_correction(Context& ctx, const std::optional<nlohmann::json>& typed,
                                 const std::optional<Error>& error, int status) {
    const auto k = TRY(concern_reached(ctx));
    auto data = TRY(ctx.services.db.write(
        [&](db::Connection& c) -> Result<nlohmann::json> { return concern_seen(c, ctx, k.id); }));
    const nlohmann::json values = typed ? *typed : values_of(k);
    nlohmann::json view = {{"concern", data}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& spec : account_fields()) {
        fields.push_back(views::field(spec, values, errors));
    }
    fields.push_back(views::field({"reason", "Why are you correcting it?", views::FieldKind::text,
                                   "Every earlier version is kept, with who changed it and why"},
                                  values, errors));
    fields.push_back(views::field({"version", "", views::FieldKind::hidden}, values, errors));
    view.update({{"title", "Correct the concern"},
                 {"action", data["home_href"].get<std::string>() + "/correct"},
                 {"fields", fields}});
    return ctx.page("bullying_concern_owed", "Correct the concern", view, status);
}

Result<Response> correction_page(Context& ctx) {
    return show_correction(ctx, std::nullopt, std::nullopt, 200);
}

Result<Response> correction_again(Context& ctx, const Error& e) {
    return show_correction(ctx, ctx.form->typed_values(), e, http::status_for(e.kind));
}

Result<Response> corrected(Context& ctx) {
    const auto k = TRY(concern_reached(ctx));
    http::FormReader reader(*ctx.form);
    const auto correction = TRY(read_correction(reader, k.details, ctx.now()));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return correct_concern(c, k.id, correction, ctx.actor(), ctx.now());
    }));
    return concern_changed(ctx);
}

}  // namespace

void add_bullying_correction_routes(http::Router& router) {
    const std::string page = "/homes/{home}/bullying/{bullying_concern}/correct";
    router.add({"GET", page, Action::respond_to_bullying, correction_page});
    router.add({.method = "POST",
                .pattern = page,
                .action = Action::respond_to_bullying,
                .handler = corrected,
                .again = correction_again});
    router.add({"PUT", "/api/v1/homes/{home}/bullying-concerns/{bullying_concern}",
                Action::respond_to_bullying, corrected});
}

}  // namespace hearth::relationships
