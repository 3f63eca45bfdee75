#pragma once
#include "platform/http/router.hpp"

namespace hearth::auth {

// Sign-in and sign-out, keeping a session alive, and a person's own account and API tokens.
void add_routes(http::Router& router);

}  // namespace hearth::auth
