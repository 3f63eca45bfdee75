#pragma once
// What the behaviour capability's route files share: loading the incident a page is about, and
// the handlers each file defines. Internal to the behaviour capability.
#include "behaviour/incident_sections.hpp"
#include "behaviour/incident_store.hpp"
#include "platform/http/router.hpp"

namespace hearth::behaviour::pages {

Home home_of(const http::Context& ctx);
// The incident of the route's {incident}, its reading recorded when `record` is set.
Result<Incident> load_incident(db::Connection& c, const http::Context& ctx, bool record);
// "Aisha": the first word of a name.
std::string first_word(const std::string& name);

// incident_routes.cpp
Result<http::Response> home_list(http::Context& ctx);
Result<http::Response> new_form(http::Context& ctx);
Result<http::Response> create(http::Context& ctx);
Result<http::Response> create_again(http::Context& ctx, const Error& e);
Result<http::Response> child_list(http::Context& ctx);
Result<http::Response> show(http::Context& ctx, const IncidentSections& sections);
Result<http::Response> amend_form(http::Context& ctx);
Result<http::Response> amend(http::Context& ctx);
Result<http::Response> amend_again(http::Context& ctx, const Error& e);

// after_incident_routes.cpp: each form lives at the address it posts to, so that a draft kept
// through an idle sign-out comes back to it.
Result<http::Response> account_form(http::Context& ctx);
Result<http::Response> add_account(http::Context& ctx);
Result<http::Response> add_account_again(http::Context& ctx, const Error& e);
Result<http::Response> notification_form(http::Context& ctx);
Result<http::Response> add_notification(http::Context& ctx);
Result<http::Response> add_notification_again(http::Context& ctx, const Error& e);
Result<http::Response> child_debrief_form(http::Context& ctx);
Result<http::Response> add_child_debrief(http::Context& ctx);
Result<http::Response> add_child_debrief_again(http::Context& ctx, const Error& e);
Result<http::Response> staff_debrief_form(http::Context& ctx);
Result<http::Response> add_staff_debrief(http::Context& ctx);
Result<http::Response> add_staff_debrief_again(http::Context& ctx, const Error& e);
Result<http::Response> restorative_form(http::Context& ctx);
Result<http::Response> add_restorative(http::Context& ctx);
Result<http::Response> add_restorative_again(http::Context& ctx, const Error& e);
Result<http::Response> shared_learning(http::Context& ctx);

}  // namespace hearth::behaviour::pages
