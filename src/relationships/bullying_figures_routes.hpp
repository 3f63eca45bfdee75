#pragma once
#include "platform/http/router.hpp"

namespace hearth::relationships {

// The pattern of bullying: a home's figures as charts with their tables and CSV, and the same
// figures side by side across the provider's homes.
void add_bullying_figures_routes(http::Router& router);

}  // namespace hearth::relationships
