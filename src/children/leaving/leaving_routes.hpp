#pragma once
#include "platform/http/router.hpp"

namespace hearth::children {

// Recording that a child left, and the home's register of children (Schedule 4), as pages and
// /api/v1 JSON.
void add_leaving_routes(http::Router& router);

}  // namespace hearth::children
