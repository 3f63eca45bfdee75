// A home's staff as Reg 35 needs them: the registered manager's list of who may sign Reg 35
// records, and everyone's accredited physical intervention training.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "behaviour/incident_form.hpp"
#include "behaviour/incident_store.hpp"
#include "intervention/intervention_routes.hpp"
#include "intervention/staff_store.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::intervention {

using http::Context;
using http::Response;

namespace {

using behaviour::options;

Result<Response> signers_page(const Context& ctx, const std::optional<Error>& error, int status) {
    const std::int64_t home_id = ctx.scope.home_id.value_or(0);
    struct Data {
        std::vector<Authorisation> authorised;
        std::vector<behaviour::Person> staff;
    };
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data d;
        d.authorised = TRY(authorised_in(c, home_id));
        auto choosable = TRY(behaviour::choosable_in(c, home_id));
        d.staff = std::move(choosable.staff);
        return d;
    }));
    if (ctx.request.wants_json()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& a : data.authorised) {
            out.push_back({{"person_id", a.person_id},
                           {"name", a.name},
                           {"authorised_by", a.authorised_by},
                           {"authorised_at", format_utc(a.authorised_at)}});
        }
        return Response::json(200, {{"authorised", out}});
    }
    nlohmann::json rows = nlohmann::json::array();
    std::vector<behaviour::Person> choosable;
    for (const auto& p : data.staff) {
        const bool is_authorised =
            std::any_of(data.authorised.begin(), data.authorised.end(),
                        [&](const Authorisation& a) { return a.person_id == p.id; });
        // The registered manager signs without being authorised, by their own hand.
        if (!is_authorised && p.id != ctx.person.id) {
            choosable.push_back(p);
        }
    }
    for (const auto& a : data.authorised) {
        rows.push_back({{"person_id", a.person_id},
                        {"name", a.name},
                        {"by", a.authorised_by},
                        {"since", format_local(a.authorised_at)}});
    }
    nlohmann::json view = {{"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                           {"rows", rows},
                           {"has_rows", !rows.empty()},
                           {"action", fmt::format("/homes/{}/reg35-signers", home_id)},
                           {"changed", ctx.request.query_value("changed").has_value()}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    view["person"] =
        views::field({"person_id", "Who else may sign?", views::FieldKind::radios,
                      "Usually a deputy or team leader. The registered manager may "
                      "always sign",
                      options(choosable)},
                     ctx.form ? ctx.form->typed_values() : nlohmann::json::object(), errors);
    view["can_add"] = !choosable.empty();
    return ctx.page("reg35_signers", "Who may sign Reg 35 records", view, status);
}

Result<Response> signers(Context& ctx) {
    return signers_page(ctx, std::nullopt, 200);
}

Result<Response> change_signers(Context& ctx) {
    const std::int64_t home_id = ctx.scope.home_id.value_or(0);
    http::FormReader reader(*ctx.form);
    const auto person = reader.integer("person_id", "who may sign", true, 1,
                                       std::numeric_limits<std::int64_t>::max());
    const std::string change = reader.choice("change", "what to change", {"add", "end"}, true);
    TRY(reader.finish());
    TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
        if (change == "end")
            return end_authorisation(c, home_id, *person, ctx.actor(), ctx.now());
        auto choosable = TRY(behaviour::choosable_in(c, home_id));
        return authorise(c, home_id, *person, choosable.staff, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::no_content();
    }
    return Response::redirect(fmt::format("/homes/{}/reg35-signers?changed=1", home_id));
}

// The list again with the choice made and the message at it. An authorisation someone else ended
// first is a conflict the list has nothing to show for: that is the error page.
Result<Response> change_signers_again(Context& ctx, const Error& e) {
    if (e.kind != ErrorKind::invalid_input) {
        return e;
    }
    return signers_page(ctx, e, 400);
}

Result<Response> training_page(const Context& ctx, const std::optional<Error>& error, int status) {
    const std::int64_t home_id = ctx.scope.home_id.value_or(0);
    struct Data {
        std::vector<behaviour::Person> staff;
        std::vector<Certificate> latest;
    };
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data d;
        auto choosable = TRY(behaviour::choosable_in(c, home_id));
        d.staff = std::move(choosable.staff);
        std::vector<std::int64_t> ids;
        for (const auto& p : d.staff) {
            ids.push_back(p.id);
        }
        d.latest = TRY(latest_certificates(c, ids));
        return d;
    }));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : data.staff) {
        auto cert = std::find_if(data.latest.begin(), data.latest.end(),
                                 [&](const Certificate& c) { return c.person_id == p.id; });
        const bool has = cert != data.latest.end();
        const auto s = standing_on(has ? std::vector<Date>{cert->expires_on} : std::vector<Date>{},
                                   ctx.today());
        rows.push_back({{"person_id", p.id},
                        {"name", p.name},
                        {"course", has ? cert->course : ""},
                        {"awarded_on", has ? format_local_date(cert->awarded_on) : ""},
                        {"expires_on", has ? format_local_date(cert->expires_on) : ""},
                        {"expires_at", has ? format_date(cert->expires_on) : ""},
                        {"standing", standing_label(s)},
                        {"state", s == Standing::current         ? "current"
                                  : s == Standing::expiring_soon ? "expiring_soon"
                                  : s == Standing::expired       ? "expired"
                                                                 : "missing"},
                        {"tag", standing_tag(s)}});
    }
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"staff", rows}});
    }
    nlohmann::json values = ctx.form ? ctx.form->typed_values() : nlohmann::json::object();
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json view = {
        {"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
        {"rows", rows},
        {"action", fmt::format("/homes/{}/intervention-training", home_id)},
        {"can_record", can(ctx.person, Action::record_training, ctx.scope)},
        {"can_techniques", can(ctx.person, Action::manage_techniques, ctx.scope)},
        {"recorded", ctx.request.query_value("recorded").has_value()}};
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    view["fields"] = nlohmann::json::array({
        f({"person_id", "Who is it for?", views::FieldKind::radios, "", options(data.staff)}),
        f({"course", "Course and level", views::FieldKind::text,
           "The accredited scheme, as the certificate says"}),
        f({"awarded_on", "Day it was awarded", views::FieldKind::date}),
        f({"expires_on", "Day it expires", views::FieldKind::date}),
    });
    return ctx.page("intervention_training", "Physical intervention training", view, status);
}

Result<Response> training(Context& ctx) {
    return training_page(ctx, std::nullopt, 200);
}

Result<Response> record_training(Context& ctx) {
    const std::int64_t home_id = ctx.scope.home_id.value_or(0);
    auto staff = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return behaviour::choosable_in(c, home_id); }));
    http::FormReader reader(*ctx.form);
    auto input = TRY(read_certificate(reader, staff.staff, ctx.today()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return record_certificate(c, ctx.scope.organisation_id.value_or(0), home_id, input,
                                  ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(201, {{"id", id}});
    }
    return Response::redirect(fmt::format("/homes/{}/intervention-training?recorded=1", home_id));
}

Result<Response> record_training_again(Context& ctx, const Error& e) {
    return training_page(ctx, e, 400);
}

}  // namespace

void add_staff_routes(http::Router& router) {
    router.add({"GET", "/homes/{home}/reg35-signers", Action::authorise_signers, signers});
    router.add({.method = "POST",
                .pattern = "/homes/{home}/reg35-signers",
                .action = Action::authorise_signers,
                .handler = change_signers,
                .again = change_signers_again});
    router.add({"GET", "/homes/{home}/intervention-training", Action::view_training, training});
    router.add({.method = "POST",
                .pattern = "/homes/{home}/intervention-training",
                .action = Action::record_training,
                .handler = record_training,
                .again = record_training_again});
    router.add({"GET", "/api/v1/homes/{home}/reg35-signers", Action::authorise_signers, signers});
    router.add(
        {"POST", "/api/v1/homes/{home}/reg35-signers", Action::authorise_signers, change_signers});
    router.add(
        {"GET", "/api/v1/homes/{home}/intervention-training", Action::view_training, training});
    router.add({"POST", "/api/v1/homes/{home}/intervention-training", Action::record_training,
                record_training});
}

}  // namespace hearth::intervention
