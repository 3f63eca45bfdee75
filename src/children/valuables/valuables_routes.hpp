#pragma once
#include "platform/http/router.hpp"

namespace hearth::children {

// The Money and valuables tab (what the home holds for the child and the whole ledger), the deposit
// and return forms, and /api/v1/children/{child}/valuables.
void add_valuables_routes(http::Router& router);

}  // namespace hearth::children
