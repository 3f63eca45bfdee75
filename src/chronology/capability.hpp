#pragma once
#include "platform/capability.hpp"

namespace hearth::chronology {

// A child's chronology: every capability's records about them, in the order they happened.
extern const Capability capability;

}  // namespace hearth::chronology
