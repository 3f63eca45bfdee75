#pragma once
#include "platform/capability.hpp"

namespace hearth::contact {

// Keeping each child in touch with the people who matter to them (Reg 22;
// docs/practice-guidance.md, contact): today, the restrictions of a child's contact, each with why,
// its basis, its review and, when the home imposed one in an emergency, the notice owed to the
// placing authority.
extern const Capability capability;

}  // namespace hearth::contact
