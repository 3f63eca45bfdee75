#include "intervention/intervention_routes.hpp"

namespace hearth::intervention {

void add_routes(http::Router& router, behaviour::IncidentSections& sections) {
    add_measure_routes(router, sections);
    add_staff_routes(router);
    add_figure_routes(router);
    add_technique_routes(router);
}

}  // namespace hearth::intervention
