// Migration 12 moves the case record's and the family list's versions out of their own tables into
// record_versions. A store as Hearth left it before that, with versions in the old tables and
// chronology lines naming their rows, comes through with every version as it was written, read
// through amendments::versions_of; every line names the same version's new row; and the audit
// chain and the database still verify, as `hearth verify` checks them.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "chronology/chronology_store.hpp"
#include "organisation/homes.hpp"
#include "platform/amendments.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/store_copy.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace versions_migration_test {

using namespace hearth;

namespace {

// The number of the migration that moves them.
int the_move() {
    for (const auto& m : db::embedded_migrations()) {
        if (m.name.ends_with("_case_record_versions_in_record_versions")) {
            return m.number;
        }
    }
    throw std::runtime_error("no migration moves the case record's versions");
}

struct OldStore {
    std::int64_t staff = 0, home = 0, child = 0, member = 0;
};

// An audit entry as Hearth appended it then, before entries had a sealed record: the held key's
// part begun first, as audit::append begins it.
Status append_as_then(db::Connection& c, audit::Entry e) {
    const audit::AuditKey& key = audit::held_keys().keys.back();
    auto head = TRY(c.query_one("SELECT last_seq, last_hash FROM audit_head WHERE id = 1"));
    std::int64_t seq = head->integer(0);
    std::string prev = head->text(1);
    auto insert = [&](audit::Entry x) -> Status {
        TRY(
            c.run("INSERT INTO audit_log (seq, at, actor_id, actor, action, record_type, "
                  "record_id, home_id, child_id, ip, request_id, detail, prev_hash, hash) VALUES "
                  "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)",
                  {x.seq, x.at, db::nullable(x.actor_id), x.actor, x.action, x.record_type,
                   x.record_id, db::nullable(x.home_id), db::nullable(x.child_id), x.ip,
                   x.request_id, x.detail, x.prev_hash, x.hash}));
        seq = x.seq;
        prev = x.hash;
        return c.run("UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1",
                     {seq, prev});
    };
    if (seq == 0) {
        TRY(insert(audit::key_entry(1, e.at, prev, key, e.request_id)));
    }
    e.seq = seq + 1;
    e.prev_hash = prev;
    e.hash = audit::entry_hash(e, key);
    return insert(std::move(e));
}

// What Hearth wrote before the move: versions in child_versions and family_member_versions, each
// with its chronology line naming the version's row there, and the audit entries beside them. A
// daily entry's version is already in record_versions, so the moved rows take new numbers that
// overlap the old ones.
Result<OldStore> write_old_store(db::Connection& c) {
    OldStore s;
    const Timestamp now = hearth::testing::test_now();
    const std::string at = format_utc(now);
    auto org = TRY(organisation::create_organisation(c, "Test provider", at));
    s.home = TRY(organisation::create_home(c, org, "Willow House", "SC1", at));
    // Written as the store was then: today's accounts code writes columns added after it.
    s.staff =
        TRY(c.insert("INSERT INTO people (organisation_id, name, email, created_at, updated_at) "
                     "VALUES ($1, 'Sam Carter', 'sam@example.org', $2, $2) RETURNING id",
                     {org, at}));
    TRY(
        c.run("INSERT INTO record_versions (record_type, record_id, version, record, reason, "
              "changed_at, changed_by) VALUES ('daily_entry', 1, 1, '{}', 'Written', $1, $2)",
              {at, s.staff}));
    s.child = TRY(c.insert(
        "INSERT INTO children (home_id, first_name, last_name, date_of_birth, sex, legal_basis, "
        "placing_authority, admission_date, created_at, created_by, updated_at, updated_by, "
        "version) VALUES ($1, 'Aisha', 'Bennett', '2011-04-17', 'female', 's31', 'Northshire', "
        "'2024-09-02', $2, $3, $2, $3, 2) RETURNING id",
        {s.home, at, s.staff}));
    s.member = TRY(c.insert(
        "INSERT INTO family_members (child_id, name, relationship, parental_responsibility, "
        "created_at, created_by, updated_at, updated_by, version) VALUES ($1, 'Jade Bennett', "
        "'Mum', 1, $2, $3, $2, $3, 2) RETURNING id",
        {s.child, at, s.staff}));
    const std::tuple<const char*, const char*, int, const char*, const char*> old_versions[] = {
        {"child_versions", "child_id", 1, R"({"first_name":"Aisha","school":""})", "Admitted"},
        {"child_versions", "child_id", 2, R"({"first_name":"Aisha","school":"Westmere"})",
         "From the placement plan"},
        {"family_member_versions", "family_member_id", 1, R"({"name":"Jade","notes":""})",
         "Added to the list"},
        {"family_member_versions", "family_member_id", 2, R"({"name":"Jade","notes":"Calls"})",
         "Her calls"},
    };
    for (const auto& [table, owner, version, record, reason] : old_versions) {
        const bool of_child = std::string(table) == "child_versions";
        const Timestamp when = now + std::chrono::minutes(version);
        auto id =
            TRY(c.insert(fmt::format("INSERT INTO {} ({}, version, record, reason, "
                                     "changed_at, changed_by) VALUES ($1, $2, $3, $4, $5, "
                                     "$6) RETURNING id",
                                     table, owner),
                         {of_child ? s.child : s.member, std::int64_t{version}, std::string(record),
                          std::string(reason), format_utc(when), s.staff}));
        TRY(chronology::record(c,
                               {.child_id = s.child,
                                .home_id = s.home,
                                .occurred_at = when,
                                .kind = "record_change",
                                .source_type = of_child ? "child_version" : "family_member_version",
                                .source_id = id,
                                .title = reason,
                                .summary = reason,
                                .link = fmt::format("/children/{}", s.child),
                                .author_id = s.staff,
                                .author_name = "Sam Carter"},
                               when));
        audit::Entry e;
        e.at = format_utc(when);
        e.actor_id = s.staff;
        e.actor = "Sam Carter";
        e.action = "amend";
        e.record_type = of_child ? "child" : "family_member";
        e.record_id = std::to_string(of_child ? s.child : s.member);
        e.home_id = s.home;
        e.child_id = s.child;
        e.ip = "192.0.2.1";
        e.request_id = "r";
        e.detail = fmt::format("version {}", version);
        TRY(append_as_then(c, std::move(e)));
    }
    return s;
}

TEST(CaseRecordVersionsMigrationStore, EveryOldVersionAndItsChronologyLineMovesAcross) {
    set_display_zone("Europe/London");
    hearth::testing::TempDir dir;
    auto opened = db::open_database({hearth::testing::database_url_for(dir.file("h.db")), 2, 5000});
    ASSERT_TRUE(opened.ok()) << opened.error().detail;
    db::Database& db = **opened;
    const std::string now = format_utc(hearth::testing::test_now());
    auto older = db::migrate(db, now, the_move() - 1);
    ASSERT_TRUE(older.ok()) << older.error().detail;
    auto made = db.write([](db::Connection& c) { return write_old_store(c); });
    ASSERT_TRUE(made.ok()) << made.error().detail;
    const OldStore& s = *made;

    // Up to the move only: later migrations are not this test's to count.
    auto moved = db::migrate(db, now, the_move());
    ASSERT_TRUE(moved.ok()) << moved.error().detail;
    ASSERT_EQ(*moved, std::vector<int>{the_move()});

    auto child =
        db.read([&](db::Connection& c) { return amendments::versions_of(c, "child", s.child); });
    ASSERT_TRUE(child.ok());
    ASSERT_EQ(child->size(), 2u);
    EXPECT_EQ((*child)[0].version, 2);  // newest first
    EXPECT_EQ((*child)[0].reason, "From the placement plan");
    EXPECT_EQ((*child)[0].record["school"], "Westmere");
    EXPECT_EQ((*child)[0].changed_at, hearth::testing::test_now() + std::chrono::minutes(2));
    EXPECT_EQ((*child)[0].changed_by, "Sam Carter");
    EXPECT_EQ((*child)[1].version, 1);
    EXPECT_EQ((*child)[1].reason, "Admitted");
    EXPECT_EQ((*child)[1].record["school"], "");
    EXPECT_EQ((*child)[1].changed_at, hearth::testing::test_now() + std::chrono::minutes(1));

    auto family = db.read(
        [&](db::Connection& c) { return amendments::versions_of(c, "family_member", s.member); });
    ASSERT_TRUE(family.ok());
    ASSERT_EQ(family->size(), 2u);
    EXPECT_EQ((*family)[0].reason, "Her calls");
    EXPECT_EQ((*family)[0].record["notes"], "Calls");
    EXPECT_EQ((*family)[1].reason, "Added to the list");

    // Each chronology line names its version's row among the kept versions.
    auto lines = db.read([&](db::Connection& c) {
        return c.query(
            "SELECT c.title, c.source_type, v.record_type, v.record_id, v.version FROM chronology "
            "c JOIN record_versions v ON v.id = c.source_id WHERE c.child_id = $1 ORDER BY c.id",
            {s.child});
    });
    ASSERT_TRUE(lines.ok());
    ASSERT_EQ(lines->size(), 4u);
    const std::tuple<std::string, std::string, std::string, std::int64_t, std::int64_t> expected[] =
        {{"Admitted", "child_version", "child", s.child, 1},
         {"From the placement plan", "child_version", "child", s.child, 2},
         {"Added to the list", "family_member_version", "family_member", s.member, 1},
         {"Her calls", "family_member_version", "family_member", s.member, 2}};
    for (std::size_t i = 0; i < lines->size(); ++i) {
        const auto& r = (*lines)[i];
        EXPECT_EQ(std::make_tuple(r.text(0), r.text(1), r.text(2), r.integer(3), r.integer(4)),
                  expected[i]);
    }
    EXPECT_EQ(hearth::testing::count_rows(
                  db, "SELECT COUNT(*) FROM record_versions WHERE record_type = 'daily_entry'"),
              1);

    // The old tables are gone, and `hearth migrate-store` no longer looks for them.
    for (const char* table : {"child_versions", "family_member_versions"}) {
        auto gone = db.read([&](db::Connection& c) {
            return c.query_one(fmt::format("SELECT COUNT(*) FROM {}", table));
        });
        EXPECT_FALSE(gone.ok()) << table;
        const auto listed = db::tables_in_creation_order();
        EXPECT_EQ(std::find(listed.begin(), listed.end(), table), listed.end()) << table;
    }

    // What `hearth verify` checks, on the store as `hearth serve` leaves it: the audit chain,
    // untouched, and the database's integrity.
    ASSERT_TRUE(db::migrate(db, now).ok());
    auto chain = audit::verify(db, audit::held_keys());
    ASSERT_TRUE(chain.ok());
    EXPECT_FALSE(chain->first_broken_seq) << chain->problem;
    auto problems = db.integrity_problems();
    ASSERT_TRUE(problems.ok());
    EXPECT_TRUE(problems->empty()) << problems->front();
}

}  // namespace

// A store records only the highest migration it has applied, so a number skipped when branches
// merge would never be applied to a store already past it: the numbers run 1, 2, 3... with none
// missing and none twice.
TEST(Migrations, NumberedOneByOneFromOne) {
    int expected = 1;
    for (const auto& m : db::embedded_migrations()) {
        EXPECT_EQ(m.number, expected) << m.name;
        expected = m.number + 1;
    }
}

}  // namespace versions_migration_test
