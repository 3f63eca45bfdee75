#pragma once
// What the tests of a child's case record share: a real database (SQLite, or PostgreSQL under
// HEARTH_TEST_PG_URL) with one organisation, Willow House with its manager and two support workers,
// a member of staff of another home, and one child admitted with a first key worker.
#include <gtest/gtest.h>

#include "children/child_store.hpp"
#include "organisation/homes.hpp"
#include "platform/auth/accounts.hpp"
#include "test_support.hpp"

namespace hearth::testing {

class CaseRecordTest : public ::testing::Test {
  protected:
    void SetUp() override {
        set_display_zone("Europe/London");
        db_ = open_migrated(dir_.file("h.db"));
        Status made = db_->write([&](db::Connection& c) -> Status {
            const std::string at = format_utc(now_);
            auto org = TRY(organisation::create_organisation(c, "Test provider", at));
            home_ = TRY(organisation::create_home(c, org, "Willow House", "SC1", at));
            auto harbour = TRY(organisation::create_home(c, org, "Harbour View", "SC2", at));
            auto person = [&](const char* name, const char* email, std::int64_t home, Role role) {
                return add_staff(c, org, home, name, email, role, now_);
            };
            manager_ =
                TRY(person("Sam Carter", "sam@example.org", home_, Role::registered_manager));
            chris_ = TRY(person("Chris Okafor", "chris@example.org", home_, Role::support_worker));
            dana_ = TRY(person("Dana Lewis", "dana@example.org", home_, Role::support_worker));
            elsewhere_ =
                TRY(person("Jamie Fox", "jamie@example.org", harbour, Role::support_worker));
            return {};
        });
        ASSERT_TRUE(made.ok()) << made.error().message;
        details_ = aisha_details();
        auto id = db_->write([&](db::Connection& c) {
            return children::admit(c, home_, details_, children::WhenAdmitted{}, as(manager_), now_,
                                   chris_);
        });
        ASSERT_TRUE(id.ok()) << id.error().message;
        child_ = id.value();
    }

    audit::Actor as(std::int64_t who) const {
        const char* name = who == manager_ ? "Sam Carter"
                           : who == chris_ ? "Chris Okafor"
                           : who == dana_  ? "Dana Lewis"
                                           : "Jamie Fox";
        return {who, name, "192.0.2.1", "test"};
    }

    std::int64_t count(const std::string& sql) { return count_rows(*db_, sql, {child_}); }

    // Moves the clock on, so that every write has its own time.
    Timestamp tick() {
        now_ += std::chrono::minutes(5);
        return now_;
    }

    TempDir dir_;
    std::unique_ptr<db::Database> db_;
    Timestamp now_ = test_now();
    const Date today_ = test_today();
    std::int64_t home_ = 0, manager_ = 0, chris_ = 0, dana_ = 0, elsewhere_ = 0, child_ = 0;
    children::ChildDetails details_;
};

}  // namespace hearth::testing
