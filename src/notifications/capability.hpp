#pragma once
#include "platform/capability.hpp"

namespace hearth::notifications {

// The notifications the law requires of the home: serious events (Reg 40), each with who must be
// told, who told them, when and how; and the notice of each admission and leaving owed to the local
// authority where the home is (Reg 41).
extern const Capability capability;

}  // namespace hearth::notifications
