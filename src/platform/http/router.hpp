#pragma once
// Routes and the one place every request passes through: match, authenticate, check CSRF,
// resolve what the request is about, ask can(), then call the handler.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/clock.hpp"
#include "platform/config.hpp"
#include "platform/db/database.hpp"
#include "platform/http/form.hpp"
#include "platform/http/message.hpp"
#include "platform/http/metrics.hpp"

namespace hearth::http {

// What every route may use.
struct Services {
    Config config;
    db::Database& db;
    const Clock& clock;
    Metrics& metrics;
    sessions::Policy session_policy() const;
};

// A tab of the pages about one child ("Chronology", "Plans"): each capability adds its own, and
// every page about a child shows the tabs its reader may open (the _child_heading template).
struct ChildTab {
    std::string label;
    std::string suffix;  // after /children/{child}: "" for the overview, "/chronology"
    Action action;
    int position = 100;  // tabs read left to right by position, whoever added them first
};

class Context {
  public:
    Context(const Request& r, Services& s) : request(r), services(s) {}

    const Request& request;
    Services& services;
    Person person;                                // id 0 when nobody is signed in
    std::optional<sessions::Session> session;     // when signed in through the browser
    std::optional<sessions::ApiToken> api_token;  // when an API client asks
    std::map<std::string, std::int64_t> params;
    Scope scope;
    std::optional<FormData> form;      // parsed body of a state-changing request
    std::optional<FormData> draft;     // what was typed before an idle sign-out
    std::string new_pre_session_csrf;  // set with its cookie on this response, before sign-in
    const std::vector<ChildTab>* child_tabs = nullptr;

    std::int64_t param(const std::string& name) const { return params.at(name); }
    Timestamp now() const { return services.clock.now(); }
    Date today() const { return local_date_of(now()); }  // in the home's zone
    audit::Actor actor() const;
    Reader reader() const { return {person, scope}; }
    std::string csrf_token() const;
    // Where people reach Hearth, for an address they take away (a calendar feed): its public
    // address when set, or the host this request came to.
    std::string site() const;

    // Render a page inside the layout, or the error page / JSON error for an Error.
    Response page(const std::string& template_name, const std::string& title, nlohmann::json data,
                  int status = 200) const;
    Response error(const Error& e) const;
};

// A handler answers, or returns the Error that stopped it; the router turns an Error into the
// error page or the JSON error, once, from its kind.
using Handler = std::function<Result<Response>(Context&)>;

// The form a refused save came from, shown again with what was typed, the error summary and
// each field's message (invalid input), or with the record as it now is (a conflict). The router
// calls it for a browser's form post whose handler returned either kind; the status is the
// error's (400 or 409).
using FormAgain = std::function<Result<Response>(Context&, const Error&)>;

struct Route {
    std::string method;
    std::string
        pattern;  // "/homes/{home}/children/{child}": each {name} is a positive whole number
    Action action;
    Handler handler;
    std::size_t max_body = std::size_t{64} * 1024;  // larger bodies are answered 413
    bool reads_session = true;  // false for static files and probes: no database work
    FormAgain again;            // for a form post: the form, shown again
};

// Turns a path parameter into the Scope that can() needs, checking the record exists.
using ScopeResolver = std::function<Status(db::Connection&, std::int64_t id, Scope& scope)>;

class Router {
  public:
    void add(Route route) { routes_.push_back(std::move(route)); }
    void add_scope_resolver(const std::string& param, ScopeResolver resolver) {
        resolvers_[param] = std::move(resolver);
    }
    void add_child_tab(ChildTab tab) {
        auto at =
            std::upper_bound(child_tabs_.begin(), child_tabs_.end(), tab.position,
                             [](int position, const ChildTab& t) { return position < t.position; });
        child_tabs_.insert(at, std::move(tab));
    }
    Response dispatch(const Request& request, Services& services) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    // The steps every request passes through, in order (see dispatch in router.cpp).
    Result<const Route*> match_route(Context& ctx) const;
    Status identify_and_resolve(Context& ctx, std::optional<std::int64_t>& idle_person_id,
                                Status& resolved) const;
    Status resolve_scope(db::Connection& c, Context& ctx) const;
    Result<Response> answer(Context& ctx, const Route*& route, bool& handled,
                            std::vector<std::string>& set_cookies) const;

    std::vector<Route> routes_;
    std::map<std::string, ScopeResolver> resolvers_;
    std::vector<ChildTab> child_tabs_;
};

int status_for(ErrorKind kind);
// The Set-Cookie value for the session cookie (HttpOnly, SameSite=Lax, Secure over TLS).
std::string session_cookie_value(const Context& ctx, const std::string& token, bool expire);
// Headers every response carries: CSP and friends, and Strict-Transport-Security when the public
// address is https.
void add_security_headers(Response& r, const Request& request, const Config& config);

}  // namespace hearth::http
