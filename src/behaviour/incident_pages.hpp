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
http::Response home_list(http::Context& ctx);
http::Response new_form(http::Context& ctx);
http::Response create(http::Context& ctx);
http::Response child_list(http::Context& ctx);
http::Response show(http::Context& ctx, const IncidentSections& sections);
http::Response amend_form(http::Context& ctx);
http::Response amend(http::Context& ctx);

// after_incident_routes.cpp: each form lives at the address it posts to, so that a draft kept
// through an idle sign-out comes back to it.
http::Response account_form(http::Context& ctx);
http::Response add_account(http::Context& ctx);
http::Response notification_form(http::Context& ctx);
http::Response add_notification(http::Context& ctx);
http::Response child_debrief_form(http::Context& ctx);
http::Response add_child_debrief(http::Context& ctx);
http::Response staff_debrief_form(http::Context& ctx);
http::Response add_staff_debrief(http::Context& ctx);
http::Response restorative_form(http::Context& ctx);
http::Response add_restorative(http::Context& ctx);
http::Response shared_learning(http::Context& ctx);

}  // namespace hearth::behaviour::pages
