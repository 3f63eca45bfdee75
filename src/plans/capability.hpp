#pragma once
#include "platform/capability.hpp"

namespace hearth::plans {

// A child's plans and risk assessments, their versions, sign-off, sharing and review clocks.
extern const Capability capability;

}  // namespace hearth::plans
