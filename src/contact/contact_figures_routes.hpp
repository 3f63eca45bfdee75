#pragma once
#include "platform/http/router.hpp"

namespace hearth::contact {

// Contact by month for a home and for a child, and the restrictions in force across the homes.
void add_contact_figures_routes(http::Router& router);

}  // namespace hearth::contact
