#pragma once
#include "platform/http/router.hpp"

namespace hearth::organisation {

// The start page, the organisation overview, a home's dashboard and its people.
void add_routes(http::Router& router);

}  // namespace hearth::organisation
