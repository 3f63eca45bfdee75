#pragma once
#include "platform/http/router.hpp"

namespace hearth::deadlines {

// Due and overdue clocks: for a home, for a child, across the homes a person oversees.
void add_routes(http::Router& router);

}  // namespace hearth::deadlines
