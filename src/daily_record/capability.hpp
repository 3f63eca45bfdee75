#pragma once
#include "platform/capability.hpp"

namespace hearth::daily_record {

// The daily record: notes, praise, key-work sessions, handover and children's meetings.
extern const Capability capability;

}  // namespace hearth::daily_record
