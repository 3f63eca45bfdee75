#pragma once
#include "platform/http/router.hpp"

namespace hearth::auth {

// The code asked for after the password, and "Your second factor" (set up, recovery codes, off).
void add_second_factor_routes(http::Router& router);

}  // namespace hearth::auth
