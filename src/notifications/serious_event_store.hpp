#pragma once
// Serious events in the database. Raising one writes it, the recipients the regulation requires,
// its chronology line, its clock and its audit entry in one transaction; recording who was told
// meets the clock at the moment the last required recipient was told.
#include <optional>
#include <string>
#include <vector>

#include "notifications/serious_event.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::notifications {

struct SeriousEvent {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    std::optional<std::int64_t> child_id;
    std::string child_name;
    std::optional<std::int64_t> incident_id;
    std::optional<std::int64_t> outcome_of;
    std::string event;
    std::string what_happened;
    Timestamp became_known_at{};
    std::string withdrawn_reason;
    Timestamp created_at{};
    std::string created_by_name;
    std::vector<Recipient> recipients;
    std::vector<std::int64_t> outcomes;  // an enquiry's outcome, once recorded
};

// Where a serious event is raised from: a form, or an incident that records one.
struct Raising {
    std::int64_t home_id = 0;
    NewSeriousEvent event;
    std::optional<std::int64_t> incident_id;
    std::optional<std::int64_t> outcome_of;
};
Result<std::int64_t> raise(db::Connection& c, const Raising& r, const audit::Actor& actor,
                           Timestamp now);

// Refused when that recipient's telling is recorded already, or the event was withdrawn.
Status record_told(db::Connection& c, std::int64_t event_id, const Telling& t,
                   const audit::Actor& actor, Timestamp now);

// An incident amended so that it no longer records the event: its clock stops, saying why.
Status withdraw(db::Connection& c, std::int64_t event_id, const std::string& reason,
                const audit::Actor& actor, Timestamp now);

Result<std::optional<SeriousEvent>> find(db::Connection& c, std::int64_t event_id);
// Newest first; `before`: the id after which the next page starts.
Result<std::vector<SeriousEvent>> for_home(db::Connection& c, std::int64_t home_id,
                                           std::optional<std::int64_t> before, int limit);
Result<std::vector<SeriousEvent>> for_child(db::Connection& c, std::int64_t child_id);
Result<std::vector<SeriousEvent>> for_incident(db::Connection& c, std::int64_t incident_id);

// Ofsted's counts: the serious events of the homes that became known in [from, until), not
// withdrawn, by event; and how many children had child sexual exploitation, actual or suspected.
struct EventCounts {
    std::vector<std::pair<std::string, int>> by_event;  // every event, in the regulation's order
    int children_exploited = 0;
};
Result<EventCounts> counts_in(db::Connection& c, const std::vector<std::int64_t>& home_ids,
                              Timestamp from, Timestamp until);

Status record_read(db::Connection& c, const SeriousEvent& e, const audit::Actor& actor,
                   Timestamp now);

// For the router: an event is reached under its home, or under its child.
Status resolve_scope(db::Connection& c, std::int64_t event_id, Scope& scope);

}  // namespace hearth::notifications
