#pragma once
#include "platform/http/router.hpp"

namespace hearth::daily_record {

// Pages and /api/v1 routes for daily notes, praise, key-work sessions and agreed actions.
void add_routes(http::Router& router);

}  // namespace hearth::daily_record
