#pragma once
#include "platform/http/router.hpp"

namespace hearth::relationships {

// Agreeing a managed interaction between two children, its page, and its review.
void add_managed_interaction_routes(http::Router& router);

}  // namespace hearth::relationships
