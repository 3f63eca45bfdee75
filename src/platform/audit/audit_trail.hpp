#pragma once
// The append-only, hash-chained audit trail. Every sign-in, failed sign-in, create, amend and
// read of a child's record is one entry, appended inside the same transaction as the change.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::audit {

// Who is acting, and from where: built by the router for every request.
struct Actor {
    std::optional<std::int64_t> person_id;
    std::string name;  // "Sam Carter" or "system" or the email tried at a failed sign-in
    std::string ip;
    std::string request_id;
};

struct Event {
    std::string action;       // sign_in, sign_in_failed, create, amend, read, export, ...
    std::string record_type;  // child, person, session, ...
    std::string record_id;
    std::optional<std::int64_t> home_id;
    std::optional<std::int64_t> child_id;
    std::string detail;
};

struct Entry {
    std::int64_t seq = 0;
    std::string at;
    std::optional<std::int64_t> actor_id;
    std::string actor;
    std::string action;
    std::string record_type;
    std::string record_id;
    std::optional<std::int64_t> home_id;
    std::optional<std::int64_t> child_id;
    std::string ip;
    std::string request_id;
    std::string detail;
    std::string prev_hash;
    std::string hash;
};

// SHA-256 over the previous hash and every field of the entry, in a fixed order.
std::string entry_hash(const Entry& e);

Status append(db::Connection& c, const Actor& actor, const Event& event, Timestamp at);

struct Page {
    std::vector<Entry> entries;
    std::optional<std::int64_t> older_than;  // the cursor for the next page, if there is one
};
// Newest first, keyset-paged by seq.
Result<Page> for_home(db::Connection& c, std::int64_t home_id, std::optional<std::int64_t> before,
                      int limit);
Result<Page> for_child(db::Connection& c, std::int64_t child_id, std::string_view action,
                       std::optional<std::int64_t> before, int limit);

struct Verification {
    std::int64_t entries = 0;
    std::optional<std::int64_t> first_broken_seq;
    std::string problem;
};
// Recomputes the chain from the first entry, a batch at a time.
Result<Verification> verify(db::Database& db);

}  // namespace hearth::audit
