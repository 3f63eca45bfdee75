#pragma once
// School hours in the database: a home's default and each child's own. A child's are their own
// when set, else their home's, else the usual school day (school_hours.hpp).
#include <optional>
#include <string>

#include "contact/school_hours.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::contact {

struct SchoolHoursSetting {
    SchoolHours hours;
    std::string whose;  // "child", "home" or "usual": where they came from
};

Result<SchoolHoursSetting> school_hours_of_home(db::Connection& c, std::int64_t home_id);
Result<SchoolHoursSetting> school_hours_of_child(db::Connection& c, std::int64_t child_id);

// Audited with what they were before.
Status set_home_school_hours(db::Connection& c, std::int64_t home_id, const SchoolHours& hours,
                             const audit::Actor& actor, Timestamp now);
Status set_child_school_hours(db::Connection& c, std::int64_t child_id, const SchoolHours& hours,
                              const audit::Actor& actor, Timestamp now);

}  // namespace hearth::contact
