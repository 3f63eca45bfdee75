#pragma once
// Children's meetings in the database: written with their first version, a chronology line for
// each child who came, their agreed actions and an audit entry, in one transaction.
#include <optional>
#include <string>
#include <vector>

#include "daily_record/childrens_meeting.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::daily_record {

struct Attendee {
    std::int64_t child_id = 0;
    std::string name;
};

struct Meeting {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    MeetingDetails details;
    std::vector<Attendee> attendees;
    std::string written_by;
    Timestamp created_at{};
    std::string updated_by_name;
    int version = 1;
};

// The children living in the home now, who may be recorded as having come.
Result<std::vector<Attendee>> children_living_in(db::Connection& c, std::int64_t home_id);

// The youngest child's date of birth, of these children of the home (another home's children are
// not asked about) or of those who came to this meeting: a meeting they were at cannot have been
// held before it (FormReader::about_child).
Result<std::optional<Date>> youngest_born(db::Connection& c, std::int64_t home_id,
                                          const std::vector<std::int64_t>& children);
Result<std::optional<Date>> youngest_attendee_born(db::Connection& c, std::int64_t meeting_id);

Result<std::int64_t> record_meeting(db::Connection& c, std::int64_t home_id,
                                    const MeetingDetails& d,
                                    const std::vector<std::int64_t>& attendees,
                                    const std::vector<std::string>& actions,
                                    const audit::Actor& actor, Timestamp now);
Status amend_meeting(db::Connection& c, std::int64_t meeting_id, int read_version,
                     const MeetingDetails& d, const std::string& reason, const audit::Actor& actor,
                     Timestamp now);
Result<std::optional<Meeting>> find_meeting(db::Connection& c, std::int64_t meeting_id);
// Newest first; `before` is the id the previous page ended at.
Result<std::vector<Meeting>> meetings_of(db::Connection& c, std::int64_t home_id,
                                         std::optional<std::int64_t> before, int limit);
// Reading a meeting is reading the record of every child who came.
Status record_meeting_read(db::Connection& c, const Meeting& m, const audit::Actor& actor,
                           Timestamp now);

Status resolve_meeting_scope(db::Connection& c, std::int64_t meeting_id, Scope& scope);

}  // namespace hearth::daily_record
