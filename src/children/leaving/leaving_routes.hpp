#pragma once
#include "children/child_steps.hpp"
#include "platform/http/router.hpp"

namespace hearth::children {

// Recording that a child left, and the home's register of children (Schedule 4), as pages and
// /api/v1 JSON.
// (`when_leaving` must outlive the router).
void add_leaving_routes(http::Router& router, const WhenLeaving& when_leaving);

}  // namespace hearth::children
