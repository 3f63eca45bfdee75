#include "platform/clock.hpp"

#include <gtest/gtest.h>

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace clock_test {

using namespace hearth;

TEST(Clock, FormatsAndParsesUtcWithMilliseconds) {
    auto t = parse_utc("2026-11-22T22:17:16.123Z");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(format_utc(*t), "2026-11-22T22:17:16.123Z");
    EXPECT_FALSE(parse_utc("2026-11-22 22:17:16Z").has_value());
    EXPECT_FALSE(parse_utc("2026-02-30T10:00:00Z").has_value());
}

TEST(Clock, RefusesImpossibleDates) {
    EXPECT_TRUE(parse_date("2024-02-29").has_value());
    EXPECT_FALSE(parse_date("2023-02-29").has_value());
    EXPECT_FALSE(parse_date("2023-13-01").has_value());
    EXPECT_FALSE(parse_date("23-01-01").has_value());
    EXPECT_FALSE(parse_date("2023-1-01").has_value());
    // Years Hearth can hold: the system clock's nanoseconds end in 2262.
    EXPECT_TRUE(parse_date("1900-01-01").has_value());
    EXPECT_TRUE(parse_date("2199-12-31").has_value());
    EXPECT_FALSE(parse_date("1899-12-31").has_value());
    EXPECT_FALSE(parse_date("2999-01-01").has_value());
    EXPECT_FALSE(parse_utc("2999-01-01T00:00:00Z").has_value());
    EXPECT_FALSE(parse_utc("0001-01-01T00:00:00Z").has_value());
}

TEST(Clock, WholeYearsCountBirthdays) {
    auto dob = *parse_date("2012-03-27");
    EXPECT_EQ(whole_years_between(dob, *parse_date("2026-03-26")), 13);
    EXPECT_EQ(whole_years_between(dob, *parse_date("2026-03-27")), 14);
}

TEST(Clock, ShowsLondonTimeAcrossSummerTime) {
    set_display_zone("Europe/London");
    EXPECT_EQ(format_local(*parse_utc("2026-07-01T12:00:00Z")), "1 Jul 2026, 13:00");
    EXPECT_EQ(format_local(*parse_utc("2026-12-01T12:00:00Z")), "1 Dec 2026, 12:00");
}

// A time outside the system clock's nanoseconds (before 1678, after 2262) is converted without
// wrapping: 0025-05-12 once came back from the local zone as 9 January 1779.
TEST(Clock, LocalConversionsDoNotWrapOutsideNanoseconds) {
    set_display_zone("Europe/London");
    using namespace std::chrono;
    const Timestamp early = sys_days{year{25} / 5 / 12} + hours{12};
    EXPECT_EQ(format_date(local_date_of(early)), "0025-05-12");
    const Timestamp late = sys_days{year{2999} / 1 / 1} + hours{12};
    EXPECT_EQ(format_date(local_date_of(late)), "2999-01-01");
    EXPECT_EQ(local_minutes_of(late), 12 * 60);
}

TEST(Clock, FromLocalTakesOnlyTheYearsHearthHolds) {
    set_display_zone("Europe/London");
    using namespace std::chrono;
    EXPECT_FALSE(from_local(year{25} / 5 / 12, 10, 0).has_value());
    EXPECT_FALSE(from_local(year{1899} / 12 / 31, 23, 59).has_value());
    EXPECT_FALSE(from_local(year{2200} / 1 / 1, 0, 0).has_value());
    const auto first = from_local(year{1900} / 1 / 1, 0, 0);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(format_date(local_date_of(*first)), "1900-01-01");
    EXPECT_EQ(local_minutes_of(*first), 0);
    const auto last = from_local(year{2199} / 12 / 31, 23, 59);
    ASSERT_TRUE(last.has_value());
    EXPECT_EQ(format_local(*last), "31 Dec 2199, 23:59");
}

}  // namespace clock_test
