// The pages of a change of staff that matters to a child. The page, its JSON, the Relationships
// tab, the API and the child's export are rendered from one view (staff_change_view).
#include "relationships/staff_change_routes.hpp"

#include <fmt/format.h>

#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "relationships/staff_change_view.hpp"

namespace hearth::relationships {

namespace {

using http::Context;
using http::Response;

Result<Response> show_new_staff_change(const Context& ctx, const nlohmann::json& values,
                                       const std::optional<Error>& error, int status) {
    const auto child_id = ctx.param("child");
    nlohmann::json view = {
        {"action", fmt::format("/children/{}/relationships/staff-changes", child_id)},
        {"child_id", child_id}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    const std::string& name = ctx.scope.child_name;
    view["fields"] = nlohmann::json::array(
        {f({"staff_name", "Who is changing?", views::FieldKind::text,
            "A member of staff " + name + " is close to"}),
         f({"kind", "What is changing?", views::FieldKind::radios, "",
            views::options_of(staff_change_kinds())}),
         f({"happens_on", "When does it happen?", views::FieldKind::date}),
         f({"child_view", "What " + name + " said about it", views::FieldKind::textarea,
            "In their own words"}),
         f({"view_not_asked", "Or why they could not be asked", views::FieldKind::textarea,
            "And when they will be"}),
         f({"keeping_in_touch", "How the relationship is respected", views::FieldKind::textarea,
            "Saying goodbye, a letter or card, keeping in touch where that is right for them"})});
    return ctx.page("staff_change_form", "A change of staff: " + name, view, status);
}

Result<Response> new_staff_change(Context& ctx) {
    return show_new_staff_change(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<nlohmann::json> one_staff_change(Context& ctx, std::int64_t id, bool audited) {
    auto read = [&](db::Connection& c) -> Result<nlohmann::json> {
        auto found = TRY(find_staff_change(c, id));
        if (!found) {
            return Error::not_found("We could not find that change of staff.");
        }
        if (audited) {
            TRY(record_staff_change_read(c, *found, ctx.actor(), ctx.now()));
        }
        return staff_change_view(*found);
    };
    return audited ? ctx.services.db.write(read) : ctx.services.db.read(read);
}

Result<Response> create_staff_change(Context& ctx) {
    const auto child_id = ctx.param("child");
    http::FormReader reader(*ctx.form);
    const auto d = TRY(read_staff_change(reader, ctx.scope.child_name));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_staff_change(c, child_id, d, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(201, TRY(one_staff_change(ctx, id, false)))
            .header("Location", fmt::format("/api/v1/children/{}/staff-changes/{}", child_id, id));
    }
    return Response::redirect(
        fmt::format("/children/{}/relationships/staff-changes/{}?saved=1", child_id, id));
}

Result<Response> show_staff_change(Context& ctx, const nlohmann::json& values,
                                   const std::optional<Error>& error, int status) {
    const auto data = TRY(one_staff_change(ctx, ctx.param("staff_change"), true));
    if (ctx.request.wants_json()) {
        return Response::json(200, data);
    }
    nlohmann::json view = {{"change", data},
                           {"saved", ctx.request.query_value("saved").has_value()},
                           {"child_id", ctx.param("child")}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    if (data["awaiting_response"].get<bool>() &&
        can(ctx.person, Action::respond_to_staff_change, ctx.scope)) {
        view["response_action"] = data["href"].get<std::string>() + "/response";
        view["response_field"] =
            views::field({"response", "Your response to what they said", views::FieldKind::textarea,
                          "What you will do, and how they will be told"},
                         values, errors);
    }
    return ctx.page("staff_change", "A change of staff: " + ctx.scope.child_name, view, status);
}

Result<Response> responded(Context& ctx) {
    const auto id = ctx.param("staff_change");
    http::FormReader reader(*ctx.form);
    const auto response = TRY(read_staff_change_response(reader));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return respond_to_staff_change(c, id, response, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, TRY(one_staff_change(ctx, id, false)));
    }
    return Response::redirect(
        fmt::format("/children/{}/relationships/staff-changes/{}", ctx.param("child"), id));
}

}  // namespace

void add_staff_change_routes(http::Router& router) {
    router.add_scope_resolver("staff_change", resolve_staff_change_scope);
    const std::string child = "/children/{child}/relationships/staff-changes";
    const std::string one = child + "/{staff_change}";
    router.add({"GET", child + "/new", Action::record_daily, new_staff_change});
    router.add({.method = "POST",
                .pattern = child,
                .action = Action::record_daily,
                .handler = create_staff_change,
                .again = [](Context& ctx, const Error& e) {
                    return show_new_staff_change(ctx, ctx.form->typed_values(), e,
                                                 http::status_for(e.kind));
                }});
    router.add({"GET", one, Action::view_chronology, [](Context& ctx) {
                    return show_staff_change(ctx, nlohmann::json::object(), std::nullopt, 200);
                }});
    router.add({.method = "POST",
                .pattern = one + "/response",
                .action = Action::respond_to_staff_change,
                .handler = responded,
                .again = [](Context& ctx, const Error& e) {
                    return show_staff_change(ctx, ctx.form->typed_values(), e,
                                             http::status_for(e.kind));
                }});
    const std::string api = "/api/v1/children/{child}/staff-changes";
    router.add({"POST", api, Action::record_daily, create_staff_change});
    router.add({"GET", api + "/{staff_change}", Action::view_chronology, [](Context& ctx) {
                    return show_staff_change(ctx, nlohmann::json::object(), std::nullopt, 200);
                }});
    router.add(
        {"POST", api + "/{staff_change}/response", Action::respond_to_staff_change, responded});
}

}  // namespace hearth::relationships
