#pragma once
// Incidents in the database. An incident is written with its first version, a chronology line for
// each child it is about, its clocks and its audit entry in one transaction; an amendment keeps
// the version before it. Children and what they said are never taken off an incident: the record
// about them stays in their chronology.
#include <optional>
#include <string>
#include <vector>

#include "behaviour/incident.hpp"
#include "chronology/chronology.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::behaviour {

// Where an incident is recorded: its home, and the organisation whose language list checks it.
struct Home {
    std::int64_t home_id = 0;
    std::int64_t organisation_id = 0;
};

// A child an incident is about. `link_id` names this child in this incident: the Reg 35 record
// that a restrictive measure waits for is the child's, not the whole incident's.
struct IncidentChild {
    std::int64_t link_id = 0;
    std::int64_t child_id = 0;
    std::string name;
};

struct Incident {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    IncidentDetails details;
    std::vector<IncidentChild> children;
    std::int64_t author_id = 0;
    std::string author_name;
    Timestamp created_at{};
    Timestamp updated_at{};
    std::string updated_by_name;
    int version = 1;
};

Result<std::int64_t> record(db::Connection& c, const Home& home, const IncidentDetails& d,
                            const audit::Actor& actor, Timestamp now);
// Refused with a conflict when the incident is no longer at `read_version`.
Status amend(db::Connection& c, const Home& home, std::int64_t incident_id, int read_version,
             const IncidentDetails& d, const std::string& reason, const audit::Actor& actor,
             Timestamp now);
Result<std::optional<Incident>> find(db::Connection& c, std::int64_t incident_id);
// Reading an incident is reading the record of every child it is about: audited for each.
Status record_read(db::Connection& c, const Incident& incident, const audit::Actor& actor,
                   Timestamp now);

// A home's or a child's incidents, newest first, a keyset page at a time (the chronology's cursor).
struct Page {
    std::vector<Incident> incidents;
    std::optional<chronology::Cursor> next;
    std::vector<Person> staff;  // everyone the page's incidents name
};
Result<Page> for_home(db::Connection& c, std::int64_t home_id,
                      std::optional<chronology::Cursor> after, int limit);
Result<Page> for_child(db::Connection& c, std::int64_t child_id,
                       std::optional<chronology::Cursor> after, int limit);

// The names of people by id, for the pages that name them (they may since have left the home).
Result<std::vector<Person>> people_named(db::Connection& c, const std::vector<std::int64_t>& ids);
// The staff these incidents name, as involved or as assaulted.
Result<std::vector<Person>> staff_named(db::Connection& c, const std::vector<Incident>& incidents);

// Who the incident form may name in a home.
Result<Choosable> choosable_in(db::Connection& c, std::int64_t home_id);

// The words staff wrote, as Language that cares checks them.
std::string staff_words(const IncidentDetails& d);

// For the router: an incident under /children/{child}/ must be about that child; otherwise the
// incident's home is the scope.
Status resolve_scope(db::Connection& c, std::int64_t incident_id, Scope& scope);

}  // namespace hearth::behaviour
