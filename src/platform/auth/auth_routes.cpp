#include "platform/auth/auth_routes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "platform/auth/capability.hpp"
#include "platform/auth/password_rules.hpp"
#include "platform/auth/second_factor_routes.hpp"
#include "platform/crypto.hpp"
#include "platform/http/drafts.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::auth {

namespace {

using http::Context;
using http::Response;
using views::FieldKind;

// Only a path on this site, so sign-in cannot be used to send someone elsewhere.
std::string safe_next(const std::string& next) {
    return http::local_path_or(next, "/");
}

Result<Response> sign_in_page(const Context& ctx, const std::optional<Error>& error,
                              const std::string& email, int status) {
    nlohmann::json data = {{"next", safe_next(ctx.request.query_value("next").value_or(
                                        ctx.form ? ctx.form->get("next") : ""))},
                           {"draft", ctx.request.query_value("draft").value_or(
                                         ctx.form ? ctx.form->get("draft") : "")},
                           {"timed_out", ctx.request.query_value("timed_out").has_value()},
                           {"signed_out", ctx.request.query_value("signed_out").has_value()}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    nlohmann::json values = {{"email", email}};
    data["fields"] = nlohmann::json::array({
        views::field({"email", "Email address", FieldKind::email, "", {}, "", "username"}, values,
                     errors),
        views::field({"password", "Password", FieldKind::password, "", {}, "", "current-password"},
                     values, errors),
    });
    return ctx.page("sign_in", "Sign in", data, status);
}

Result<Response> show_sign_in(Context& ctx) {
    if (ctx.person.id != 0) {
        return Response::redirect("/");
    }
    return sign_in_page(ctx, std::nullopt, "", 200);
}

Result<Response> do_sign_in(Context& ctx) {
    http::FormReader reader(*ctx.form);
    reader.allow("next");
    reader.allow("draft");
    const std::string email =
        reader.text("email", "your email address", {.required = true, .max = 254});
    const auto* pw = ctx.form->find("password");
    reader.allow("password");
    const std::string password = pw ? pw->text : "";
    if (password.empty()) {
        reader.fail("password", "Enter your password");
    }
    Status valid = reader.finish();
    if (!valid.ok()) {
        return sign_in_page(ctx, valid.error(), email, 400);
    }
    if (password.size() > 1024) {
        return sign_in_page(
            ctx, Error::invalid("password", "Enter a correct email address and password"), email,
            400);
    }

    auto signed_in = sessions::sign_in(ctx.services.db, email, password, ctx.actor(), ctx.now(),
                                       ctx.services.session_policy());
    if (!signed_in.ok()) {
        const Error& e = signed_in.error();
        if (e.kind == ErrorKind::invalid_input) {
            return sign_in_page(ctx, e, email, 400);
        }
        if (e.kind == ErrorKind::throttled) {
            Error shown = Error::invalid("email", e.message);
            return sign_in_page(ctx, shown, email, 429);
        }
        return e;
    }
    std::string next = safe_next(ctx.form->get("next"));
    if (signed_in->must_change_password) {
        next = "/account/password?first=1";
    }
    const std::string draft = ctx.form->get("draft");
    if (!draft.empty() && std::all_of(draft.begin(), draft.end(), ::isdigit) &&
        !signed_in->must_change_password) {
        next += (next.find('?') == std::string::npos ? "?" : "&") + std::string("draft=") + draft;
    }
    if (signed_in->awaiting_second_factor) {
        next = "/sign-in/code?next=" + http::url_encode(next);
    }
    Response r = Response::redirect(next);
    r.header("Set-Cookie", http::session_cookie_value(ctx, signed_in->token, false));
    return r;
}

Result<Response> sign_out(Context& ctx) {
    if (ctx.session) {
        TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
            TRY(http::drafts::forget_person(c, ctx.person.id));
            return sessions::end(c, *ctx.session, ctx.actor(), ctx.now());
        }));
    }
    Response r = Response::redirect("/sign-in?signed_out=1");
    r.header("Set-Cookie", http::session_cookie_value(ctx, "", true));
    return r;
}

// The session was touched by the router on the way in; nothing more to do.
Result<Response> extend(Context& /*ctx*/) {
    return Response::no_content();
}

// A token as its person and an administrator see it: never the token itself, only its name and
// when it was made, was last used and ends.
nlohmann::json token_view(const sessions::ApiToken& t) {
    return {{"id", t.id},
            {"name", t.name},
            {"created", format_local(t.created_at)},
            {"expires", format_local(t.expires_at)},
            {"last_used", t.last_used_at ? format_local(*t.last_used_at) : "Never"}};
}

Result<Response> account_page(const Context& ctx, const std::optional<Error>& error,
                              const std::string& new_token, int status) {
    auto tokens = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return sessions::live_api_tokens(c, ctx.person.id, ctx.now()); }));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : tokens) {
        list.push_back(token_view(t));
    }
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& m : ctx.person.memberships) {
        roles.push_back(role_label(m.role));
    }
    nlohmann::json data = {
        {"name", ctx.person.name},
        {"email", ctx.person.email},
        {"roles", roles},
        {"tokens", list},
        {"has_tokens", !list.empty()},
        {"new_token", new_token},
        {"has_new_token", !new_token.empty()},
        {"second_factor", ctx.person.second_factor_on ? "set up" : "not set up"}};
    nlohmann::json errors = nlohmann::json::object();
    nlohmann::json values = {
        {"expires_in_days", std::to_string(ctx.services.session_policy().api_token_days)}};
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
        if (ctx.form) {
            values["name"] = ctx.form->get("name");
            values["expires_in_days"] = ctx.form->get("expires_in_days");
        }
    }
    data["token_fields"] = nlohmann::json::array({
        views::field({"name",
                      "Name of the new token",
                      FieldKind::text,
                      "What will use it, for example \"Monthly report script\"",
                      {},
                      "govuk-input--width-20"},
                     values, errors),
        views::field({"expires_in_days",
                      "Days until it stops working",
                      FieldKind::text,
                      fmt::format("From 1 to {} days", sessions::longest_api_token_days),
                      {},
                      "govuk-input--width-4"},
                     values, errors),
        views::field({"password",
                      "Your password",
                      FieldKind::password,
                      "A token can do what you can, so Hearth asks for your password again",
                      {},
                      "govuk-input--width-20",
                      "current-password"},
                     {}, errors),
    });
    return ctx.page("account", "Your account", data, status);
}

Result<Response> account(Context& ctx) {
    return account_page(ctx, std::nullopt, "", 200);
}

Result<Response> create_token(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const std::string name =
        reader.text("name", "a name for the token", {.required = true, .max = 100});
    const auto days = reader.integer("expires_in_days", "the days until it stops working", true, 1,
                                     sessions::longest_api_token_days);
    reader.allow("password");
    TRY(reader.finish());
    TRY(accounts::check_password_again(ctx.services.db, ctx.person.email,
                                       ctx.form->get("password")));
    const auto token = TRY(ctx.services.db.write([&](db::Connection& c) {
        return sessions::create_api_token(c, ctx.person.id, name, static_cast<int>(*days),
                                          ctx.actor(), ctx.now());
    }));
    return account_page(ctx, std::nullopt, token, 201);
}

// The account page again with the message at the field. A conflict is the error page, as it
// always was: this page has nothing to show for one.
Result<Response> create_token_again(Context& ctx, const Error& e) {
    if (e.kind != ErrorKind::invalid_input) {
        return e;
    }
    return account_page(ctx, e, "", 400);
}

Result<Response> revoke_token(Context& ctx) {
    TRY(http::FormReader(*ctx.form).finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return sessions::revoke_api_token(c, ctx.person.id, ctx.params.at("token"), ctx.actor(),
                                          ctx.now());
    }));
    return Response::redirect("/account?revoked=1");
}

Result<Response> password_page(const Context& ctx, const std::optional<Error>& error, int status) {
    nlohmann::json data = {
        {"first", ctx.person.must_change_password || ctx.request.query_value("first").has_value()}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        data.update(views::errors_view(*error));
        errors = data["error_for"];
    }
    data["fields"] = nlohmann::json::array({
        views::field({"current_password",
                      "Current password",
                      FieldKind::password,
                      "",
                      {},
                      "",
                      "current-password"},
                     {}, errors),
        views::field({"new_password",
                      "New password",
                      FieldKind::password,
                      fmt::format("At least {} characters. Three or four random words are easy to "
                                  "remember and hard to guess.",
                                  password_min_length),
                      {},
                      "",
                      "new-password"},
                     {}, errors),
    });
    return ctx.page("change_password", "Choose a new password", data, status);
}

Result<Response> show_password(Context& ctx) {
    return password_page(ctx, std::nullopt, 200);
}

Result<Response> change_password(Context& ctx) {
    http::FormReader reader(*ctx.form);
    reader.allow("current_password");
    reader.allow("new_password");
    const std::string current = ctx.form->get("current_password");
    const std::string wanted = ctx.form->get("new_password");
    if (current.empty()) {
        reader.fail("current_password", "Enter your current password");
    }
    Status rules = check_new_password(wanted, ctx.person.email, "new_password");
    if (!rules.ok()) {
        reader.fail("new_password", rules.error().message);
    }
    TRY(reader.finish());
    auto account = TRY(ctx.services.db.read(
        [&](db::Connection& c) { return accounts::find_by_email(c, ctx.person.email); }));
    if (!account) {
        return Error::internal("no account");
    }
    auto matches = TRY(crypto::verify_password(account->password_hash, current));
    if (!matches) {
        return Error::invalid("current_password", "Your current password is not right");
    }
    auto hash = TRY(crypto::hash_password(wanted));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return accounts::set_password_hash(c, ctx.person.id, hash, false, ctx.actor(), ctx.now());
    }));
    // Changing the password ends every session, this one too: sign in again with the new one.
    Response r = Response::redirect("/sign-in?signed_out=1");
    r.header("Set-Cookie", http::session_cookie_value(ctx, "", true));
    return r;
}

// The form again, empty (passwords are never shown back), with the message at the field. A
// conflict is the error page, as it always was.
Result<Response> change_password_again(Context& ctx, const Error& e) {
    if (e.kind != ErrorKind::invalid_input) {
        return e;
    }
    return password_page(ctx, e, 400);
}

}  // namespace

void add_routes(http::Router& router) {
    router.add({"GET", "/sign-in", Action::public_page, show_sign_in});
    router.add({"POST", "/sign-in", Action::public_page, do_sign_in, std::size_t{8} * 1024});
    router.add({"POST", "/sign-out", Action::sign_out, sign_out, std::size_t{4} * 1024});
    router.add({"POST", "/session/extend", Action::sign_out, extend, std::size_t{4} * 1024});
    router.add({"GET", "/account", Action::signed_in, account});
    router.add({.method = "POST",
                .pattern = "/account/tokens",
                .action = Action::signed_in,
                .handler = create_token,
                .max_body = std::size_t{4} * 1024,
                .again = create_token_again});
    router.add({"POST", "/account/tokens/{token}/revoke", Action::signed_in, revoke_token,
                std::size_t{4} * 1024});
    router.add({"GET", "/account/password", Action::own_password, show_password});
    router.add({.method = "POST",
                .pattern = "/account/password",
                .action = Action::own_password,
                .handler = change_password,
                .max_body = std::size_t{8} * 1024,
                .again = change_password_again});
}

const Capability capability{"Signing in", [](Registry& r) {
                                add_routes(r.router);
                                add_second_factor_routes(r.router);
                            }};

}  // namespace hearth::auth
