#pragma once
// The daily record's part of a child's whole record (export for a subject access request or when
// they leave): every entry with every version, the actions agreed, and the children's meetings they
// came to.
#include "children/export/export_sections.hpp"

namespace hearth::daily_record {

children::ExportSection daily_record_export_section();
children::ExportSection childrens_meetings_export_section();

}  // namespace hearth::daily_record
