#pragma once
// What one reader sees of an incident, decided here and nowhere else: the incident's page, its
// JSON, /api/v1 and the lists are all rendered from this view. An incident about several children
// is part of each child's record; a reader who may not read one of them (a social worker's other
// children, a child who has not consented to the Reg 44 visitor reading their record) sees that
// child only as "another young person", with nothing of theirs: not their id, their account or
// debrief, a notification or serious event about them, their clocks, nor their name in the
// history.
#include <optional>
#include <string>
#include <vector>

#include "behaviour/after_incident_store.hpp"
#include "behaviour/incident_store.hpp"
#include "deadlines/deadline.hpp"
#include "notifications/serious_event_store.hpp"
#include "platform/amendments.hpp"
#include "platform/auth/permissions.hpp"

namespace hearth::behaviour {

inline constexpr const char* another_young_person = "another young person";

struct SeenChild {
    std::optional<std::int64_t> child_id;  // none for a child the reader may not read about
    std::string name;                      // "another young person" for them
    bool is_page_child = false;
};

struct SeenIncident {
    Incident incident;                // its children: only those the reader may read about
    std::vector<SeenChild> children;  // every child, in the incident's order
    AfterIncident after;
    std::vector<Person> staff;  // everyone on the staff it and its debriefs name
    std::vector<deadlines::Deadline> clocks;
    std::vector<amendments::Version> versions;
    // The serious events it raised (Reg 40), for the children the reader may read about.
    std::vector<notifications::SeriousEvent> serious_events;

    // No child of the incident is one the reader may read about: only that it happened is shown.
    bool withheld() const { return incident.children.empty(); }
};

// Which of the incident's children the reader may read about.
std::vector<std::int64_t> readable_children(const Reader& reader, const Incident& incident);

// What the store holds of an incident, before it is filtered for a reader.
struct Everything {
    Incident incident;
    AfterIncident after;
    std::vector<Person> staff;
    std::vector<deadlines::Deadline> clocks;
    std::vector<amendments::Version> versions;
    std::vector<notifications::SeriousEvent> serious_events;
};
SeenIncident seen_by(const Reader& reader, Everything everything);

// An incident as it stands in one child's own record, for their export: every other child is
// "another young person".
SeenIncident seen_in_record_of(std::int64_t child_id, Everything everything);

// An incident as it appears in a list, without what followed it.
SeenIncident seen_by(const Reader& reader, Incident incident, std::vector<Person> staff);

// A child named by id in a version of the incident, as the reader sees them.
std::string child_seen_as(const SeenIncident& seen, std::int64_t child_id);

}  // namespace hearth::behaviour
