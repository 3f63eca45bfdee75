#pragma once
#include "platform/http/router.hpp"

namespace hearth::organisation {

// The values the law leaves to the home, on the administrator's settings page and through the API.
void add_settings_routes(http::Router& router);

}  // namespace hearth::organisation
