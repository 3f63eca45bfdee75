// The audit chain: appended entries verify; the database refuses to change or remove one; a row
// changed, removed or re-hashed behind Hearth's back by someone who first drops that refusal,
// through the store's real tool, is found, and `hearth verify` fails on it.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "platform/audit/audit_trail.hpp"
#include "test_support.hpp"

using namespace hearth;
using hearth::testing::TempDir;

namespace {

class AuditChainStore : public ::testing::Test {
  protected:
    void SetUp() override {
        url_ = hearth::testing::database_url_for(dir_.file("audit.db"));
        db_ = hearth::testing::open_url_migrated(url_);
        auto at = hearth::testing::test_now();
        for (int i = 1; i <= 5; ++i) {
            audit::Actor actor{std::int64_t{7}, "Sam Carter", "192.0.2.1",
                               "req-" + std::to_string(i)};
            audit::Event event{
                i % 2 ? "read" : "amend", "child",         "3",
                std::int64_t{1},          std::int64_t{3}, "entry " + std::to_string(i)};
            Status ok =
                db_->write([&](db::Connection& c) { return audit::append(c, actor, event, at); });
            ASSERT_TRUE(ok.ok()) << ok.error().message;
            at += std::chrono::seconds(1);
        }
    }

    // Changes rows through the store's own tool (sqlite3 or psql), as someone with write access
    // would. The database refuses to change or remove an entry (migrations/0013_*), but such a
    // person can drop those triggers first, so these tests do too: `hearth verify` must still find
    // what they changed.
    void tamper(const std::string& sql) {
        const std::string drop_guards =
            url_.rfind("sqlite:", 0) == 0
                ? "DROP TRIGGER audit_log_refuses_update; DROP TRIGGER audit_log_refuses_delete; "
                : "DROP FUNCTION audit_log_refuse_change() CASCADE; ";
        ASSERT_EQ(hearth::testing::run_sql_tool(url_, drop_guards + sql), 0) << sql;
    }

    audit::Verification verify() {
        auto v = audit::verify(*db_);
        EXPECT_TRUE(v.ok());
        return v.ok() ? v.value() : audit::Verification{};
    }

    // Runs the real binary; returns its exit status and what it printed.
    std::pair<int, std::string> run_hearth_verify() {
        const std::string out = dir_.file("verify.out");
        const std::string cmd =
            std::string(HEARTH_BINARY) + " verify --database '" + url_ + "' >'" + out + "' 2>&1";
        int raw = std::system(cmd.c_str());
        return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, hearth::testing::read_file(out)};
    }

    TempDir dir_;
    std::string url_;
    std::unique_ptr<db::Database> db_;
};

TEST_F(AuditChainStore, AnUntouchedChainVerifies) {
    auto v = verify();
    EXPECT_EQ(v.entries, 5);
    EXPECT_FALSE(v.first_broken_seq.has_value()) << v.problem;
}

TEST_F(AuditChainStore, EntriesLinkEachToTheOneBefore) {
    auto page = db_->read(
        [](db::Connection& c) { return audit::for_child(c, 3, "read", std::nullopt, 10); });
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->entries.size(), 3u);  // entries 5, 3, 1: newest first
    EXPECT_EQ(page->entries[0].seq, 5);
    EXPECT_EQ(page->entries[2].seq, 1);
    EXPECT_EQ(page->entries[2].prev_hash, std::string(64, '0'));
    for (const auto& e : page->entries) {
        EXPECT_EQ(audit::entry_hash(e), e.hash);
        EXPECT_EQ(e.hash.size(), 64u);
    }
    auto all = db_->read([](db::Connection& c) { return audit::for_home(c, 1, std::nullopt, 2); });
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->entries.size(), 2u);
    EXPECT_EQ(all->entries[1].hash, all->entries[0].prev_hash);
    ASSERT_TRUE(all->older_than.has_value());
    EXPECT_EQ(*all->older_than, 4);
}

TEST_F(AuditChainStore, TheHashCoversEveryField) {
    audit::Entry e{3,
                   "2026-05-12T14:30:00.000Z",
                   7,
                   "Sam Carter",
                   "read",
                   "child",
                   "3",
                   1,
                   3,
                   "192.0.2.1",
                   "req",
                   "detail",
                   std::string(64, 'a'),
                   ""};
    const std::string base = audit::entry_hash(e);
    auto changed = [&](auto mutate) {
        audit::Entry copy = e;
        mutate(copy);
        return audit::entry_hash(copy) != base;
    };
    EXPECT_TRUE(changed([](audit::Entry& x) { x.seq = 4; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.at = "2026-05-12T14:30:00.001Z"; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.actor_id = std::nullopt; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.actor = "Someone Else"; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.action = "amend"; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.record_type = "person"; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.record_id = "4"; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.home_id = 2; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.child_id = std::nullopt; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.ip = "192.0.2.2"; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.request_id = "other"; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.detail = "detail!"; }));
    EXPECT_TRUE(changed([](audit::Entry& x) { x.prev_hash = std::string(64, 'b'); }));
    // Moving text between neighbouring fields is still a change.
    EXPECT_TRUE(changed([](audit::Entry& x) {
        x.actor = "Sam Carterread";
        x.action = "";
    }));
}

// A mistake in Hearth or a statement typed by hand cannot rewrite the trail: the database itself
// refuses, through Hearth's own connection and through the store's command-line tool alike.
TEST_F(AuditChainStore, TheDatabaseRefusesToChangeOrRemoveAnEntry) {
    for (const std::string sql : {"UPDATE audit_log SET detail = 'x' WHERE seq = 2",
                                  "DELETE FROM audit_log WHERE seq = 3", "DELETE FROM audit_log"}) {
        Status refused = db_->write([&](db::Connection& c) { return c.run(sql); });
        EXPECT_FALSE(refused.ok()) << sql;
        EXPECT_NE(hearth::testing::run_sql_tool(url_, sql), 0) << sql;
    }
    // PostgreSQL can also empty a table without deleting its rows one by one.
    if (url_.rfind("sqlite:", 0) != 0) {
        EXPECT_NE(hearth::testing::run_sql_tool(url_, "TRUNCATE audit_log"), 0);
    }
    auto v = verify();
    EXPECT_EQ(v.entries, 5);
    EXPECT_FALSE(v.first_broken_seq.has_value()) << v.problem;
}

TEST_F(AuditChainStore, AChangedRowIsFound) {
    tamper("UPDATE audit_log SET detail='x' WHERE seq=2");
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 2);
    EXPECT_EQ(v.entries, 1);
    EXPECT_NE(v.problem.find("changed"), std::string::npos) << v.problem;
}

TEST_F(AuditChainStore, ARowRehashedToHideAChangeBreaksTheNextLink) {
    // Someone who knows the scheme changes entry 2 and recomputes its hash: entry 3 still holds
    // the old one.
    auto page =
        db_->read([](db::Connection& c) { return audit::for_home(c, 1, std::int64_t{3}, 1); });
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->entries.size(), 1u);
    audit::Entry e = page->entries[0];
    ASSERT_EQ(e.seq, 2);
    e.detail = "nothing happened";
    e.hash = audit::entry_hash(e);
    tamper("UPDATE audit_log SET detail='nothing happened', hash='" + e.hash + "' WHERE seq=2");
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 3);
    EXPECT_NE(v.problem.find("does not follow"), std::string::npos) << v.problem;
}

TEST_F(AuditChainStore, AMissingRowIsFound) {
    tamper("DELETE FROM audit_log WHERE seq=3");
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 3);
    EXPECT_NE(v.problem.find("missing"), std::string::npos) << v.problem;
}

TEST_F(AuditChainStore, ATruncatedTailDisagreesWithTheHead) {
    tamper("DELETE FROM audit_log WHERE seq=5");
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 5);
    EXPECT_NE(v.problem.find("head"), std::string::npos) << v.problem;
}

TEST_F(AuditChainStore, AHeadThatWasMovedIsFound) {
    tamper("UPDATE audit_head SET last_hash='" + std::string(64, 'f') + "' WHERE id=1");
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 6);
    EXPECT_EQ(v.entries, 5);
}

TEST_F(AuditChainStore, AppendsAfterVerifyingKeepTheChain) {
    ASSERT_FALSE(verify().first_broken_seq.has_value());
    audit::Actor actor{std::nullopt, "system", "", ""};
    Status ok = db_->write([&](db::Connection& c) {
        return audit::append(c, actor, {"sign_in", "person", "9", std::nullopt, std::nullopt, ""},
                             hearth::testing::test_now());
    });
    ASSERT_TRUE(ok.ok());
    auto v = verify();
    EXPECT_EQ(v.entries, 6);
    EXPECT_FALSE(v.first_broken_seq.has_value()) << v.problem;
}

TEST_F(AuditChainStore, AnAppendThatRollsBackLeavesNoGap) {
    audit::Actor actor{std::nullopt, "system", "", ""};
    Status failed = db_->write([&](db::Connection& c) -> Status {
        TRY(audit::append(c, actor, {"create", "child", "9", std::nullopt, std::nullopt, ""},
                          hearth::testing::test_now()));
        return Error::make(ErrorKind::invalid_input, "the change it recorded was refused");
    });
    ASSERT_FALSE(failed.ok());
    auto v = verify();
    EXPECT_EQ(v.entries, 5);
    EXPECT_FALSE(v.first_broken_seq.has_value()) << v.problem;
}

TEST_F(AuditChainStore, HearthVerifyPassesThenFailsAfterTampering) {
    auto [before, before_text] = run_hearth_verify();
    EXPECT_EQ(before, 0) << before_text;
    EXPECT_NE(before_text.find("5 entries, unbroken"), std::string::npos) << before_text;

    tamper("UPDATE audit_log SET detail='x' WHERE seq=2");
    auto [after, after_text] = run_hearth_verify();
    EXPECT_NE(after, 0) << after_text;
    EXPECT_NE(after_text.find("BROKEN at entry 2"), std::string::npos) << after_text;
}

}  // namespace
