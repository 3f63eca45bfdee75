#pragma once
// The behaviour part of a child's whole-record export: every incident they were part of, as it
// stands in their own record (incident_seen.hpp): their accounts and debriefs, who was told about
// them, the restorative follow-up, and every version; another child in it is "another young
// person", with nothing of theirs.
#include "children/export/export_sections.hpp"

namespace hearth::behaviour {

children::ExportSection incidents_export_section();

}  // namespace hearth::behaviour
