#pragma once
#include "platform/capability.hpp"

namespace hearth::notifications {

// The notifications the law requires of the home: serious events (Reg 40), each with who must be
// told, who told them, when and how.
extern const Capability capability;

}  // namespace hearth::notifications
