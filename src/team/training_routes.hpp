#pragma once
#include "platform/http/router.hpp"

namespace hearth::team {

// The training matrix of a home and across the homes (page, CSV, spreadsheet, API), and the
// organisation's training programme.
void add_training_routes(http::Router& router);

}  // namespace hearth::team
