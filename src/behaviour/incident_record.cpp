#include "behaviour/incident_record.hpp"

#include <utility>

#include "deadlines/deadline_store.hpp"

namespace hearth::behaviour {

Result<Everything> everything_of(db::Connection& c, Incident incident) {
    Everything all;
    all.after = TRY(after_incident(c, incident.id));
    std::vector<std::int64_t> ids = incident.details.staff_involved;
    for (const auto& s : all.after.staff_debriefs) {
        ids.push_back(s.person_id);
    }
    all.staff = TRY(people_named(c, ids));
    all.versions = TRY(amendments::versions_of(c, "incident", incident.id));
    all.clocks = TRY(deadlines::for_source(c, "incident", incident.id));
    for (const auto& ch : incident.children) {
        auto clocks = TRY(deadlines::for_source(c, "incident_child", ch.link_id));
        all.clocks.insert(all.clocks.end(), clocks.begin(), clocks.end());
    }
    all.incident = std::move(incident);
    return all;
}

}  // namespace hearth::behaviour
