// Sessions and sign-in: the idle and longest limits at set times, the throttle rule, and the whole
// sign-in against a real database with its audit entries.
#include "platform/auth/sessions.hpp"

#include <gtest/gtest.h>

#include "platform/crypto.hpp"
#include "test_support.hpp"

using namespace hearth;
using namespace std::chrono_literals;

namespace {

sessions::Session session_at(Timestamp created, Timestamp last_seen, bool ended = false) {
    sessions::Session s;
    s.person_id = 1;
    s.created_at = created;
    s.last_seen_at = last_seen;
    s.ended = ended;
    return s;
}

TEST(SessionState, ActiveUntilIdleThenExpired) {
    sessions::Policy p;  // 30 minutes idle, 12 hours longest
    const Timestamp t0 = hearth::testing::test_now();
    auto s = session_at(t0, t0);
    EXPECT_EQ(sessions::state_of(s, t0, p), sessions::State::active);
    EXPECT_EQ(sessions::state_of(s, t0 + 29min + 59s, p), sessions::State::active);
    EXPECT_EQ(sessions::state_of(s, t0 + 30min, p), sessions::State::idle_expired);
    EXPECT_EQ(sessions::state_of(s, t0 + 2h, p), sessions::State::idle_expired);
    EXPECT_EQ(sessions::time_left(s, t0 + 25min, p), 5min);
}

TEST(SessionState, UseKeepsItAliveUntilTheLongestLimit) {
    sessions::Policy p;
    const Timestamp t0 = hearth::testing::test_now();
    auto s = session_at(t0, t0 + 11h + 50min);
    EXPECT_EQ(sessions::state_of(s, t0 + 11h + 59min, p), sessions::State::active);
    EXPECT_EQ(sessions::time_left(s, t0 + 11h + 55min, p), 5min);  // the longest limit comes first
    EXPECT_EQ(sessions::state_of(s, t0 + 12h, p), sessions::State::over);
    // Over beats idle: after the longest limit there is nothing to come back to.
    EXPECT_EQ(sessions::state_of(session_at(t0, t0), t0 + 13h, p), sessions::State::over);
}

TEST(SessionState, EndedIsOverAtOnce) {
    sessions::Policy p;
    const Timestamp t0 = hearth::testing::test_now();
    EXPECT_EQ(sessions::state_of(session_at(t0, t0, true), t0 + 1s, p), sessions::State::over);
}

TEST(SessionPolicyStore, PolicyComesFromTheConfig) {
    Config config;
    config.session_idle_minutes = 7;
    config.session_max_hours = 2;
    SetClock clock(hearth::testing::test_now());
    http::Metrics metrics;
    hearth::testing::TempDir dir;
    auto db = hearth::testing::open_migrated(dir.file("h.db"));
    http::Services services{config, *db, clock, metrics};
    const Timestamp t0 = clock.now();
    auto s = session_at(t0, t0);
    EXPECT_EQ(sessions::state_of(s, t0 + 6min, services.session_policy()), sessions::State::active);
    EXPECT_EQ(sessions::state_of(s, t0 + 7min, services.session_policy()),
              sessions::State::idle_expired);
}

TEST(Throttle, LocksTheAccountAtTheLimitAndThrottlesTheAddress) {
    sessions::Policy p;  // 5 account failures, 30 address failures
    EXPECT_EQ(sessions::throttle_for(0, 0, p), sessions::Throttle::allowed);
    EXPECT_EQ(sessions::throttle_for(4, 29, p), sessions::Throttle::allowed);
    EXPECT_EQ(sessions::throttle_for(5, 0, p), sessions::Throttle::account_locked);
    EXPECT_EQ(sessions::throttle_for(0, 30, p), sessions::Throttle::address_throttled);
    EXPECT_EQ(sessions::throttle_for(9, 99, p), sessions::Throttle::account_locked);
    p.account_failures_before_lockout = 3;
    EXPECT_EQ(sessions::throttle_for(3, 0, p), sessions::Throttle::account_locked);
}

// Sign-in against a real database holding one person.
class SignInStore : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = hearth::testing::open_migrated(dir_.file("h.db"));
        auto hash = crypto::hash_password(password_);
        ASSERT_TRUE(hash.ok());
        Status made = db_->write([&](db::Connection& c) -> Status {
            auto org = TRY(c.insert(
                "INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id",
                {std::string("Test provider"), format_utc(now_)}));
            accounts::NewPerson p{org, "Jo Whitfield", email_, "Deputy", hash.value(), false};
            person_id_ =
                TRY(accounts::add_person(c, p, audit::Actor{std::nullopt, "test", "", ""}, now_));
            return {};
        });
        ASSERT_TRUE(made.ok()) << made.error().message;
    }

    Result<sessions::SignedIn> sign_in(const std::string& email, const std::string& password,
                                       const std::string& ip = "192.0.2.7") {
        return sessions::sign_in(*db_, email, password, audit::Actor{std::nullopt, "", ip, "req"},
                                 now_, policy_);
    }

    std::int64_t audit_count(const std::string& action) {
        return hearth::testing::count_rows(*db_, "SELECT COUNT(*) FROM audit_log WHERE action = $1",
                                           {action});
    }

    hearth::testing::TempDir dir_;
    std::unique_ptr<db::Database> db_;
    Timestamp now_ = hearth::testing::test_now();
    sessions::Policy policy_;
    std::int64_t person_id_ = 0;
    const std::string email_ = "jo.whitfield@example.org";
    const std::string password_ = "lantern-meadow-copper";
};

TEST_F(SignInStore, RightPasswordStartsASessionAndIsAudited) {
    auto r = sign_in("  Jo.Whitfield@EXAMPLE.org ", password_);  // typed as people type it
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->person_id, person_id_);
    EXPECT_EQ(r->token.size(), 64u);
    EXPECT_EQ(audit_count("sign_in"), 1);
    EXPECT_EQ(audit_count("sign_in_failed"), 0);

    auto found = db_->read([&](db::Connection& c) { return sessions::find(c, r->token); });
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(found.value().has_value());
    EXPECT_EQ(found.value()->person_id, person_id_);
    EXPECT_EQ(found.value()->csrf_token.size(), 64u);
    // Only the token's hash is stored.
    EXPECT_EQ(hearth::testing::count_rows(
                  *db_, "SELECT COUNT(*) FROM sessions WHERE token_hash = $1", {r->token}),
              0);
}

TEST_F(SignInStore, WrongPasswordNamesTheEmailFieldAndIsAudited) {
    auto r = sign_in(email_, "not-the-password");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields.front().field, "email");
    EXPECT_EQ(audit_count("sign_in_failed"), 1);
    EXPECT_EQ(audit_count("sign_in"), 0);
    auto detail = db_->read([](db::Connection& c) {
        return c.query_one(
            "SELECT detail, record_id, ip FROM audit_log WHERE action = 'sign_in_failed'");
    });
    ASSERT_TRUE(detail.ok() && detail.value());
    EXPECT_EQ((*detail.value()).text(0), "wrong password");
    EXPECT_EQ((*detail.value()).text(1), std::to_string(person_id_));
    EXPECT_EQ((*detail.value()).text(2), "192.0.2.7");
}

TEST_F(SignInStore, UnknownEmailGetsTheSameAnswer) {
    auto wrong = sign_in(email_, "not-the-password");
    auto unknown = sign_in("nobody@example.org", "not-the-password");
    ASSERT_FALSE(wrong.ok());
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().kind, wrong.error().kind);
    EXPECT_EQ(unknown.error().message, wrong.error().message);
    // Counted, but not in the audit trail, and what was typed is kept nowhere.
    EXPECT_EQ(audit_count("sign_in_failed"), 1);
    EXPECT_EQ(hearth::testing::count_rows(
                  *db_, "SELECT COUNT(*) FROM audit_log WHERE actor LIKE '%nobody%'"),
              0);
    EXPECT_EQ(hearth::testing::count_rows(
                  *db_, "SELECT COUNT(*) FROM sign_in_failures WHERE email LIKE '%nobody%'"),
              0);
    EXPECT_EQ(hearth::testing::count_rows(*db_, "SELECT COUNT(*) FROM sign_in_failures"), 2);
}

TEST_F(SignInStore, FiveFailuresLockTheAccountEvenWithTheRightPassword) {
    for (int i = 0; i < 5; ++i) {
        auto r = sign_in(email_, "guess-number-" + std::to_string(i));
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().kind, ErrorKind::invalid_input) << i;
    }
    auto locked = sign_in(email_, password_);
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.error().kind, ErrorKind::throttled);
    EXPECT_EQ(audit_count("sign_in"), 0);
    EXPECT_EQ(hearth::testing::count_rows(*db_,
                                          "SELECT COUNT(*) FROM audit_log WHERE action = "
                                          "'sign_in_failed' AND detail = 'account locked'"),
              1);
    // From another address too: the lock is on the account.
    auto elsewhere = sign_in(email_, password_, "198.51.100.9");
    ASSERT_FALSE(elsewhere.ok());
    EXPECT_EQ(elsewhere.error().kind, ErrorKind::throttled);

    // The lock lasts the window, then the right password works again.
    now_ += policy_.window + std::chrono::minutes(1);
    auto later = sign_in(email_, password_);
    ASSERT_TRUE(later.ok()) << later.error().message;
}

TEST_F(SignInStore, FailuresBelowTheLimitAreClearedBySuccess) {
    for (int i = 0; i < 4; ++i)
        ASSERT_FALSE(sign_in(email_, "wrong").ok());
    ASSERT_TRUE(sign_in(email_, password_).ok());
    // Four more failures after the success do not lock: the count started again.
    for (int i = 0; i < 4; ++i)
        ASSERT_FALSE(sign_in(email_, "wrong").ok());
    EXPECT_TRUE(sign_in(email_, password_).ok());
}

TEST_F(SignInStore, ManyFailuresFromOneAddressThrottleIt) {
    policy_.address_failures_before_throttle = 3;
    for (int i = 0; i < 3; ++i) {
        ASSERT_FALSE(
            sign_in("someone" + std::to_string(i) + "@example.org", "x", "203.0.113.5").ok());
    }
    auto r = sign_in(email_, password_, "203.0.113.5");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::throttled);
    EXPECT_TRUE(sign_in(email_, password_, "203.0.113.6").ok());
}

TEST_F(SignInStore, ADisabledAccountCannotSignIn) {
    Status off = db_->write([&](db::Connection& c) {
        return accounts::set_disabled(c, person_id_, true,
                                      audit::Actor{std::nullopt, "test", "", ""}, now_);
    });
    ASSERT_TRUE(off.ok());
    auto r = sign_in(email_, password_);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(hearth::testing::count_rows(*db_,
                                          "SELECT COUNT(*) FROM audit_log WHERE action = "
                                          "'sign_in_failed' AND detail = 'account disabled'"),
              1);
}

TEST_F(SignInStore, SigningOutEndsTheSession) {
    auto r = sign_in(email_, password_);
    ASSERT_TRUE(r.ok());
    auto found = db_->read([&](db::Connection& c) { return sessions::find(c, r->token); });
    ASSERT_TRUE(found.ok() && found.value());
    Status ended = db_->write([&](db::Connection& c) {
        return sessions::end(c, *found.value(), audit::Actor{person_id_, "Jo Whitfield", "", ""},
                             now_);
    });
    ASSERT_TRUE(ended.ok());
    auto again = db_->read([&](db::Connection& c) { return sessions::find(c, r->token); });
    ASSERT_TRUE(again.ok() && again.value());
    EXPECT_EQ(sessions::state_of(*again.value(), now_, policy_), sessions::State::over);
    EXPECT_EQ(audit_count("sign_out"), 1);
}

TEST_F(SignInStore, ApiTokensAreStoredHashedAndFound) {
    auto token = db_->write([&](db::Connection& c) {
        return sessions::create_api_token(c, person_id_, "Report script",
                                          audit::Actor{person_id_, "Jo", "", ""}, now_);
    });
    ASSERT_TRUE(token.ok());
    EXPECT_EQ(token->rfind("hearth_", 0), 0u);
    auto who = db_->read(
        [&](db::Connection& c) { return sessions::person_for_api_token(c, token.value()); });
    ASSERT_TRUE(who.ok());
    EXPECT_EQ(who.value(), std::optional<std::int64_t>{person_id_});
    auto nobody = db_->read(
        [&](db::Connection& c) { return sessions::person_for_api_token(c, token.value() + "x"); });
    ASSERT_TRUE(nobody.ok());
    EXPECT_FALSE(nobody.value().has_value());
    EXPECT_EQ(hearth::testing::count_rows(
                  *db_, "SELECT COUNT(*) FROM api_tokens WHERE token_hash = $1", {token.value()}),
              0);
}

}  // namespace
