#pragma once
// Key workers in the database: who they are now, every spell as a child's key worker with the
// change that started and ended it, and the changes themselves with the child's view.
#include <optional>
#include <string>
#include <vector>

#include "children/key_workers/key_worker_change.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::children {

// A time one member of staff was the child's key worker.
struct KeyWorkerSpell {
    std::int64_t person_id = 0;
    std::string name;
    std::string started_at;
    std::optional<std::string> ended_at;
    std::optional<std::int64_t> start_change_id;
    std::optional<std::int64_t> end_change_id;
};

// One change, as it was recorded.
struct KeyWorkerChangeRecord {
    std::int64_t id = 0;
    std::string kind;  // admission, change, leaving
    std::string changed_at;
    std::string changed_by;
    std::string reason;
    std::string child_view;
    std::string view_not_asked;
    std::string relationships;
    std::vector<std::string> started;  // names of the key workers it started
    std::vector<std::string> ended;    // and of those it ended
};

Result<std::vector<KeyWorkerSpell>> key_worker_spells(db::Connection& c, std::int64_t child_id);
// Newest first.
Result<std::vector<KeyWorkerChangeRecord>> key_worker_changes(db::Connection& c,
                                                              std::int64_t child_id);
// The id of the latest change, 0 when there is none: what a change form carries as read_change.
Result<std::int64_t> latest_key_worker_change(db::Connection& c, std::int64_t child_id);

// Who may be a key worker in the home: its staff with an account in use, by name.
struct StaffMember {
    std::int64_t person_id = 0;
    std::string name;
};
Result<std::vector<StaffMember>> staff_of_home(db::Connection& c, std::int64_t home_id);

// Key workers are staff of the child's home; otherwise an error at `field`.
Status check_key_workers(db::Connection& c, std::int64_t home_id,
                         const std::vector<std::int64_t>& ids, const std::string& field);

// The first key worker, named at admission: their spell starts when the child came.
Status start_first_key_worker(db::Connection& c, std::int64_t child_id, std::int64_t person_id,
                              const audit::Actor& actor, Timestamp admitted);

// A change through the change form: refused as a conflict when someone changed the key workers
// after `change.read_change`; written with its chronology entry and audit entry. Returns its id.
Result<std::int64_t> change_key_workers(db::Connection& c, std::int64_t child_id,
                                        const KeyWorkerChange& change, const audit::Actor& actor,
                                        Timestamp now);

// When the child leaves, their key workers' spells end with the placement.
Status end_key_workers_on_leaving(db::Connection& c, std::int64_t child_id,
                                  const audit::Actor& actor, Timestamp now);

}  // namespace hearth::children
