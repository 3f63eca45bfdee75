#pragma once
// The Reg 35 part of a child's whole-record export: every restrictive measure used with them, with
// both sign-offs (what the child said, who was spoken to) and every version.
#include "children/export/export_sections.hpp"

namespace hearth::intervention {

children::ExportSection measures_export_section();

}  // namespace hearth::intervention
