#include "platform/audit/audit_trail.hpp"

#include <fmt/format.h>

#include "platform/crypto.hpp"

namespace hearth::audit {

namespace {
constexpr const char* columns =
    "seq, at, actor_id, actor, action, record_type, record_id, home_id, child_id, ip, request_id, "
    "detail, prev_hash, hash";

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
                 r.text(13)};
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
}  // namespace

std::string entry_hash(const Entry& e) {
    // Unit separators keep "ab"+"c" apart from "a"+"bc".
    std::string canonical = fmt::format(
        "{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", e.prev_hash,
        e.seq, e.at, optional_text(e.actor_id), e.actor, e.action, e.record_type, e.record_id,
        optional_text(e.home_id), optional_text(e.child_id), e.ip, e.request_id, e.detail);
    return crypto::sha256_hex(canonical);
}

Status append(db::Connection& c, const Actor& actor, const Event& event, Timestamp at) {
    // Taking the head row first serialises appends: in PostgreSQL the UPDATE holds its row lock
    // until commit; in SQLite the writer already holds the database.
    auto head =
        TRY(c.query_one("UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1 "
                        "RETURNING last_seq, last_hash"));
    if (!head) {
        return Error::internal("audit_head row is missing");
    }
    Entry e;
    e.seq = head->integer(0);
    e.prev_hash = head->text(1);
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
    e.hash = entry_hash(e);
    TRY(c.run(fmt::format("INSERT INTO audit_log ({}) VALUES "
                          "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)",
                          columns),
              {e.seq, e.at, db::nullable(e.actor_id), e.actor, e.action, e.record_type, e.record_id,
               db::nullable(e.home_id), db::nullable(e.child_id), e.ip, e.request_id, e.detail,
               e.prev_hash, e.hash}));
    TRY(c.run("UPDATE audit_head SET last_hash = $1 WHERE id = 1", {e.hash}));
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

Result<Verification> verify(db::Database& db) {
    Verification v;
    std::string prev(64, '0');
    std::int64_t after = 0;
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
                v.first_broken_seq = after + 1;
                v.problem = fmt::format("entry {} is missing", after + 1);
                return v;
            }
            if (e.prev_hash != prev) {
                v.first_broken_seq = e.seq;
                v.problem = fmt::format("entry {} does not follow from entry {}", e.seq, e.seq - 1);
                return v;
            }
            if (entry_hash(e) != e.hash) {
                v.first_broken_seq = e.seq;
                v.problem = fmt::format("entry {} was changed after it was written", e.seq);
                return v;
            }
            prev = e.hash;
            after = e.seq;
            ++v.entries;
        }
        if (static_cast<int>(rows.size()) < batch) {
            break;
        }
    }
    auto head = TRY(db.read([](db::Connection& c) {
        return c.query_one("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
    }));
    if (!head || head->integer(0) != after || head->text(1) != prev) {
        v.first_broken_seq = after + 1;
        v.problem = fmt::format("the chain ends at entry {} but its head says {}", after,
                                head ? head->integer(0) : 0);
    }
    return v;
}

}  // namespace hearth::audit
