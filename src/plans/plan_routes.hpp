#pragma once
#include "platform/http/router.hpp"

namespace hearth::plans {

// The Plans tab of a child's record: pages and /api/v1 routes for relevant plans and risk
// assessments, their versions, sign-off and sharing.
void add_routes(http::Router& router);

}  // namespace hearth::plans
