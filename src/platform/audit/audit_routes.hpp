#pragma once
#include "platform/http/router.hpp"

namespace hearth::audit {

// A home's audit trail, for its managers: newest first, paged.
void add_routes(http::Router& router);

}  // namespace hearth::audit
