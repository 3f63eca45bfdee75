#pragma once
#include "platform/http/router.hpp"

namespace hearth::relationships {

// A home's bullying concerns: recording one in a minute, the response stage by stage with the
// child told at each, reporting back to whoever raised it, and each concern from a child's page.
void add_bullying_routes(http::Router& router);

}  // namespace hearth::relationships
