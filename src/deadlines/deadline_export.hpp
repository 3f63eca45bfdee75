#pragma once
// The deadlines of a child's whole record: every clock started about them, and how it was met.
#include "children/export/export_sections.hpp"

namespace hearth::deadlines {

children::ExportSection deadlines_export_section();

}  // namespace hearth::deadlines
