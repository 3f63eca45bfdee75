#pragma once
// Time in Hearth: stored as UTC, shown in the home's zone. Rules take a Clock so tests set the
// time.
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hearth {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;
using Date = std::chrono::year_month_day;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
  public:
    Timestamp now() const override;
};

// A clock that tests (and the demo generator) move by hand.
class SetClock final : public Clock {
  public:
    explicit SetClock(Timestamp t) : t_(t.time_since_epoch().count()) {}
    Timestamp now() const override { return Timestamp{std::chrono::milliseconds{t_.load()}}; }
    void set(Timestamp t) { t_ = t.time_since_epoch().count(); }
    void advance(std::chrono::milliseconds d) { t_ += d.count(); }

  private:
    std::atomic<long long> t_;
};

// "2026-11-22T22:17:16.123Z": fixed width, so text order is time order in both stores.
std::string format_utc(Timestamp t);
std::optional<Timestamp> parse_utc(std::string_view text);

// The years a date in Hearth may fall in. No record of a child's life falls outside these, so a
// year beyond them is a slip of the keyboard (0025 for 2025), refused like any other impossible
// date. A Timestamp holds milliseconds and the conversions here never pass through the system
// clock's nanoseconds, which wrap before 1678 and after 2262.
inline constexpr int earliest_year = 1900;
inline constexpr int latest_year = 2199;

std::string format_date(Date d);  // 2026-11-22
// Strict YYYY-MM-DD, a real calendar day in a year from earliest_year to latest_year.
std::optional<Date> parse_date(std::string_view text);

// Display in the organisation's zone (Europe/London by default), set once at start.
void set_display_zone(const std::string& zone);
std::string format_local(Timestamp t);       // "22 Nov 2026, 22:17"
std::string format_local_date(Date d);       // "22 November 2026"
std::string format_local_time(Timestamp t);  // "22:17"
// The calendar day in the display zone: "today" for a home, the day a note belongs to.
Date local_date_of(Timestamp t);
// Minutes since local midnight, in the display zone.
int local_minutes_of(Timestamp t);
// The instant of a wall-clock time in the display zone. In the autumn's repeated hour the first
// is taken; a time that the spring skips is refused, and so is a day outside earliest_year to
// latest_year.
std::optional<Timestamp> from_local(Date day, int hour, int minute);
int whole_years_between(Date from, Date to);

}  // namespace hearth
