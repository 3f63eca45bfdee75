// The pages of a home's visitors' book: today's book (who is in the building first, then today's
// visitors who left, then the earlier days a page at a time), the form that signs a visitor in, a
// visit with the button that signs them out, "who is in the building now" for a fire roll, and the
// registered manager's list of items not allowed in. Plain forms that post back and redirect, for
// a tablet at the front door without JavaScript. The page, its JSON and the API are rendered from
// one view (visit_view).
#include <fmt/format.h>

#include "chronology/kinds.hpp"
#include "daily_record/handover_parts.hpp"
#include "organisation/home_panels.hpp"
#include "platform/demo_world.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"
#include "visitors/capability.hpp"
#include "visitors/visit_store.hpp"
#include "visitors/visit_view.hpp"
#include "visitors/visitors_demo.hpp"

namespace hearth::visitors {

namespace {

using http::Context;
using http::Response;

constexpr int earlier_page_size = 50;

// The start of the home's day: today's book begins here.
Timestamp start_of_today(Timestamp now) {
    return from_local(local_date_of(now), 0, 0).value_or(now);
}

std::string visitors_href(std::int64_t home_id) {
    return fmt::format("/homes/{}/visitors", home_id);
}

Result<Response> book(Context& ctx) {
    const auto home_id = ctx.param("home");
    std::optional<VisitCursor> after;
    if (auto a = ctx.request.query_value("after")) {
        after = decode_visit_cursor(*a);
        if (!after) {
            return Error::invalid("after", "That page of the visitors' book does not exist");
        }
    }
    const auto today = start_of_today(ctx.now());
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
        const auto here = TRY(in_building(c, home_id));
        nlohmann::json left = nlohmann::json::array();
        for (const auto& v : TRY(signed_in_since(c, home_id, today))) {
            if (v.signed_out_at) {
                left.push_back(visit_view(v, ctx.now()));
            }
        }
        const auto page = TRY(earlier_visits(c, home_id, today, after, earlier_page_size));
        return nlohmann::json{
            {"in_building", visit_views(here, ctx.now())},
            {"signed_out_today", left},
            {"earlier", visit_views(page.visits, ctx.now())},
            {"next", page.next ? nlohmann::json(encode(*page.next)) : nlohmann::json()}};
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, data);
    }
    nlohmann::json view = data;
    view["home"] = {{"id", home_id}, {"name", ctx.scope.home_name}};
    view["today"] = format_local_date(ctx.today());
    view["has_in_building"] = !data["in_building"].empty();
    view["has_signed_out_today"] = !data["signed_out_today"].empty();
    view["has_earlier"] = !data["earlier"].empty();
    view["is_first_page"] = !after;
    view["can_sign_in"] = can(ctx.person, Action::keep_visitors_book, ctx.scope);
    view["can_items"] = can(ctx.person, Action::manage_visitor_items, ctx.scope);
    view["signed_out"] = ctx.request.query_value("signed_out").has_value();
    if (!data["next"].is_null()) {
        view["next_href"] = fmt::format("{}?after={}", visitors_href(home_id),
                                        http::url_encode(data["next"].get<std::string>()));
    }
    return ctx.page("visitors", "Visitors' book: " + ctx.scope.home_name, view);
}

Result<Response> in_building_page(Context& ctx) {
    const auto home_id = ctx.param("home");
    auto here = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
        return visit_views(TRY(in_building(c, home_id)), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, {{"at", format_utc(ctx.now())}, {"in_building", here}});
    }
    return ctx.page("visitors_in_building", "In the building now: " + ctx.scope.home_name,
                    {{"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                     {"at", format_local(ctx.now())},
                     {"in_building", here},
                     {"count", here.size()},
                     {"has_in_building", !here.empty()}});
}

Result<Door> door_for(const Context& ctx) {
    return ctx.services.db.read([&](db::Connection& c) { return door_of(c, ctx.param("home")); });
}

views::Options named_options(const std::vector<Named>& list) {
    views::Options out;
    for (const auto& n : list) {
        out.emplace_back(std::to_string(n.id), n.name);
    }
    return out;
}

std::string visit_listed_text(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) {
        out += (out.empty() ? "" : ", ") + i;
    }
    return out;
}

Result<Response> show_sign_in_form(const Context& ctx, const Door& door,
                                   const nlohmann::json& values, const std::optional<Error>& error,
                                   int status) {
    const auto home_id = ctx.param("home");
    nlohmann::json view = {{"action", visitors_href(home_id)},
                           {"home", {{"id", home_id}, {"name", ctx.scope.home_name}}}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    auto visiting = named_options(door.children);
    visiting.emplace_back(visiting_home, "The home or its staff");
    const std::string items_hint =
        door.rules.not_allowed.empty()
            ? "One a line. The home has no list of items not allowed in yet"
            : "One a line. Not allowed in: " + visit_listed_text(door.rules.not_allowed);
    view["fields"] = nlohmann::json::array(
        {f({"visitor_name", "Visitor's full name"}),
         f({"organisation", "Their organisation, or who they are to the child",
            views::FieldKind::text,
            "For example \"social worker, Northshire County Council\" or \"mother\""}),
         f({"visiting", "Who are they visiting?", views::FieldKind::checkboxes,
            "Choose each child they came to see", visiting}),
         f({"reason", "Reason for the visit", views::FieldKind::textarea}),
         f({"id_kind", "Identification seen", views::FieldKind::radios, "",
            views::options_of(id_kinds())}),
         f({"id_other", "If other identification: what it was", views::FieldKind::text}),
         f({"id_not_seen_why", "If not seen: why not", views::FieldKind::textarea}),
         f({"items", "What they brought in", views::FieldKind::textarea, items_hint}),
         f({"items_action", "If anything is on the list: what was done with it",
            views::FieldKind::textarea, "For example, held by staff until they leave"}),
         f({"let_in_by", "Who let them in", views::FieldKind::radios, "",
            named_options(door.staff)}),
         f({"supervises_contact",
            "Did the social worker supply them to supervise a child's "
            "contact?",
            views::FieldKind::radios, "", views::Options{{"no", "No"}, {"yes", "Yes"}}}),
         f({"supervised_child", "If so: whose contact do they supervise?", views::FieldKind::radios,
            "", named_options(door.children)}),
         f({"supervised_contact", "Contact with whom", views::FieldKind::text,
            "For example \"their mother\""}),
         f({"supplied_by", "The social worker who supplied them", views::FieldKind::text}),
         f({"signed_in_on", "Day they arrived", views::FieldKind::date}),
         f({"signed_in_time",
            "Time they arrived",
            views::FieldKind::time,
            "For example 14:30",
            {},
            "govuk-input--width-5"})});
    return ctx.page("visitor_form", "Sign a visitor in: " + ctx.scope.home_name, view, status);
}

Result<Response> new_visit(Context& ctx) {
    const auto door = TRY(door_for(ctx));
    const nlohmann::json values = {{"signed_in_on", format_date(ctx.today())},
                                   {"signed_in_time", format_local_time(ctx.now())},
                                   {"let_in_by", std::to_string(ctx.person.id)},
                                   {"supervises_contact", "no"}};
    return show_sign_in_form(ctx, door, values, std::nullopt, 200);
}

Result<Response> create_visit(Context& ctx) {
    const auto home_id = ctx.param("home");
    const auto door = TRY(door_for(ctx));
    http::FormReader reader(*ctx.form);
    const auto d = TRY(read_visit(reader, door.rules, ctx.person.id, ctx.now()));
    const auto id = TRY(ctx.services.db.write(
        [&](db::Connection& c) { return sign_in(c, home_id, d, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        auto made = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
            return visit_view(*TRY(find_visit(c, id)), ctx.now());
        }));
        return Response::json(201, made).header(
            "Location", fmt::format("/api/v1/homes/{}/visits/{}", home_id, id));
    }
    return Response::redirect(fmt::format("{}/{}?signed_in=1", visitors_href(home_id), id));
}

Result<Response> sign_in_again(Context& ctx, const Error& e) {
    const auto door = TRY(door_for(ctx));
    return show_sign_in_form(ctx, door, ctx.form->typed_values(), e, http::status_for(e.kind));
}

Result<Response> show_visit(Context& ctx, const nlohmann::json& values,
                            const std::optional<Error>& error, int status) {
    const auto id = ctx.param("visit");
    auto data = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
        auto found = TRY(find_visit(c, id));
        if (!found) {
            return Error::not_found("We could not find that visit.");
        }
        return visit_view(*found, ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, data);
    }
    nlohmann::json view = {{"visit", data},
                           {"home", {{"id", ctx.param("home")}, {"name", ctx.scope.home_name}}},
                           {"signed_in", ctx.request.query_value("signed_in").has_value()}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    if (data["in_building"].get<bool>() && can(ctx.person, Action::keep_visitors_book, ctx.scope)) {
        auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
        view["sign_out_action"] = data["href"].get<std::string>() + "/sign-out";
        view["sign_out_fields"] = nlohmann::json::array(
            {f({"signed_out_time",
                "Time they left",
                views::FieldKind::time,
                "For example 16:45",
                {},
                "govuk-input--width-5"}),
             f({"signed_out_on", "Day they left, if not today", views::FieldKind::date})});
        view["earlier_open"] = error.has_value();
    }
    return ctx.page("visit",
                    "Visit of " + data["visitor_name"].get<std::string>() + ", " +
                        data["signed_in_when"].get<std::string>(),
                    view, status);
}

Result<Response> visit_page(Context& ctx) {
    return show_visit(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> signed_out(Context& ctx) {
    const auto id = ctx.param("visit");
    auto signed_in_at = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Timestamp> {
        auto found = TRY(find_visit(c, id));
        if (!found) {
            return Error::not_found("We could not find that visit.");
        }
        if (found->signed_out_at) {
            return Error::conflict(fmt::format("{} was signed out already, at {}.",
                                               found->details.visitor_name,
                                               format_local(*found->signed_out_at)));
        }
        return found->details.signed_in_at;
    }));
    http::FormReader reader(*ctx.form);
    const auto left = TRY(read_sign_out(reader, signed_in_at, ctx.now()));
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return sign_out(c, id, left, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        return visit_page(ctx);
    }
    return Response::redirect(visitors_href(ctx.param("home")) + "?signed_out=1");
}

Result<Response> sign_out_again(Context& ctx, const Error& e) {
    return show_visit(ctx, ctx.form->typed_values(), e, http::status_for(e.kind));
}

Result<Response> show_items(const Context& ctx, const nlohmann::json& typed,
                            const std::optional<Error>& error, int status) {
    const auto home_id = ctx.param("home");
    const auto items =
        TRY(ctx.services.db.read([&](db::Connection& c) { return not_allowed_items(c, home_id); }));
    if (ctx.request.wants_json()) {
        return Response::json(status, {{"items", items}});
    }
    nlohmann::json view = {{"home", {{"id", home_id}, {"name", ctx.scope.home_name}}},
                           {"action", visitors_href(home_id) + "/items-not-allowed"},
                           {"saved", ctx.request.query_value("saved").has_value()}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    const nlohmann::json values =
        typed.empty() ? nlohmann::json{{"items", views::one_a_line(items)}} : typed;
    view["fields"] = nlohmann::json::array(
        {views::field({"items", "Items not allowed in", views::FieldKind::textarea,
                       "One a line: what a visitor may not bring into the home, for example "
                       "lighters, alcohol, medicines, blades. Anything a visitor brings in that "
                       "is on this list is flagged at the door"},
                      values, errors)});
    return ctx.page("visitor_items", "Items not allowed in: " + ctx.scope.home_name, view, status);
}

Result<Response> items_page(Context& ctx) {
    return show_items(ctx, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> save_items(Context& ctx) {
    http::FormReader reader(*ctx.form);
    const auto items = TRY(read_not_allowed(reader));
    TRY(ctx.services.db.write([&](db::Connection& c) {
        return keep_not_allowed_items(c, ctx.param("home"), items, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return items_page(ctx);
    }
    return Response::redirect(visitors_href(ctx.param("home")) + "/items-not-allowed?saved=1");
}

Result<Response> save_items_again(Context& ctx, const Error& e) {
    return show_items(ctx, ctx.form->typed_values(), e, http::status_for(e.kind));
}

// At handover: who is still signed in, each flagged when it is late or they came before today,
// and the visitors of the shift since the handover's start.
Result<nlohmann::json> handover_visitors(db::Connection& c, const http::Context& ctx,
                                         std::int64_t home_id, Timestamp since) {
    if (!can(ctx.person, Action::view_visitors, ctx.scope)) {
        return nlohmann::json();
    }
    const auto here = visit_views(TRY(in_building(c, home_id)), ctx.now());
    const auto of_shift = visit_views(TRY(signed_in_since(c, home_id, since)), ctx.now());
    if (here.empty() && of_shift.empty()) {
        return nlohmann::json();
    }
    int overdue = 0;
    for (const auto& v : here) {
        overdue += v["overdue"].is_null() ? 0 : 1;
    }
    return nlohmann::json{{"in_building", here},
                          {"has_in_building", !here.empty()},
                          {"overdue", overdue},
                          {"of_shift", of_shift},
                          {"has_of_shift", !of_shift.empty()}};
}

// On the home's dashboard: who is in the building now, one tap from the fire roll.
Result<std::string> dashboard_visitors(db::Connection& c, const http::Context& ctx,
                                       std::int64_t home_id) {
    if (!can(ctx.person, Action::view_visitors, ctx.scope)) {
        return std::string{};
    }
    const auto here = visit_views(TRY(in_building(c, home_id)), ctx.now());
    int overdue = 0;
    for (const auto& v : here) {
        overdue += v["overdue"].is_null() ? 0 : 1;
    }
    return views::render("visitors_panel", {{"home_id", home_id},
                                            {"count", here.size()},
                                            {"overdue", overdue},
                                            {"has_overdue", overdue > 0}});
}

void add_visitor_routes(http::Router& router) {
    router.add_scope_resolver("visit", resolve_visit_scope);
    const std::string home = "/homes/{home}/visitors";
    const std::string one = home + "/{visit}";
    router.add({"GET", home, Action::view_visitors, book});
    router.add({"GET", home + "/new", Action::keep_visitors_book, new_visit});
    router.add({.method = "POST",
                .pattern = home,
                .action = Action::keep_visitors_book,
                .handler = create_visit,
                .again = sign_in_again});
    router.add({"GET", home + "/in-building", Action::view_visitors, in_building_page});
    router.add({"GET", one, Action::view_visitors, visit_page});
    router.add({.method = "POST",
                .pattern = one + "/sign-out",
                .action = Action::keep_visitors_book,
                .handler = signed_out,
                .again = sign_out_again});
    router.add({"GET", home + "/items-not-allowed", Action::manage_visitor_items, items_page});
    router.add({.method = "POST",
                .pattern = home + "/items-not-allowed",
                .action = Action::manage_visitor_items,
                .handler = save_items,
                .again = save_items_again});

    const std::string api = "/api/v1/homes/{home}/visits";
    router.add({"GET", api, Action::view_visitors, book});
    router.add({"POST", api, Action::keep_visitors_book, create_visit});
    router.add({"GET", api + "/in-building", Action::view_visitors, in_building_page});
    router.add({"GET", api + "/{visit}", Action::view_visitors, visit_page});
    router.add({"POST", api + "/{visit}/sign-out", Action::keep_visitors_book, signed_out});
    const std::string items = "/api/v1/homes/{home}/items-not-allowed";
    router.add({"GET", items, Action::manage_visitor_items, items_page});
    router.add({"PUT", items, Action::manage_visitor_items, save_items});
}

}  // namespace

const Capability capability{"Visitors", [](Registry& r) {
                                add_visitor_routes(r.router);
                                r.at<chronology::Kinds>().add({{"visitor", "Visitor"}});
                                r.at<children::ExportSections>().add(visits_export_section());
                                r.at<demo::DemoParts>().add({29, demo::add_visitors});
                                r.at<daily_record::HandoverParts>().add(
                                    {20, "visitors", "visitors_handover", handover_visitors});
                                r.at<organisation::HomePanels>().add({10, dashboard_visitors});
                            }};

}  // namespace hearth::visitors
