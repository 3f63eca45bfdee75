#pragma once
#include "platform/http/router.hpp"

namespace hearth::organisation {

// A person's page in a home, and ending their access: a role, an allocation, their account.
void add_access_routes(http::Router& router);

}  // namespace hearth::organisation
