#pragma once
// The intervention capability's pages and API: Reg 35 records and their sign-offs, who may sign,
// accredited training and techniques, and the figures of restrictive practice.
#include "behaviour/incident_sections.hpp"
#include "platform/http/router.hpp"

namespace hearth::intervention {

// Adds the Reg 35 records to each incident's page through `sections`.
void add_routes(http::Router& router, behaviour::IncidentSections& sections);

// Each route file's own, called by add_routes.
void add_measure_routes(http::Router& router, behaviour::IncidentSections& sections);
void add_staff_routes(http::Router& router);
void add_figure_routes(http::Router& router);
void add_technique_routes(http::Router& router);

}  // namespace hearth::intervention
