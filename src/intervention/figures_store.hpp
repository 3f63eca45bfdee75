#pragma once
// The rows restrictive-practice figures are built from, read a home at a time through the
// indexes on (home, kind, time) and (home, time), so no page scans a table that grows.
#include <cstdint>
#include <vector>

#include "intervention/figures.hpp"
#include "platform/db/database.hpp"

namespace hearth::intervention {

Result<std::vector<RestraintRow>> restraints_in(db::Connection& c,
                                                const std::vector<std::int64_t>& home_ids,
                                                Timestamp from, Timestamp until);
Result<std::vector<IncidentRow>> incidents_in(db::Connection& c,
                                              const std::vector<std::int64_t>& home_ids,
                                              Timestamp from, Timestamp until);

}  // namespace hearth::intervention
