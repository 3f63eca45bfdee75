#pragma once
#include "platform/http/router.hpp"

namespace hearth::children {

// Who consented to the independent person (Reg 44) reading a child's record, and the registered
// manager's form to record a consent or its withdrawal.
void add_reg44_routes(http::Router& router);

}  // namespace hearth::children
