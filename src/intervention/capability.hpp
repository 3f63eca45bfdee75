#pragma once
#include "platform/capability.hpp"

namespace hearth::intervention {

// Physical intervention as a lawful last resort: Reg 35 records, their sign-offs, the home's
// techniques and who is trained in them, and the figures that show whether it is falling.
extern const Capability capability;

}  // namespace hearth::intervention
