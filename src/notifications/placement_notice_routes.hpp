#pragma once
#include "platform/capability.hpp"

namespace hearth::notifications {

// Reg 41 notices: their pages and API, their part of the child's export, and the steps that owe
// them when a child is admitted or leaves and follow an amended case record.
void join_placement_notices(Registry& r);

}  // namespace hearth::notifications
