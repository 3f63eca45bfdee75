#pragma once
#include "platform/capability.hpp"

namespace hearth::behaviour {

// Behaviour and incidents: what happened, each child's account, what followed, warmth.
extern const Capability capability;

}  // namespace hearth::behaviour
