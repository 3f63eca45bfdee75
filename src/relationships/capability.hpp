#pragma once
#include "platform/capability.hpp"

namespace hearth::relationships {

// The relationships a child builds, and countering bullying (docs/practice-guidance.md, positive
// relationships and countering bullying; Reg 34(3)): bullying concerns from the first word to the
// outcome with the child told at each stage, and which children must not be alone together or are
// kept apart.
extern const Capability capability;

}  // namespace hearth::relationships
