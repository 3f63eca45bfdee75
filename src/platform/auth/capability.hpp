#pragma once
#include "platform/capability.hpp"

namespace hearth::auth {

// Signing in and out, a person's account and their API tokens.
extern const Capability capability;

}  // namespace hearth::auth
