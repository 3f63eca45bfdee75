#include "platform/clock.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace hearth {

namespace {
constexpr const char* month_short[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* month_long[] = {"January",   "February", "March",    "April",
                                      "May",       "June",     "July",     "August",
                                      "September", "October",  "November", "December"};

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return !s.empty();
}
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) {
        v = v * 10 + (c - '0');
    }
    return v;
}
// Straight from the milliseconds to time_t: going through system_clock::time_point would hold the
// time in nanoseconds, which wrap before 1678 and after 2262 (0025 came back as 1779).
std::tm local_tm(Timestamp t) {
    const std::time_t secs = std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
    std::tm tm{};
    ::localtime_r(&secs, &tm);
    return tm;
}
}  // namespace

Timestamp SystemClock::now() const {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

std::string format_utc(Timestamp t) {
    auto day = std::chrono::floor<std::chrono::days>(t);
    std::chrono::year_month_day ymd{day};
    std::chrono::hh_mm_ss hms{t - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", int(ymd.year()),
                       unsigned(ymd.month()), unsigned(ymd.day()), hms.hours().count(),
                       hms.minutes().count(), hms.seconds().count(), hms.subseconds().count());
}

std::optional<Timestamp> parse_utc(std::string_view s) {
    // Accepts 2026-11-22T22:17:16Z and 2026-11-22T22:17:16.123Z
    if (s.size() < 20 || s[10] != 'T' || s.back() != 'Z') {
        return std::nullopt;
    }
    auto date = parse_date(s.substr(0, 10));
    if (!date) {
        return std::nullopt;
    }
    auto hh = s.substr(11, 2), mm = s.substr(14, 2), ss = s.substr(17, 2);
    if (s[13] != ':' || s[16] != ':' || !all_digits(hh) || !all_digits(mm) || !all_digits(ss)) {
        return std::nullopt;
    }
    int ms = 0;
    auto rest = s.substr(19, s.size() - 20);
    if (!rest.empty()) {
        if (rest.size() != 4 || rest[0] != '.' || !all_digits(rest.substr(1))) {
            return std::nullopt;
        }
        ms = to_int(rest.substr(1));
    }
    int h = to_int(hh), m = to_int(mm), sec = to_int(ss);
    if (h > 23 || m > 59 || sec > 59) {
        return std::nullopt;
    }
    return std::chrono::sys_days{*date} + std::chrono::hours{h} + std::chrono::minutes{m} +
           std::chrono::seconds{sec} + std::chrono::milliseconds{ms};
}

std::string format_date(Date d) {
    return fmt::format("{:04}-{:02}-{:02}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

std::optional<Date> parse_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
        return std::nullopt;
    }
    auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) {
        return std::nullopt;
    }
    const int year = to_int(y);
    if (year < earliest_year || year > latest_year) {
        return std::nullopt;
    }
    Date date{std::chrono::year{year}, std::chrono::month{unsigned(to_int(m))},
              std::chrono::day{unsigned(to_int(d))}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

void set_display_zone(const std::string& zone) {
    // The zone is process-wide; tzset() once here makes localtime_r safe on every thread after.
    ::setenv("TZ", zone.c_str(), 1);
    ::tzset();
}

std::string format_local(Timestamp t) {
    const std::tm tm = local_tm(t);
    return fmt::format("{} {} {}, {:02}:{:02}", tm.tm_mday, month_short[tm.tm_mon],
                       tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

std::string format_local_time(Timestamp t) {
    const std::tm tm = local_tm(t);
    return fmt::format("{:02}:{:02}", tm.tm_hour, tm.tm_min);
}

Date local_date_of(Timestamp t) {
    const std::tm tm = local_tm(t);
    return Date{std::chrono::year{tm.tm_year + 1900}, std::chrono::month{unsigned(tm.tm_mon + 1)},
                std::chrono::day{unsigned(tm.tm_mday)}};
}

int local_minutes_of(Timestamp t) {
    const std::tm tm = local_tm(t);
    return tm.tm_hour * 60 + tm.tm_min;
}

std::optional<Timestamp> from_local(Date day, int hour, int minute) {
    if (!day.ok() || int(day.year()) < earliest_year || int(day.year()) > latest_year || hour < 0 ||
        hour > 23 || minute < 0 || minute > 59) {
        return std::nullopt;
    }
    std::tm tm{};
    tm.tm_year = int(day.year()) - 1900;
    tm.tm_mon = int(unsigned(day.month())) - 1;
    tm.tm_mday = int(unsigned(day.day()));
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_isdst = -1;
    const std::time_t secs = ::mktime(&tm);
    if (secs == -1) {
        return std::nullopt;
    }
    const Timestamp t{std::chrono::seconds{secs}};
    // mktime moves a skipped time (01:30 on the spring change) to one that exists: refuse it.
    const std::tm back = local_tm(t);
    if (back.tm_hour != hour || back.tm_min != minute) {
        return std::nullopt;
    }
    // In the repeated autumn hour mktime may pick either; take the earlier.
    const auto hour_earlier = t - std::chrono::hours{1};
    const std::tm earlier = local_tm(hour_earlier);
    if (earlier.tm_hour == hour && earlier.tm_min == minute && earlier.tm_mday == tm.tm_mday) {
        return hour_earlier;
    }
    return t;
}

std::string format_local_date(Date d) {
    return fmt::format("{} {} {}", unsigned(d.day()), month_long[unsigned(d.month()) - 1],
                       int(d.year()));
}

int whole_years_between(Date from, Date to) {
    int years = int(to.year()) - int(from.year());
    if (to.month() < from.month() || (to.month() == from.month() && to.day() < from.day())) {
        --years;
    }
    return years;
}

}  // namespace hearth
