#pragma once
// The parts of the export that the case record itself holds: the record and every version of it,
// family, key workers, money and valuables, leaving, and the chronology of everything recorded
// about the child by every capability.
#include "children/export/export_sections.hpp"
#include "chronology/kinds.hpp"

namespace hearth::children {

void add_case_record_sections(ExportSections& sections, const chronology::Kinds& kinds);

}  // namespace hearth::children
