#pragma once
// Daily entries in the database. An entry is written with its first version, its chronology line
// and its audit entry in one transaction; an amendment keeps the version before it.
#include <optional>
#include <string>
#include <vector>

#include "daily_record/daily_entry.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::daily_record {

struct Entry {
    std::int64_t id = 0;
    std::int64_t child_id = 0;
    std::int64_t home_id = 0;
    EntryDetails details;
    std::int64_t author_id = 0;
    std::string author_name;  // who wrote and signed it
    Timestamp created_at{};
    Timestamp updated_at{};
    std::string updated_by_name;
    int version = 1;
};

// `actions`: agreed in a key-work session, each becomes an open action of the home.
Result<std::int64_t> record(db::Connection& c, std::int64_t child_id, std::int64_t home_id,
                            const EntryDetails& d, const std::vector<std::string>& actions,
                            const audit::Actor& actor, Timestamp now);
// Refused with a conflict when the entry is no longer at `read_version`.
Status amend(db::Connection& c, std::int64_t entry_id, int read_version, const EntryDetails& d,
             const std::string& reason, const audit::Actor& actor, Timestamp now);
Result<std::optional<Entry>> find(db::Connection& c, std::int64_t entry_id);
// Reading an entry is reading the child's record: it is audited like one.
Status record_read(db::Connection& c, const Entry& e, const audit::Actor& actor, Timestamp now);

// The words staff wrote, as Language that cares checks them: the child's own words are theirs,
// kept verbatim, and never checked.
std::string staff_words(const EntryDetails& d);

// For the router: the child an entry is about.
Status resolve_scope(db::Connection& c, std::int64_t entry_id, Scope& scope);

}  // namespace hearth::daily_record
