// The audit chain: appended entries verify; the database refuses to change or remove one; a row
// changed, removed or re-hashed behind Hearth's back by someone who first drops that refusal,
// through the store's real tool, is found, and `hearth verify` fails on it. The chain is signed
// with a key outside the database: rewritten without the key it does not verify, an old unkeyed
// trail verifies up to where keying began, a rotated key begins a new part, and checkpoints
// outside the database catch a trail cut short or rewritten with the key.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "platform/audit/audit_trail.hpp"
#include "platform/crypto.hpp"
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

    void TearDown() override { audit::hold_keys(test_keys()); }

    static audit::Keyring test_keys() {
        return audit::parse_keys(hearth::testing::test_audit_key, "test").value();
    }
    static const audit::AuditKey& key() { return audit::held_keys().keys.back(); }

    // Every entry, oldest first, the key's own entries too (they belong to no home).
    std::vector<audit::Entry> all_entries() {
        auto rows = db_->read([](db::Connection& c) {
            return c.query(
                "SELECT seq, at, actor_id, actor, action, record_type, record_id, home_id, "
                "child_id, ip, request_id, detail, prev_hash, hash FROM audit_log ORDER BY seq");
        });
        EXPECT_TRUE(rows.ok());
        std::vector<audit::Entry> out;
        for (const auto& r : rows.value()) {
            out.push_back({r.integer(0), r.text(1), r.optional_integer(2), r.text(3), r.text(4),
                           r.text(5), r.text(6), r.optional_integer(7), r.optional_integer(8),
                           r.text(9), r.text(10), r.text(11), r.text(12), r.text(13)});
        }
        return out;
    }

    // Rewrites entry `from` with `change` and every entry after it with the hash `hash` gives,
    // each following the one before, and moves the head to match: what someone who can write the
    // database, and knows the scheme, can do.
    void rewrite_from(std::int64_t from, const std::function<void(audit::Entry&)>& change,
                      const std::function<std::string(const audit::Entry&)>& hash) {
        std::string sql;
        std::string prev;
        for (auto& e : all_entries()) {
            if (e.seq < from) {
                prev = e.hash;
                continue;
            }
            if (e.seq == from) {
                change(e);
            } else {
                e.prev_hash = prev;
            }
            e.hash = hash(e);
            prev = e.hash;
            sql += "UPDATE audit_log SET action='" + e.action + "', detail='" + e.detail +
                   "', prev_hash='" + e.prev_hash + "', hash='" + e.hash +
                   "' WHERE seq=" + std::to_string(e.seq) + "; ";
        }
        tamper(sql + "UPDATE audit_head SET last_hash='" + prev + "' WHERE id=1");
    }

    audit::Verification verify(const std::vector<audit::Checkpoint>& checkpoints = {}) {
        return verify_with(audit::held_keys(), checkpoints);
    }
    audit::Verification verify_with(const audit::Keyring& keys,
                                    const std::vector<audit::Checkpoint>& checkpoints = {}) {
        auto v = audit::verify(*db_, keys, checkpoints);
        EXPECT_TRUE(v.ok());
        return v.ok() ? v.value() : audit::Verification{};
    }

    // Runs the real binary; returns its exit status and what it printed.
    std::pair<int, std::string> run_hearth_verify() {
        const std::string out = dir_.file("verify.out");
        const std::string cmd = "HEARTH_AUDIT_KEY=" + hearth::testing::test_audit_key + " " +
                                std::string(HEARTH_BINARY) + " verify --database '" + url_ +
                                "' >'" + out + "' 2>&1";
        int raw = std::system(cmd.c_str());
        return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, hearth::testing::read_file(out)};
    }

    TempDir dir_;
    std::string url_;
    std::unique_ptr<db::Database> db_;
};

// The first entry begins the part of the trail signed with the key Hearth holds; the five appended
// follow it.
TEST_F(AuditChainStore, AnUntouchedChainVerifies) {
    auto v = verify();
    EXPECT_EQ(v.entries, 6);
    EXPECT_FALSE(v.first_broken_seq.has_value()) << v.problem;
    const auto first = all_entries().front();
    EXPECT_TRUE(audit::begins_keyed_part(first));
    EXPECT_EQ(first.record_id, key().id);
    EXPECT_EQ(first.prev_hash, std::string(64, '0'));
}

TEST_F(AuditChainStore, EntriesLinkEachToTheOneBefore) {
    auto page = db_->read(
        [](db::Connection& c) { return audit::for_child(c, 3, "read", std::nullopt, 10); });
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->entries.size(), 3u);  // entries 6, 4, 2: newest first
    EXPECT_EQ(page->entries[0].seq, 6);
    EXPECT_EQ(page->entries[2].seq, 2);
    EXPECT_EQ(page->entries[2].prev_hash, all_entries().front().hash);
    for (const auto& e : page->entries) {
        EXPECT_EQ(audit::entry_hash(e, key()), e.hash);
        EXPECT_EQ(e.hash.size(), 64u);
    }
    auto all = db_->read([](db::Connection& c) { return audit::for_home(c, 1, std::nullopt, 2); });
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->entries.size(), 2u);
    EXPECT_EQ(all->entries[1].hash, all->entries[0].prev_hash);
    ASSERT_TRUE(all->older_than.has_value());
    EXPECT_EQ(*all->older_than, 5);
}

TEST_F(AuditChainStore, TheHashCoversEveryFieldAndTheKey) {
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
    const std::string base = audit::entry_hash(e, key());
    auto changed = [&](auto mutate) {
        audit::Entry copy = e;
        mutate(copy);
        return audit::entry_hash(copy, key()) != base;
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
    // Without the key, nobody can compute it: not the plain hash, nor the hash under another key.
    EXPECT_NE(audit::unkeyed_hash(e), base);
    const auto other = audit::parse_keys(std::string(64, 'c'), "other").value();
    EXPECT_NE(audit::entry_hash(e, other.keys.front()), base);
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
    EXPECT_EQ(v.entries, 6);
    EXPECT_FALSE(v.first_broken_seq.has_value()) << v.problem;
}

TEST_F(AuditChainStore, AChangedRowIsFound) {
    tamper("UPDATE audit_log SET detail='x' WHERE seq=3");
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 3);
    EXPECT_EQ(v.entries, 2);
    EXPECT_NE(v.problem.find("changed"), std::string::npos) << v.problem;
}

TEST_F(AuditChainStore, ARowRehashedToHideAChangeBreaksTheNextLink) {
    // Someone who holds the key changes entry 3 and recomputes its hash: entry 4 still holds the
    // old one.
    audit::Entry e = all_entries().at(2);
    ASSERT_EQ(e.seq, 3);
    e.detail = "nothing happened";
    e.hash = audit::entry_hash(e, key());
    tamper("UPDATE audit_log SET detail='nothing happened', hash='" + e.hash + "' WHERE seq=3");
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 4);
    EXPECT_NE(v.problem.find("does not follow"), std::string::npos) << v.problem;
}

// Before the chain was keyed, someone who could write the database could change an entry and
// recompute every later hash and the head, and verify said "unbroken". Without the key they can
// compute only the plain hash, or a hash under a key of their own: neither verifies.
TEST_F(AuditChainStore, AChainRewrittenWithoutTheKeyDoesNotVerify) {
    rewrite_from(
        3, [](audit::Entry& e) { e.detail = "nothing happened"; },
        [](const audit::Entry& e) { return audit::unkeyed_hash(e); });
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 3);
    EXPECT_NE(v.problem.find("without the audit key"), std::string::npos) << v.problem;
}

TEST_F(AuditChainStore, AChainRewrittenWithAnotherKeyDoesNotVerify) {
    const auto theirs = audit::parse_keys(std::string(64, 'e'), "theirs").value();
    rewrite_from(
        4, [](audit::Entry& e) { e.detail = "nothing happened"; },
        [&](const audit::Entry& e) { return audit::entry_hash(e, theirs.keys.front()); });
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 4);
}

// Rewriting the whole trail as if it were written before keying, the entry that began the keyed
// part included, leaves a trail with no keyed part: Hearth holds a key, so that is refused.
TEST_F(AuditChainStore, AChainRewrittenAsIfNeverKeyedDoesNotVerify) {
    rewrite_from(
        1, [](audit::Entry& e) { e.action = "read"; },
        [](const audit::Entry& e) { return audit::unkeyed_hash(e); });
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 1);
    EXPECT_NE(v.problem.find("no entry is signed"), std::string::npos) << v.problem;
}

TEST_F(AuditChainStore, AMissingRowIsFound) {
    tamper("DELETE FROM audit_log WHERE seq=4");
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 4);
    EXPECT_NE(v.problem.find("missing"), std::string::npos) << v.problem;
}

TEST_F(AuditChainStore, ATruncatedTailDisagreesWithTheHead) {
    tamper("DELETE FROM audit_log WHERE seq=6");
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 6);
    EXPECT_NE(v.problem.find("head"), std::string::npos) << v.problem;
}

TEST_F(AuditChainStore, AHeadThatWasMovedIsFound) {
    tamper("UPDATE audit_head SET last_hash='" + std::string(64, 'f') + "' WHERE id=1");
    auto v = verify();
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 7);
    EXPECT_EQ(v.entries, 6);
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
    EXPECT_EQ(v.entries, 7);
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
    EXPECT_EQ(v.entries, 6);
    EXPECT_FALSE(v.first_broken_seq.has_value()) << v.problem;
}

// A new key begins a new part of the trail at the next write (or at once, with key_trail); the
// old key is kept to verify the part it signed. Without the old key, or without the new, the trail
// does not verify; an instance that holds only the old key refuses to write after the rotation.
TEST_F(AuditChainStore, ARotatedKeyBeginsANewPartAndTheOldKeyStillVerifiesTheOld) {
    auto ring = test_keys();
    const auto newer = audit::parse_keys(std::string(64, '7'), "newer").value();
    ring.keys.push_back(newer.keys.front());
    audit::hold_keys(ring);
    audit::Actor actor{std::nullopt, "system", "", ""};
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return audit::key_trail(c, actor, hearth::testing::test_now());
                   })
                    .ok());
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return audit::append(
                           c, actor, {"sign_in", "person", "9", std::nullopt, std::nullopt, ""},
                           hearth::testing::test_now());
                   })
                    .ok());
    const auto entries = all_entries();
    ASSERT_EQ(entries.size(), 8u);
    EXPECT_TRUE(audit::begins_keyed_part(entries[6]));
    EXPECT_EQ(entries[6].record_id, newer.keys.front().id);
    EXPECT_EQ(entries[7].hash, audit::entry_hash(entries[7], newer.keys.front()));

    auto both = verify();
    EXPECT_FALSE(both.first_broken_seq.has_value()) << both.problem;
    EXPECT_EQ(both.entries, 8);
    auto only_new = verify_with(newer);
    ASSERT_TRUE(only_new.first_broken_seq.has_value());
    EXPECT_EQ(*only_new.first_broken_seq, 1);
    auto only_old = verify_with(test_keys());
    ASSERT_TRUE(only_old.first_broken_seq.has_value());
    EXPECT_EQ(*only_old.first_broken_seq, 7);

    audit::hold_keys(test_keys());
    Status refused = db_->write([&](db::Connection& c) {
        return audit::append(c, actor, {"sign_in", "person", "9", std::nullopt, std::nullopt, ""},
                             hearth::testing::test_now());
    });
    EXPECT_FALSE(refused.ok());
}

// A trail a checkpoint saw reach entry 6, cut back to entry 4 with its head moved to match: the
// chain alone cannot tell, the checkpoint can.
TEST_F(AuditChainStore, ACheckpointFindsATrailCutShort) {
    const std::string file = dir_.file("checkpoints");
    auto written = audit::write_checkpoint(*db_, file, hearth::testing::test_now());
    ASSERT_TRUE(written.ok());
    EXPECT_EQ(written.value(), 6);
    auto checkpoints =
        audit::read_checkpoints(hearth::testing::read_file(file), audit::held_keys(), file);
    ASSERT_TRUE(checkpoints.ok()) << checkpoints.error().message;
    ASSERT_EQ(checkpoints->size(), 1u);
    EXPECT_EQ(verify(*checkpoints).checkpoints, 1);

    const auto fourth = all_entries().at(3);
    tamper("DELETE FROM audit_log WHERE seq > 4; UPDATE audit_head SET last_seq=4, last_hash='" +
           fourth.hash + "' WHERE id=1");
    EXPECT_FALSE(verify().first_broken_seq.has_value()) << "the chain alone cannot tell";
    auto v = verify(*checkpoints);
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 5);
    EXPECT_NE(v.problem.find("removed from its end"), std::string::npos) << v.problem;
}

// Someone who holds the key can rewrite the trail so that it verifies; not so that it still holds
// the entry an earlier checkpoint saw.
TEST_F(AuditChainStore, ACheckpointFindsATrailRewrittenWithTheKey) {
    const auto checkpoint =
        audit::signed_checkpoint(6, all_entries().back().hash, "2026-05-12T14:31:00.000Z", key());
    rewrite_from(
        3, [](audit::Entry& e) { e.detail = "nothing happened"; },
        [](const audit::Entry& e) { return audit::entry_hash(e, key()); });
    EXPECT_FALSE(verify().first_broken_seq.has_value()) << "the chain alone cannot tell";
    auto v = verify({checkpoint});
    ASSERT_TRUE(v.first_broken_seq.has_value());
    EXPECT_EQ(*v.first_broken_seq, 6);
    EXPECT_NE(v.problem.find("rewritten"), std::string::npos) << v.problem;
}

// A checkpoint file is only as good as its signatures: a line changed (to agree with a trail cut
// short), or signed with another key, is refused and named; the log's checkpoint lines, which carry
// other fields too, read as well as the file's.
TEST_F(AuditChainStore, ACheckpointMustBeSignedWithAnAuditKey) {
    const auto cp =
        audit::signed_checkpoint(6, all_entries().back().hash, "2026-05-12T14:31:00.000Z", key());
    std::string line = audit::checkpoint_json(cp);
    auto log_line = nlohmann::json::parse(line);
    log_line["msg"] = "audit checkpoint";
    log_line["level"] = "info";
    auto read =
        audit::read_checkpoints(line + "\n\n" + log_line.dump() + "\n", audit::held_keys(), "file");
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->size(), 2u);

    auto moved = nlohmann::json::parse(line);
    moved["seq"] = 4;
    auto refused =
        audit::read_checkpoints(line + "\n" + moved.dump() + "\n", audit::held_keys(), "file");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("line 2"), std::string::npos) << refused.error().message;
    const auto theirs = audit::parse_keys(std::string(64, 'e'), "theirs").value();
    const auto forged = audit::signed_checkpoint(4, cp.hash, cp.at, theirs.keys.front());
    EXPECT_FALSE(
        audit::read_checkpoints(audit::checkpoint_json(forged), audit::held_keys(), "file").ok());
    EXPECT_FALSE(audit::read_checkpoints("not json\n", audit::held_keys(), "file").ok());
}

TEST_F(AuditChainStore, HearthVerifyPassesThenFailsAfterTampering) {
    auto [before, before_text] = run_hearth_verify();
    EXPECT_EQ(before, 0) << before_text;
    EXPECT_NE(before_text.find("6 entries, unbroken"), std::string::npos) << before_text;

    tamper("UPDATE audit_log SET detail='x' WHERE seq=3");
    auto [after, after_text] = run_hearth_verify();
    EXPECT_NE(after, 0) << after_text;
    EXPECT_NE(after_text.find("BROKEN at entry 3"), std::string::npos) << after_text;
}

// A trail written before Hearth keyed it: its entries keep their plain hashes, the first keyed
// append begins the keyed part, and the whole verifies. The keyed part's first entry covers the
// old part through its previous hash, so an old entry rewritten (plain hashes recomputed up to
// there) is found where the keyed part begins.
class UnkeyedTrailStore : public ::testing::Test {
  protected:
    void SetUp() override {
        url_ = hearth::testing::database_url_for(dir_.file("old.db"));
        db_ = hearth::testing::open_url_migrated(url_);
        std::string prev(64, '0');
        for (std::int64_t seq = 1; seq <= 3; ++seq) {
            audit::Entry e{seq,
                           "2026-05-12T14:30:00.000Z",
                           7,
                           "Sam Carter",
                           "read",
                           "child",
                           "3",
                           1,
                           3,
                           "192.0.2.1",
                           "old-" + std::to_string(seq),
                           "before keying",
                           prev,
                           ""};
            e.hash = audit::unkeyed_hash(e);
            old_.push_back(e);
            prev = e.hash;
        }
        // As the code before keying wrote them: plain hashes, and a head under no key.
        ASSERT_TRUE(
            db_->write([&](db::Connection& c) -> Status {
                   for (const auto& e : old_) {
                       TRY(c.run(
                           "INSERT INTO audit_log (seq, at, actor_id, actor, action, "
                           "record_type, record_id, home_id, child_id, ip, "
                           "request_id, detail, prev_hash, hash) VALUES "
                           "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)",
                           {e.seq, e.at, db::nullable(e.actor_id), e.actor, e.action, e.record_type,
                            e.record_id, db::nullable(e.home_id), db::nullable(e.child_id), e.ip,
                            e.request_id, e.detail, e.prev_hash, e.hash}));
                   }
                   return c.run(
                       "UPDATE audit_head SET last_seq = 3, last_hash = $1 "
                       "WHERE id = 1",
                       {prev});
               })
                .ok());
    }

    audit::Verification verify() {
        auto v = audit::verify(*db_, audit::held_keys());
        EXPECT_TRUE(v.ok());
        return v.ok() ? v.value() : audit::Verification{};
    }

    TempDir dir_;
    std::string url_;
    std::unique_ptr<db::Database> db_;
    std::vector<audit::Entry> old_;
};

TEST_F(UnkeyedTrailStore, AnOldTrailVerifiesUpToWhereKeyingBegan) {
    auto before = verify();
    ASSERT_TRUE(before.first_broken_seq.has_value()) << "a key is held, but nothing is keyed";
    EXPECT_NE(before.problem.find("no entry is signed"), std::string::npos) << before.problem;

    audit::Actor actor{std::nullopt, "system", "", ""};
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return audit::append(
                           c, actor, {"sign_in", "person", "9", std::nullopt, std::nullopt, ""},
                           hearth::testing::test_now());
                   })
                    .ok());
    auto after = verify();
    EXPECT_FALSE(after.first_broken_seq.has_value()) << after.problem;
    EXPECT_EQ(after.entries, 5);  // three old, the key's, the sign-in

    // Entry 2 changed and every plain hash after it recomputed, as far as the keyed part.
    audit::Entry second = old_[1];
    second.detail = "nothing happened";
    second.hash = audit::unkeyed_hash(second);
    audit::Entry third = old_[2];
    third.prev_hash = second.hash;
    third.hash = audit::unkeyed_hash(third);
    ASSERT_EQ(hearth::testing::run_sql_tool(
                  url_, std::string(url_.rfind("sqlite:", 0) == 0
                                        ? "DROP TRIGGER audit_log_refuses_update; "
                                        : "DROP FUNCTION audit_log_refuse_change() CASCADE; ") +
                            "UPDATE audit_log SET detail='nothing happened', hash='" + second.hash +
                            "' WHERE seq=2; UPDATE audit_log SET prev_hash='" + third.prev_hash +
                            "', hash='" + third.hash + "' WHERE seq=3"),
              0);
    auto rewritten = verify();
    ASSERT_TRUE(rewritten.first_broken_seq.has_value());
    EXPECT_EQ(*rewritten.first_broken_seq, 4);
    EXPECT_NE(rewritten.problem.find("does not follow"), std::string::npos) << rewritten.problem;
}

}  // namespace
