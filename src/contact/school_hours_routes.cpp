#include "contact/school_hours_routes.hpp"

#include <fmt/format.h>

#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::contact {

nlohmann::json school_hours_view(const SchoolHoursSetting& setting) {
    const auto& h = setting.hours;
    const auto hh_mm = [](int m) { return fmt::format("{:02}:{:02}", m / 60, m % 60); };
    return {{"in_school", h.in_school},
            {"starts", h.in_school ? nlohmann::json(hh_mm(h.starts)) : nlohmann::json()},
            {"ends", h.in_school ? nlohmann::json(hh_mm(h.ends)) : nlohmann::json()},
            {"text", describe(h)},
            {"whose", setting.whose}};
}

namespace {

using http::Context;
using http::Response;

// The child's page, or the home's: which one the route is for.
struct HoursOf {
    bool child = false;
    std::int64_t id(const Context& ctx) const { return ctx.param(child ? "child" : "home"); }
    std::string href(const Context& ctx) const {
        return child ? fmt::format("/children/{}/contact/school-hours", id(ctx))
                     : fmt::format("/homes/{}/school-hours", id(ctx));
    }
};

Result<SchoolHoursSetting> hours_now(const Context& ctx, HoursOf of) {
    return ctx.services.db.read([&](db::Connection& c) {
        return of.child ? school_hours_of_child(c, of.id(ctx))
                        : school_hours_of_home(c, of.id(ctx));
    });
}

Result<Response> show_hours(const Context& ctx, HoursOf of, const nlohmann::json& typed,
                            const std::optional<Error>& error, int status) {
    const auto setting = TRY(hours_now(ctx, of));
    const auto current = school_hours_view(setting);
    if (ctx.request.wants_json()) {
        return Response::json(200, current);
    }
    nlohmann::json view = {{"hours", current},
                           {"for_child", of.child},
                           {"name", of.child ? ctx.scope.child_name : ctx.scope.home_name},
                           {"back", of.child ? fmt::format("/children/{}/contact", of.id(ctx))
                                             : fmt::format("/homes/{}", of.id(ctx))},
                           {"from_home", setting.whose != "child"},
                           {"saved", ctx.request.query_value("saved").has_value()}};
    if (can(ctx.person, Action::set_school_hours, ctx.scope)) {
        nlohmann::json values =
            typed.is_null()
                ? nlohmann::json{{"in_school", setting.hours.in_school ? "yes" : "no"},
                                 {"starts",
                                  current["starts"].is_null() ? "08:30" : current["starts"]},
                                 {"ends", current["ends"].is_null() ? "15:30" : current["ends"]}}
                : typed;
        nlohmann::json errors = nlohmann::json::object();
        if (error) {
            view.update(views::errors_view(*error));
            errors = view["error_for"];
        }
        auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
        view["action"] = of.href(ctx);
        view["fields"] = nlohmann::json::array(
            {f({"in_school",
                of.child ? "Does the child go to school or college?"
                         : "Do the children usually go to school?",
                views::FieldKind::radios, "", views::Options{{"yes", "Yes"}, {"no", "No"}}}),
             f({"starts",
                "School starts at",
                views::FieldKind::time,
                "Monday to Friday",
                {},
                "govuk-input--width-5"}),
             f({"ends",
                "School ends at",
                views::FieldKind::time,
                "",
                {},
                "govuk-input--width-5"})});
    }
    return ctx.page("school_hours", "School hours: " + view["name"].get<std::string>(), view,
                    status);
}

Result<Response> set_hours(Context& ctx, HoursOf of) {
    http::FormReader reader(*ctx.form);
    const auto hours = TRY(read_school_hours(reader));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return of.child ? set_child_school_hours(c, of.id(ctx), hours, ctx.actor(), ctx.now())
                        : set_home_school_hours(c, of.id(ctx), hours, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return show_hours(ctx, of, nlohmann::json(), std::nullopt, 200);
    }
    return Response::redirect(of.href(ctx) + "?saved=1");
}

}  // namespace

void add_school_hours_routes(http::Router& router) {
    for (const HoursOf of : {HoursOf{true}, HoursOf{false}}) {
        const std::string page =
            of.child ? "/children/{child}/contact/school-hours" : "/homes/{home}/school-hours";
        const std::string api = of.child ? "/api/v1/children/{child}/school-hours"
                                         : "/api/v1/homes/{home}/school-hours";
        const Action read = of.child ? Action::view_chronology : Action::view_home;
        auto show = [of](Context& ctx) {
            return show_hours(ctx, of, nlohmann::json(), std::nullopt, 200);
        };
        auto set = [of](Context& ctx) { return set_hours(ctx, of); };
        auto again = [of](Context& ctx, const Error& e) {
            return show_hours(ctx, of, ctx.form->typed_values(), e, http::status_for(e.kind));
        };
        router.add({"GET", page, read, show});
        router.add({.method = "POST",
                    .pattern = page,
                    .action = Action::set_school_hours,
                    .handler = set,
                    .again = again});
        router.add({"GET", api, read, show});
        router.add({"PUT", api, Action::set_school_hours, set});
    }
}

}  // namespace hearth::contact
