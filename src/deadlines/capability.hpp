#pragma once
#include "platform/capability.hpp"

namespace hearth::deadlines {

// The clocks the law and good practice set, and what is due, overdue and met.
extern const Capability capability;

}  // namespace hearth::deadlines
