#pragma once
// The application: every capability's routes on one router, over one set of services.
#include <memory>

#include "behaviour/incident_sections.hpp"
#include "children/export/export_sections.hpp"
#include "platform/http/router.hpp"

namespace hearth {

struct App {
    // The parts of a child's whole record that `hearth export` and the Export tab write out: each
    // capability adds its own in build_app. Declared before the router, whose routes use it.
    children::ExportSections record_export;
    // What other capabilities show on an incident's page: the intervention capability's Reg 35
    // records.
    behaviour::IncidentSections incident_sections;
    http::Router router;
};

std::unique_ptr<App> build_app(const Config& config);

}  // namespace hearth
