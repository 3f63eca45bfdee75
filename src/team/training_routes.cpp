// The training matrix: people down, courses across, each cell current, due soon, expired, missing
// or not yet due for a new starter; the share compliant per course (with its chart) and per home.
// For a home (its seniors and oversight) and across the homes (oversight), as a page, its JSON, a
// CSV and a spreadsheet, all from the one matrix. And the organisation's training programme, kept
// by the provider's administrator.
#include "team/training_routes.hpp"

#include <fmt/format.h>

#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "team/training_view.hpp"

namespace hearth::team {

namespace {

using http::Context;
using http::Response;

Result<Response> matrix_response(Context& ctx, const Matrix& m, const std::string& title,
                                 const std::string& file, const std::string& back_href,
                                 const std::string& back_label) {
    const auto format = ctx.request.query_value("format").value_or("");
    if (format == "csv") {
        return Response::text(200, matrix_csv(m), "text/csv; charset=utf-8")
            .header("Content-Disposition", fmt::format("attachment; filename=\"{}.csv\"", file));
    }
    if (format == "xlsx") {
        return Response::text(200, TRY(matrix_xlsx(m, title)),
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .header("Content-Disposition", fmt::format("attachment; filename=\"{}.xlsx\"", file));
    }
    if (!format.empty()) {
        return Error::invalid("format", "Choose csv or xlsx, or leave it out for the page");
    }
    // Only those who may manage a home's staff records follow a name to one.
    const bool link_records = ctx.scope.home_id && can(ctx.person, Action::view_team, ctx.scope);
    if (ctx.request.wants_json()) {
        return Response::json(200, matrix_view(m, link_records));
    }
    auto view = matrix_summary_view(m);
    view["title"] = title;
    view["chart"] = matrix_chart(m);
    view["has_people"] = !m.people.empty();
    view["across_homes"] = !ctx.scope.home_id;
    view["table"] = matrix_table(m, link_records, !ctx.scope.home_id);
    view["back_href"] = back_href;
    view["back_label"] = back_label;
    view["csv_href"] = ctx.request.path + "?format=csv";
    view["xlsx_href"] = ctx.request.path + "?format=xlsx";
    return ctx.page("training_matrix", title, view);
}

Result<Response> home_matrix(Context& ctx) {
    const auto home_id = ctx.param("home");
    const auto m = TRY(ctx.services.db.read([&](db::Connection& c) {
        return matrix_of(c, ctx.person.organisation_id, home_id, ctx.today());
    }));
    return matrix_response(ctx, m, "Training matrix: " + ctx.scope.home_name,
                           fmt::format("training-matrix-home-{}", home_id),
                           fmt::format("/homes/{}", home_id), ctx.scope.home_name);
}

Result<Response> organisation_matrix(Context& ctx) {
    const auto m = TRY(ctx.services.db.read([&](db::Connection& c) {
        return matrix_of(c, ctx.person.organisation_id, std::nullopt, ctx.today());
    }));
    return matrix_response(ctx, m, "Training matrix across the homes", "training-matrix",
                           "/organisation", "The organisation");
}

nlohmann::json course_json(const Course& c) {
    nlohmann::json roles = nlohmann::json::array();
    std::string roles_text;
    for (auto r : c.required_for) {
        roles.push_back(role_key(r));
        roles_text += (roles_text.empty() ? "" : ", ") + std::string(role_label(r));
    }
    return {{"key", c.key},
            {"name", c.name},
            {"roles", roles},
            {"roles_text", roles_text},
            {"within_days", c.within_days},
            {"valid_months", c.valid_months ? nlohmann::json(*c.valid_months) : nlohmann::json()},
            {"retired", c.retired},
            {"is_default", find_course(default_courses(), c.key) != nullptr}};
}

Result<Response> show_programme(Context& ctx, const nlohmann::json& typed,
                                const std::optional<Error>& error, int status) {
    const auto all = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return programme(c, ctx.person.organisation_id, true); }));
    nlohmann::json courses = nlohmann::json::array();
    for (const auto& c : all) {
        courses.push_back(course_json(c));
    }
    if (ctx.request.wants_json()) {
        if (error) {
            return *error;
        }
        return Response::json(status, {{"courses", courses}});
    }
    nlohmann::json view = {{"courses", courses},
                           {"saved", ctx.request.query_value("saved").has_value()}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    using views::FieldKind;
    views::Options which{{"new", "A new course"}};
    for (const auto& c : all) {
        which.emplace_back(c.key, c.name);
    }
    views::Options roles;
    for (auto r : course_roles()) {
        roles.emplace_back(std::string(role_key(r)), std::string(role_label(r)));
    }
    const nlohmann::json values = typed.empty() ? nlohmann::json{{"course", "new"}} : typed;
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    view["fields"] = nlohmann::json::array(
        {f({"course", "Which course?", FieldKind::radios, "", which}),
         f({"name", "Its name", FieldKind::text, "", {}, "govuk-input--width-20"}),
         f({"roles", "Who must have it", FieldKind::checkboxes, "", roles}),
         f({"within_days",
            "Within how many days of starting",
            FieldKind::text,
            "0 for before their first shift",
            {},
            "govuk-input--width-3"}),
         f({"valid_months",
            "How many months it lasts before it must be refreshed",
            FieldKind::text,
            "Leave empty if it does not expire",
            {},
            "govuk-input--width-3"}),
         f({"retired", "Retire it: no longer in the programme (its records are kept)",
            FieldKind::checkbox})});
    return ctx.page("training_programme", "The training programme", view, status);
}

Result<Response> programme_page(Context& ctx) {
    return show_programme(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> save_programme_course(Context& ctx) {
    const auto all = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return programme(c, ctx.person.organisation_id, true); }));
    http::FormReader reader(*ctx.form);
    const auto in = TRY(read_course(reader, all));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return save_course(c, ctx.person.organisation_id, in, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return show_programme(ctx, nlohmann::json::object(), std::nullopt, 200);
    }
    return Response::redirect("/organisation/training-programme?saved=1");
}

Result<Response> save_programme_again(Context& ctx, const Error& e) {
    return show_programme(ctx, ctx.form->typed_values(), e, http::status_for(e.kind));
}

}  // namespace

void add_training_routes(http::Router& router) {
    router.add({"GET", "/homes/{home}/training-matrix", Action::view_training, home_matrix});
    router.add(
        {"GET", "/organisation/training-matrix", Action::view_organisation, organisation_matrix});
    router.add({"GET", "/organisation/training-programme", Action::manage_training_programme,
                programme_page});
    router.add({.method = "POST",
                .pattern = "/organisation/training-programme",
                .action = Action::manage_training_programme,
                .handler = save_programme_course,
                .again = save_programme_again});
    router.add({"GET", "/api/v1/homes/{home}/training-matrix", Action::view_training, home_matrix});
    router.add({"GET", "/api/v1/training-matrix", Action::view_organisation, organisation_matrix});
    router.add(
        {"GET", "/api/v1/training-programme", Action::manage_training_programme, programme_page});
    router.add({"POST", "/api/v1/training-programme", Action::manage_training_programme,
                save_programme_course});
}

}  // namespace hearth::team
