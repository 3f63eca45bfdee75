#pragma once
#include "organisation/home_panels.hpp"
#include "platform/http/router.hpp"

namespace hearth::organisation {

// The start page, the organisation overview, a home's dashboard and its people.
void add_routes(http::Router& router, const HomePanels& panels);

}  // namespace hearth::organisation
