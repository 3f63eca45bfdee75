// Sessions and sign-in: the idle and longest limits at set times, the throttle rule, and the whole
// sign-in against a real database with its audit entries.
#include "platform/auth/sessions.hpp"

#include <gtest/gtest.h>

#include "platform/crypto.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace sessions_test {

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

TEST(Throttle, AnAccountWaitsLongerAfterEachFailureBeyondTheFirstFew) {
    sessions::Policy p;  // 5 failures free, then 30 s doubling up to the 15-minute window
    EXPECT_EQ(sessions::account_delay(4, p), 0s);
    EXPECT_EQ(sessions::account_delay(5, p), 30s);
    EXPECT_EQ(sessions::account_delay(6, p), 60s);
    EXPECT_EQ(sessions::account_delay(8, p), 240s);
    EXPECT_EQ(sessions::account_delay(10, p), 900s);
    EXPECT_EQ(sessions::account_delay(500, p), 900s);
}

TEST(Throttle, TheWaitRunsFromTheLastFailureAndTheAddressIsThrottledApart) {
    sessions::Policy p;
    const Timestamp t = hearth::testing::test_now();
    using sessions::Throttle;
    EXPECT_EQ(sessions::throttle_for({4, t}, 29, t, p).throttle, Throttle::allowed);
    auto slowed = sessions::throttle_for({5, t}, 0, t + 10s, p);
    EXPECT_EQ(slowed.throttle, Throttle::account_slowed);
    EXPECT_EQ(slowed.wait, 20s);
    EXPECT_EQ(sessions::throttle_for({5, t}, 0, t + 30s, p).throttle, Throttle::allowed);
    EXPECT_EQ(sessions::throttle_for({0, t}, 30, t, p).throttle, Throttle::address_throttled);
    p.account_failures_before_delay = 3;
    EXPECT_EQ(sessions::throttle_for({3, t}, 0, t, p).throttle, Throttle::account_slowed);
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
                  *db_, "SELECT COUNT(*) FROM sign_in_failures WHERE account_key LIKE '%nobody%'"),
              0);
    EXPECT_EQ(hearth::testing::count_rows(*db_, "SELECT COUNT(*) FROM sign_in_failures"), 2);
}

TEST_F(SignInStore, FailuresSlowTheAccountWithAGrowingWaitThatRefusalsDoNotRenew) {
    for (int i = 0; i < 5; ++i) {
        auto r = sign_in(email_, "guess-number-" + std::to_string(i));
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().kind, ErrorKind::invalid_input) << i;
    }
    // Now the account must wait 30 s from the last failure, even for the right password, and
    // from any address.
    auto slowed = sign_in(email_, password_, "198.51.100.9");
    ASSERT_FALSE(slowed.ok());
    EXPECT_EQ(slowed.error().kind, ErrorKind::throttled);
    EXPECT_NE(slowed.error().message.find("Wait 30 seconds"), std::string::npos)
        << slowed.error().message;
    EXPECT_EQ(hearth::testing::count_rows(*db_,
                                          "SELECT COUNT(*) FROM audit_log WHERE action = "
                                          "'sign_in_failed' AND detail = 'account slowed'"),
              1);
    // Someone hammering it while it waits does not make the wait longer.
    for (int i = 0; i < 20; ++i) {
        now_ += 1s;
        ASSERT_FALSE(sign_in(email_, "hammer").ok());
    }
    now_ += 10s;  // 30 s after the fifth failure
    // A sixth failure doubles the wait; the right password after it works once the wait is over.
    ASSERT_EQ(sign_in(email_, "guess-six").error().kind, ErrorKind::invalid_input);
    now_ += 59s;
    EXPECT_EQ(sign_in(email_, password_).error().kind, ErrorKind::throttled);
    now_ += 1s;
    auto later = sign_in(email_, password_);
    ASSERT_TRUE(later.ok()) << later.error().message;
}

TEST_F(SignInStore, APasswordResetClearsTheWait) {
    for (int i = 0; i < 7; ++i) {
        ASSERT_FALSE(sign_in(email_, "wrong").ok());
    }
    ASSERT_EQ(sign_in(email_, password_).error().kind, ErrorKind::throttled);
    auto hash = crypto::hash_password("fresh-orchard-lamp");
    ASSERT_TRUE(hash.ok());
    Status reset = db_->write([&](db::Connection& c) {
        return accounts::set_password_hash(c, person_id_, hash.value(), true,
                                           audit::Actor{std::nullopt, "test", "", ""}, now_);
    });
    ASSERT_TRUE(reset.ok()) << reset.error().message;
    auto r = sign_in(email_, "fresh-orchard-lamp");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_TRUE(r->must_change_password);
}

TEST_F(SignInStore, AnAccountThatDoesNotExistWaitsJustTheSame) {
    for (int i = 0; i < 5; ++i) {
        ASSERT_FALSE(sign_in("nobody@example.org", "guess").ok());
    }
    auto r = sign_in("nobody@example.org", "guess");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::throttled);
    EXPECT_EQ(audit_count("sign_in_failed"), 0);
}

TEST_F(SignInStore, AOneTimePasswordStopsWorkingAfterItsLife) {
    auto hash = crypto::hash_password("one-time-kettle-9");
    ASSERT_TRUE(hash.ok());
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return accounts::set_password_hash(
                           c, person_id_, hash.value(), true,
                           audit::Actor{std::nullopt, "test", "", ""}, now_);
                   })
                    .ok());
    now_ += policy_.one_time_password_life - 1min;
    ASSERT_TRUE(sign_in(email_, "one-time-kettle-9").ok());
    now_ += 1min;
    auto late = sign_in(email_, "one-time-kettle-9");
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(late.error().fields.front().field, "password");
    EXPECT_NE(late.error().message.find("expired"), std::string::npos);
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

TEST_F(SignInStore, ApiTokensAreStoredHashedFoundUntilTheirEndAndRevocable) {
    const audit::Actor jo{person_id_, "Jo", "", ""};
    auto token = db_->write([&](db::Connection& c) {
        return sessions::create_api_token(c, person_id_, "Report script", 30, jo, now_);
    });
    ASSERT_TRUE(token.ok());
    EXPECT_EQ(token->rfind("hearth_", 0), 0u);
    auto find = [&](const std::string& t, Timestamp at) {
        auto r = db_->read([&](db::Connection& c) { return sessions::api_token_for(c, t, at); });
        EXPECT_TRUE(r.ok());
        return r.ok() ? r.value() : std::nullopt;
    };
    auto who = find(token.value(), now_);
    ASSERT_TRUE(who.has_value());
    EXPECT_EQ(who->person_id, person_id_);
    EXPECT_FALSE(find(token.value() + "x", now_).has_value());
    EXPECT_EQ(hearth::testing::count_rows(
                  *db_, "SELECT COUNT(*) FROM api_tokens WHERE token_hash = $1", {token.value()}),
              0);
    // It ends after its 30 days.
    EXPECT_TRUE(find(token.value(), now_ + std::chrono::days(30) - 1s).has_value());
    EXPECT_FALSE(find(token.value(), now_ + std::chrono::days(30)).has_value());

    // A year at most; a name is needed.
    auto too_long = db_->write([&](db::Connection& c) {
        return sessions::create_api_token(c, person_id_, "", 400, jo, now_);
    });
    ASSERT_FALSE(too_long.ok());
    ASSERT_EQ(too_long.error().fields.size(), 2u);
    EXPECT_EQ(too_long.error().fields[1].field, "expires_in_days");

    // Revoked, it stops at once; someone else's token cannot be revoked through this person.
    EXPECT_EQ(db_->write([&](db::Connection& c) {
                     return sessions::revoke_api_token(c, person_id_ + 1, who->id, jo, now_);
                 })
                  .error()
                  .kind,
              ErrorKind::not_found);
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return sessions::revoke_api_token(c, person_id_, who->id, jo, now_);
                   })
                    .ok());
    EXPECT_FALSE(find(token.value(), now_).has_value());
}

TEST_F(SignInStore, ChangingThePasswordRevokesEveryTokenAndEndsEverySession) {
    const audit::Actor jo{person_id_, "Jo", "", ""};
    auto token = db_->write([&](db::Connection& c) {
        return sessions::create_api_token(c, person_id_, "Report script", 90, jo, now_);
    });
    ASSERT_TRUE(token.ok());
    auto session = sign_in(email_, password_);
    ASSERT_TRUE(session.ok());
    auto hash = crypto::hash_password("new-lantern-words");
    ASSERT_TRUE(hash.ok());
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return accounts::set_password_hash(c, person_id_, hash.value(), false, jo,
                                                          now_);
                   })
                    .ok());
    auto t = db_->read(
        [&](db::Connection& c) { return sessions::api_token_for(c, token.value(), now_); });
    ASSERT_TRUE(t.ok());
    EXPECT_FALSE(t.value().has_value());
    auto s = db_->read([&](db::Connection& c) { return sessions::find(c, session->token); });
    ASSERT_TRUE(s.ok() && s.value());
    EXPECT_EQ(sessions::state_of(*s.value(), now_, policy_), sessions::State::over);
}

}  // namespace

}  // namespace sessions_test
