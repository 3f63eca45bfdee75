#include "behaviour/incident_record.hpp"

#include <utility>

#include "deadlines/deadline_store.hpp"

namespace hearth::behaviour {

Result<Everything> everything_of(db::Connection& c, Incident incident) {
    Everything all;
    all.after = TRY(after_incident(c, incident.id));
    all.staff = TRY(staff_named(c, {incident}));
    std::vector<std::int64_t> debriefed;
    for (const auto& s : all.after.staff_debriefs) {
        debriefed.push_back(s.person_id);
    }
    for (auto& p : TRY(people_named(c, debriefed))) {
        all.staff.push_back(std::move(p));
    }
    all.versions = TRY(amendments::versions_of(c, "incident", incident.id));
    all.clocks = TRY(deadlines::for_source(c, "incident", incident.id));
    for (const auto& ch : incident.children) {
        auto clocks = TRY(deadlines::for_source(c, "incident_child", ch.link_id));
        all.clocks.insert(all.clocks.end(), clocks.begin(), clocks.end());
    }
    all.serious_events = TRY(notifications::for_incident(c, incident.id));
    for (const auto& e : all.serious_events) {
        auto clocks = TRY(deadlines::for_source(c, "serious_event", e.id));
        all.clocks.insert(all.clocks.end(), clocks.begin(), clocks.end());
    }
    all.incident = std::move(incident);
    return all;
}

}  // namespace hearth::behaviour
