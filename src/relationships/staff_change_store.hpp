#pragma once
// Changes of staff that matter to a child, in the database. Recording one writes it, a line in the
// child's chronology and an audit entry, in one transaction; the registered manager's response is
// added once, and the line says so.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"
#include "relationships/staff_change.hpp"

namespace hearth::relationships {

struct StaffChange {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    std::int64_t child_id = 0;
    StaffChangeDetails details;
    Timestamp created_at{};
    std::string created_by;
    std::string response;  // empty until the registered manager responds
    std::optional<Timestamp> responded_at;
    std::string responded_by;
};

Result<std::int64_t> record_staff_change(db::Connection& c, std::int64_t child_id,
                                         const StaffChangeDetails& d, const audit::Actor& actor,
                                         Timestamp now);
// Refused when the registered manager responded already.
Status respond_to_staff_change(db::Connection& c, std::int64_t id, const std::string& response,
                               const audit::Actor& actor, Timestamp now);
Result<std::optional<StaffChange>> find_staff_change(db::Connection& c, std::int64_t id);
// The child's, the newest first.
Result<std::vector<StaffChange>> staff_changes_of(db::Connection& c, std::int64_t child_id);
Status record_staff_change_read(db::Connection& c, const StaffChange& s, const audit::Actor& actor,
                                Timestamp now);
// For the router: reached under its child.
Status resolve_staff_change_scope(db::Connection& c, std::int64_t id, Scope& scope);

}  // namespace hearth::relationships
