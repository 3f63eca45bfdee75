#include "contact/school_hours.hpp"

#include <fmt/format.h>

namespace hearth::contact {

namespace {
std::string clock_time(int minutes) {
    return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}
}  // namespace

bool in_school_hours(const SchoolHours& hours, Timestamp at) {
    if (!hours.in_school) {
        return false;
    }
    const std::chrono::weekday day{std::chrono::sys_days{local_date_of(at)}};
    if (day == std::chrono::Saturday || day == std::chrono::Sunday) {
        return false;
    }
    const int minutes = local_minutes_of(at);
    return minutes >= hours.starts && minutes < hours.ends;
}

std::string describe(const SchoolHours& hours) {
    if (!hours.in_school) {
        return "Not in school";
    }
    return fmt::format("{} to {}, Monday to Friday", clock_time(hours.starts),
                       clock_time(hours.ends));
}

Result<SchoolHours> read_school_hours(http::FormReader& f) {
    SchoolHours h;
    h.in_school = f.choice("in_school", "whether they are in school", {"yes", "no"}, true) != "no";
    const auto starts = f.time("starts", "the time school starts", h.in_school);
    const auto ends = f.time("ends", "the time school ends", h.in_school);
    if (h.in_school && starts && ends && *ends <= *starts) {
        f.fail("ends", "The time school ends must be after the time it starts");
    } else if (h.in_school && starts && ends) {
        h.starts = *starts;
        h.ends = *ends;
    }
    TRY(f.finish());
    return h;
}

}  // namespace hearth::contact
