// Reflective practice and team meetings: for those who work at the home and oversight, written by
// its seniors. Each session's page, the list, their JSON and the API come from one view
// (team_session_view); each person's supervision on time only for those who read staff records.
#include "team/team_session_routes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "behaviour/after_incident_store.hpp"
#include "children/child_store.hpp"
#include "organisation/homes.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "team/team_session_view.hpp"

namespace hearth::team {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

constexpr int sessions_shown = 50;
constexpr int learning_offered = 20;

struct Choosable {
    views::Options staff;
    std::vector<std::int64_t> staff_ids;
    views::Options children;
    std::vector<std::int64_t> child_ids;
    views::Options learning;
    std::vector<std::int64_t> learning_ids;
};

Result<Choosable> choosable(db::Connection& c, const Context& ctx, std::int64_t home_id) {
    Choosable out;
    for (const auto& p : TRY(organisation::people_of_home(c, home_id))) {
        const bool care = std::any_of(p.roles.begin(), p.roles.end(), [](Role r) {
            return r == Role::registered_manager || r == Role::deputy || r == Role::support_worker;
        });
        if (care && !p.disabled) {
            out.staff.emplace_back(std::to_string(p.person_id), p.name);
            out.staff_ids.push_back(p.person_id);
        }
    }
    for (const auto& k : TRY(children::in_home(c, home_id))) {
        if (!k.left_on && may_read_child(ctx.reader(), home_id, k.id)) {
            out.children.emplace_back(std::to_string(k.id), children::display_name(k.details));
            out.child_ids.push_back(k.id);
        }
    }
    for (const auto& l : TRY(behaviour::shared_learning(c, ctx.person.organisation_id, std::nullopt,
                                                        learning_offered))) {
        out.learning.emplace_back(std::to_string(l.id), l.learning);
        out.learning_ids.push_back(l.id);
    }
    return out;
}

Result<Response> show_sessions(Context& ctx, const nlohmann::json& typed,
                               const std::optional<Error>& error, int status) {
    const auto home_id = ctx.param("home");
    struct Data {
        std::vector<TeamSession> sessions;
        TeamFigures figures;
        Choosable choices;
    };
    const auto d = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data out;
        out.sessions = TRY(sessions_of_home(c, home_id, sessions_shown));
        out.figures = TRY(team_figures(c, home_id, ctx.now()));
        if (can(ctx.person, Action::record_team_session, ctx.scope)) {
            out.choices = TRY(choosable(c, ctx, home_id));
        }
        return out;
    }));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : d.sessions) {
        list.push_back(session_view(s, ctx.reader()));
    }
    auto figures = figures_view(d.figures);
    // Each person's supervision is read with their staff record.
    const bool per_person = can(ctx.person, Action::view_team, ctx.scope);
    if (!per_person) {
        figures.erase("supervision");
    }
    nlohmann::json view = {{"sessions", list}, {"figures", figures}};
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
    view["home"] = {{"id", home_id}, {"name", ctx.scope.home_name}};
    view["has_sessions"] = !list.empty();
    view["chart"] = sessions_chart(d.figures);
    view["per_person"] = per_person;
    view["has_not_attended"] = !d.figures.not_attended.empty();
    view["has_on_time"] = !figures["supervision_on_time_percent"].is_null();
    view["done"] = ctx.request.query_value("done").value_or("");
    if (can(ctx.person, Action::record_team_session, ctx.scope)) {
        const auto v =
            typed.empty() ? nlohmann::json{{"held_on", format_date(ctx.today())}} : typed;
        auto f = [&](const views::FieldSpec& spec) { return views::field(spec, v, errors); };
        view["session_fields"] = nlohmann::json::array(
            {f({"kind", "Kind", FieldKind::radios, "", views::options_of(session_kinds())}),
             f({"held_on", "The day it was held", FieldKind::date}),
             f({"attendees", "Who came", FieldKind::checkboxes, "", d.choices.staff}),
             f({"about", "What it was about", FieldKind::radios, "",
                views::options_of(session_abouts())}),
             f({"shared_learning_id", "If learning shared from an incident: which",
                FieldKind::radios, "Shared without names by the homes of the organisation",
                d.choices.learning}),
             f({"child_id", "If a child's needs: which child", FieldKind::radios, "",
                d.choices.children}),
             f({"topic", "If a theme: what it was", FieldKind::text}),
             f({"learned", "What was learned", FieldKind::textarea}),
             f({"actions", "What is to be done (optional)", FieldKind::textarea})});
        view["may_record"] = true;
        view["open_form"] = error.has_value();
    }
    return ctx.page("team_sessions",
                    "Reflective practice and team meetings: " + ctx.scope.home_name, view, status);
}

Result<Response> sessions_page(Context& ctx) {
    return show_sessions(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> record_route(Context& ctx) {
    const auto home_id = ctx.param("home");
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<std::int64_t> {
        const auto choices = TRY(choosable(c, ctx, home_id));
        http::FormReader reader(*ctx.form);
        const auto in = TRY(read_session(reader, ctx.today(), choices.staff_ids, choices.child_ids,
                                         choices.learning_ids));
        return record_session(c, home_id, in, ctx.actor(), ctx.now());
    }));
    const auto href = fmt::format("/homes/{}/team-sessions/{}", home_id, id);
    if (ctx.request.wants_json()) {
        const auto s = TRY(
            ctx.services.db.read([&](db::Connection& c) { return find_session(c, home_id, id); }));
        return Response::json(201, session_view(*s, ctx.reader())).header("Location", href);
    }
    return Response::redirect(href + "?done=recorded");
}

Result<Response> one_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    const auto s = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return find_session(c, home_id, ctx.param("session")); }));
    if (!s) {
        return Error::not_found("There is no such session at this home");
    }
    auto view = session_view(*s, ctx.reader());
    if (ctx.request.wants_json()) {
        return Response::json(200, view);
    }
    view["home"] = {{"id", home_id}, {"name", ctx.scope.home_name}};
    view["done"] = ctx.request.query_value("done").value_or("");
    view["has_actions"] = !s->actions.empty();
    return ctx.page(
        "team_session",
        fmt::format("{}, {}", view["kind_label"].get<std::string>(), format_local_date(s->held_on)),
        view);
}

}  // namespace

void add_team_session_routes(http::Router& router) {
    const std::string page = "/homes/{home}/team-sessions";
    router.add({"GET", page, Action::view_team_sessions, sessions_page});
    router.add({.method = "POST",
                .pattern = page,
                .action = Action::record_team_session,
                .handler = record_route,
                .again = [](Context& ctx, const Error& e) {
                    return show_sessions(ctx, ctx.form->typed_values(), e,
                                         http::status_for(e.kind));
                }});
    router.add({"GET", page + "/{session}", Action::view_team_sessions, one_page});
    const std::string api = "/api/v1/homes/{home}/team-sessions";
    router.add({"GET", api, Action::view_team_sessions, sessions_page});
    router.add({"POST", api, Action::record_team_session, record_route});
    router.add({"GET", api + "/{session}", Action::view_team_sessions, one_page});
}

}  // namespace hearth::team
