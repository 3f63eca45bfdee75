// The rota: for those who work at the home and oversight, kept by the home's seniors. Plain forms
// that post back and redirect; each page, its JSON and the API are rendered from one view
// (rota_view). A person's own shifts reach their calendar through a calendar address of their own
// (sessions::create_calendar_address), which they revoke on their account.
#include "team/rota_routes.hpp"

#include <fmt/format.h>

#include "platform/auth/accounts.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "team/rota_view.hpp"

namespace hearth::team {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

// What a calendar shows of a person's shifts: the week gone (so a sickness reaches the app) and
// what is planned ahead.
constexpr auto feed_looks_back = std::chrono::days{7};
constexpr const char* own_feed_path = "/account/shifts.ics";

std::string rota_path(std::int64_t home_id) {
    return fmt::format("/homes/{}/rota", home_id);
}

// What an agency confirmed of its worker's checks: for those who keep the rota and those who read
// staff records.
bool reads_agency_checks(const Context& ctx) {
    return can(ctx.person, Action::manage_rota, ctx.scope) ||
           can(ctx.person, Action::view_team, ctx.scope);
}

Date monday_of(Date d) {
    const std::chrono::sys_days day{d};
    const auto back = std::chrono::weekday{day}.iso_encoding() - 1;
    return Date{day - std::chrono::days{back}};
}

// The week asked for (any day of it), or this one.
Result<Date> week_asked(const Context& ctx) {
    const auto asked = ctx.request.query_value("week");
    if (!asked || asked->empty()) {
        return monday_of(ctx.today());
    }
    const auto day = parse_date(*asked);
    if (!day) {
        return Error::invalid("week", "Give the week as a day of it, like 2026-12-07");
    }
    return monday_of(*day);
}

struct WeekData {
    std::vector<Shift> shifts;
    StaffingLevels levels;
    std::vector<Shift> on_shift;
    std::vector<RotaPerson> people;
};

Result<WeekData> week_data(Context& ctx, Date from) {
    const auto home_id = ctx.param("home");
    const auto start = from_local(from, 0, 0).value_or(ctx.now());
    const auto end =
        from_local(Date{std::chrono::sys_days{from} + std::chrono::days{7}}, 0, 0).value_or(start);
    return ctx.services.db.read([&](db::Connection& c) -> Result<WeekData> {
        WeekData d;
        d.shifts = TRY(shifts_between(c, home_id, start, end));
        d.levels = TRY(staffing_of(c, home_id));
        d.on_shift = TRY(on_shift_now(c, home_id, ctx.now()));
        d.people = TRY(rota_people(c, home_id));
        return d;
    });
}

Result<Response> show_week(Context& ctx, const std::string& form, const nlohmann::json& typed,
                           const std::optional<Error>& error, int status) {
    const auto home_id = ctx.param("home");
    const auto from = TRY(week_asked(ctx));
    const auto d = TRY(week_data(ctx, from));
    auto view = week_view(d.shifts, d.levels, home_id, from, ctx.now(), reads_agency_checks(ctx));
    view["on_shift"] = on_shift_view(d.on_shift);
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
    const auto path = rota_path(home_id);
    view["home"] = {{"id", home_id}, {"name", ctx.scope.home_name}};
    view["has_on_shift"] = !d.on_shift.empty();
    view["has_shortfalls"] = !view["shortfalls"].empty();
    view["earlier_href"] = fmt::format(
        "{}?week={}", path, format_date(Date{std::chrono::sys_days{from} - std::chrono::days{7}}));
    view["later_href"] = fmt::format(
        "{}?week={}", path, format_date(Date{std::chrono::sys_days{from} + std::chrono::days{7}}));
    view["done"] = ctx.request.query_value("done").value_or("");
    if (can(ctx.person, Action::manage_rota, ctx.scope)) {
        // Where someone's checks stand is read with their staff record.
        const bool reads_checks = can(ctx.person, Action::view_team, ctx.scope);
        views::Options people;
        for (const auto& p : d.people) {
            std::string label = p.name;
            if (reads_checks && !p.checks_complete) {
                label += p.supervised_until ? fmt::format(" (under supervision until {})",
                                                          format_local_date(*p.supervised_until))
                                            : std::string(" (checks not all recorded)");
            }
            people.emplace_back(std::to_string(p.id), label);
        }
        const auto sv = form == "shift" ? typed
                                        : nlohmann::json{{"on", format_date(ctx.today())},
                                                         {"role", "on_shift"}};
        auto f = [&](const views::FieldSpec& spec) { return views::field(spec, sv, errors); };
        view["shift_fields"] = nlohmann::json::array(
            {f({"person_id", "Who works it", FieldKind::radios,
                "A member of staff, or leave this and name an agency worker below", people}),
             f({"agency_worker", "Or: the agency worker's name", FieldKind::text}),
             f({"agency", "Their agency", FieldKind::text}),
             f({"agency_checks", "What the agency confirmed of their checks", FieldKind::textarea,
                "Their enhanced DBS, references and training, as the agency's profile says"}),
             f({"kind", "Kind of shift", FieldKind::radios, "", views::options_of(shift_kinds())}),
             f({"role", "Their part in it", FieldKind::radios, "",
                views::options_of(rota_roles())}),
             f({"on", "The day it starts", FieldKind::date}),
             f({"starts", "Starts", FieldKind::time, "For example, 07:00"}),
             f({"ends", "Ends", FieldKind::time,
                "A waking night or sleep-in ending in the morning ends the next day"}),
             f({"ends_on", "The day it ends, if not that day or the next morning (optional)",
                FieldKind::date})});
        nlohmann::json current = nlohmann::json::object();
        for (const auto& k : shift_kinds()) {
            auto found = d.levels.find(k.key);
            current[k.key] = std::to_string(found == d.levels.end() ? 0 : found->second);
        }
        const auto lv = form == "staffing" ? typed : current;
        nlohmann::json staffing = nlohmann::json::array();
        for (const auto& k : shift_kinds()) {
            staffing.push_back(views::field(
                {k.key, k.label, FieldKind::text, "", {}, "govuk-input--width-2"}, lv, errors));
        }
        view["staffing_fields"] = staffing;
        view["may_manage"] = true;
        view["open_" + (form.empty() ? std::string("none") : form)] = true;
    }
    return ctx.page("rota", "Rota: " + ctx.scope.home_name, view, status);
}

Result<Response> week_page(Context& ctx) {
    return show_week(ctx, "", nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> add_shift_route(Context& ctx) {
    const auto home_id = ctx.param("home");
    Date day = ctx.today();
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<std::int64_t> {
        http::FormReader reader(*ctx.form);
        const auto people = TRY(rota_people(c, home_id));
        const auto in = TRY(read_shift(reader, people));
        day = local_date_of(in.starts_at);
        return add_shift(c, home_id, in, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        const auto s = TRY(
            ctx.services.db.read([&](db::Connection& c) { return find_shift(c, home_id, id); }));
        return Response::json(201, shift_view(*s, home_id, ctx.now(), reads_agency_checks(ctx)));
    }
    return Response::redirect(
        fmt::format("{}?week={}&done=shift", rota_path(home_id), format_date(day)));
}

Result<Response> staffing_route(Context& ctx) {
    const auto home_id = ctx.param("home");
    http::FormReader reader(*ctx.form);
    const auto levels = TRY(read_staffing(reader));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return set_staffing(c, home_id, levels, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        nlohmann::json out = nlohmann::json::object();
        for (const auto& [kind, n] : levels) {
            out[kind] = n;
        }
        return Response::json(200, {{"staffing", out}});
    }
    return Response::redirect(rota_path(home_id) + "?done=staffing");
}

Result<Response> show_shift(Context& ctx, const nlohmann::json& typed,
                            const std::optional<Error>& error, int status) {
    const auto home_id = ctx.param("home");
    const auto found = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return find_shift(c, home_id, ctx.param("shift")); }));
    if (!found) {
        return Error::not_found("There is no such shift on this home's rota");
    }
    auto view = shift_view(*found, home_id, ctx.now(), reads_agency_checks(ctx));
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
    view["day_text"] = format_local_date(local_date_of(found->starts_at));
    view["week_href"] =
        fmt::format("{}?week={}", rota_path(home_id), format_date(local_date_of(found->starts_at)));
    if (view["may_record_outcome"].get<bool>() && can(ctx.person, Action::manage_rota, ctx.scope)) {
        auto f = [&](const views::FieldSpec& spec) { return views::field(spec, typed, errors); };
        view["outcome_fields"] = nlohmann::json::array(
            {f({"outcome", "What happened", FieldKind::radios, "",
                views::options_of(shift_outcomes())}),
             f({"worked_starts", "If worked at other times: when they started (optional)",
                FieldKind::time}),
             f({"worked_ends", "And when they finished (optional)", FieldKind::time}),
             f({"note", "Notes", FieldKind::textarea,
                "For sickness or absence: who covered the shift, or that nobody could"})});
        view["may_answer"] = true;
    }
    view["done"] = ctx.request.query_value("done").value_or("");
    return ctx.page("rota_shift",
                    fmt::format("{} shift: {}", view["kind_label"].get<std::string>(), found->name),
                    view, status);
}

Result<Response> shift_page(Context& ctx) {
    return show_shift(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> outcome_route(Context& ctx) {
    const auto home_id = ctx.param("home");
    const auto shift_id = ctx.param("shift");
    TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
        const auto found = TRY(find_shift(c, home_id, shift_id));
        if (!found) {
            return Error::not_found("There is no such shift on this home's rota");
        }
        http::FormReader reader(*ctx.form);
        const auto in = TRY(read_outcome(reader, found->starts_at, found->ends_at, ctx.now()));
        return record_outcome(c, home_id, shift_id, in, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return shift_page(ctx);
    }
    return Response::redirect(
        fmt::format("{}/shifts/{}?done=outcome", rota_path(home_id), shift_id));
}

// A person's own shifts, at every home, with their calendar addresses.
Result<Response> own_page(Context& ctx, const std::optional<Error>& error,
                          const std::string& new_address, int status) {
    const auto from = ctx.now() - feed_looks_back;
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
        nlohmann::json shifts = nlohmann::json::array();
        for (const auto& own : TRY(own_shifts(c, ctx.person.id, from))) {
            auto v = shift_view(own.shift, own.home_id, ctx.now(), false);
            v["home_name"] = own.home_name;
            v["day_text"] = format_local_date(local_date_of(own.shift.starts_at));
            shifts.push_back(std::move(v));
        }
        nlohmann::json addresses = nlohmann::json::array();
        for (const auto& t : TRY(sessions::live_api_tokens(c, ctx.person.id, ctx.now()))) {
            if (t.only_path == own_feed_path) {
                addresses.push_back(
                    {{"id", t.id},
                     {"created", format_local(t.created_at)},
                     {"last_used", t.last_used_at ? format_local(*t.last_used_at) : "Never"},
                     {"expires", format_local(t.expires_at)}});
            }
        }
        return nlohmann::json{{"shifts", shifts}, {"addresses", addresses}};
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"shifts", data["shifts"]}});
    }
    data["has_shifts"] = !data["shifts"].empty();
    data["has_addresses"] = !data["addresses"].empty();
    data["new_address"] = new_address;
    data["has_new_address"] = !new_address.empty();
    data["days"] = sessions::calendar_address_days;
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    data["fields"] = nlohmann::json::array({views::field(
        {"password",
         "Your password",
         FieldKind::password,
         "Hearth asks for your password again before it makes an address that reads your shifts",
         {},
         "govuk-input--width-20",
         "current-password"},
        {}, errors)});
    return ctx.page("own_shifts", "Your shifts", data, status);
}

Result<Response> make_own_address(Context& ctx) {
    http::FormReader reader(*ctx.form);
    reader.allow("password");
    TRY(reader.finish());
    TRY(accounts::check_password_again(ctx.services.db, ctx.person.email,
                                       ctx.form->get("password")));
    const auto token = TRY(ctx.services.db.write([&](db::Connection& c) {
        return sessions::create_calendar_address(c, ctx.person.id, "Calendar: your shifts",
                                                 own_feed_path, ctx.actor(), ctx.now());
    }));
    const auto address = fmt::format("{}{}?key={}", ctx.site(), own_feed_path, token);
    if (ctx.request.wants_json()) {
        return Response::json(201, {{"address", address}});
    }
    return own_page(ctx, std::nullopt, address, 201);
}

Result<Response> own_feed(Context& ctx) {
    const auto now = ctx.now();
    const auto shifts = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return own_shifts(c, ctx.person.id, now - feed_looks_back); }));
    std::vector<std::pair<Shift, std::string>> events;
    for (const auto& own : shifts) {
        events.emplace_back(own.shift, own.home_name);
    }
    return Response::text(200, shifts_calendar(events, now), "text/calendar; charset=utf-8")
        .header("Content-Disposition", "inline; filename=\"shifts.ics\"");
}

}  // namespace

Result<nlohmann::json> handover_on_shift(db::Connection& c, const http::Context& ctx,
                                         std::int64_t home_id, Timestamp /*since*/) {
    if (!can(ctx.person, Action::view_rota, ctx.scope)) {
        return nlohmann::json();
    }
    const auto on = TRY(on_shift_now(c, home_id, ctx.now()));
    return nlohmann::json{{"on_shift", on_shift_view(on)},
                          {"has_on_shift", !on.empty()},
                          {"rota_href", rota_path(home_id)}};
}

void add_rota_routes(http::Router& router) {
    const std::string page = "/homes/{home}/rota";
    const auto week_again = [](const std::string& form) -> http::FormAgain {
        return [form](Context& ctx, const Error& e) {
            return show_week(ctx, form, ctx.form->typed_values(), e, http::status_for(e.kind));
        };
    };
    router.add({"GET", page, Action::view_rota, week_page});
    router.add({.method = "POST",
                .pattern = page + "/shifts",
                .action = Action::manage_rota,
                .handler = add_shift_route,
                .again = week_again("shift")});
    router.add({.method = "POST",
                .pattern = page + "/staffing",
                .action = Action::manage_rota,
                .handler = staffing_route,
                .again = week_again("staffing")});
    router.add({"GET", page + "/shifts/{shift}", Action::view_rota, shift_page});
    router.add({.method = "POST",
                .pattern = page + "/shifts/{shift}/outcome",
                .action = Action::manage_rota,
                .handler = outcome_route,
                .again = [](Context& ctx, const Error& e) {
                    return show_shift(ctx, ctx.form->typed_values(), e, http::status_for(e.kind));
                }});
    const std::string api = "/api/v1/homes/{home}/rota";
    router.add({"GET", api, Action::view_rota, week_page});
    router.add({"POST", api + "/shifts", Action::manage_rota, add_shift_route});
    router.add({"GET", api + "/shifts/{shift}", Action::view_rota, shift_page});
    router.add({"POST", api + "/shifts/{shift}/outcome", Action::manage_rota, outcome_route});
    router.add({"PUT", api + "/staffing", Action::manage_rota, staffing_route});
    router.add({"GET", "/account/shifts", Action::signed_in,
                [](Context& ctx) { return own_page(ctx, std::nullopt, "", 200); }});
    router.add({.method = "POST",
                .pattern = "/account/shifts",
                .action = Action::signed_in,
                .handler = make_own_address,
                .again = [](Context& ctx, const Error& e) -> Result<Response> {
                    if (e.kind != ErrorKind::invalid_input) {
                        return e;
                    }
                    return own_page(ctx, e, "", 400);
                }});
    router.add({"GET", own_feed_path, Action::signed_in, own_feed});
}

}  // namespace hearth::team
