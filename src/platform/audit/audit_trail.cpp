#include "platform/audit/audit_trail.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "platform/crypto.hpp"

namespace hearth::audit {

namespace {
constexpr const char* columns =
    "seq, at, actor_id, actor, action, record_type, record_id, home_id, child_id, ip, request_id, "
    "detail, prev_hash, hash, sealed_record";

Entry from_row(const db::Row& r) {
    return Entry{r.integer(0),
                 r.text(1),
                 r.optional_integer(2),
                 r.text(3),
                 r.text(4),
                 r.text(5),
                 r.text(6),
                 r.optional_integer(7),
                 r.optional_integer(8),
                 r.text(9),
                 r.text(10),
                 r.text(11),
                 r.text(12),
                 r.text(13),
                 r.text(14)};
}

std::string optional_text(const std::optional<std::int64_t>& v) {
    return v ? std::to_string(*v) : std::string("-");
}

Result<Page> page_of(db::Connection& c, const std::string& sql, db::Params params, int limit) {
    params.emplace_back(std::int64_t{limit + 1});
    auto rows = TRY(c.query(sql, params));
    Page page;
    for (const auto& r : rows) {
        page.entries.push_back(from_row(r));
    }
    if (static_cast<int>(page.entries.size()) > limit) {
        page.entries.pop_back();
        page.older_than = page.entries.back().seq;
    }
    return page;
}

std::string canonical(const Entry& e) {
    // Unit separators keep "ab"+"c" apart from "a"+"bc".
    std::string text = fmt::format(
        "{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", e.prev_hash,
        e.seq, e.at, optional_text(e.actor_id), e.actor, e.action, e.record_type, e.record_id,
        optional_text(e.home_id), optional_text(e.child_id), e.ip, e.request_id, e.detail);
    if (!e.sealed_record.empty()) {
        text += "\x1f" + e.sealed_record;
    }
    return text;
}

bool plain_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    });
}

// The seal of the first `count` columns of a row (all when none is given).
Result<std::string> seal_columns(db::Connection& c, const Written& row,
                                 std::optional<std::size_t> count) {
    if (!plain_name(row.table)) {
        return Error::internal("a sealed record names no table");
    }
    auto found =
        TRY(c.query_one(fmt::format("SELECT * FROM {} WHERE id = $1", row.table), {row.id}));
    if (!found) {
        return std::string();
    }
    const std::size_t n = std::min(count.value_or(found->size()), found->size());
    std::string text;
    for (std::size_t i = 0; i < n; ++i) {
        // A NULL is kept apart from an empty text; separators keep "ab"+"c" apart from "a"+"bc".
        text += found->is_null(i) ? std::string(1, '\0') : found->text(i);
        text += '\x1f';
    }
    return fmt::format("{}:{}:{}:{}", row.table, row.id, n, crypto::sha256_hex(text));
}

constexpr std::string_view key_record_type = "audit_trail";

// The head: the last entry's number and hash. Taking it with an UPDATE serialises appends: in
// PostgreSQL the row lock is held until commit; in SQLite the writer already holds the database.
struct TrailHead {
    std::int64_t seq = 0;
    std::string hash;
};
Result<TrailHead> lock_head(db::Connection& c) {
    auto head = TRY(c.query_one(
        "UPDATE audit_head SET last_seq = last_seq WHERE id = 1 RETURNING last_seq, last_hash"));
    if (!head) {
        return Error::internal("audit_head row is missing");
    }
    return TrailHead{head->integer(0), head->text(1)};
}

// The key the newest part of the trail is signed with; empty before the trail was keyed. The
// entries that begin a part belong to no child, so audit_log_by_child finds the newest at once.
Result<std::string> newest_key_id(db::Connection& c) {
    auto row =
        TRY(c.query_one("SELECT record_id FROM audit_log WHERE child_id IS NULL AND action = 'key' "
                        "AND record_type = $1 ORDER BY seq DESC LIMIT 1",
                        {std::string(key_record_type)}));
    return row ? row->text(0) : std::string();
}

Status insert_entry(db::Connection& c, const Entry& e) {
    TRY(c.run(fmt::format("INSERT INTO audit_log ({}) VALUES "
                          "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)",
                          columns),
              {e.seq, e.at, db::nullable(e.actor_id), e.actor, e.action, e.record_type, e.record_id,
               db::nullable(e.home_id), db::nullable(e.child_id), e.ip, e.request_id, e.detail,
               e.prev_hash, e.hash,
               e.sealed_record.empty() ? db::Value{nullptr} : db::Value{e.sealed_record}}));
    return c.run("UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1",
                 {e.seq, e.hash});
}

// The head, locked, with the held key's part begun first when the trail's newest part is under
// another key or none: a new trail, one written before keying, or one whose newest part is under
// a key this process holds as an older one (a rotation). A key this process does not hold means
// another instance has rotated: refused, rather than switching back and forth between two keys.
Result<TrailHead> head_under(db::Connection& c, const AuditKey& key, const Actor& actor,
                             Timestamp at) {
    const TrailHead head = TRY(lock_head(c));
    const std::string newest = TRY(newest_key_id(c));
    if (newest == key.id) {
        return head;
    }
    if (!newest.empty() && held_keys().find(newest) == nullptr) {
        return Error::internal(
            fmt::format("the audit trail is signed with key {}, which this Hearth does not hold: "
                        "give it the current key file",
                        newest));
    }
    const Entry begins = key_entry(head.seq + 1, format_utc(at), head.hash, key, actor.request_id);
    TRY(insert_entry(c, begins));
    return TrailHead{begins.seq, begins.hash};
}
}  // namespace

std::string entry_hash(const Entry& e, const AuditKey& key) {
    return crypto::hmac_sha256_hex(key.secret, canonical(e));
}

std::string unkeyed_hash(const Entry& e) {
    return crypto::sha256_hex(canonical(e));
}

Entry key_entry(std::int64_t seq, std::string at, std::string prev_hash, const AuditKey& key,
                std::string request_id) {
    Entry e;
    e.seq = seq;
    e.at = std::move(at);
    e.actor = "Hearth";
    e.action = "key";
    e.record_type = std::string(key_record_type);
    e.record_id = key.id;
    e.request_id = std::move(request_id);
    e.detail = fmt::format("The entries from here are signed with audit key {}", key.id);
    e.prev_hash = std::move(prev_hash);
    e.hash = entry_hash(e, key);
    return e;
}

bool begins_keyed_part(const Entry& e) {
    return e.action == "key" && e.record_type == key_record_type;
}

Result<std::string> seal_of(db::Connection& c, const Written& row) {
    return seal_columns(c, row, std::nullopt);
}

namespace {
Status append_sealed(db::Connection& c, const Actor& actor, const Event& event,
                     std::string sealed_record, Timestamp at) {
    const AuditKey* key = TRY(signing_key());
    const TrailHead head = TRY(head_under(c, *key, actor, at));
    Entry e;
    e.seq = head.seq + 1;
    e.prev_hash = head.hash;
    e.at = format_utc(at);
    e.actor_id = actor.person_id;
    e.actor = actor.name;
    e.action = event.action;
    e.record_type = event.record_type;
    e.record_id = event.record_id;
    e.home_id = event.home_id;
    e.child_id = event.child_id;
    e.ip = actor.ip;
    e.request_id = actor.request_id;
    e.detail = event.detail;
    e.sealed_record = std::move(sealed_record);
    e.hash = entry_hash(e, *key);
    return insert_entry(c, e);
}
}  // namespace

Status append(db::Connection& c, const Actor& actor, const Event& event, Timestamp at) {
    return append_sealed(c, actor, event, {}, at);
}

Status append(db::Connection& c, const Actor& actor, const Event& event, const Written& written,
              Timestamp at) {
    auto sealed = TRY(seal_of(c, written));
    if (sealed.empty()) {
        return Error::internal(fmt::format("{} {} was not written", written.table, written.id));
    }
    return append_sealed(c, actor, event, std::move(sealed), at);
}

Status key_trail(db::Connection& c, const Actor& actor, Timestamp at) {
    const AuditKey* key = TRY(signing_key());
    TRY(head_under(c, *key, actor, at));
    return {};
}

Result<Page> for_home(db::Connection& c, std::int64_t home_id, std::optional<std::int64_t> before,
                      int limit) {
    return page_of(c,
                   fmt::format("SELECT {} FROM audit_log WHERE home_id = $1 AND seq < $2 "
                               "ORDER BY seq DESC LIMIT $3",
                               columns),
                   {home_id, before.value_or(INT64_MAX)}, limit);
}

Result<Page> for_child(db::Connection& c, std::int64_t child_id, std::string_view action,
                       std::optional<std::int64_t> before, int limit) {
    return page_of(c,
                   fmt::format("SELECT {} FROM audit_log WHERE child_id = $1 AND action = $2 "
                               "AND seq < $3 ORDER BY seq DESC LIMIT $4",
                               columns),
                   {child_id, std::string(action), before.value_or(INT64_MAX)}, limit);
}

namespace {
struct RowSeal {
    std::int64_t seq = 0;
    std::string table;
    std::int64_t id = 0;
    std::size_t columns = 0;
    std::string text;
};

std::optional<RowSeal> parse_row_seal(std::int64_t seq, const std::string& text) {
    const auto a = text.find(':');
    const auto b = text.find(':', a + 1);
    const auto c = text.find(':', b + 1);
    if (a == std::string::npos || b == std::string::npos || c == std::string::npos) {
        return std::nullopt;
    }
    RowSeal s{seq, text.substr(0, a), std::atoll(text.substr(a + 1, b - a - 1).c_str()),
              static_cast<std::size_t>(std::atoll(text.substr(b + 1, c - b - 1).c_str())), text};
    if (!plain_name(s.table) || s.id <= 0 || s.columns == 0) {
        return std::nullopt;
    }
    return s;
}

// Each sealed row's newest seal, against the row as it is now: an edit or a deletion made in the
// database, not through Hearth, leaves them apart. Runs after the chain is proved, so every seal
// read here is one Hearth wrote.
Status check_sealed_records(db::Database& db, Verification& v) {
    std::map<std::pair<std::string, std::int64_t>, RowSeal> newest;
    std::int64_t after = 0;
    constexpr int batch = 5000;
    for (;;) {
        auto rows = TRY(db.read([&](db::Connection& c) {
            return c.query(
                "SELECT seq, sealed_record FROM audit_log WHERE seq > $1 AND "
                "sealed_record IS NOT NULL ORDER BY seq LIMIT $2",
                {after, std::int64_t{batch}});
        }));
        for (const auto& r : rows) {
            after = r.integer(0);
            if (auto seal = parse_row_seal(after, r.text(1))) {
                newest[{seal->table, seal->id}] = std::move(*seal);
            }
        }
        if (static_cast<int>(rows.size()) < batch) {
            break;
        }
    }
    for (const auto& entry : newest) {
        const RowSeal& seal = entry.second;
        const auto now = TRY(db.read([&](db::Connection& c) {
            return seal_columns(c, {seal.table, seal.id}, seal.columns);
        }));
        if (now.empty()) {
            v.changed_records.push_back(fmt::format(
                "{} {} was deleted from the database; audit entry {} sealed it as written",
                seal.table, seal.id, seal.seq));
        } else if (!crypto::constant_time_equal(now, seal.text)) {
            v.changed_records.push_back(fmt::format(
                "{} {} was changed in the database after audit entry {} sealed it as written",
                seal.table, seal.id, seal.seq));
        } else {
            ++v.sealed_records;
        }
    }
    return {};
}
}  // namespace

Result<Verification> verify(db::Database& db, const Keyring& keys,
                            const std::vector<Checkpoint>& checkpoints) {
    Verification v;
    auto broken = [&v](std::int64_t seq, std::string problem) {
        v.first_broken_seq = seq;
        v.problem = std::move(problem);
        return v;
    };
    std::multimap<std::int64_t, const Checkpoint*> due;
    for (const auto& cp : checkpoints) {
        due.emplace(cp.seq, &cp);
    }
    std::string prev(64, '0');
    std::int64_t after = 0;
    // The key of the part being walked: none before the trail was keyed.
    const AuditKey* key = nullptr;
    constexpr int batch = 5000;
    for (;;) {
        auto rows = TRY(db.read([&](db::Connection& c) {
            return c.query(
                fmt::format("SELECT {} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
                            columns),
                {after, std::int64_t{batch}});
        }));
        for (const auto& r : rows) {
            Entry e = from_row(r);
            if (e.seq != after + 1) {
                return broken(after + 1, fmt::format("entry {} is missing", after + 1));
            }
            if (e.prev_hash != prev) {
                return broken(
                    e.seq, fmt::format("entry {} does not follow from entry {}", e.seq, e.seq - 1));
            }
            if (begins_keyed_part(e)) {
                const AuditKey* next = keys.find(e.record_id);
                if (next == nullptr) {
                    return broken(e.seq, fmt::format("entry {} begins a part of the trail signed "
                                                     "with audit key {}, which is not among the "
                                                     "keys given",
                                                     e.seq, e.record_id));
                }
                if (key != nullptr && next < key) {
                    return broken(e.seq, fmt::format("entry {} goes back to the older audit key {}",
                                                     e.seq, next->id));
                }
                key = next;
            }
            const std::string expected = key != nullptr ? entry_hash(e, *key) : unkeyed_hash(e);
            if (!crypto::constant_time_equal(expected, e.hash)) {
                return broken(e.seq, fmt::format("entry {} was changed after it was written, or "
                                                 "written without the audit key",
                                                 e.seq));
            }
            for (auto [cp, end] = due.equal_range(e.seq); cp != end; ++cp) {
                if (cp->second->hash != e.hash) {
                    return broken(e.seq,
                                  fmt::format("entry {} is not the one the checkpoint of "
                                              "{} saw: the trail was rewritten at or before it",
                                              e.seq, cp->second->at));
                }
                ++v.checkpoints;
            }
            prev = e.hash;
            after = e.seq;
            ++v.entries;
        }
        if (static_cast<int>(rows.size()) < batch) {
            break;
        }
    }
    if (!due.empty() && due.rbegin()->first > after) {
        const Checkpoint& furthest = *due.rbegin()->second;
        return broken(after + 1, fmt::format("the trail ends at entry {}, but the checkpoint of {} "
                                             "saw entry {}: entries were removed from its end",
                                             after, furthest.at, furthest.seq));
    }
    if (v.entries > 0 && key == nullptr) {
        return broken(1,
                      "no entry is signed with an audit key: the trail was written before "
                      "Hearth keyed it (Hearth begins its keyed part when it next starts), or "
                      "rewritten without the key");
    }
    if (key != nullptr && key != &keys.keys.back()) {
        return broken(after + 1, fmt::format("the newest entries are signed with audit key {}, "
                                             "not the current key {}",
                                             key->id, keys.keys.back().id));
    }
    auto head = TRY(db.read([](db::Connection& c) {
        return c.query_one("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
    }));
    if (!head || head->integer(0) != after || head->text(1) != prev) {
        return broken(after + 1, fmt::format("the chain ends at entry {} but its head says {}",
                                             after, head ? head->integer(0) : 0));
    }
    TRY(check_sealed_records(db, v));
    return v;
}

}  // namespace hearth::audit
