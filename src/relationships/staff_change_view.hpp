#pragma once
// One view of a change of staff that matters to a child: its page, its JSON, the Relationships
// tab, the API and the child's export are rendered from it. It is about this child alone.
#include <nlohmann/json.hpp>

#include "children/export/export_sections.hpp"
#include "relationships/staff_change_store.hpp"

namespace hearth::relationships {

nlohmann::json staff_change_view(const StaffChange& s);
children::ExportSection staff_changes_export_section();

}  // namespace hearth::relationships
