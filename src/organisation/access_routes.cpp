// Ending access in the app (issue 11): a registered manager ends a role in their home and a social
// worker's allocation to a child; a provider administrator disables and re-enables a person and
// revokes their API tokens. Each takes effect on the person's next request, because who they are
// is read afresh for every request (Router::identify_and_resolve), and each is audited.
#include "organisation/access_routes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "organisation/homes.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/second_factor.hpp"
#include "platform/auth/second_factor_store.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/views/views.hpp"

namespace hearth::organisation {

namespace {

using http::Context;
using http::Response;

// A person of the reader's organisation: anyone else answers as if they did not exist.
Status resolve_person_scope(db::Connection& c, std::int64_t person_id, Scope& scope) {
    auto row = TRY(c.query_one("SELECT organisation_id FROM people WHERE id = $1", {person_id}));
    if (!row || (scope.organisation_id && *scope.organisation_id != row->integer(0))) {
        return Error::not_found("There is no such person");
    }
    scope.organisation_id = row->integer(0);
    return {};
}

struct PersonAtHome {
    std::int64_t id = 0;
    std::string name;
    std::string email;
    std::string job_title;
    bool disabled = false;
    std::vector<Role> roles_here;
    std::vector<Role> roles_everywhere;
};

Result<PersonAtHome> person_at_home(db::Connection& c, std::int64_t person_id,
                                    std::int64_t home_id) {
    auto row =
        TRY(c.query_one("SELECT id, name, email, COALESCE(job_title, ''), disabled_at "
                        "FROM people WHERE id = $1",
                        {person_id}));
    if (!row) {
        return Error::not_found("There is no such person");
    }
    PersonAtHome p{
        row->integer(0), row->text(1), row->text(2), row->text(3), !row->is_null(4), {}, {}};
    auto roles =
        TRY(c.query("SELECT home_id, role FROM roles WHERE person_id = $1 AND ended_at IS NULL "
                    "AND (home_id = $2 OR home_id IS NULL) ORDER BY id",
                    {person_id, home_id}));
    for (const auto& r : roles) {
        if (auto role = role_from_key(r.text(1))) {
            (r.is_null(0) ? p.roles_everywhere : p.roles_here).push_back(*role);
        }
    }
    return p;
}

Result<Response> person_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    const auto person_id = ctx.param("person");
    const bool accounts_managed = can(ctx.person, Action::manage_accounts, ctx.scope);
    struct Data {
        std::optional<Home> home;
        PersonAtHome person;
        std::vector<sessions::ApiToken> tokens;
        std::optional<Person> account;  // for their second factor: none when disabled
    };
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data d;
        d.home = TRY(find_home(c, home_id));
        d.person = TRY(person_at_home(c, person_id, home_id));
        auto here =
            TRY(c.query_one("SELECT COUNT(*) FROM roles WHERE person_id = $1 AND home_id = $2",
                            {person_id, home_id}));
        // A home's page shows the people who work or worked there; an administrator sees anyone.
        if (here->integer(0) == 0 && !accounts_managed) {
            return Error::not_found("There is no such person here");
        }
        if (accounts_managed) {
            d.tokens = TRY(sessions::live_api_tokens(c, person_id, ctx.now()));
            d.account = TRY(accounts::load_person(c, person_id));
        }
        return d;
    }));
    nlohmann::json roles = nlohmann::json::array();
    for (auto r : data.person.roles_here) {
        roles.push_back({{"key", role_key(r)}, {"label", role_label(r)}});
    }
    nlohmann::json everywhere = nlohmann::json::array();
    for (auto r : data.person.roles_everywhere) {
        everywhere.push_back({{"key", role_key(r)}, {"label", role_label(r)}});
    }
    nlohmann::json tokens = nlohmann::json::array();
    for (const auto& t : data.tokens) {
        tokens.push_back({{"id", t.id},
                          {"name", t.name},
                          {"created", format_local(t.created_at)},
                          {"expires", format_local(t.expires_at)},
                          {"last_used", t.last_used_at ? format_local(*t.last_used_at) : "Never"}});
    }
    const auto& p = data.person;
    nlohmann::json view = {
        {"home", {{"id", data.home->id}, {"name", data.home->name}}},
        {"person",
         {{"id", p.id},
          {"name", p.name},
          {"email", p.email},
          {"job_title", p.job_title},
          {"disabled", p.disabled}}},
        {"roles", roles},
        {"has_roles", !roles.empty()},
        {"roles_everywhere", everywhere},
        {"has_roles_everywhere", !everywhere.empty()},
        {"can_end_roles", can(ctx.person, Action::manage_people, ctx.scope)},
        {"can_manage_account", accounts_managed && p.id != ctx.person.id},
        {"can_see_tokens", accounts_managed},
        {"tokens", tokens},
        {"has_tokens", !tokens.empty()},
        {"done", ctx.request.query_value("done").value_or("")},
        {"has_account", data.account.has_value()},
    };
    Scope theirs = ctx.scope;
    theirs.staff_id = p.id;
    const bool works_here = std::any_of(p.roles_here.begin(), p.roles_here.end(),
                                        [](Role r) { return accounts::works_with_children(r); });
    if (works_here && can(ctx.person, Action::view_staff_record, theirs)) {
        view["staff_record_href"] = fmt::format("/homes/{}/team/{}", data.home->id, p.id);
    }
    if (data.account) {
        const auto why = second_factor::required_for(
            *data.account, ctx.services.config.second_factor_for_everyone);
        view["second_factor"] = {{"on", data.account->second_factor_on},
                                 {"required_words", second_factor::required_words(why)},
                                 {"required_of_them", data.account->second_factor_required}};
    }
    return ctx.page("person", p.name, view, 200);
}

std::string person_path(const Context& ctx) {
    return fmt::format("/homes/{}/people/{}", ctx.param("home"), ctx.param("person"));
}

Result<Response> end_role(Context& ctx) {
    http::FormReader reader(*ctx.form);
    std::vector<std::string> keys;
    for (auto r : all_roles()) {
        if (!is_organisation_wide(r)) {
            keys.emplace_back(role_key(r));
        }
    }
    const std::string key = reader.choice("role", "the role to end", keys, true);
    TRY(reader.finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return accounts::end_role(c, ctx.param("person"), ctx.param("home"), *role_from_key(key),
                                  ctx.actor(), ctx.now());
    }));
    return Response::redirect(person_path(ctx) + "?done=role_ended");
}

Result<Response> set_enabled(Context& ctx, bool enabled) {
    TRY(http::FormReader(*ctx.form).finish());
    if (ctx.param("person") == ctx.person.id) {
        return Error::conflict("You cannot disable yourself: ask another administrator.");
    }
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return accounts::set_disabled(c, ctx.param("person"), !enabled, ctx.actor(), ctx.now());
    }));
    return Response::redirect(person_path(ctx) + (enabled ? "?done=enabled" : "?done=disabled"));
}

Result<Response> disable(Context& ctx) {
    return set_enabled(ctx, false);
}

Result<Response> enable(Context& ctx) {
    return set_enabled(ctx, true);
}

Result<Response> revoke_token(Context& ctx) {
    TRY(http::FormReader(*ctx.form).finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return sessions::revoke_api_token(c, ctx.param("person"), ctx.param("token"), ctx.actor(),
                                          ctx.now());
    }));
    return Response::redirect(person_path(ctx) + "?done=token_revoked");
}

// For someone who lost their phone: they set it up again at their next sign-in, if it is required.
Result<Response> reset_second_factor(Context& ctx) {
    TRY(http::FormReader(*ctx.form).finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return second_factor::remove(c, ctx.param("person"), "reset by an administrator",
                                     ctx.actor(), ctx.now());
    }));
    return Response::redirect(person_path(ctx) + "?done=second_factor_reset");
}

Result<Response> require_second_factor(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const std::string required =
        reader.choice("required", "whether a second factor is required", {"yes", "no"}, true);
    TRY(reader.finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return second_factor::set_required(c, ctx.param("person"), required == "yes", ctx.actor(),
                                           ctx.now());
    }));
    return Response::redirect(person_path(ctx) + "?done=second_factor_required");
}

Result<Response> end_allocation(Context& ctx) {
    TRY(http::FormReader(*ctx.form).finish());
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return accounts::end_allocation(c, ctx.param("home"), ctx.param("allocation"), ctx.actor(),
                                        ctx.now());
    }));
    return Response::redirect(
        fmt::format("/homes/{}/people?done=allocation_ended", ctx.param("home")));
}

}  // namespace

void add_access_routes(http::Router& router) {
    router.add_scope_resolver("person", resolve_person_scope);
    router.add({"GET", "/homes/{home}/people/{person}", Action::view_people, person_page});
    const std::size_t small = std::size_t{4} * 1024;
    router.add(
        {"POST", "/homes/{home}/people/{person}/end-role", Action::manage_people, end_role, small});
    router.add(
        {"POST", "/homes/{home}/people/{person}/disable", Action::manage_accounts, disable, small});
    router.add(
        {"POST", "/homes/{home}/people/{person}/enable", Action::manage_accounts, enable, small});
    router.add({"POST", "/homes/{home}/people/{person}/tokens/{token}/revoke",
                Action::manage_accounts, revoke_token, small});
    router.add({"POST", "/homes/{home}/people/{person}/second-factor/reset",
                Action::manage_accounts, reset_second_factor, small});
    router.add({"POST", "/homes/{home}/people/{person}/second-factor/require",
                Action::manage_accounts, require_second_factor, small});
    router.add({"POST", "/homes/{home}/allocations/{allocation}/end", Action::manage_people,
                end_allocation, small});
}

}  // namespace hearth::organisation
