// A personal, revocable calendar address for the contact planned at a home (issue 13), so the
// rota can be planned around visits and calls. The address is the person's: it reads the feed as
// they would, checked on every request, and stops when it is revoked, ends, or they may no longer
// see the home. Each contact the feed shows is a read of that child's record, in the audit trail.
#include "contact/contact_calendar_routes.hpp"

#include <fmt/format.h>

#include "contact/contact_calendar.hpp"
#include "contact/contact_log_store.hpp"
#include "contact/contact_log_view.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/http/form.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::contact {

namespace {

using http::Context;
using http::Response;

// What the feed shows: the week gone (so a cancellation reaches the app) and three months ahead.
constexpr auto feed_looks_back = std::chrono::days{7};
constexpr auto feed_looks_ahead = std::chrono::days{92};
constexpr int feed_most = 1000;

std::string feed_path(std::int64_t home_id) {
    return fmt::format("/homes/{}/contact/calendar.ics", home_id);
}

Result<Response> calendar_page(const Context& ctx, const std::optional<Error>& error,
                               const std::string& new_address, int status) {
    const auto home_id = ctx.param("home");
    const auto path = feed_path(home_id);
    auto tokens = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return sessions::live_api_tokens(c, ctx.person.id, ctx.now()); }));
    nlohmann::json addresses = nlohmann::json::array();
    for (const auto& t : tokens) {
        if (t.only_path == path) {
            addresses.push_back(
                {{"id", t.id},
                 {"created", format_local(t.created_at)},
                 {"last_used", t.last_used_at ? format_local(*t.last_used_at) : "Never"},
                 {"expires", format_local(t.expires_at)}});
        }
    }
    nlohmann::json data = {{"home_id", home_id},
                           {"home_name", ctx.scope.home_name},
                           {"addresses", addresses},
                           {"has_addresses", !addresses.empty()},
                           {"new_address", new_address},
                           {"has_new_address", !new_address.empty()},
                           {"days", sessions::calendar_address_days}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    data["fields"] = nlohmann::json::array({views::field(
        {"password",
         "Your password",
         views::FieldKind::password,
         "The address reads children's contact as you can, so Hearth asks for your password again",
         {},
         "govuk-input--width-20",
         "current-password"},
        {}, errors)});
    return ctx.page("contact_calendar", "Contact in your calendar: " + ctx.scope.home_name, data,
                    status);
}

Result<Response> show_calendar_page(Context& ctx) {
    return calendar_page(ctx, std::nullopt, "", 200);
}

Result<Response> make_calendar_address(Context& ctx) {
    http::FormReader reader(*ctx.form);
    reader.allow("password");
    TRY(reader.finish());
    TRY(accounts::check_password_again(ctx.services.db, ctx.person.email,
                                       ctx.form->get("password")));
    const auto path = feed_path(ctx.param("home"));
    const auto token = TRY(ctx.services.db.write([&](db::Connection& c) {
        return sessions::create_calendar_address(c, ctx.person.id,
                                                 "Calendar: contact at " + ctx.scope.home_name,
                                                 path, ctx.actor(), ctx.now());
    }));
    return calendar_page(ctx, std::nullopt, fmt::format("{}{}?key={}", ctx.site(), path, token),
                         201);
}

Result<Response> make_calendar_address_again(Context& ctx, const Error& e) {
    if (e.kind != ErrorKind::invalid_input) {
        return e;
    }
    return calendar_page(ctx, e, "", 400);
}

Result<Response> calendar_feed(Context& ctx) {
    const auto home_id = ctx.param("home");
    const auto now = ctx.now();
    auto views = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        const auto shown = TRY(
            contacts_in_home(c, home_id, now - feed_looks_back, now + feed_looks_ahead, feed_most));
        for (const auto& k : shown) {
            TRY(record_contact_read(c, k, ctx.actor(), now));
        }
        return contact_views(c, shown, now);
    }));
    auto body = contact_calendar("Contact at " + ctx.scope.home_name, views, ctx.site(), now);
    return Response::text(200, std::move(body), "text/calendar; charset=utf-8")
        .header("Content-Disposition", "inline; filename=\"contact.ics\"");
}

}  // namespace

void add_contact_calendar_routes(http::Router& router) {
    const std::string page = "/homes/{home}/contact/calendar";
    router.add({"GET", page, Action::record_contact, show_calendar_page});
    router.add({.method = "POST",
                .pattern = page,
                .action = Action::record_contact,
                .handler = make_calendar_address,
                .again = make_calendar_address_again});
    router.add({"GET", page + ".ics", Action::record_contact, calendar_feed});
}

}  // namespace hearth::contact
