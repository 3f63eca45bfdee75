#pragma once
// The behaviour capability's pages and API: incidents, what follows them, the learning shared
// from debriefs, and the warmth picture.
#include "behaviour/incident_sections.hpp"
#include "platform/http/router.hpp"

namespace hearth::behaviour {

// `sections`: what other capabilities show on an incident's page; it must outlive the router.
void add_routes(http::Router& router, const IncidentSections& sections);

}  // namespace hearth::behaviour
