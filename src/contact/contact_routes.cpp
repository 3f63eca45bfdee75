// The pages of a child's contact: the Contact tab, the form that restricts contact, and a
// restriction with the forms that record the notice to the placing authority and each review. The
// page, its JSON and the API are rendered from one view (restriction_view).
#include <fmt/format.h>

#include <algorithm>

#include "children/child_panels.hpp"
#include "children/child_store.hpp"
#include "children/export/export_sections.hpp"
#include "chronology/kinds.hpp"
#include "contact/arrangement_routes.hpp"
#include "contact/arrangement_view.hpp"
#include "contact/capability.hpp"
#include "contact/contact_calendar_routes.hpp"
#include "contact/contact_demo.hpp"
#include "contact/contact_figures_routes.hpp"
#include "contact/contact_log_routes.hpp"
#include "contact/contact_log_view.hpp"
#include "contact/restriction_store.hpp"
#include "contact/restriction_view.hpp"
#include "contact/school_hours_routes.hpp"
#include "contact/school_hours_store.hpp"
#include "contact/who.hpp"
#include "daily_record/handover_parts.hpp"
#include "platform/views/form_view.hpp"
#include "platform/views/views.hpp"

namespace hearth::contact {

namespace {

using http::Context;
using http::Response;

const views::Options& yes_no_options() {
    static const views::Options all{{"yes", "Yes"}, {"no", "No"}};
    return all;
}

constexpr int log_page_size = 25;

// What the Contact tab's JSON holds: all of it, or the part an API list asks for.
enum class ContactJson { whole, restrictions, log };

// The Contact tab: restrictions in force, the contacts to come, the log a page at a time and the
// child's school hours. Each part is the one view of its records.
Result<Response> contact_page(Context& ctx, ContactJson shape) {
    const auto child_id = ctx.param("child");
    std::optional<chronology::Cursor> after;
    if (auto a = ctx.request.query_value("after")) {
        after = chronology::decode(*a);
        if (!after) {
            return Error::invalid("after", "That page of the contact log does not exist");
        }
    }
    nlohmann::json restrictions, upcoming, log;
    std::optional<chronology::Cursor> next;
    SchoolHoursSetting school;
    TRY(ctx.services.db.write([&](db::Connection& c) -> Status {
        auto all = TRY(restrictions_of(c, child_id));
        for (const auto& r : all) {
            TRY(record_restriction_read(c, r, ctx.actor(), ctx.now()));
        }
        restrictions = TRY(restriction_views(c, all, ctx.now()));
        const auto coming = TRY(upcoming_contacts(c, child_id, ctx.now(), 10));
        upcoming = TRY(contact_views(c, coming, ctx.now()));
        auto page = TRY(contacts_of(c, child_id, after, log_page_size));
        for (const auto& k : page.items) {
            TRY(record_contact_read(c, k, ctx.actor(), ctx.now()));
        }
        log = TRY(contact_views(c, page.items, ctx.now()));
        next = page.next;
        school = TRY(school_hours_of_child(c, child_id));
        return {};
    }));
    const std::string next_text = next ? chronology::encode(*next) : "";
    if (ctx.request.wants_json()) {
        nlohmann::json out = {{"restrictions", restrictions},
                              {"contacts", log},
                              {"upcoming", upcoming},
                              {"next", next ? nlohmann::json(next_text) : nlohmann::json()},
                              {"school_hours", school_hours_view(school)}};
        if (shape == ContactJson::restrictions) {
            out = {{"restrictions", restrictions}};
        } else if (shape == ContactJson::log) {
            out.erase("restrictions");
        }
        return Response::json(200, out);
    }
    nlohmann::json in_force = nlohmann::json::array(), past = nlohmann::json::array();
    for (const auto& r : restrictions) {
        (r["in_force"].get<bool>() ? in_force : past).push_back(r);
    }
    return ctx.page("contact", "Contact: " + ctx.scope.child_name,
                    {{"child_id", child_id},
                     {"in_force", in_force},
                     {"has_in_force", !in_force.empty()},
                     {"past", past},
                     {"has_past", !past.empty()},
                     {"upcoming", upcoming},
                     {"has_upcoming", !upcoming.empty()},
                     {"log", log},
                     {"has_log", !log.empty()},
                     {"first_page", !after.has_value()},
                     {"next_href", next ? fmt::format("/children/{}/contact?after={}#log", child_id,
                                                      http::url_encode(next_text))
                                        : ""},
                     {"school_hours", school_hours_view(school)},
                     {"can_log", can(ctx.person, Action::record_contact, ctx.scope)},
                     {"can_restrict", can(ctx.person, Action::restrict_contact, ctx.scope)}});
}

Result<Response> show_new(const Context& ctx, const FamilyChoices& family,
                          const nlohmann::json& values, const std::optional<Error>& error,
                          int status) {
    const auto child_id = ctx.param("child");
    nlohmann::json view = {{"action", fmt::format("/children/{}/contact/restrictions", child_id)},
                           {"child_id", child_id}};
    nlohmann::json errors = nlohmann::json::object();
    if (error) {
        view.update(views::errors_view(*error));
        errors = view["error_for"];
    }
    auto f = [&](const views::FieldSpec& spec) { return views::field(spec, values, errors); };
    view["fields"] = nlohmann::json::array(
        {f({"family_member_id", "Who does it restrict?", views::FieldKind::radios,
            "From the family list", family.options}),
         f({"person", "Or someone not on the family list", views::FieldKind::text,
            "Their name, and who they are to the child: \"Jay Moss, a friend from school\""}),
         f({"forms", "Which forms of contact?", views::FieldKind::checkboxes, "",
            views::options_of(contact_forms())}),
         f({"reason", "Why must contact be restricted?", views::FieldKind::radios,
            "Never as a punishment (Reg 19)", views::options_of(restriction_reasons())}),
         f({"why", "What makes it necessary", views::FieldKind::textarea}),
         f({"basis", "What does it rest on?", views::FieldKind::radios, "",
            views::options_of(restriction_bases())}),
         f({"starts_on", "Day it starts", views::FieldKind::date}),
         f({"ends_on", "Day it ends (optional)", views::FieldKind::date,
            "Leave empty if it lasts until it is lifted at a review"}),
         f({"agreed_beforehand", "Did the social worker agree it beforehand?",
            views::FieldKind::radios,
            "If not, and it is the home's own decision, the placing authority must be given full "
            "details within 24 hours",
            yes_no_options()}),
         f({"agreed_with", "Who agreed it", views::FieldKind::text}),
         f({"agreed_on", "Day they agreed it", views::FieldKind::date}),
         f({"review_on", "Review it by", views::FieldKind::date}),
         f({"child_told", "Has the child been told?", views::FieldKind::radios, "",
            yes_no_options()}),
         f({"child_view", "What the child said, in their words", views::FieldKind::textarea}),
         f({"not_told_why", "If not yet: why, and when they will be",
            views::FieldKind::textarea})});
    return ctx.page("contact_restriction_form", "Restrict contact: " + ctx.scope.child_name, view,
                    status);
}

Result<Response> new_restriction(Context& ctx) {
    const auto family = TRY(family_choices(ctx.services.db, ctx.param("child")));
    nlohmann::json values = {{"starts_on", format_date(ctx.today())}};
    if (ctx.draft) {
        values = ctx.draft->typed_values();
    }
    return show_new(ctx, family, values, std::nullopt, 200);
}

Result<Response> create_restriction(Context& ctx) {
    const auto child_id = ctx.param("child");
    const auto family = TRY(family_choices(ctx.services.db, child_id));
    http::FormReader reader(*ctx.form);
    const auto d = TRY(read_restriction(reader, family.ids, ctx.today()));
    const auto id = TRY(ctx.services.db.write([&](db::Connection& c) {
        return restrict_contact(c, child_id, d, ctx.actor(), ctx.now());
    }));
    if (ctx.request.wants_json()) {
        auto made = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<nlohmann::json> {
            return restriction_view(c, *TRY(find_restriction(c, id)), ctx.now());
        }));
        return Response::json(201, made).header(
            "Location", fmt::format("/api/v1/children/{}/contact-restrictions/{}", child_id, id));
    }
    return Response::redirect(
        fmt::format("/children/{}/contact/restrictions/{}?saved=1", child_id, id));
}

Result<Response> create_again(Context& ctx, const Error& e) {
    const auto family = TRY(family_choices(ctx.services.db, ctx.param("child")));
    return show_new(ctx, family, ctx.form->typed_values(), e, http::status_for(e.kind));
}

// Which form on the restriction's page an error belongs to.
enum class Part { none, notice, review };

Result<Response> show_restriction(Context& ctx, Part part, const nlohmann::json& values,
                                  const std::optional<Error>& error, int status) {
    const auto id = ctx.param("restriction");
    auto data = TRY(ctx.services.db.write([&](db::Connection& c) -> Result<nlohmann::json> {
        auto found = TRY(find_restriction(c, id));
        if (!found) {
            return Error::not_found("We could not find that restriction.");
        }
        TRY(record_restriction_read(c, *found, ctx.actor(), ctx.now()));
        return restriction_view(c, *found, ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return Response::json(200, data);
    }
    const bool can_act = can(ctx.person, Action::restrict_contact, ctx.scope);
    nlohmann::json view = {{"restriction", data},
                           {"saved", ctx.request.query_value("saved").has_value()},
                           {"child_id", ctx.param("child")}};
    if (error) {
        view.update(views::errors_view(*error));
    }
    auto fields_for = [&](Part which) {
        const nlohmann::json errors =
            error && part == which ? view["error_for"] : nlohmann::json::object();
        const nlohmann::json shown = part == which ? values : nlohmann::json::object();
        return [errors, shown](const views::FieldSpec& spec) {
            return views::field(spec, shown, errors);
        };
    };
    if (!data["social_worker_confirmed"].get<bool>() &&
        can(ctx.person, Action::confirm_contact, ctx.scope)) {
        view["confirm_action"] = data["href"].get<std::string>() + "/agreement";
    }
    if (can_act && data["notice"]["owed"].get<bool>()) {
        auto f = fields_for(Part::notice);
        view["notice_action"] = data["href"].get<std::string>() + "/notice";
        view["notice_fields"] = nlohmann::json::array(
            {f({"told", "Who at the placing authority was told?", views::FieldKind::text,
                "Their name and team: \"Sam Keane, social worker\""}),
             f({"method", "How were they told?", views::FieldKind::radios, "",
                views::options_of(notice_methods())}),
             f({"told_on", "Day they were told", views::FieldKind::date}),
             f({"told_time", "Time they were told", views::FieldKind::time})});
    }
    if (can_act && data["lifted_on"].is_null()) {
        auto f = fields_for(Part::review);
        view["review_action"] = data["href"].get<std::string>() + "/review";
        view["review_fields"] = nlohmann::json::array(
            {f({"outcome", "What was decided?", views::FieldKind::radios, "",
                views::Options{{"continue", "It continues"}, {"lift", "Lift it"}}}),
             f({"decision", "What was decided, and why", views::FieldKind::textarea}),
             f({"child_view", "What the child said, in their words", views::FieldKind::textarea}),
             f({"next_review_on", "Next review by", views::FieldKind::date, "If it continues"})});
    }
    return ctx.page("contact_restriction",
                    "Restriction of contact with " + data["person"].get<std::string>(), view,
                    status);
}

Result<Response> restriction_detail(Context& ctx) {
    return show_restriction(ctx, Part::none, nlohmann::json::object(), std::nullopt, 200);
}

Result<Response> notice_given(Context& ctx) {
    const auto id = ctx.param("restriction");
    auto imposed = TRY(ctx.services.db.read([&](db::Connection& c) -> Result<Timestamp> {
        auto found = TRY(find_restriction(c, id));
        if (!found) {
            return Error::not_found("We could not find that restriction.");
        }
        return from_local(found->details.starts_on, 0, 0).value_or(found->created_at);
    }));
    http::FormReader reader(*ctx.form);
    const auto n = TRY(read_notice(reader, imposed, ctx.now()));
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return record_notice(c, id, n, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        return restriction_detail(ctx);
    }
    return Response::redirect(
        fmt::format("/children/{}/contact/restrictions/{}", ctx.param("child"), id));
}

Result<Response> notice_again(Context& ctx, const Error& e) {
    return show_restriction(ctx, Part::notice, ctx.form->typed_values(), e,
                            http::status_for(e.kind));
}

Result<Response> reviewed(Context& ctx) {
    const auto id = ctx.param("restriction");
    http::FormReader reader(*ctx.form);
    const auto r = TRY(read_review(reader, ctx.today()));
    TRY(ctx.services.db.write(
        [&](db::Connection& c) { return record_review(c, id, r, ctx.actor(), ctx.now()); }));
    if (ctx.request.wants_json()) {
        return restriction_detail(ctx);
    }
    return Response::redirect(
        fmt::format("/children/{}/contact/restrictions/{}", ctx.param("child"), id));
}

Result<Response> review_again(Context& ctx, const Error& e) {
    return show_restriction(ctx, Part::review, ctx.form->typed_values(), e,
                            http::status_for(e.kind));
}

// On the child's Overview: who they are in touch with (the arrangements in force), the
// restrictions in force, what staff must know before a call or a visit, and the contacts to come.
Result<std::string> contact_panel(db::Connection& c, const http::Context& ctx,
                                  const children::Child& child) {
    nlohmann::json in_force = nlohmann::json::array();
    const auto all = TRY(restrictions_of(c, child.id));
    for (const auto& r : TRY(restriction_views(c, all, ctx.now()))) {
        if (r["in_force"].get<bool>()) {
            in_force.push_back(r);
        }
    }
    nlohmann::json in_touch = nlohmann::json::array();
    const auto arrangements = TRY(arrangements_of(c, child.id));
    for (const auto& a : arrangement_views(arrangements)) {
        if (a["in_force"].get<bool>()) {
            in_touch.push_back(a);
        }
    }
    const auto coming = TRY(upcoming_contacts(c, child.id, ctx.now(), 3));
    const auto next = TRY(contact_views(c, coming, ctx.now()));
    if (in_force.empty() && in_touch.empty() && next.empty()) {
        return std::string{};
    }
    return views::render("contact_panel", {{"restrictions", in_force},
                                           {"has_restrictions", !in_force.empty()},
                                           {"in_touch", in_touch},
                                           {"has_in_touch", !in_touch.empty()},
                                           {"upcoming", next},
                                           {"has_upcoming", !next.empty()},
                                           {"child_id", child.id}});
}

// At handover: the restrictions in force for the children living here (Reg 22: staff must know
// before a call or a visit), the contacts of the shift (since the last handover, and those planned
// for the next twelve hours), and the concerns still awaiting a social worker's answer.
Result<nlohmann::json> handover_contact(db::Connection& c, const http::Context& ctx,
                                        std::int64_t home_id, Timestamp since) {
    const auto restricted = TRY(restrictions_in_force_at_home(c, home_id, ctx.today()));
    const auto shift =
        TRY(contacts_in_home(c, home_id, since, ctx.now() + std::chrono::hours{12}, 100));
    const auto awaiting = TRY(concerns_awaiting(c, home_id));
    if (restricted.empty() && shift.empty() && awaiting.empty()) {
        return nlohmann::json();
    }
    // Showing a restriction, a contact or a concern is reading that child's record: each is in the
    // audit trail, once.
    for (const auto& r : restricted) {
        TRY(record_restriction_read(c, r, ctx.actor(), ctx.now()));
    }
    for (const auto& k : shift) {
        TRY(record_contact_read(c, k, ctx.actor(), ctx.now()));
    }
    for (const auto& k : awaiting) {
        const bool shown =
            std::any_of(shift.begin(), shift.end(), [&](const Contact& s) { return s.id == k.id; });
        if (!shown) {
            TRY(record_contact_read(c, k, ctx.actor(), ctx.now()));
        }
    }
    auto restrictions = TRY(restriction_views(c, restricted, ctx.now()));
    auto contacts = TRY(contact_views(c, shift, ctx.now()));
    auto concerns = TRY(contact_views(c, awaiting, ctx.now()));
    return nlohmann::json{
        {"restrictions", restrictions}, {"has_restrictions", !restrictions.empty()},
        {"contacts", contacts},         {"has_contacts", !contacts.empty()},
        {"concerns", concerns},         {"has_concerns", !concerns.empty()}};
}

void add_contact_routes(http::Router& router) {
    add_contact_log_routes(router);
    add_arrangement_routes(router);
    add_contact_figures_routes(router);
    add_contact_calendar_routes(router);
    add_school_hours_routes(router);
    router.add_scope_resolver("restriction", resolve_restriction_scope);
    router.add_child_tab({"Contact", "/contact", Action::view_chronology, 45});
    const std::string child = "/children/{child}/contact";
    const std::string one = child + "/restrictions/{restriction}";
    router.add({"GET", child, Action::view_chronology,
                [](Context& ctx) { return contact_page(ctx, ContactJson::whole); }});
    router.add({"GET", child + "/restrictions/new", Action::restrict_contact, new_restriction});
    router.add({.method = "POST",
                .pattern = child + "/restrictions",
                .action = Action::restrict_contact,
                .handler = create_restriction,
                .again = create_again});
    router.add({"GET", one, Action::view_chronology, restriction_detail});
    router.add({.method = "POST",
                .pattern = one + "/notice",
                .action = Action::restrict_contact,
                .handler = notice_given,
                .again = notice_again});
    router.add({.method = "POST",
                .pattern = one + "/review",
                .action = Action::restrict_contact,
                .handler = reviewed,
                .again = review_again});

    const std::string api = "/api/v1/children/{child}/contact-restrictions";
    router.add({"GET", api, Action::view_chronology,
                [](Context& ctx) { return contact_page(ctx, ContactJson::restrictions); }});
    router.add({"GET", "/api/v1/children/{child}/contacts", Action::view_chronology,
                [](Context& ctx) { return contact_page(ctx, ContactJson::log); }});
    router.add({"POST", api, Action::restrict_contact, create_restriction});
    router.add({"GET", api + "/{restriction}", Action::view_chronology, restriction_detail});
    router.add({"POST", api + "/{restriction}/notice", Action::restrict_contact, notice_given});
    router.add({"POST", api + "/{restriction}/review", Action::restrict_contact, reviewed});
}

}  // namespace

const Capability capability{
    "Contact", [](Registry& r) {
        add_contact_routes(r.router);
        r.at<chronology::Kinds>().add({{"contact_restriction", "Contact restriction"},
                                       {"contact", "Contact"},
                                       {"contact_arrangement", "Contact agreed"}});
        r.at<children::ExportSections>().add(restrictions_export_section());
        r.at<children::ExportSections>().add(contact_log_export_section());
        r.at<children::ExportSections>().add(arrangements_export_section());
        r.at<demo::DemoParts>().add({27, demo::add_contact_restrictions});
        r.at<demo::DemoParts>().add({28, demo::add_contact_log});
        r.at<children::ChildPanels>().add({15, contact_panel});
        r.at<daily_record::HandoverParts>().add(
            {10, "contact", "handover_contact", handover_contact});
    }};

}  // namespace hearth::contact
