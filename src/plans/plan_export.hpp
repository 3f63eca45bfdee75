#pragma once
// A child's plans in the export of their whole record (a subject access request, or leaving): every
// plan with every version, oldest first, its sign-off and who it was shared with. One section of
// the case record's export registry, added where the application is put together:
//     r.at<children::ExportSections>().add(plans::export_section());  (plans/capability.cpp)
#include <cstdint>
#include <nlohmann/json.hpp>

#include "children/export/export_sections.hpp"
#include "platform/db/database.hpp"

namespace hearth::plans {

Result<nlohmann::json> everything_about(db::Connection& c, std::int64_t child_id);
// How the printable document shows it: each plan, then each version's details and sections.
nlohmann::json export_blocks_of(const nlohmann::json& content);
children::ExportSection export_section();

}  // namespace hearth::plans
