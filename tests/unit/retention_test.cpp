// How long a child's case record is kept (Reg 36(2)): 75 years from birth, or 15 years from a death
// before 18, and where the calendar leaves a doubt the longer reading.
#include "children/retention.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace retention_test {

using namespace hearth;
using namespace hearth::children;
using hearth::testing::date;

namespace {

TEST(Retention, SeventyFiveYearsFromBirth) {
    EXPECT_EQ(retention_date(date("2011-04-17"), std::nullopt), date("2086-04-17"));
    EXPECT_EQ(retention_date(date("2009-12-31"), std::nullopt), date("2084-12-31"));
    EXPECT_EQ(retention_date(date("2012-01-01"), std::nullopt), date("2087-01-01"));
}

TEST(Retention, BornOnTwentyNinthFebruaryKeepsUntilFirstOfMarch) {
    // 75 years after a leap year is never one: the record is kept until 1 March, never cut short
    // to the 28th.
    EXPECT_EQ(retention_date(date("2012-02-29"), std::nullopt), date("2087-03-01"));
    EXPECT_EQ(retention_date(date("2008-02-29"), std::nullopt), date("2083-03-01"));
    EXPECT_EQ(retention_date(date("2021-02-28"), std::nullopt), date("2096-02-28"));
    EXPECT_EQ(anniversary_after(date("2020-02-29"), 4), date("2024-02-29"));
    EXPECT_EQ(anniversary_after(date("2020-02-29"), 1), date("2021-03-01"));
}

TEST(Retention, DeathBeforeEighteenIsFifteenYearsFromTheDeath) {
    EXPECT_EQ(retention_date(date("2011-04-17"), date("2026-05-12")), date("2041-05-12"));
    // The day before the 18th birthday: still under 18.
    EXPECT_EQ(retention_date(date("2008-06-10"), date("2026-06-09")), date("2041-06-09"));
    // A death on 29 February: 15 years on has no 29 February, so 1 March.
    EXPECT_EQ(retention_date(date("2012-06-01"), date("2028-02-29")), date("2043-03-01"));
}

TEST(Retention, DeathOnOrAfterTheEighteenthBirthdayKeepsTheSeventyFiveYears) {
    // On the 18th birthday they had turned 18.
    EXPECT_EQ(retention_date(date("2008-06-10"), date("2026-06-10")), date("2083-06-10"));
    // And after it.
    EXPECT_EQ(retention_date(date("2008-06-10"), date("2026-06-11")), date("2083-06-10"));
    EXPECT_EQ(retention_date(date("2001-01-01"), date("2026-05-12")), date("2076-01-01"));
}

TEST(Retention, BornOnTwentyNinthFebruaryTurnsEighteenOnTheTwentyEighth) {
    // 2026 has no 29 February. Counting them 18 from the 28th keeps a death that day under the
    // longer, 75-year rule; a death the day before is under 18.
    EXPECT_FALSE(died_before_eighteen(date("2008-02-29"), date("2026-02-28")));
    EXPECT_TRUE(died_before_eighteen(date("2008-02-29"), date("2026-02-27")));
    EXPECT_EQ(retention_date(date("2008-02-29"), date("2026-02-28")), date("2083-03-01"));
    EXPECT_EQ(retention_date(date("2008-02-29"), date("2026-02-27")), date("2041-02-27"));
    // 18 years after a leap year is never one either.
    EXPECT_TRUE(died_before_eighteen(date("2012-02-29"), date("2030-02-27")));
    EXPECT_FALSE(died_before_eighteen(date("2012-02-29"), date("2030-02-28")));
}

TEST(Retention, AFifteenYearDateIsAlwaysBeforeTheSeventyFiveYearOne) {
    // The rule for a death before 18 shortens the period; it can never lengthen it.
    const Date born = date("2010-03-15");
    for (int days = 0; days < 18 * 366; days += 97) {
        const Date died{std::chrono::sys_days{born} + std::chrono::days{days}};
        if (died_before_eighteen(born, died)) {
            EXPECT_LT(retention_date(born, died), retention_date(born, std::nullopt))
                << format_date(died);
        }
    }
}

}  // namespace

}  // namespace retention_test
