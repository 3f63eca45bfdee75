#pragma once
#include "platform/capability.hpp"

namespace hearth::children {

// Children's records: the case record (Schedule 3), the people around each child, key workers,
// money and valuables, leaving and the register, and the export of a child's whole record. Other
// capabilities extend it through ExportSections, ChildPanels and WhenLeaving.
extern const Capability capability;

}  // namespace hearth::children
