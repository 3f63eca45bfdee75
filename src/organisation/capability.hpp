#pragma once
#include "platform/capability.hpp"

namespace hearth::organisation {

// The organisation, its homes and the people who work in them.
extern const Capability capability;

}  // namespace hearth::organisation
