// Dates and times as typed and as stored: a day "YYYY-MM-DD", a stored UTC time, and a day with a
// time of day "HH:MM" in the home's zone (Europe/London, with its clock changes).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/http/form.hpp"
#include "property.hpp"

using namespace hearth;

namespace {

void day_reads_back(std::string_view text) {
    const auto day = parse_date(text);
    if (!day) {
        return;
    }
    fuzz::holds(int(day->year()) >= earliest_year && int(day->year()) <= latest_year,
                "a day read is in Hearth's years");
    fuzz::holds(format_date(*day) == text, "a day read is written back exactly as typed");
}

void utc_reads_back(std::string_view text) {
    const auto at = parse_utc(text);
    if (!at) {
        return;
    }
    const std::string written = format_utc(*at);
    const std::string typed =
        text.size() == 20 ? std::string(text.substr(0, 19)) + ".000Z" : std::string(text);
    fuzz::holds(written == typed, "a stored time read is written back as it was stored");
    fuzz::holds(parse_utc(written) == at, "a stored time written out reads as itself");
}

// "DAY TIME", as the pages take a moment that has happened: from the day and time fields.
void moment_is_that_wall_time(std::string_view text) {
    const auto space = text.find(' ');
    if (space == std::string_view::npos) {
        return;
    }
    http::FormData typed;
    typed.set("day", std::string(text.substr(0, space)));
    typed.set("time", std::string(text.substr(space + 1)));
    // Far enough ahead that every day Hearth can hold has happened.
    const Timestamp now = *parse_utc("2199-12-31T23:59:59Z");
    http::FormReader reader(typed);
    const auto at = reader.moment("day", "the day", "time", "the time", now);
    if (!reader.finish().ok()) {
        return;
    }
    fuzz::holds(at.has_value(), "a moment read without error has a value");
    http::FormReader parts(typed);
    const auto day = parts.date("day", "the day");
    const auto minutes = parts.time("time", "the time", true);
    fuzz::holds(day && minutes, "the parts of a moment read on their own");
    fuzz::holds(local_date_of(*at) == *day && local_minutes_of(*at) == *minutes,
                "a moment is on the day and at the wall-clock time typed");
    const Timestamp hour_before = *at - std::chrono::hours{1};
    fuzz::holds(local_date_of(hour_before) != *day || local_minutes_of(hour_before) != *minutes,
                "in the repeated autumn hour the first of the two is taken");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    set_display_zone("Europe/London");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    day_reads_back(text);
    utc_reads_back(text);
    moment_is_that_wall_time(text);
    return 0;
}
