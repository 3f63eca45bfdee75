#pragma once
// The clocks about a member of staff (their checks, qualification, training, a correction they
// asked for): each owned by their home's registered manager and linked to their staff record.
#include <string>

#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::team {

struct StaffClock {
    std::string kind;
    std::string title;
    std::string source_type;
    std::int64_t source_id = 0;
    Timestamp due_at{};
};
Status start_staff_clock(db::Connection& c, std::int64_t home_id, std::int64_t person_id,
                         const StaffClock& clock, const audit::Actor& actor, Timestamp now);

// Their name, for a clock's title: "A member of staff" for someone not found.
Result<std::string> staff_name(db::Connection& c, std::int64_t person_id);

}  // namespace hearth::team
