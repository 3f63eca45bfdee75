// The second factor in the app (docs/decisions/0005-sign-in-and-sessions.md, second factor): the
// page that asks for the code after the password, and the person's own page that sets it up with a
// QR code, shows recovery codes once, makes new ones and turns it off.
#include "platform/auth/second_factor_routes.hpp"

#include <fmt/format.h>

#include "platform/auth/accounts.hpp"
#include "platform/auth/second_factor.hpp"
#include "platform/auth/second_factor_store.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/qr_code.hpp"
#include "platform/views/views.hpp"

namespace hearth::auth {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

std::string next_after_code(const Context& ctx) {
    return http::local_path_or(
        ctx.request.query_value("next").value_or(ctx.form ? ctx.form->get("next") : ""), "/");
}

views::FieldSpec code_field(std::string hint) {
    return {"code",         "Code", FieldKind::text, std::move(hint), {}, "govuk-input--width-10",
            "one-time-code"};
}

Result<Response> code_page(const Context& ctx, const std::optional<Error>& error, int status) {
    nlohmann::json data = {{"next", next_after_code(ctx)}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    data["fields"] = nlohmann::json::array({views::field(
        code_field("The 6-digit code your authenticator app shows for Hearth, or one of your "
                   "recovery codes"),
        {}, errors)});
    return ctx.page("sign_in_code", "Enter your code", data, status);
}

Result<Response> show_code(Context& ctx) {
    return code_page(ctx, std::nullopt, 200);
}

Result<Response> give_code(Context& ctx) {
    http::FormReader reader(*ctx.form);
    reader.allow("next");
    const std::string typed = reader.text("code", "the code", {.required = true, .max = 40});
    TRY(reader.finish());
    auto signed_in =
        sessions::give_second_factor(ctx.services.db, *ctx.session, ctx.person.email, typed,
                                     ctx.actor(), ctx.now(), ctx.services.session_policy());
    if (!signed_in.ok()) {
        const Error& e = signed_in.error();
        if (e.kind == ErrorKind::throttled) {
            return code_page(ctx, Error::invalid("code", e.message), 429);
        }
        return e;
    }
    Response r = Response::redirect(ctx.person.must_change_password ? "/account/password?first=1"
                                                                    : next_after_code(ctx));
    r.header("Set-Cookie", http::session_cookie_value(ctx, signed_in->token, false));
    return r;
}

Result<Response> give_code_again(Context& ctx, const Error& e) {
    if (e.kind != ErrorKind::invalid_input) {
        return e;
    }
    return code_page(ctx, e, 400);
}

// The person's own page. `secret` is a key being set up (shown with its QR code); `codes` are
// recovery codes just made (shown once).
Result<Response> own_page(const Context& ctx, const std::optional<Error>& error,
                          const std::optional<std::string>& secret,
                          const std::vector<std::string>& codes, int status) {
    auto enrolment = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return second_factor::find(c, ctx.person.id); }));
    const bool on = enrolment && enrolment->confirmed_at;
    const auto required =
        second_factor::required_for(ctx.person, ctx.services.config.second_factor_for_everyone);
    std::optional<std::string> setting_up = secret;
    if (!setting_up && !on && enrolment && error) {
        setting_up = enrolment->secret;  // a wrong first code: the same key, to try again
    }
    nlohmann::json data = {
        {"on", on},
        {"since", on ? format_local(*enrolment->confirmed_at) : ""},
        {"recovery_codes_left", on ? enrolment->recovery_codes_left : 0},
        {"required", required != second_factor::Required::no},
        {"required_words", second_factor::required_words(required)},
        {"asked_to_set_up", ctx.request.query_value("required").has_value()},
        {"setting_up", setting_up.has_value()},
        {"codes", codes},
        {"has_codes", !codes.empty()},
        {"done", ctx.request.query_value("done").value_or("")},
    };
    if (setting_up) {
        const std::string address = second_factor::setup_address(ctx.person.email, *setting_up);
        data["qr_code"] =
            views::qr_code_svg(address, "QR code to add Hearth to an authenticator app");
        data["typed_key"] = second_factor::typed_key(*setting_up);
    }
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    const views::FieldSpec password{"password", "Your password",         FieldKind::password, "",
                                    {},         "govuk-input--width-20", "current-password"};
    data["confirm_fields"] = nlohmann::json::array(
        {views::field(code_field("The 6-digit code the app now shows for Hearth"), {}, errors)});
    data["renew_fields"] = nlohmann::json::array({views::field(password, {}, errors)});
    data["off_fields"] = nlohmann::json::array(
        {views::field(password, {}, errors),
         views::field(code_field("The code your app shows now"), {}, errors)});
    return ctx.page("second_factor", "Your second factor", data, status);
}

Result<Response> show_own(Context& ctx) {
    return own_page(ctx, std::nullopt, std::nullopt, {}, 200);
}

Result<Response> start(Context& ctx) {
    TRY(http::FormReader(*ctx.form).finish());
    auto secret = TRY(ctx.services.db.write([&](db::Connection& c) {
        return second_factor::start(c, ctx.person.id, ctx.actor(), ctx.now());
    }));
    return own_page(ctx, std::nullopt, secret, {}, 200);
}

Result<Response> confirm(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const std::string code = reader.text("code", "the code", {.required = true, .max = 20});
    TRY(reader.finish());
    auto codes = TRY(ctx.services.db.write([&](db::Connection& c) {
        return second_factor::confirm(c, ctx.person.id, code, ctx.actor(), ctx.now());
    }));
    return own_page(ctx, std::nullopt, std::nullopt, codes, 201);
}

Result<Response> renew(Context& ctx) {
    http::FormReader reader(*ctx.form);
    reader.allow("password");
    TRY(reader.finish());
    TRY(accounts::check_password_again(ctx.services.db, ctx.person.email,
                                       ctx.form->get("password")));
    auto codes = TRY(ctx.services.db.write([&](db::Connection& c) {
        return second_factor::renew_recovery_codes(c, ctx.person.id, ctx.actor(), ctx.now());
    }));
    return own_page(ctx, std::nullopt, std::nullopt, codes, 201);
}

Result<Response> turn_off(Context& ctx) {
    http::FormReader reader(*ctx.form);
    reader.allow("password");
    const std::string code = reader.text("code", "the code", {.required = true, .max = 40});
    TRY(reader.finish());
    const auto required =
        second_factor::required_for(ctx.person, ctx.services.config.second_factor_for_everyone);
    if (required != second_factor::Required::no) {
        return Error::conflict(fmt::format(
            "Your second factor cannot be turned off: {}. To move it to a new phone, ask an "
            "administrator to reset it.",
            second_factor::required_words(required)));
    }
    TRY(accounts::check_password_again(ctx.services.db, ctx.person.email,
                                       ctx.form->get("password")));
    TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
        if (TRY(second_factor::check(c, ctx.person.id, code, ctx.now())) ==
            second_factor::Checked::wrong) {
            return Error::invalid("code",
                                  "That code is not right. Enter the code your app "
                                  "shows now, or a recovery code");
        }
        return second_factor::remove(c, ctx.person.id, "turned off by its person", ctx.actor(),
                                     ctx.now());
    }));
    return Response::redirect("/account/second-factor?done=off");
}

Result<Response> own_again(Context& ctx, const Error& e) {
    return own_page(ctx, e, std::nullopt, {}, 400);
}

}  // namespace

void add_second_factor_routes(http::Router& router) {
    const std::size_t small = std::size_t{4} * 1024;
    router.add({"GET", "/sign-in/code", Action::enter_second_factor, show_code});
    router.add({.method = "POST",
                .pattern = "/sign-in/code",
                .action = Action::enter_second_factor,
                .handler = give_code,
                .max_body = small,
                .again = give_code_again});
    router.add({"GET", "/account/second-factor", Action::own_second_factor, show_own});
    router.add({"POST", "/account/second-factor/start", Action::own_second_factor, start, small});
    for (const auto& [pattern, handler] :
         {std::pair{"/account/second-factor/confirm", &confirm},
          std::pair{"/account/second-factor/recovery-codes", &renew},
          std::pair{"/account/second-factor/turn-off", &turn_off}}) {
        router.add({.method = "POST",
                    .pattern = pattern,
                    .action = Action::own_second_factor,
                    .handler = handler,
                    .max_body = small,
                    .again = own_again});
    }
}

}  // namespace hearth::auth
