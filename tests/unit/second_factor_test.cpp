// The second factor: RFC 6238's own test values, the rules of who must have one, and the store
// (a sealed secret, codes that work once, recovery codes, the sign-in that waits for a code).
#include "platform/auth/second_factor.hpp"

#include <gtest/gtest.h>

#include "platform/auth/accounts.hpp"
#include "platform/auth/second_factor_store.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/crypto.hpp"
#include "platform/views/qr_code.hpp"
#include "test_support.hpp"

namespace hearth {
namespace second_factor_test {

using hearth::testing::utc;
namespace sf = second_factor;

// RFC 6238 appendix B, SHA-1: the last six of its eight digits, as six-digit apps show them.
TEST(SecondFactor, CodesAreThoseOfRfc6238) {
    const std::string secret = "12345678901234567890";
    EXPECT_EQ(sf::code_at(secret, Timestamp{std::chrono::seconds(59)}), "287082");
    EXPECT_EQ(sf::code_at(secret, Timestamp{std::chrono::seconds(1111111109)}), "081804");
    EXPECT_EQ(sf::code_at(secret, Timestamp{std::chrono::seconds(1111111111)}), "050471");
    EXPECT_EQ(sf::code_at(secret, Timestamp{std::chrono::seconds(1234567890)}), "005924");
    EXPECT_EQ(sf::code_at(secret, Timestamp{std::chrono::seconds(2000000000)}), "279037");
}

TEST(SecondFactor, ACodeIsRightForItsStepAndOneEitherSideAndNeverTwice) {
    const std::string secret = "12345678901234567890";
    const Timestamp now{std::chrono::seconds(1111111109)};
    const auto step = sf::step_of(now);
    const auto code = sf::code_at(secret, now);
    EXPECT_EQ(sf::accepted_step(secret, code, now, 0), step);
    EXPECT_EQ(sf::accepted_step(secret, "081 804", now, 0), step);  // as apps space it
    // The phone's clock a step behind or ahead.
    EXPECT_EQ(sf::accepted_step(secret, code, now + std::chrono::seconds(30), 0), step);
    EXPECT_EQ(sf::accepted_step(secret, code, now - std::chrono::seconds(30), 0), step);
    EXPECT_FALSE(sf::accepted_step(secret, code, now + std::chrono::seconds(90), 0));
    // Once used, not again: the step is written down and only a later one is accepted.
    EXPECT_FALSE(sf::accepted_step(secret, code, now, step));
    EXPECT_FALSE(sf::accepted_step(secret, "081805", now, 0));
    EXPECT_FALSE(sf::accepted_step(secret, "08180", now, 0));
    EXPECT_FALSE(sf::accepted_step(secret, "08180x", now, 0));
    EXPECT_FALSE(sf::accepted_step("another secret of 20", code, now, 0));
}

TEST(SecondFactor, TheAppIsGivenTheKeyAsBase32InTheKeyAddress) {
    const std::string secret = "hearth-demo-key-2026";
    EXPECT_EQ(sf::typed_key(secret), "NBSW C4TU NAWW IZLN N4WW WZLZ FUZD AMRW");
    EXPECT_EQ(sf::setup_address("jo+night@example.org", secret),
              "otpauth://totp/Hearth:jo%2Bnight@example.org?secret="
              "NBSWC4TUNAWWIZLNN4WWWZLZFUZDAMRW&issuer=Hearth&algorithm=SHA1&digits=6&period=30");
    const auto svg = views::qr_code_svg(sf::setup_address("a@example.org", secret), "A <code>");
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("aria-label=\"A &lt;code&gt;\""), std::string::npos);
    EXPECT_NE(svg.find("<path fill=\"#0b0c0c\" d=\"M"), std::string::npos);
}

TEST(SecondFactor, RecoveryCodesAreTenDifferentAndReadTheWayTheyAreTyped) {
    const auto codes = sf::new_recovery_codes();
    ASSERT_EQ(codes.size(), 10u);
    for (const auto& c : codes) {
        EXPECT_EQ(c.size(), 11u);
        EXPECT_EQ(c[5], '-');
        EXPECT_EQ(std::count(codes.begin(), codes.end(), c), 1);
    }
    EXPECT_EQ(sf::recovery_code_key(" ABCDE-fghij "), "abcdefghij");
}

TEST(SecondFactor, RequiredOfWhoeverSeesMoreThanOneHome) {
    Person worker{1, 1, "Chris", "c@example.org", {{1, Role::support_worker}}, {}, 0};
    EXPECT_EQ(sf::required_for(worker, false), sf::Required::no);
    EXPECT_EQ(sf::required_for(worker, true), sf::Required::everyone);
    Person two_homes = worker;
    two_homes.memberships.push_back({2, Role::deputy});
    EXPECT_EQ(sf::required_for(two_homes, false), sf::Required::several_homes);
    Person two_roles_one_home = worker;
    two_roles_one_home.memberships.push_back({1, Role::deputy});
    EXPECT_EQ(sf::required_for(two_roles_one_home, false), sf::Required::no);
    Person admin{2, 1, "Alex", "a@example.org", {{std::nullopt, Role::provider_administrator}}};
    EXPECT_EQ(sf::required_for(admin, false), sf::Required::several_homes);
    Person ri{3, 1, "Priya", "p@example.org", {{std::nullopt, Role::responsible_individual}}};
    EXPECT_EQ(sf::required_for(ri, false), sf::Required::several_homes);
    Person social_worker{4, 1, "Sam", "s@example.org", {{std::nullopt, Role::social_worker}}};
    social_worker.allocated_children = {7, 9};
    social_worker.allocated_homes = 1;
    EXPECT_EQ(sf::required_for(social_worker, false), sf::Required::no);
    social_worker.allocated_homes = 2;
    EXPECT_EQ(sf::required_for(social_worker, false), sf::Required::several_homes);
    worker.second_factor_required = true;
    EXPECT_EQ(sf::required_for(worker, false), sf::Required::by_administrator);
}

// Against a real database holding one person.
class SecondFactorStore : public ::testing::Test {
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
            person_ = TRY(accounts::add_person(c, p, actor_, now_));
            return {};
        });
        ASSERT_TRUE(made.ok()) << made.error().message;
    }

    // Sets one up as a person would: the key from start, the app's first code to confirm.
    std::pair<std::string, std::vector<std::string>> set_up() {
        auto secret =
            db_->write([&](db::Connection& c) { return sf::start(c, person_, actor_, now_); });
        EXPECT_TRUE(secret.ok());
        auto codes = db_->write([&](db::Connection& c) {
            return sf::confirm(c, person_, sf::code_at(secret.value(), now_), actor_, now_);
        });
        EXPECT_TRUE(codes.ok()) << codes.error().message;
        return {secret.value(), codes.value()};
    }

    sf::Checked check(const std::string& typed, Timestamp at) {
        return db_->write([&](db::Connection& c) { return sf::check(c, person_, typed, at); })
            .value();
    }

    hearth::testing::TempDir dir_;
    std::unique_ptr<db::Database> db_;
    Timestamp now_ = hearth::testing::test_now();
    audit::Actor actor_{std::nullopt, "test", "192.0.2.7", "req"};
    std::int64_t person_ = 0;
    const std::string email_ = "jo.whitfield@example.org";
    const std::string password_ = "lantern-meadow-copper";
};

TEST_F(SecondFactorStore, TheSecretIsSealedWithAKeyOutsideTheDatabase) {
    const auto [secret, codes] = set_up();
    const auto stored = hearth::testing::count_rows(
        *db_, "SELECT COUNT(*) FROM second_factors WHERE secret LIKE $1",
        {"%" + std::string(sf::typed_key(secret)) + "%"});
    EXPECT_EQ(stored, 0);
    auto row = db_->read([&](db::Connection& c) {
        return c.query_one("SELECT secret FROM second_factors WHERE person_id = $1", {person_});
    });
    const std::string sealed = row.value()->text(0);
    EXPECT_EQ(sealed.find(secret), std::string::npos);
    EXPECT_EQ(sealed.substr(0, sealed.find(':')), audit::signing_key().value()->id);
    // Nor are recovery codes kept as typed.
    EXPECT_EQ(hearth::testing::count_rows(
                  *db_, "SELECT COUNT(*) FROM recovery_codes WHERE code_hash = $1",
                  {sf::recovery_code_key(codes[0])}),
              0);
}

TEST_F(SecondFactorStore, AWrongFirstCodeIsRefusedAtTheFieldAndNothingIsTurnedOn) {
    auto secret =
        db_->write([&](db::Connection& c) { return sf::start(c, person_, actor_, now_); });
    ASSERT_TRUE(secret.ok());
    auto wrong = db_->write(
        [&](db::Connection& c) { return sf::confirm(c, person_, "000000", actor_, now_); });
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(hearth::testing::fields_of(wrong.error()), std::vector<std::string>{"code"});
    EXPECT_EQ(check(sf::code_at(secret.value(), now_), now_), sf::Checked::wrong);
}

TEST_F(SecondFactorStore, ACodeWorksOnceAndARecoveryCodeWorksOnce) {
    const auto [secret, codes] = set_up();
    const auto later = now_ + std::chrono::minutes(2);
    EXPECT_EQ(check(sf::code_at(secret, later), later), sf::Checked::code);
    EXPECT_EQ(check(sf::code_at(secret, later), later), sf::Checked::wrong);
    EXPECT_EQ(check(" " + codes[3] + " ", later), sf::Checked::recovery_code);
    EXPECT_EQ(check(codes[3], later), sf::Checked::wrong);
    auto left = db_->read([&](db::Connection& c) { return sf::find(c, person_); });
    EXPECT_EQ(left.value()->recovery_codes_left, 9);
    // New recovery codes: the old ones stop working.
    auto renewed = db_->write(
        [&](db::Connection& c) { return sf::renew_recovery_codes(c, person_, actor_, later); });
    ASSERT_TRUE(renewed.ok());
    EXPECT_EQ(check(codes[4], later), sf::Checked::wrong);
    EXPECT_EQ(check(renewed.value()[0], later), sf::Checked::recovery_code);
}

TEST_F(SecondFactorStore, ASignInWaitsForTheCodeAndWrongCodesSlowTheAccount) {
    const auto [secret, codes] = set_up();
    sessions::Policy policy;
    const auto at = now_ + std::chrono::minutes(5);
    auto first = sessions::sign_in(*db_, email_, password_, actor_, at, policy);
    ASSERT_TRUE(first.ok());
    EXPECT_TRUE(first->awaiting_second_factor);
    auto waiting = db_->read([&](db::Connection& c) { return sessions::find(c, first->token); });
    ASSERT_TRUE(waiting.value()->awaiting_second_factor);
    const sessions::Session session = *waiting.value();
    // A waiting session ends after ten minutes.
    EXPECT_EQ(sessions::state_of(session, at + std::chrono::minutes(10), policy),
              sessions::State::over);

    for (int i = 0; i < policy.account_failures_before_delay; ++i) {
        auto wrong =
            sessions::give_second_factor(*db_, session, email_, "123456", actor_, at, policy);
        ASSERT_FALSE(wrong.ok());
        EXPECT_EQ(hearth::testing::fields_of(wrong.error()), std::vector<std::string>{"code"});
    }
    // The right code now must wait; the password again does not clear the wait.
    auto slowed = sessions::give_second_factor(*db_, session, email_, sf::code_at(secret, at),
                                               actor_, at, policy);
    ASSERT_FALSE(slowed.ok());
    EXPECT_EQ(slowed.error().kind, ErrorKind::throttled);
    const auto after_wait = at + std::chrono::seconds(31);
    auto again = sessions::sign_in(*db_, email_, password_, actor_, after_wait, policy);
    ASSERT_TRUE(again.ok()) << again.error().message;
    auto still =
        sessions::give_second_factor(*db_, session, email_, "123456", actor_, after_wait, policy);
    EXPECT_FALSE(still.ok());
    const auto much_later = after_wait + std::chrono::minutes(2);
    auto done = sessions::give_second_factor(*db_, session, email_, sf::code_at(secret, much_later),
                                             actor_, much_later, policy);
    ASSERT_TRUE(done.ok()) << done.error().message;
    EXPECT_NE(done->token, first->token);
    auto whole = db_->read([&](db::Connection& c) { return sessions::find(c, done->token); });
    EXPECT_FALSE(whole.value()->awaiting_second_factor);
    auto old = db_->read([&](db::Connection& c) { return sessions::find(c, first->token); });
    EXPECT_TRUE(old.value()->ended);
    EXPECT_EQ(hearth::testing::count_rows(
                  *db_, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in' AND detail = $1",
                  {std::string("with a code from their app")}),
              1);
}

TEST_F(SecondFactorStore, RemovedItIsNotAskedForAndTheTrailSaysWho) {
    set_up();
    auto removed = db_->write([&](db::Connection& c) {
        return sf::remove(c, person_, "reset by an administrator", actor_, now_);
    });
    ASSERT_TRUE(removed.ok());
    auto signed_in = sessions::sign_in(*db_, email_, password_, actor_, now_, sessions::Policy{});
    ASSERT_TRUE(signed_in.ok());
    EXPECT_FALSE(signed_in->awaiting_second_factor);
    EXPECT_EQ(hearth::testing::count_rows(
                  *db_,
                  "SELECT COUNT(*) FROM audit_log WHERE record_type = 'second_factor' AND "
                  "action = 'remove' AND detail = 'reset by an administrator'"),
              1);
    auto again = db_->write([&](db::Connection& c) {
        return sf::remove(c, person_, "reset by an administrator", actor_, now_);
    });
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
}

}  // namespace second_factor_test
}  // namespace hearth
