#pragma once
#include "platform/http/router.hpp"

namespace hearth::team {

// A home's reflective practice sessions and team meetings with the team's figures, each session,
// and the form that records one; the API mirrors them.
void add_team_session_routes(http::Router& router);

}  // namespace hearth::team
