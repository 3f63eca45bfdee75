#pragma once
#include "platform/http/router.hpp"
#include "team/supervision_store.hpp"

namespace hearth::team {

// A person's supervision page (their arrangement, the clock to the next one, what Hearth lists
// since the last, their supervisions, the form to record one), each supervision and its
// signatures; the API mirrors them.
void add_supervision_routes(http::Router& router, const StaffInvolvements& involvements);

}  // namespace hearth::team
