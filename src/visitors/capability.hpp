#pragma once
#include "platform/capability.hpp"

namespace hearth::visitors {

// The home's visitors' book (Schedule 4: every visitor to the home and to children, their names
// and the reasons for the visit): signing in and out, who is in the building now, the home's list
// of items not allowed in, and each visit in the chronology of the children it was to.
extern const Capability capability;

}  // namespace hearth::visitors
