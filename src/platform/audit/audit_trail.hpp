#pragma once
// The append-only, hash-chained audit trail. Every sign-in, failed sign-in, create, amend and
// read of a child's record is one entry, appended inside the same transaction as the change.
// Each entry's hash is an HMAC under a key kept outside the database (audit_keys.hpp); the trail
// is in parts, each begun by an entry naming the key its entries are signed with
// (docs/decisions/0005-sign-in-and-sessions.md, audit chain).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_keys.hpp"
#include "platform/audit/checkpoints.hpp"
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
    // The seal of the row the write left ("daily_entries:12:17:<SHA-256>"), or empty. Signed with
    // the entry when present, so entries written before seals keep their hashes.
    std::string sealed_record;
};

// A row a write left, to be sealed into its audit entry (table and id as in the database).
struct Written {
    std::string table;
    std::int64_t id = 0;
};
// "table:id:N:SHA-256" of the row's first N columns (all of them now): columns a later migration
// appends do not break an older seal. Empty when there is no such row.
Result<std::string> seal_of(db::Connection& c, const Written& row);

// HMAC-SHA-256 under `key` over the previous hash and every field of the entry, in a fixed order.
std::string entry_hash(const Entry& e, const AuditKey& key);
// The plain SHA-256 of the same: entries written before Hearth keyed its trail, which the first
// keyed entry then covers through its previous hash.
std::string unkeyed_hash(const Entry& e);

// The entry that begins the part of the trail signed with `key` (action "key", record type
// "audit_trail", record id the key's id), hashed with that key.
Entry key_entry(std::int64_t seq, std::string at, std::string prev_hash, const AuditKey& key,
                std::string request_id);
bool begins_keyed_part(const Entry& e);

// Appends under the key this process holds (held_keys()); when the trail's head is under an older
// key, or none, the entry that begins the new key's part is appended first.
Status append(db::Connection& c, const Actor& actor, const Event& event, Timestamp at);
// The same, for a write: the entry carries the seal of the row written, as it is now.
Status append(db::Connection& c, const Actor& actor, const Event& event, const Written& written,
              Timestamp at);
// Begins the held key's part now if the head is not under it yet: at start, and after a rotation.
Status key_trail(db::Connection& c, const Actor& actor, Timestamp at);

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
    std::int64_t checkpoints = 0;     // checkpoints the trail was found to agree with
    std::int64_t sealed_records = 0;  // rows found as their last sealed write left them
    // Rows changed or deleted since the write that sealed them: one sentence each.
    std::vector<std::string> changed_records;
};
// Recomputes the chain from the first entry, a batch at a time, with `keys` (oldest first, as in
// the key file): each keyed part must be signed with a key given, parts follow the keys' order,
// and the newest part is under the last key. Each checkpoint's entry must be the one the
// checkpoint saw, and the trail must reach every checkpoint (a trail cut short is found). When the
// chain holds, each sealed row is read again and compared with its newest seal.
Result<Verification> verify(db::Database& db, const Keyring& keys,
                            const std::vector<Checkpoint>& checkpoints = {});

}  // namespace hearth::audit
