#pragma once
// The incidents a member of staff was part of, for their next supervision (team/supervision_store):
// each incident naming them among the staff involved since their last one, whether anyone was held
// or kept from going somewhere, and whether their own debrief and wellbeing check has been held.
#include "team/supervision_store.hpp"

namespace hearth::behaviour {

Result<std::vector<team::Involvement>> incidents_involving(db::Connection& c,
                                                           std::int64_t person_id,
                                                           std::int64_t home_id,
                                                           std::optional<Timestamp> since,
                                                           std::optional<Timestamp> until);

}  // namespace hearth::behaviour
