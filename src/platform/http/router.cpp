#include "platform/http/router.hpp"

#include <fmt/format.h>

#include "platform/auth/second_factor.hpp"
#include "platform/crypto.hpp"
#include "platform/http/drafts.hpp"
#include "platform/http/route_pattern.hpp"
#include "platform/log.hpp"
#include "platform/views/views.hpp"

namespace hearth::http {

namespace {

constexpr const char* session_cookie = "hearth_session";
constexpr const char* pre_session_cookie = "hearth_csrf";

bool secure(const Context& ctx) {
    return ctx.services.config.public_url.rfind("https://", 0) == 0 ||
           (ctx.request.through_trusted_proxy &&
            ctx.request.header("x-forwarded-proto") == "https");
}

std::string cookie_header(const Context& ctx, const std::string& name, const std::string& value,
                          bool expire) {
    return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Lax{}{}", name, value,
                       secure(ctx) ? "; Secure" : "", expire ? "; Max-Age=0" : "");
}

std::string error_code(ErrorKind k) {
    switch (k) {
        case ErrorKind::invalid_input:
            return "invalid_input";
        case ErrorKind::unauthenticated:
            return "unauthenticated";
        case ErrorKind::forbidden:
            return "forbidden";
        case ErrorKind::not_found:
            return "not_found";
        case ErrorKind::conflict:
            return "conflict";
        case ErrorKind::too_large:
            return "too_large";
        case ErrorKind::throttled:
            return "throttled";
        case ErrorKind::unavailable:
            return "unavailable";
        case ErrorKind::internal:
            return "internal";
    }
    return "internal";
}

std::string error_title(int status) {
    switch (status) {
        case 400:
        case 422:
            return "There is a problem with what was sent";
        case 401:
            return "You need to sign in";
        case 403:
            return "You do not have access to this page";
        case 404:
            return "Page not found";
        case 405:
            return "That cannot be done to this page";
        case 409:
            return "Someone else changed this record";
        case 413:
            return "What was sent is too large";
        case 415:
            return "Hearth cannot read what was sent";
        case 429:
            return "Too many attempts";
        case 503:
            return "Hearth is busy";
        default:
            return "Sorry, there is a problem with Hearth";
    }
}

nlohmann::json nav_for(const Context& ctx) {
    nlohmann::json nav = nlohmann::json::array();
    if (ctx.person.id == 0) {
        return nav;
    }
    auto add = [&](const std::string& label, const std::string& href) {
        bool current =
            ctx.request.path == href || (href != "/" && ctx.request.path.rfind(href + "/", 0) == 0);
        nav.push_back({{"label", label}, {"href", href}, {"current", current}});
    };
    add("Home", "/");
    if (can(ctx.person, Action::view_organisation, Scope{})) {
        add("Organisation", "/organisation");
    }
    const bool watches_deadlines = std::any_of(
        ctx.person.memberships.begin(), ctx.person.memberships.end(), [&](const Membership& m) {
            if (m.role == Role::provider_administrator || m.role == Role::responsible_individual) {
                return true;
            }
            return m.home_id && can(ctx.person, Action::view_deadlines,
                                    Scope{ctx.person.organisation_id, m.home_id});
        });
    if (watches_deadlines) {
        add("Deadlines", "/deadlines");
    }
    if (can(ctx.person, Action::check_language, Scope{})) {
        add("Language that cares", "/organisation/language");
    }
    add("Your account", "/account");
    // Only the most particular item is current: /organisation/language is not also Organisation.
    std::size_t longest = 0;
    for (const auto& item : nav) {
        if (item["current"].get<bool>()) {
            longest = std::max(longest, item["href"].get<std::string>().size());
        }
    }
    for (auto& item : nav) {
        if (item["current"].get<bool>() && item["href"].get<std::string>().size() < longest) {
            item["current"] = false;
        }
    }
    return nav;
}

}  // namespace

sessions::Policy Services::session_policy() const {
    sessions::Policy p;
    p.idle = std::chrono::minutes(config.session_idle_minutes);
    p.longest = std::chrono::hours(config.session_max_hours);
    p.window = std::chrono::minutes(config.sign_in_window_minutes);
    p.account_failures_before_delay = config.account_failures_before_delay;
    p.one_time_password_life = std::chrono::hours(config.one_time_password_hours);
    p.api_token_days = config.api_token_days;
    p.address_failures_before_throttle = config.address_failures_before_throttle;
    return p;
}

int status_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::invalid_input:
            return 400;
        case ErrorKind::unauthenticated:
            return 401;
        case ErrorKind::forbidden:
            return 403;
        case ErrorKind::not_found:
            return 404;
        case ErrorKind::conflict:
            return 409;
        case ErrorKind::too_large:
            return 413;
        case ErrorKind::throttled:
            return 429;
        case ErrorKind::unavailable:
            return 503;
        case ErrorKind::internal:
            return 500;
    }
    return 500;
}

audit::Actor Context::actor() const {
    audit::Actor a;
    if (person.id != 0) {
        a.person_id = person.id;
        a.name = person.name;
    } else {
        a.name = "anonymous";
    }
    a.ip = request.remote_ip;
    a.request_id = request.request_id;
    return a;
}

std::string Context::site() const {
    if (!services.config.public_url.empty()) {
        auto site = services.config.public_url;
        while (!site.empty() && site.back() == '/') {
            site.pop_back();
        }
        return site;
    }
    return "http://" + request.header("host");
}

std::string Context::csrf_token() const {
    if (session) {
        return session->csrf_token;
    }
    if (!new_pre_session_csrf.empty()) {
        return new_pre_session_csrf;
    }
    return request.cookie(pre_session_cookie);
}

Response Context::page(const std::string& template_name, const std::string& title,
                       nlohmann::json data, int status) const {
    views::Frame frame;
    frame.title = title;
    frame.request_id = request.request_id;
    frame.csrf_token = csrf_token();
    frame.nav = nav_for(*this);
    frame.demo = services.config.demo;
    if (person.id != 0) {
        frame.person =
            nlohmann::json{{"id", person.id}, {"name", person.name}, {"email", person.email}};
    }
    if (session) {
        auto policy = services.session_policy();
        frame.session_expires_in_seconds =
            static_cast<int>(sessions::time_left(*session, now(), policy).count());
        frame.session_warn_before_seconds = services.config.session_warn_minutes * 60;
    }
    data["csrf_token"] = frame.csrf_token;
    if (scope.child_id && child_tabs) {
        const std::string base = fmt::format("/children/{}", *scope.child_id);
        nlohmann::json tabs = nlohmann::json::array();
        for (const auto& tab : *child_tabs) {
            if (!can(person, tab.action, scope)) {
                continue;
            }
            const std::string href = base + tab.suffix;
            const bool current = request.path == href ||
                                 (!tab.suffix.empty() && request.path.rfind(href + "/", 0) == 0);
            tabs.push_back({{"label", tab.label}, {"href", href}, {"current", current}});
        }
        data["child_heading"] = {{"id", *scope.child_id},
                                 {"name", scope.child_name},
                                 {"home_id", scope.home_id.value_or(0)},
                                 {"home_name", scope.home_name},
                                 {"tabs", tabs}};
    }
    if (data.value("has_errors", false)) {
        frame.title = "Error: " + frame.title;
    }
    auto html = views::page(frame, template_name, data);
    if (!html.ok()) {
        log::error("render failed", {{"template", template_name},
                                     {"detail", html.error().detail},
                                     {"request_id", request.request_id}});
        return Response::text(
            500, "Sorry, there is a problem with Hearth. Reference: " + request.request_id);
    }
    return Response::html(status, std::move(html.value()));
}

Response Context::error(const Error& e) const {
    int status = status_for(e.kind);
    if (e.kind == ErrorKind::invalid_input && (e.detail == "415" || e.detail == "405")) {
        status = std::atoi(e.detail.c_str());
    }
    if (status >= 500) {
        log::error("request failed", {{"request_id", request.request_id},
                                      {"path", request.path},
                                      {"detail", e.detail},
                                      {"message", e.message}});
    }
    if (request.wants_json()) {
        nlohmann::json body = {{"error",
                                {{"code", e.code.empty() ? error_code(e.kind) : e.code},
                                 {"message", e.message},
                                 {"field", nullptr}}},
                               {"request_id", request.request_id}};
        if (!e.fields.empty()) {
            body["error"]["field"] = e.fields.front().field;
            for (const auto& f : e.fields) {
                body["error"]["fields"].push_back({{"field", f.field}, {"message", f.message}});
            }
        }
        return Response::json(status, body);
    }
    nlohmann::json data = {{"status", status},
                           {"heading", error_title(status)},
                           {"message", e.message},
                           {"request_id", request.request_id},
                           {"signed_in", person.id != 0}};
    return page("error", error_title(status), data, status);
}

void add_security_headers(Response& r, const Request& request, const Config& config) {
    r.header("Content-Security-Policy",
             "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
             "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
             "base-uri 'none'; object-src 'none'");
    r.header("X-Content-Type-Options", "nosniff");
    r.header("X-Frame-Options", "DENY");
    r.header("Referrer-Policy", "same-origin");
    r.header("X-Request-Id", request.request_id);
    // A browser that has seen Hearth over https keeps to https for a year, so a typed address or an
    // old http link cannot be intercepted (NCSC TLS guidance; docs/administrator-guide.md,
    // install and start). Only from the configured public address, never from X-Forwarded-Proto
    // alone: over http it would promise https for a domain that does not have it.
    if (config.public_url.rfind("https://", 0) == 0) {
        r.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (request.path.rfind("/static/", 0) != 0) {
        r.header("Cache-Control", "no-store");
    }
}

namespace {

// One answer for a page that does not exist, a record that does not exist, and a record the
// reader may see nothing of: nobody can learn by trying ids which children or records exist
// (docs/decisions/0005-sign-in-and-sessions.md).
Error nothing_here() {
    return Error::not_found(
        "We could not find the page you asked for. Check the address, or go back to your home "
        "page.");
}

// Whether the reader may see nothing at all of what the request is about: another home's child
// or home, a child a social worker is not allocated to, or one whose consents an independent
// visitor does not have.
bool out_of_sight(const Person& person, const Scope& scope) {
    if (scope.child_id) {
        return !can(person, Action::view_child, scope);
    }
    if (scope.home_id) {
        return !can(person, Action::view_home, scope);
    }
    return scope.organisation_id && *scope.organisation_id != person.organisation_id;
}

}  // namespace

Result<const Route*> Router::match_route(Context& ctx) const {
    bool path_known = false;
    for (const auto& r : routes_) {
        std::map<std::string, std::int64_t> params;
        if (!match_path(r.pattern, ctx.request.path, params)) {
            continue;
        }
        path_known = true;
        if (r.method == ctx.request.method || (ctx.request.method == "HEAD" && r.method == "GET")) {
            ctx.params = std::move(params);
            return &r;
        }
    }
    if (path_known) {
        return Error::make(ErrorKind::invalid_input, "That cannot be done to this page", "405");
    }
    return nothing_here();
}

Status Router::resolve_scope(db::Connection& c, Context& ctx) const {
    // The home and the child a path names first: a record under them is resolved against them,
    // whatever its parameter is called.
    const auto first = [](const std::string& name) { return name == "home" || name == "child"; };
    for (const bool outer : {true, false}) {
        for (const auto& [name, id] : ctx.params) {
            auto it = resolvers_.find(name);
            if (it == resolvers_.end() || first(name) != outer) {
                continue;
            }
            Status found = it->second(c, id, ctx.scope);
            if (!found.ok() && found.error().kind == ErrorKind::not_found) {
                return nothing_here();
            }
            TRY(std::move(found));
        }
    }
    // A record about a child (a daily note, a plan) names its child; the child's resolver then
    // says whose record it is, as for /children/{child}.
    auto child = resolvers_.find("child");
    if (ctx.scope.child_id && !ctx.params.count("child") && child != resolvers_.end()) {
        TRY(child->second(c, *ctx.scope.child_id, ctx.scope));
    }
    return {};
}

// Who is asking (a bearer token for API clients, the session cookie for browsers), who they are,
// and what the request is about, read in one transaction so that they agree. Whether the scope
// resolved is kept apart in `resolved`: a person who is not signed in is sent to sign in before
// being told whether a record exists.
Status Router::identify_and_resolve(Context& ctx, std::optional<std::int64_t>& idle_person_id,
                                    Status& resolved) const {
    const std::string auth = ctx.request.header("authorization");
    const auto now = ctx.now();
    const auto policy = ctx.services.session_policy();
    return ctx.services.db.read([&](db::Connection& c) -> Status {
        std::optional<std::int64_t> person_id;
        if (auth.rfind("Bearer ", 0) == 0) {
            auto found = TRY(sessions::api_token_for(c, auth.substr(7), now));
            if (!found) {
                return Error::make(ErrorKind::unauthenticated,
                                   "The API token is not valid, has expired or was revoked");
            }
            person_id = found->person_id;
            ctx.api_token = std::move(found);
        } else if (auto key = ctx.request.query_value("key"); key && ctx.request.method == "GET") {
            // A calendar address: its key reads the one feed it was made for, as its person.
            auto found = TRY(sessions::calendar_address_for(c, *key, ctx.request.path, now));
            if (!found) {
                return Error::make(ErrorKind::unauthenticated,
                                   "This calendar address is not valid, has ended or was revoked");
            }
            person_id = found->person_id;
            ctx.api_token = std::move(found);
        } else if (auto token = ctx.request.cookie(session_cookie); !token.empty()) {
            if (auto s = TRY(sessions::find(c, token))) {
                switch (sessions::state_of(*s, now, policy)) {
                    case sessions::State::active:
                        person_id = s->person_id;
                        ctx.session = *s;
                        break;
                    case sessions::State::idle_expired:
                        idle_person_id = s->person_id;
                        break;
                    case sessions::State::over:
                        break;
                }
            }
        }
        if (person_id) {
            if (auto person = TRY(accounts::load_person(c, *person_id))) {
                ctx.person = std::move(*person);
            }
        }
        if (ctx.person.id == 0) {
            ctx.session.reset();
            ctx.api_token.reset();
            return {};
        }
        if (!ctx.params.empty()) {
            resolved = resolve_scope(c, ctx);
        }
        return {};
    });
}

namespace {

// Where a request that needs a person goes when nobody is signed in: a browser is sent to sign
// in, and what it was posting when its session went idle is kept as a draft.
Response to_sign_in(Context& ctx, std::optional<std::int64_t> idle_person_id) {
    std::string location = "/sign-in?next=" + url_encode(ctx.request.path);
    if (idle_person_id) {
        location += "&timed_out=1";
        if (ctx.form) {
            auto draft = ctx.services.db.write([&](db::Connection& c) {
                return drafts::keep(c, *idle_person_id, ctx.request.path, *ctx.form, ctx.now(),
                                    std::chrono::days(ctx.services.config.drafts_kept_days));
            });
            if (draft.ok()) {
                location += "&draft=" + std::to_string(draft.value());
            }
        }
    }
    return Response::redirect(location);
}

// CSRF: the session's token, or before sign-in the double-submitted cookie. A bearer token is
// not sent by a browser on its own, so API clients need none.
Status check_csrf(const Context& ctx) {
    if (!ctx.form || ctx.request.header("authorization").rfind("Bearer ", 0) == 0) {
        return {};
    }
    const std::string sent = !ctx.form->get("csrf_token").empty()
                                 ? ctx.form->get("csrf_token")
                                 : ctx.request.header("x-csrf-token");
    const std::string expected = ctx.csrf_token();
    if (expected.empty() || !crypto::constant_time_equal(sent, expected)) {
        return Error::make(ErrorKind::forbidden,
                           "This form had expired. Go back, reload the page and try again; "
                           "nothing was saved.");
    }
    return {};
}

Status authorise(const Context& ctx, const Route& route) {
    if (can(ctx.person, route.action, ctx.scope)) {
        return {};
    }
    if (out_of_sight(ctx.person, ctx.scope)) {
        return nothing_here();
    }
    return Error::make(ErrorKind::forbidden,
                       "Your role does not let you see or change this. If you think it should, "
                       "ask your registered manager.");
}

// A signed-in person's session is kept alive by their requests; before sign-in a browser is
// given the cookie its sign-in form's CSRF token is checked against.
Status keep_session(Context& ctx, const Route& route, std::vector<std::string>& set_cookies) {
    const auto now = ctx.now();
    if (ctx.api_token) {
        TRY(ctx.services.db.write([&](db::Connection& c) {
            return sessions::note_api_token_used(c, *ctx.api_token, now);
        }));
    } else if (ctx.session) {
        if (now - ctx.session->last_seen_at > std::chrono::seconds(30)) {
            TRY(ctx.services.db.write(
                [&](db::Connection& c) { return sessions::touch(c, *ctx.session, now); }));
            ctx.session->last_seen_at = now;
        }
    } else if (route.action == Action::public_page &&
               ctx.request.cookie(pre_session_cookie).empty() && !ctx.request.wants_json()) {
        ctx.new_pre_session_csrf = crypto::random_token();
        set_cookies.push_back(
            cookie_header(ctx, pre_session_cookie, ctx.new_pre_session_csrf, false));
    }
    return {};
}

// A form page opened with ?draft= shows what its person typed before they were signed out. A
// draft that cannot be read is left behind: the empty form is still the right page.
void bring_back_draft(Context& ctx) {
    auto d = ctx.request.query_value("draft");
    if (!d || ctx.person.id == 0 || ctx.request.method != "GET") {
        return;
    }
    auto draft = ctx.services.db.read([&](db::Connection& c) {
        return drafts::find(c, std::int64_t{std::atoll(d->c_str())}, ctx.person.id,
                            ctx.request.path, ctx.now(),
                            std::chrono::days(ctx.services.config.drafts_kept_days));
    });
    if (draft.ok() && draft.value()) {
        ctx.draft = std::move(*draft.value());
    }
}

// The one place an Error becomes what the person sees. A refused form post from a browser
// shows its form again; everything else is the error page, or the JSON error for API clients.
Response shown(Context& ctx, const Route* route, bool handled, const Error& e) {
    const bool form_again = handled && route && route->again && ctx.form &&
                            !ctx.request.wants_json() &&
                            (e.kind == ErrorKind::invalid_input || e.kind == ErrorKind::conflict);
    if (!form_again) {
        return ctx.error(e);
    }
    auto page = route->again(ctx, e);
    if (!page.ok()) {
        return ctx.error(page.error());
    }
    page->status = status_for(e.kind);
    return std::move(page.value());
}

// Before anything else a person may do: give the second factor their password opened a session
// for, choose their own password in place of a one-time one, and set up the second factor their
// account requires. Until then each reaches only that, and signing out.
std::optional<Result<Response>> first_things_first(const Context& ctx, Action action) {
    if (action == Action::public_page || action == Action::sign_out) {
        return std::nullopt;
    }
    auto refused = [&](std::string code, std::string message,
                       const std::string& page) -> std::optional<Result<Response>> {
        if (ctx.request.wants_json()) {
            Error e = Error::make(ErrorKind::forbidden, std::move(message));
            e.code = std::move(code);
            return Result<Response>(std::move(e));
        }
        return Result<Response>(Response::redirect(page));
    };
    if (ctx.session && ctx.session->awaiting_second_factor) {
        if (action == Action::enter_second_factor) {
            return std::nullopt;
        }
        return refused("second_factor_required",
                       "Enter the code from your authenticator app to finish signing in.",
                       "/sign-in/code");
    }
    if (action == Action::enter_second_factor) {
        return Result<Response>(Response::redirect("/"));
    }
    if (ctx.person.must_change_password) {
        if (action == Action::own_password) {
            return std::nullopt;
        }
        return refused("password_change_required",
                       "Choose your own password first: sign in on the website and change the "
                       "one-time password you were given.",
                       "/account/password?first=1");
    }
    const auto required =
        second_factor::required_for(ctx.person, ctx.services.config.second_factor_for_everyone);
    if (required != second_factor::Required::no && !ctx.person.second_factor_on &&
        action != Action::own_second_factor && action != Action::own_password) {
        return refused("second_factor_setup_required",
                       "Your account needs a second factor: sign in on the website and set one "
                       "up from your authenticator app.",
                       "/account/second-factor?required=1");
    }
    return std::nullopt;
}

}  // namespace

// Match, check the size, identify the person and resolve the scope, read the form, send
// strangers to sign in, check CSRF, authorise, keep the session, bring back a draft, handle.
Result<Response> Router::answer(Context& ctx, const Route*& route, bool& handled,
                                std::vector<std::string>& set_cookies) const {
    route = TRY(match_route(ctx));
    const Request& req = ctx.request;
    if (req.body.size() > route->max_body) {
        return Error::make(ErrorKind::too_large,
                           fmt::format("What was sent is too large for this page: the limit is {} "
                                       "KiB. Nothing was saved.",
                                       route->max_body / 1024));
    }
    if (!route->reads_session) {
        handled = true;
        return route->handler(ctx);
    }
    std::optional<std::int64_t> idle_person_id;
    Status resolved;
    TRY(identify_and_resolve(ctx, idle_person_id, resolved));
    if (req.is_state_changing()) {
        ctx.form = TRY(FormData::from_request(req));
    }
    if (route->action != Action::public_page && ctx.person.id == 0) {
        if (req.wants_json()) {
            return Error::make(ErrorKind::unauthenticated,
                               "Sign in, or send an API token as Authorization: Bearer TOKEN");
        }
        return to_sign_in(ctx, idle_person_id);
    }
    if (auto gate = first_things_first(ctx, route->action)) {
        return std::move(*gate);
    }
    TRY(check_csrf(ctx));
    TRY(std::move(resolved));
    TRY(authorise(ctx, *route));
    TRY(keep_session(ctx, *route, set_cookies));
    bring_back_draft(ctx);
    handled = true;
    return route->handler(ctx);
}

Response Router::dispatch(const Request& req, Services& services) const {
    const auto started = std::chrono::steady_clock::now();
    Context ctx(req, services);
    ctx.child_tabs = &child_tabs_;
    const Route* route = nullptr;
    bool handled = false;
    std::vector<std::string> set_cookies;

    Response response;
    try {
        auto answered = answer(ctx, route, handled, set_cookies);
        response = answered.ok() ? std::move(answered.value())
                                 : shown(ctx, route, handled, answered.error());
    } catch (const std::exception& e) {
        response = ctx.error(Error::internal(std::string("unhandled exception: ") + e.what()));
    }
    const std::string route_name = route ? route->method + " " + route->pattern : "unmatched";
    for (auto& c : set_cookies) {
        response.header("Set-Cookie", c);
    }
    add_security_headers(response, req, services.config);
    auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    services.metrics.record(route_name, response.status, elapsed);
    log::info("request", {{"request_id", req.request_id},
                          {"method", req.method},
                          {"path", req.path},
                          {"route", route_name},
                          {"status", response.status},
                          {"person", ctx.person.id},
                          {"ms", static_cast<double>(elapsed.count()) / 1000.0}});
    return response;
}

std::string session_cookie_value(const Context& ctx, const std::string& token, bool expire) {
    return cookie_header(ctx, session_cookie, token, expire);
}

}  // namespace hearth::http
