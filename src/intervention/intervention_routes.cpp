#include "intervention/intervention_routes.hpp"

#include "behaviour/incident_sections.hpp"
#include "children/export/export_sections.hpp"
#include "chronology/kinds.hpp"
#include "intervention/capability.hpp"
#include "intervention/demo_incidents.hpp"
#include "intervention/measure_export.hpp"

namespace hearth::intervention {

void add_routes(http::Router& router, behaviour::IncidentSections& sections) {
    add_measure_routes(router, sections);
    add_staff_routes(router);
    add_figure_routes(router);
    add_technique_routes(router);
}

const Capability capability{
    "Physical intervention", [](Registry& r) {
        r.at<chronology::Kinds>().add(
            {{"physical_intervention", "Physical intervention or restriction"},
             {"consequence", "Consequence"}});
        add_routes(r.router, r.at<behaviour::IncidentSections>());
        r.at<children::ExportSections>().add(measures_export_section());
        r.at<demo::DemoParts>().add({40, demo::add_incidents});
    }};

}  // namespace hearth::intervention
