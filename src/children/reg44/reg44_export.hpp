#pragma once
// The child's Reg 44 consents in their whole record: who consented to the independent person
// reading it, who withdrew, when, and who recorded each (Reg 44(4)(b); docs/decisions/0005).
#include "children/export/export_sections.hpp"

namespace hearth::children {

ExportSection reg44_export_section();

}  // namespace hearth::children
