#pragma once
#include "platform/capability.hpp"

namespace hearth::team {

// The team (issue 15): each person's staff record as Schedule 4 asks it, the checks that show they
// are fit to work with children before a role with children comes into force (Reg 32, Schedule 2),
// and the qualification their role asks for with its clock (Reg 28, Reg 32).
extern const Capability capability;

}  // namespace hearth::team
