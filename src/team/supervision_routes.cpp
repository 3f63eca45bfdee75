// Supervision: for the member of staff, their supervisor and the registered manager (and the
// provider's administrator, without the confidential headings). Plain forms that post back and
// redirect; each page, its JSON and the API are rendered from one view (supervision_view).
#include "team/supervision_routes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "organisation/homes.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "team/staff_clocks.hpp"
#include "team/supervision_view.hpp"

namespace hearth::team {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

std::string supervision_path(const Context& ctx) {
    return fmt::format("/homes/{}/team/{}/supervision", ctx.param("home"), ctx.param("staff"));
}

std::vector<std::int64_t> owner_ids(const std::vector<organisation::StaffMember>& staff) {
    std::vector<std::int64_t> out;
    for (const auto& s : staff) {
        if (!s.roles.empty() && !s.disabled) {
            out.push_back(s.person_id);
        }
    }
    return out;
}

views::Options owner_options(const std::vector<organisation::StaffMember>& staff) {
    views::Options out;
    for (const auto& s : staff) {
        if (!s.roles.empty() && !s.disabled) {
            out.emplace_back(std::to_string(s.person_id), s.name);
        }
    }
    return out;
}

struct PageData {
    std::string name;
    Arrangement arrangement;
    std::optional<deadlines::Deadline> next;
    std::vector<Involvement> since_last;
    std::optional<Date> last;
    std::vector<SupervisionRecord> supervisions;
    std::vector<organisation::StaffMember> staff;
    std::vector<std::pair<std::int64_t, std::string>> supervisors;
};

Result<PageData> page_data(Context& ctx, const StaffInvolvements& involvements) {
    const auto home_id = ctx.param("home");
    const auto person_id = ctx.param("staff");
    return ctx.services.db.write([&](db::Connection& c) -> Result<PageData> {
        PageData d;
        d.name = TRY(staff_name(c, person_id));
        d.arrangement = TRY(arrangement_of(c, person_id, home_id));
        d.next = TRY(next_supervision_clock(c, person_id, home_id));
        d.since_last =
            TRY(since_last_supervision(c, involvements, person_id, home_id, std::nullopt));
        d.last = TRY(last_held(c, person_id, home_id));
        d.supervisions = TRY(supervisions_of(c, person_id, home_id, ctx.actor(), ctx.now()));
        d.staff = TRY(organisation::people_of_home(c, home_id));
        d.supervisors = TRY(supervisor_choices(c, person_id, home_id));
        return d;
    });
}

nlohmann::json list_view(const Context& ctx, const PageData& d) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : d.supervisions) {
        list.push_back(supervision_view(s, ctx.person, false));
    }
    nlohmann::json next = nullptr;
    if (d.next) {
        next = {{"due_at", format_utc(d.next->due_at)},
                // Due at the midnight that ends its day: the day is the one before.
                {"due_text",
                 format_local_date(local_date_of(d.next->due_at - std::chrono::milliseconds{1}))},
                {"standing", deadlines::standing_label(deadlines::standing(*d.next, ctx.now()))},
                {"tag", deadlines::standing_tag(deadlines::standing(*d.next, ctx.now()))}};
    }
    return {{"person", {{"id", ctx.param("staff")}, {"name", d.name}}},
            {"arrangement", arrangement_view(d.arrangement)},
            {"next", next},
            {"since_last", involvements_view(d.since_last)},
            {"last_held", d.last ? nlohmann::json(format_date(*d.last)) : nlohmann::json()},
            {"supervisions", list}};
}

Result<Response> show_page(Context& ctx, const StaffInvolvements& involvements,
                           const std::string& form, const nlohmann::json& typed,
                           const std::optional<Error>& error, int status) {
    const auto d = TRY(page_data(ctx, involvements));
    auto view = list_view(ctx, d);
    if (ctx.request.wants_json()) {
        if (error) {
            return *error;
        }
        return Response::json(status, view);
    }
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    const auto home_id = ctx.param("home");
    view["home"] = {{"id", home_id}, {"name", ctx.scope.home_name}};
    view["record_href"] = fmt::format("/homes/{}/team/{}", home_id, ctx.param("staff"));
    view["is_own"] = ctx.param("staff") == ctx.person.id;
    view["has_next"] = d.next.has_value();
    view["has_since_last"] = !d.since_last.empty();
    view["has_supervisions"] = !d.supervisions.empty();
    view["has_supervisor"] = d.arrangement.supervisor_id.has_value();
    view["done"] = ctx.request.query_value("done").value_or("");
    if (can(ctx.person, Action::record_supervision, ctx.scope)) {
        const auto rv =
            form == "supervision" ? typed : nlohmann::json{{"held_on", format_date(ctx.today())}};
        auto f = [&](const views::FieldSpec& spec) { return views::field(spec, rv, errors); };
        nlohmann::json fields = nlohmann::json::array();
        fields.push_back(f({"held_on", "The day it was held", FieldKind::date}));
        for (const auto& h : supervision_headings()) {
            views::FieldSpec spec{h.key, h.label, FieldKind::textarea};
            spec.check_language = true;
            if (h.key == "incidents") {
                spec.hint = "Hearth lists them above: a hold first, with their debrief";
            }
            fields.push_back(f(spec));
        }
        fields.push_back(
            f({"confidential", "Which headings are confidential? (optional)", FieldKind::checkboxes,
               "Read only by the two of you and the registered manager",
               views::options_of(supervision_headings())}));
        auto owners = owner_options(d.staff);
        if (std::none_of(owners.begin(), owners.end(),
                         [&](const auto& o) { return o.first == std::to_string(ctx.person.id); })) {
            owners.emplace_back(std::to_string(ctx.person.id), ctx.person.name);
        }
        nlohmann::json actions = nlohmann::json::array();
        for (int i = 1; i <= 3; ++i) {
            const auto name = fmt::format("action{}", i);
            actions.push_back(
                {{"number", i},
                 {"fields", nlohmann::json::array(
                                {f({name, fmt::format("Action {} (optional)", i), FieldKind::text}),
                                 f({name + "_owner", "Who does it", FieldKind::radios, "", owners}),
                                 f({name + "_due", "By when", FieldKind::date})})}});
        }
        view["supervision_fields"] = fields;
        view["action_rows"] = actions;
        view["may_record"] = true;
    }
    if (can(ctx.person, Action::manage_staff_record, ctx.scope)) {
        nlohmann::json current = nlohmann::json::object();
        if (d.arrangement.supervisor_id) {
            current["supervisor_id"] = std::to_string(*d.arrangement.supervisor_id);
        }
        if (d.arrangement.own_rhythm) {
            current["every_days"] = std::to_string(d.arrangement.every_days);
        }
        const auto av = form == "arrangement" ? typed : current;
        views::Options supervisors;
        for (const auto& [id, name] : d.supervisors) {
            supervisors.emplace_back(std::to_string(id), name);
        }
        view["arrangement_fields"] = nlohmann::json::array(
            {views::field(
                 {"supervisor_id", "Who supervises them", FieldKind::radios, "", supervisors}, av,
                 errors),
             views::field({"every_days",
                           "How often, in days (optional)",
                           FieldKind::text,
                           "Leave empty for the setting for their role, monthly unless the "
                           "provider has changed it",
                           {},
                           "govuk-input--width-3"},
                          av, errors)});
        view["may_arrange"] = true;
    }
    return ctx.page("supervision", "Supervision: " + d.name, view, status);
}

Result<Response> record_route(Context& ctx, const StaffInvolvements& involvements) {
    const auto home_id = ctx.param("home");
    const auto person_id = ctx.param("staff");
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<std::int64_t> {
        const auto staff = TRY(organisation::people_of_home(c, home_id));
        const auto last = TRY(last_held(c, person_id, home_id));
        http::FormReader reader(*ctx.form);
        // Whoever works at the home, and the supervisor writing it (the responsible individual
        // supervising a registered manager works at none).
        auto owners = owner_ids(staff);
        owners.push_back(ctx.person.id);
        const auto in = TRY(read_supervision(reader, ctx.today(), last, owners));
        const auto listed =
            TRY(since_last_supervision(c, involvements, person_id, home_id, in.held_on));
        return record_supervision(c, person_id, home_id, in, listed, ctx.actor(), ctx.now());
    }));
    const auto href = fmt::format("{}/{}", supervision_path(ctx), id);
    if (ctx.request.wants_json()) {
        return Response::json(201, {{"id", id}, {"href", href}}).header("Location", href);
    }
    return Response::redirect(href + "?done=recorded");
}

Result<Response> arrange_route(Context& ctx) {
    const auto home_id = ctx.param("home");
    const auto person_id = ctx.param("staff");
    TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
        std::vector<std::int64_t> ids;
        for (const auto& [id, name] : TRY(supervisor_choices(c, person_id, home_id))) {
            ids.push_back(id);
        }
        http::FormReader reader(*ctx.form);
        const auto in = TRY(read_arrangement(reader, person_id, ids));
        return set_arrangement(c, person_id, home_id, in, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"arranged", true}});
    }
    return Response::redirect(supervision_path(ctx) + "?done=arranged");
}

Result<Response> one_page(Context& ctx) {
    const auto s = TRY(ctx.services.db.write([&](db::Connection& c) {
        return read_supervision_record(c, ctx.param("supervision"), ctx.param("staff"),
                                       ctx.param("home"), ctx.actor(), ctx.now());
    }));
    auto view = supervision_view(s, ctx.person, true);
    if (ctx.request.wants_json()) {
        return Response::json(200, view);
    }
    view["home"] = {{"id", ctx.param("home")}, {"name", ctx.scope.home_name}};
    view["back_href"] = supervision_path(ctx);
    view["has_incidents"] = !s.incidents.empty();
    view["has_actions"] = !s.actions.empty();
    view["done"] = ctx.request.query_value("done").value_or("");
    return ctx.page(
        "supervision_record",
        fmt::format("Supervision of {}, {}", s.person_name, format_local_date(s.held_on)), view);
}

Result<Response> sign_route(Context& ctx) {
    http::FormReader reader(*ctx.form);
    TRY(reader.finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return sign_supervision(c, ctx.param("supervision"), ctx.param("staff"), ctx.param("home"),
                                ctx.actor(), ctx.now());
    }));
    const auto href = fmt::format("{}/{}", supervision_path(ctx), ctx.param("supervision"));
    if (ctx.request.wants_json()) {
        return one_page(ctx);
    }
    return Response::redirect(href + "?done=signed");
}

}  // namespace

void add_supervision_routes(http::Router& router, const StaffInvolvements& involvements) {
    const std::string page = "/homes/{home}/team/{staff}/supervision";
    const http::Handler list = [&involvements](Context& ctx) {
        return show_page(ctx, involvements, "", nlohmann::json::object(), std::nullopt, 200);
    };
    const http::Handler record = [&involvements](Context& ctx) {
        return record_route(ctx, involvements);
    };
    const auto again = [&involvements](const std::string& form) -> http::FormAgain {
        return [&involvements, form](Context& ctx, const Error& e) {
            return show_page(ctx, involvements, form, ctx.form->typed_values(), e,
                             http::status_for(e.kind));
        };
    };
    router.add({"GET", page, Action::view_supervision, list});
    router.add({.method = "POST",
                .pattern = page,
                .action = Action::record_supervision,
                .handler = record,
                .again = again("supervision")});
    router.add({.method = "POST",
                .pattern = page + "/arrangement",
                .action = Action::manage_staff_record,
                .handler = arrange_route,
                .again = again("arrangement")});
    router.add({"GET", page + "/{supervision}", Action::view_supervision, one_page});
    router.add({"POST", page + "/{supervision}/sign", Action::sign_supervision, sign_route});
    const std::string api = "/api/v1/homes/{home}/team/{staff}/supervision";
    router.add({"GET", api, Action::view_supervision, list});
    router.add({"POST", api, Action::record_supervision, record});
    router.add({"PUT", api + "/arrangement", Action::manage_staff_record, arrange_route});
    router.add({"GET", api + "/{supervision}", Action::view_supervision, one_page});
    router.add({"POST", api + "/{supervision}/sign", Action::sign_supervision, sign_route});
}

}  // namespace hearth::team
