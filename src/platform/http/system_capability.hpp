#pragma once
#include "platform/capability.hpp"

namespace hearth::http {

// Health, readiness, metrics, the static files pages use, and the API description.
extern const Capability system_capability;

}  // namespace hearth::http
