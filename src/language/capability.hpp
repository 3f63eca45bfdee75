#pragma once
#include "platform/capability.hpp"

namespace hearth::language {

// Language that cares: the organisation's list of phrases and the check of what staff write.
extern const Capability capability;

}  // namespace hearth::language
