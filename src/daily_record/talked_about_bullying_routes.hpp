#pragma once
#include "platform/http/router.hpp"

namespace hearth::daily_record {

// Who has talked about bullying: each child of a home, their last key-work session and children's
// meeting about it, as a page and through the API.
void add_talked_about_bullying_routes(http::Router& router);

}  // namespace hearth::daily_record
