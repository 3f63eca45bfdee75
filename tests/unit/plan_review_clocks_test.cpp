// When a plan is due for review: the dates a version may carry (a review after it takes effect,
// within six months, not already past), a review date's standing to the end of that day in the
// home's zone, and the clock in the store that escalates an overdue review and is met by the next
// version.
#include <gtest/gtest.h>

#include "plan_fixture.hpp"
#include "platform/months.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace plan_review_clocks_test {

using namespace hearth;
using namespace hearth::plans;
using namespace std::chrono_literals;
using hearth::testing::date;
using hearth::testing::fields_of;
using hearth::testing::message_at;
using hearth::testing::PlanStore;
using hearth::testing::says;

namespace {

const Date today = hearth::testing::test_today();
// The organisation setting's default (organisation/settings.hpp); a test below changes it.
constexpr int six_months = 6;

TEST(PlanDates, ReviewMustComeAfterTheEffectiveDate) {
    EXPECT_TRUE(date_problems(today, date("2026-05-13"), today, std::nullopt, six_months).empty());
    for (const char* review : {"2026-05-12", "2026-05-11"}) {
        auto problems = date_problems(today, date(review), today, std::nullopt, six_months);
        ASSERT_EQ(problems.size(), 1u) << review;
        EXPECT_EQ(problems[0].field, "review_by");
        EXPECT_EQ(problems[0].message, "Review by date must be after the effective date");
    }
}

TEST(PlanDates, ReviewIsNoMoreThanSixMonthsAfterTheEffectiveDate) {
    EXPECT_TRUE(date_problems(today, date("2026-11-12"), today, std::nullopt, six_months).empty());
    auto late = date_problems(today, date("2026-11-13"), today, std::nullopt, six_months);
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0].field, "review_by");
    EXPECT_EQ(late[0].message,
              "Review by date must be within 6 months of the effective date, by 12 November 2026 "
              "at the latest");
    auto decades = date_problems(today, date("2062-05-12"), today, std::nullopt, six_months);
    ASSERT_EQ(decades.size(), 1u);
    EXPECT_EQ(decades[0].field, "review_by");
    EXPECT_NE(decades[0].message.find("within 6 months"), std::string::npos);
    // From the last day of a month, six months on is the last day of a shorter month.
    EXPECT_EQ(add_months(date("2026-08-31"), 6), date("2027-02-28"));
    EXPECT_EQ(add_months(date("2027-08-31"), 6), date("2028-02-29"));
    EXPECT_EQ(add_months(date("2026-01-15"), 3), date("2026-04-15"));
    EXPECT_TRUE(date_problems(date("2026-08-31"), date("2027-02-28"), date("2026-08-31"),
                              std::nullopt, six_months)
                    .empty());
    auto short_month = date_problems(date("2026-08-31"), date("2027-03-01"), date("2026-08-31"),
                                     std::nullopt, six_months);
    ASSERT_EQ(short_month.size(), 1u);
    EXPECT_NE(short_month[0].message.find("by 28 February 2027 at the latest"), std::string::npos)
        << short_month[0].message;
}

TEST(PlanDates, TheLongestTimeBetweenReviewsIsTheOrganisationsSetting) {
    EXPECT_TRUE(date_problems(today, date("2026-08-12"), today, std::nullopt, 3).empty());
    auto late = date_problems(today, date("2026-08-13"), today, std::nullopt, 3);
    ASSERT_EQ(late.size(), 1u);
    EXPECT_NE(late[0].message.find("within 3 months of the effective date, by 12 August 2026"),
              std::string::npos)
        << late[0].message;
}

TEST(PlanDates, ReviewIsNotAlreadyPast) {
    // Effective two months ago, review a week ago: the plan needs reviewing now, not recording.
    auto past =
        date_problems(date("2026-03-12"), date("2026-05-05"), today, std::nullopt, six_months);
    ASSERT_EQ(past.size(), 1u);
    EXPECT_EQ(past[0].field, "review_by");
    EXPECT_NE(past[0].message.find("must be today or later"), std::string::npos);
    EXPECT_TRUE(date_problems(date("2026-03-12"), today, today, std::nullopt, six_months).empty());
}

TEST(PlanDates, EffectiveDateIsNotFarAheadNorBeforeTheVersionItReplaces) {
    EXPECT_TRUE(
        date_problems(date("2026-08-12"), date("2026-09-01"), today, std::nullopt, six_months)
            .empty());
    auto ahead =
        date_problems(date("2026-08-13"), date("2026-09-01"), today, std::nullopt, six_months);
    ASSERT_EQ(ahead.size(), 1u);
    EXPECT_EQ(ahead[0].field, "effective_on");
    EXPECT_NE(ahead[0].message.find("no more than 3 months from today"), std::string::npos)
        << ahead[0].message;
    auto before = date_problems(date("2026-05-01"), date("2026-06-01"), today, date("2026-05-02"),
                                six_months);
    ASSERT_EQ(before.size(), 1u);
    EXPECT_EQ(before[0].field, "effective_on");
    EXPECT_EQ(before[0].message,
              "Effective date must be on or after 2 May 2026, when the version it replaces took "
              "effect");
    EXPECT_TRUE(
        date_problems(date("2026-05-02"), date("2026-06-01"), today, date("2026-05-02"), six_months)
            .empty());
}

TEST(PlanRules, ReviewStandingRunsToTheEndOfTheDayInTheHomesZone) {
    set_display_zone("Europe/London");
    const Date review = date("2026-05-20");
    // British Summer Time: the end of 20 May in London is 23:00 UTC.
    EXPECT_EQ(review_standing(review, *parse_utc("2026-05-12T12:00:00.000Z")).standing,
              deadlines::Standing::upcoming);
    EXPECT_EQ(review_standing(review, *parse_utc("2026-05-14T12:00:00.000Z")).standing,
              deadlines::Standing::due_soon);
    EXPECT_EQ(review_standing(review, *parse_utc("2026-05-20T22:59:00.000Z")).standing,
              deadlines::Standing::due_soon);
    auto over = review_standing(review, *parse_utc("2026-05-20T23:00:00.000Z"));
    EXPECT_EQ(over.standing, deadlines::Standing::overdue);
    EXPECT_TRUE(over.overdue);
    EXPECT_EQ(over.label, "Review overdue");
    EXPECT_EQ(review_standing(review, *parse_utc("2026-05-23T23:00:00.000Z")).in_words,
              "3 days overdue");
}

TEST_F(PlanStore, ClocksWithASetTime) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-05-20")));
    ASSERT_TRUE(id.ok());
    auto c = clocks(id.value());
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(deadlines::standing(c[0], now_), deadlines::Standing::upcoming);
    EXPECT_EQ(deadlines::standing(c[0], *parse_utc("2026-05-20T12:00:00.000Z")),
              deadlines::Standing::due_soon);
    const Timestamp late = *parse_utc("2026-05-21T09:00:00.000Z");
    EXPECT_EQ(deadlines::standing(c[0], late), deadlines::Standing::overdue);
    // Escalated to the registered manager once overdue; a late new version meets it, late.
    auto escalated =
        db_->write([&](db::Connection& conn) { return deadlines::escalate_overdue(conn, late); });
    ASSERT_TRUE(escalated.ok());
    EXPECT_EQ(escalated.value(), 1);
    now_ = late;
    ASSERT_TRUE(
        new_version(id.value(), 1, behaviour("Reviewed", date("2026-05-21"), date("2026-08-21")))
            .ok());
    c = clocks(id.value());
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(deadlines::standing(c[0], late), deadlines::Standing::met_late);
    EXPECT_EQ(deadlines::standing(c[1], late), deadlines::Standing::upcoming);
}

}  // namespace

}  // namespace plan_review_clocks_test
