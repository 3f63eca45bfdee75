#pragma once
#include "children/export/export_sections.hpp"
#include "platform/http/router.hpp"

namespace hearth::children {

// The Export tab, its two downloads (JSON and HTML, as attachments), and
// /api/v1/children/{child}/export. `sections` must outlive the router.
void add_export_routes(http::Router& router, const ExportSections& sections);

}  // namespace hearth::children
