#pragma once
#include "platform/capability.hpp"

namespace hearth::audit {

// The audit trail: who read and changed what, for managers and inspectors.
extern const Capability capability;

}  // namespace hearth::audit
