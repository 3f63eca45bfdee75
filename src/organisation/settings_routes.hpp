#pragma once
#include "platform/http/router.hpp"

namespace hearth::organisation {

// The values the law leaves to the home, on the administrator's settings page and through the API.
void add_settings_routes(http::Router& router);
// A home's Ofsted URN and the local authority where it is (home_details_routes.cpp).
void add_home_details_routes(http::Router& router);

}  // namespace hearth::organisation
