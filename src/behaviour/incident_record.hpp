#pragma once
// Everything the store holds about one incident: what followed it, the staff it names, its clocks
// and every version. Read in the caller's transaction, then filtered for a reader (incident_seen).
#include "behaviour/incident_seen.hpp"
#include "platform/db/database.hpp"

namespace hearth::behaviour {

Result<Everything> everything_of(db::Connection& c, Incident incident);

}  // namespace hearth::behaviour
