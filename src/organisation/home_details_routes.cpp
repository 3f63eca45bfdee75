// The home's details the provider's administrator keeps: its Ofsted URN, the local authority
// where it is, on which Reg 40 and Reg 41 notices depend, and how children can make calls
// privately. The page and its JSON are rendered from one view.
#include <fmt/format.h>

#include "organisation/homes.hpp"
#include "organisation/settings_routes.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::organisation {

namespace {

using http::Context;
using http::Response;

nlohmann::json details_view(const Home& h) {
    return {{"id", h.id},
            {"name", h.name},
            {"ofsted_urn", h.ofsted_urn},
            {"local_authority", h.local_authority},
            {"private_phone_kind", h.private_phone_kind},
            {"private_phone", h.private_phone}};
}

Result<nlohmann::json> details_of(const Context& ctx) {
    return ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
        auto home = TRY(find_home(c, ctx.param("home")));
        if (!home) {
            return Error::not_found("We could not find that home.");
        }
        return details_view(*home);
    });
}

Result<Response> show_details(const Context& ctx, const nlohmann::json& typed,
                              const std::optional<Error>& error, int status) {
    const auto home = TRY(details_of(ctx));
    nlohmann::json view = {{"home", home}, {"saved", ctx.request.query_value("saved").has_value()}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    const nlohmann::json values = typed.empty() ? home : typed;
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    view["fields"] = nlohmann::json::array(
        {f({"local_authority", "The local authority where the home is", views::FieldKind::text,
            "Told of an admission or a leaving (Reg 41) and of some serious events (Reg 40), "
            "unless it placed the child. For example, \"Northshire County Council\""}),
         f({"ofsted_urn",
            "Ofsted URN",
            views::FieldKind::text,
            "The unique reference number on the home's registration certificate",
            {},
            "govuk-input--width-10"}),
         f({"private_phone_kind", "Which phone can children use to make calls privately?",
            views::FieldKind::radios,
            "Every child has a phone they can take to a private place: the home's phone or a "
            "dedicated mobile. Shown on the home's page",
            views::options_of(private_phone_kinds())}),
         f({"private_phone", "How children make a private call", views::FieldKind::textarea,
            "What the children are told: where the phone is kept, how to ask for it, and where "
            "they can take it"})});
    return ctx.page("home_details", "Details of " + home["name"].get<std::string>(), view, status);
}

Result<Response> details_page(Context& ctx) {
    if (ctx.request.wants_json()) {
        return Response::json(200, TRY(details_of(ctx)));
    }
    return show_details(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> save_details(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const auto d = TRY(read_home_details(reader));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return change_home_details(c, ctx.param("home"), d, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, TRY(details_of(ctx)));
    }
    return Response::redirect(fmt::format("/homes/{}/details?saved=1", ctx.param("home")));
}

Result<Response> save_details_again(Context& ctx, const Error& e) {
    return show_details(ctx, ctx.form->typed_values(), e, http::status_for(e.kind));
}

}  // namespace

void add_home_details_routes(http::Router& router) {
    router.add({"GET", "/homes/{home}/details", Action::manage_accounts, details_page});
    router.add({.method = "POST",
                .pattern = "/homes/{home}/details",
                .action = Action::manage_accounts,
                .handler = save_details,
                .again = save_details_again});
    router.add({"GET", "/api/v1/homes/{home}/details", Action::manage_accounts, details_page});
    router.add({"PUT", "/api/v1/homes/{home}/details", Action::manage_accounts, save_details});
}

}  // namespace hearth::organisation
