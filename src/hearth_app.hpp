#pragma once
// The application: every capability joined to one router, over one set of services.
#include <memory>

#include "children/export/export_sections.hpp"
#include "platform/capability.hpp"
#include "platform/http/router.hpp"

namespace hearth {

struct App {
    explicit App(const Config& config) : registry(config, router) {}

    http::Router router;
    // Holds the extension points capabilities fill (a child's export sections, the panels of
    // their Overview, an incident's sections); the router's routes refer to them.
    Registry registry;

    // The parts of a child's whole record that `hearth export` and the Export tab write out.
    const children::ExportSections& record_export() {
        return registry.at<children::ExportSections>();
    }
};

// Every capability Hearth has, in the order their parts appear where they meet (a child's export,
// their Overview): the one list a new capability is added to (docs/architecture.md).
const std::vector<const Capability*>& capabilities();

std::unique_ptr<App> build_app(const Config& config);

}  // namespace hearth
