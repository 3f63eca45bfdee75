#pragma once
// Children's records in the database. Nothing here deletes or overwrites: an amendment writes a
// new version beside the old, and every change and read is in the audit trail and every change in
// the child's chronology.
#include <optional>
#include <vector>

#include "children/child.hpp"
#include "children/child_steps.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::children {

struct KeyWorker {
    std::int64_t person_id = 0;
    std::string name;
};

struct Child {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    ChildDetails details;
    std::vector<KeyWorker> key_workers;  // now
    std::optional<Date> left_on;         // set once they have left the home
    // Both the child and the placing authority consent to the independent person (Reg 44)
    // reading the record: kept by reg44/reg44_consent.hpp, never by amending the case record.
    bool reg44_consent = false;
    std::string created_at;
    std::string updated_at;
    std::string updated_by_name;
    int version = 0;
};

// Every version of a child's record, the first included, is kept under this record type by
// amendments::keep_version; amendments::versions_of reads them back.
inline constexpr const char* child_record_type = "child";

// The children living in the home now.
Result<std::vector<Child>> in_home(db::Connection& c, std::int64_t home_id);
Result<std::vector<Child>> allocated_to(db::Connection& c, std::int64_t person_id);
Result<std::optional<Child>> find(db::Connection& c, std::int64_t child_id);

// `first_key_worker`: a member of the home's staff, named on the admit form. What the other
// capabilities start at an admission runs in the same transaction (`when_admitted`).
Result<std::int64_t> admit(db::Connection& c, std::int64_t home_id, const ChildDetails& d,
                           const WhenAdmitted& when_admitted, const audit::Actor& actor,
                           Timestamp now,
                           std::optional<std::int64_t> first_key_worker = std::nullopt);
// Refused with a conflict when the record is no longer at `read_version`: someone else changed it.
// What the other capabilities follow in the record runs in the same transaction (`when_amended`).
Status amend(db::Connection& c, std::int64_t child_id, int read_version, const ChildDetails& d,
             const std::string& reason, const WhenAmended& when_amended, const audit::Actor& actor,
             Timestamp now);
Status record_read(db::Connection& c, const Child& child, const audit::Actor& actor, Timestamp now);
// The child's record for a page or an answer about them, its read recorded in the same
// transaction. Not found when there is no such child.
Result<Child> open_record(db::Connection& c, std::int64_t child_id, const audit::Actor& actor,
                          Timestamp now);

// Writes to one child's record wait here for each other's transactions to finish. PostgreSQL runs
// at READ COMMITTED, so a rule that reads before it writes (a balance, the latest change) needs
// this; SQLite's writers are serialised already. Not found when there is no such child.
Status lock_child(db::Connection& c, std::int64_t child_id);

// A new version of the record that says why it changed, written by another part of the record
// (leaving): the same history as an amendment, without the form. Returns the kept version's id.
Result<std::int64_t> add_version(db::Connection& c, const Child& current, const ChildDetails& d,
                                 const std::string& reason, const audit::Actor& actor,
                                 Timestamp at);

// For the router: the home, organisation and consent a child's routes are about.
Status resolve_scope(db::Connection& c, std::int64_t child_id, Scope& scope);

}  // namespace hearth::children
