#pragma once
#include "children/child_panels.hpp"
#include "children/child_steps.hpp"
#include "children/export/export_sections.hpp"
#include "platform/http/router.hpp"

namespace hearth::children {

// Pages and /api/v1 routes for children's records: the record itself, the people around the child,
// key workers, money and valuables, leaving and the register, and the export of the whole record.
// The extension points other capabilities fill must outlive the router.
void add_routes(http::Router& router, const ExportSections& sections, const ChildPanels& panels,
                const PlacementSteps& steps);

}  // namespace hearth::children
