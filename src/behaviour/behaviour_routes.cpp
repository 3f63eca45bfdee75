#include "behaviour/behaviour_routes.hpp"

#include <fmt/format.h>

#include "behaviour/capability.hpp"
#include "behaviour/incident_export.hpp"
#include "behaviour/incident_pages.hpp"
#include "behaviour/incident_sections.hpp"
#include "behaviour/staff_involvement.hpp"
#include "behaviour/warmth_view.hpp"
#include "children/export/export_sections.hpp"
#include "chronology/kinds.hpp"

namespace hearth::behaviour {

namespace {

// An incident has a dozen long texts: more than the 64 KiB a short form is allowed.
constexpr std::size_t incident_body = std::size_t{256} * 1024;

Result<http::Response> home_warmth(http::Context& ctx) {
    const std::int64_t home_id = ctx.scope.home_id.value_or(0);
    auto view = TRY(ctx.services.db.read([&](db::Connection& c) {
        return home_warmth_view(c, home_id, ctx.scope.home_name, ctx.now());
    }));
    if (ctx.request.wants_json()) {
        return http::Response::json(200, view["api"]);
    }
    return ctx.page("home_warmth", "Warmth: " + ctx.scope.home_name,
                    {{"home", {{"id", home_id}, {"name", ctx.scope.home_name}}}, {"warmth", view}});
}

}  // namespace

void add_routes(http::Router& router, const IncidentSections& sections) {
    router.add_scope_resolver("incident", resolve_scope);
    router.add_child_tab({"Behaviour", "/incidents", Action::view_chronology, 35});
    auto show_incident = [&sections](http::Context& ctx) { return pages::show(ctx, sections); };

    router.add({"GET", "/homes/{home}/incidents", Action::view_incidents, pages::home_list});
    router.add({"GET", "/homes/{home}/incidents/new", Action::record_incident, pages::new_form});
    router.add({.method = "POST",
                .pattern = "/homes/{home}/incidents",
                .action = Action::record_incident,
                .handler = pages::create,
                .max_body = incident_body,
                .again = pages::create_again});
    router.add({"GET", "/homes/{home}/warmth", Action::view_behaviour_figures, home_warmth});
    router.add({"GET", "/children/{child}/incidents", Action::view_chronology, pages::child_list});
    router.add(
        {"GET", "/children/{child}/incidents/{incident}", Action::view_chronology, show_incident});
    router.add({"GET", "/children/{child}/incidents/{incident}/amend", Action::amend_incident,
                pages::amend_form});
    router.add({.method = "POST",
                .pattern = "/children/{child}/incidents/{incident}",
                .action = Action::amend_incident,
                .handler = pages::amend,
                .max_body = incident_body,
                .again = pages::amend_again});
    const std::string base = "/children/{child}/incidents/{incident}";
    router.add({"GET", base + "/accounts", Action::record_incident, pages::account_form});
    router.add({.method = "POST",
                .pattern = base + "/accounts",
                .action = Action::record_incident,
                .handler = pages::add_account,
                .again = pages::add_account_again});
    router.add({"GET", base + "/notifications", Action::record_incident, pages::notification_form});
    router.add({.method = "POST",
                .pattern = base + "/notifications",
                .action = Action::record_incident,
                .handler = pages::add_notification,
                .again = pages::add_notification_again});
    router.add(
        {"GET", base + "/child-debriefs", Action::record_incident, pages::child_debrief_form});
    router.add({.method = "POST",
                .pattern = base + "/child-debriefs",
                .action = Action::record_incident,
                .handler = pages::add_child_debrief,
                .again = pages::add_child_debrief_again});
    router.add(
        {"GET", base + "/staff-debriefs", Action::record_incident, pages::staff_debrief_form});
    router.add({.method = "POST",
                .pattern = base + "/staff-debriefs",
                .action = Action::record_incident,
                .handler = pages::add_staff_debrief,
                .again = pages::add_staff_debrief_again});
    router.add({"GET", base + "/restorative", Action::record_incident, pages::restorative_form});
    router.add({.method = "POST",
                .pattern = base + "/restorative",
                .action = Action::record_incident,
                .handler = pages::add_restorative,
                .again = pages::add_restorative_again});
    router.add({"GET", "/organisation/shared-learning", Action::view_shared_learning,
                pages::shared_learning});

    router.add({"GET", "/api/v1/homes/{home}/incidents", Action::view_incidents, pages::home_list});
    router.add({"POST", "/api/v1/homes/{home}/incidents", Action::record_incident, pages::create,
                incident_body});
    router.add({"GET", "/api/v1/homes/{home}/warmth", Action::view_behaviour_figures, home_warmth});
    router.add(
        {"GET", "/api/v1/children/{child}/incidents", Action::view_chronology, pages::child_list});
    const std::string api = "/api/v1/children/{child}/incidents/{incident}";
    router.add({"GET", api, Action::view_chronology, show_incident});
    router.add({"PUT", api, Action::amend_incident, pages::amend, incident_body});
    router.add({"POST", api + "/accounts", Action::record_incident, pages::add_account});
    router.add({"POST", api + "/notifications", Action::record_incident, pages::add_notification});
    router.add(
        {"POST", api + "/child-debriefs", Action::record_incident, pages::add_child_debrief});
    router.add(
        {"POST", api + "/staff-debriefs", Action::record_incident, pages::add_staff_debrief});
    router.add({"POST", api + "/restorative", Action::record_incident, pages::add_restorative});
    router.add(
        {"GET", "/api/v1/shared-learning", Action::view_shared_learning, pages::shared_learning});
}

const Capability capability{
    "Behaviour and incidents", [](Registry& r) {
        r.at<chronology::Kinds>().add({{"incident", "Incident"},
                                       {"incident_account", "In their own words"},
                                       {"debrief", "Debrief"},
                                       {"restorative", "Restorative follow-up"}});
        add_routes(r.router, r.at<IncidentSections>());
        r.at<children::ExportSections>().add(incidents_export_section());
        r.at<team::StaffInvolvements>().add({10, incidents_involving});
    }};

}  // namespace hearth::behaviour
