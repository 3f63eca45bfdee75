#pragma once
#include "platform/http/router.hpp"

namespace hearth::children {

// Pages and /api/v1 routes for children's records.
void add_routes(http::Router& router);

}  // namespace hearth::children
