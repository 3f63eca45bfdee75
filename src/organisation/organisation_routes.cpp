#include "organisation/organisation_routes.hpp"

#include <fmt/format.h>

#include "children/child_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "deadlines/deadline_view.hpp"
#include "organisation/access_routes.hpp"
#include "organisation/capability.hpp"
#include "organisation/homes.hpp"
#include "organisation/settings_routes.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/password_rules.hpp"
#include "platform/crypto.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::organisation {

namespace {

using http::Context;
using http::Response;

nlohmann::json home_json(const Home& h) {
    return {
        {"id", h.id},
        {"name", h.name},
        {"ofsted_urn", h.ofsted_urn},
        {"local_authority", h.local_authority},
        {"private_phone_kind", h.private_phone_kind},
        {"private_phone_label",
         h.private_phone_kind.empty() ? "" : label_in(private_phone_kinds(), h.private_phone_kind)},
        {"private_phone", h.private_phone},
        {"children", h.children},
        {"staff", h.staff}};
}

nlohmann::json roles_text(const std::vector<Role>& roles) {
    std::string out;
    for (auto r : roles) {
        out += (out.empty() ? "" : ", ") + std::string(role_label(r));
    }
    return out;
}

// Who may be given which role, from a home's people page.
std::vector<std::pair<std::string, std::string>> role_options() {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto r :
         {Role::registered_manager, Role::deputy, Role::support_worker, Role::independent_person}) {
        out.emplace_back(std::string(role_key(r)), std::string(role_label(r)));
    }
    return out;
}

Result<Response> start(Context& ctx) {
    if (can(ctx.person, Action::view_organisation,
            Scope{ctx.person.organisation_id, {}, {}, false})) {
        return Response::redirect("/organisation");
    }
    struct Data {
        std::vector<Home> homes;
        std::vector<children::Child> allocated;
    };
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data d;
        auto all = TRY(homes_of(c, ctx.person.organisation_id));
        for (auto& h : all) {
            if (can(ctx.person, Action::view_home, Scope{h.organisation_id, h.id, {}, false}))
                d.homes.push_back(h);
        }
        d.allocated = TRY(children::allocated_to(c, ctx.person.id));
        return d;
    }));
    if (data.homes.size() == 1 && data.allocated.empty()) {
        return Response::redirect(fmt::format("/homes/{}", data.homes.front().id));
    }
    nlohmann::json homes = nlohmann::json::array(), kids = nlohmann::json::array();
    for (const auto& h : data.homes) {
        homes.push_back(home_json(h));
    }
    for (const auto& ch : data.allocated) {
        kids.push_back({{"id", ch.id},
                        {"name", children::display_name(ch.details)},
                        {"placing_authority", ch.details.placing_authority}});
    }
    return ctx.page("start", "Your homes and children",
                    {{"homes", homes},
                     {"has_homes", !homes.empty()},
                     {"children", kids},
                     {"has_children", !kids.empty()},
                     {"name", ctx.person.name}});
}

Result<Response> overview(Context& ctx) {
    struct Data {
        std::string name;
        std::vector<Home> homes;
    };
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data d;
        d.name = TRY(organisation_name(c, ctx.person.organisation_id));
        d.homes = TRY(homes_of(c, ctx.person.organisation_id));
        return d;
    }));
    nlohmann::json homes = nlohmann::json::array();
    std::int64_t children = 0, staff = 0;
    for (const auto& h : data.homes) {
        homes.push_back(home_json(h));
        children += h.children;
        staff += h.staff;
    }
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"organisation", data.name}, {"homes", homes}});
    }
    return ctx.page(
        "organisation", data.name,
        {{"organisation", data.name},
         {"homes", homes},
         {"home_count", data.homes.size()},
         {"children", children},
         {"staff", staff},
         {"can_techniques", can(ctx.person, Action::manage_techniques, ctx.scope)},
         {"can_programme", can(ctx.person, Action::manage_training_programme, ctx.scope)},
         {"can_settings", can(ctx.person, Action::manage_accounts, ctx.scope)}});
}

Result<Response> dashboard(Context& ctx, const HomePanels& panels) {
    const auto home_id = ctx.param("home");
    struct Data {
        std::optional<Home> home;
        std::vector<children::Child> children;
        std::vector<StaffMember> people;
        std::vector<deadlines::Deadline> open;
        nlohmann::json panels = nlohmann::json::array();
    };
    const bool sees_deadlines = can(ctx.person, Action::view_deadlines, ctx.scope);
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data d;
        d.home = TRY(find_home(c, home_id));
        d.children = TRY(children::in_home(c, home_id));
        d.people = TRY(people_of_home(c, home_id));
        if (sees_deadlines) {
            d.open = TRY(deadlines::open_in_homes(c, {home_id}, 500));
        }
        for (const auto& panel : panels.all()) {
            auto html = TRY(panel.render(c, ctx, home_id));
            if (!html.empty()) {
                d.panels.push_back({{"html", html}});
            }
        }
        return d;
    }));
    const Date today = local_date_of(ctx.now());
    nlohmann::json kids = nlohmann::json::array();
    for (const auto& ch : data.children) {
        std::string kw;
        for (const auto& k : ch.key_workers) {
            kw += (kw.empty() ? "" : ", ") + k.name;
        }
        kids.push_back({{"id", ch.id},
                        {"name", children::display_name(ch.details)},
                        {"age", children::age_on(ch.details, today)},
                        {"key_workers", kw.empty() ? "None yet" : kw},
                        {"can_open", can(ctx.person, Action::view_child,
                                         Scope{data.home->organisation_id, home_id, ch.id,
                                               ch.reg44_consent})}});
    }
    std::string manager;
    for (const auto& p : data.people) {
        if (std::find(p.roles.begin(), p.roles.end(), Role::registered_manager) != p.roles.end()) {
            manager = p.name;
        }
    }
    int overdue = 0, soon = 0;
    nlohmann::json escalated = nlohmann::json::array();
    const bool is_manager = holds_role(ctx.person, Role::registered_manager, home_id);
    // The Reg 35 clocks have their own place: a measure used is the one thing a manager must not
    // let run over.
    nlohmann::json reg35 = nlohmann::json::array();
    for (const auto& d : data.open) {
        if (!deadlines::may_read_clock(ctx.person, d)) {
            continue;
        }
        if (d.kind.rfind("reg35_", 0) == 0) {
            reg35.push_back(deadlines::deadline_view(d, ctx.now()));
        }
        const auto s = deadlines::standing(d, ctx.now());
        overdue += s == deadlines::Standing::overdue;
        soon += s == deadlines::Standing::due_soon;
        if (is_manager && d.escalated_at) {
            escalated.push_back(deadlines::deadline_view(d, ctx.now()));
        }
    }
    return ctx.page("home", data.home->name,
                    {{"home", home_json(*data.home)},
                     {"sees_deadlines", sees_deadlines},
                     {"escalated", escalated},
                     {"has_escalated", !escalated.empty()},
                     {"overdue", overdue},
                     {"due_soon", soon},
                     {"reg35", reg35},
                     {"has_reg35", !reg35.empty()},
                     {"panels", data.panels},
                     {"can_incidents", can(ctx.person, Action::view_incidents, ctx.scope)},
                     {"can_figures", can(ctx.person, Action::view_behaviour_figures, ctx.scope)},
                     {"can_calendar", can(ctx.person, Action::record_contact, ctx.scope)},
                     {"can_signers", can(ctx.person, Action::authorise_signers, ctx.scope)},
                     {"can_training", can(ctx.person, Action::view_training, ctx.scope)},
                     {"can_team", can(ctx.person, Action::view_team, ctx.scope)},
                     {"can_rota", can(ctx.person, Action::view_rota, ctx.scope)},
                     {"can_handover", can(ctx.person, Action::view_handover, ctx.scope)},
                     {"can_search", can(ctx.person, Action::search_home, ctx.scope)},
                     {"children", kids},
                     {"has_children", !kids.empty()},
                     {"manager", manager.empty() ? "Not recorded" : manager},
                     {"today", format_local_date(today)},
                     {"can_admit", can(ctx.person, Action::admit_child, ctx.scope)},
                     {"can_audit", can(ctx.person, Action::view_audit, ctx.scope)},
                     {"can_register", can(ctx.person, Action::view_register, ctx.scope)},
                     {"can_people", can(ctx.person, Action::view_people, ctx.scope)},
                     {"can_details", can(ctx.person, Action::manage_accounts, ctx.scope)}});
}

Result<Response> people_response(Context& ctx, const std::optional<Error>& error,
                                 const nlohmann::json& typed, const std::string& issued_password,
                                 std::int64_t awaiting_checks_of, int status) {
    const auto home_id = ctx.param("home");
    const bool manages = can(ctx.person, Action::manage_people, ctx.scope);
    struct Data {
        std::optional<Home> home;
        std::vector<StaffMember> people;
        std::vector<accounts::Allocation> allocations;
    };
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Data> {
        Data d;
        d.home = TRY(find_home(c, home_id));
        d.people = TRY(people_of_home(c, home_id));
        if (manages && !ctx.request.wants_json()) {
            d.allocations = TRY(accounts::allocations_in_home(c, home_id));
        }
        return d;
    }));
    nlohmann::json people = nlohmann::json::array();
    for (const auto& p : data.people) {
        nlohmann::json roles = nlohmann::json::array();
        for (auto r : p.roles) {
            roles.push_back(role_key(r));
        }
        nlohmann::json awaiting = nlohmann::json::array();
        for (auto r : p.awaiting_roles) {
            awaiting.push_back(role_key(r));
        }
        people.push_back({{"id", p.person_id},
                          {"name", p.name},
                          {"email", p.email},
                          {"job_title", p.job_title},
                          {"roles", roles},
                          {"roles_text", roles_text(p.roles.empty() ? p.awaiting_roles : p.roles)},
                          {"awaiting_checks", awaiting},
                          {"is_awaiting_checks", !awaiting.empty()},
                          {"disabled", p.disabled}});
    }
    if (ctx.request.wants_json()) {
        if (error) {
            return *error;
        }
        return Response::json(status, {{"people", people}});
    }
    nlohmann::json allocations = nlohmann::json::array();
    for (const auto& a : data.allocations) {
        allocations.push_back({{"id", a.id},
                               {"social_worker", a.social_worker},
                               {"child", a.child},
                               {"since", format_local_date(local_date_of(a.started_at))}});
    }
    nlohmann::json data_view = {
        {"home", home_json(*data.home)},
        {"people", people},
        {"allocations", allocations},
        {"has_allocations", !allocations.empty()},
        {"allocation_ended",
         ctx.request.query_value("done") == std::optional<std::string>("allocation_ended")},
        {"can_manage", manages},
        {"issued_password", issued_password},
        {"issued", !issued_password.empty()},
        {"awaiting_checks_href",
         awaiting_checks_of ? fmt::format("/homes/{}/team/{}", home_id, awaiting_checks_of) : ""}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        data_view.update(views::errors_view(*error));
        errors = data_view["error_for"];
    }
    using views::FieldKind;
    data_view["fields"] = nlohmann::json::array({
        views::field({"name", "Full name", FieldKind::text, "", {}, "govuk-input--width-20"}, typed,
                     errors),
        views::field({"email",
                      "Email address",
                      FieldKind::email,
                      "They sign in with this",
                      {},
                      "govuk-input--width-20",
                      "off"},
                     typed, errors),
        views::field(
            {"job_title", "Job title (optional)", FieldKind::text, "", {}, "govuk-input--width-20"},
            typed, errors),
        views::field({"role", "Role in this home", FieldKind::radios, "", role_options()}, typed,
                     errors),
    });
    return ctx.page("people", "People at " + data.home->name, data_view, status);
}

Result<Response> people(Context& ctx) {
    return people_response(ctx, std::nullopt, nlohmann::json::object(), "", 0, 200);
}

Result<Response> add_person(Context& ctx) {
    const auto home_id = ctx.param("home");
    http::FormReader reader(*ctx.form);
    accounts::NewPerson p;
    p.organisation_id = ctx.person.organisation_id;
    p.name = reader.text("name", "the person's full name", {.required = true, .max = 200});
    p.email = reader.text("email", "an email address", {.required = true, .max = 254});
    p.job_title = reader.text("job_title", "Job title", {.max = 100});
    std::vector<std::string> keys;
    for (const auto& [k, label] : role_options()) {
        keys.push_back(k);
    }
    auto role_key_chosen = reader.choice("role", "a role", keys, true);
    TRY(reader.finish());
    // A one-time password: they are asked to choose their own at first sign-in.
    const std::string one_time = crypto::random_token().substr(0, 20);
    p.password_hash = TRY(crypto::hash_password(one_time));
    p.must_change_password = true;
    // Someone new has no checks recorded yet: a role with children waits for them (Reg 32),
    // recorded on their staff record (the team capability).
    const auto role = *role_from_key(role_key_chosen);
    const bool awaiting = accounts::works_with_children(role);
    const auto new_id = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<std::int64_t> {
        auto id = TRY(accounts::add_person(c, p, ctx.actor(), ctx.now()));
        TRY(accounts::give_role(c, id, home_id, role, ctx.actor(), ctx.now(), awaiting));
        return id;
    }));
    if (ctx.request.wants_json()) {
        return Response::json(
            201, {{"id", new_id}, {"one_time_password", one_time}, {"awaiting_checks", awaiting}});
    }
    return people_response(ctx, std::nullopt, nlohmann::json::object(), one_time,
                           awaiting ? new_id : 0, 201);
}

// The page again with what was typed and the message at each field.
Result<Response> add_person_again(Context& ctx, const Error& e) {
    return people_response(ctx, e, ctx.form->typed_values(), "", 0, 400);
}

Result<Response> me(Context& ctx) {
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& m : ctx.person.memberships) {
        roles.push_back({{"role", role_key(m.role)},
                         {"home_id", m.home_id ? nlohmann::json(*m.home_id) : nlohmann::json()}});
    }
    return Response::json(200, {{"id", ctx.person.id},
                                {"name", ctx.person.name},
                                {"email", ctx.person.email},
                                {"organisation_id", ctx.person.organisation_id},
                                {"roles", roles},
                                {"allocated_children", ctx.person.allocated_children}});
}

}  // namespace

void add_routes(http::Router& router, const HomePanels& panels) {
    router.add_scope_resolver("home", resolve_home_scope);
    router.add({"GET", "/", Action::signed_in, start});
    router.add({"GET", "/organisation", Action::view_organisation, overview});
    router.add({"GET", "/homes/{home}", Action::view_home,
                [&panels](Context& ctx) { return dashboard(ctx, panels); }});
    router.add({"GET", "/homes/{home}/people", Action::view_people, people});
    router.add({.method = "POST",
                .pattern = "/homes/{home}/people",
                .action = Action::manage_people,
                .handler = add_person,
                .again = add_person_again});

    add_access_routes(router);
    add_settings_routes(router);
    add_home_details_routes(router);

    router.add({"GET", "/api/v1/me", Action::signed_in, me});
    router.add({"GET", "/api/v1/organisation", Action::view_organisation, overview});
    router.add({"GET", "/api/v1/homes/{home}/people", Action::view_people, people});
    router.add({"POST", "/api/v1/homes/{home}/people", Action::manage_people, add_person});
}

const Capability capability{"Homes and people",
                            [](Registry& r) { add_routes(r.router, r.at<HomePanels>()); }};

}  // namespace hearth::organisation
