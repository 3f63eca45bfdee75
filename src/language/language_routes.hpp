#pragma once
#include "platform/http/router.hpp"

namespace hearth::language {

// Every page and /api/v1 route of Language that cares.
void add_routes(http::Router& router);

// The parts, each in its own file: the organisation's list and its changes (list_routes.cpp),
// the check as staff type (check_routes.cpp), the provider's figure (figure_routes.cpp).
void add_list_routes(http::Router& router);
void add_check_routes(http::Router& router);
void add_figure_routes(http::Router& router);

}  // namespace hearth::language
