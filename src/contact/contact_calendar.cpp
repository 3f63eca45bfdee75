#include "contact/contact_calendar.hpp"

#include <fmt/format.h>

#include "platform/icalendar.hpp"

namespace hearth::contact {

namespace {

// An event lasts an hour unless Hearth is told otherwise: long enough to keep a member of staff
// free for a visit or a call.
constexpr auto event_length = std::chrono::hours{1};

std::string event_summary(const nlohmann::json& k) {
    std::string s = fmt::format("{}: {}", k["child"]["name"].get<std::string>(),
                                k["form_label"].get<std::string>());
    if (k["supervision"] != "none") {
        const auto by = k["supervised_by"].get<std::string>();
        s += by.empty() ? fmt::format(" ({})", k["supervision_label"].get<std::string>())
                        : fmt::format(" (supervised by {})", by);
    }
    return s;
}

}  // namespace

std::string contact_calendar(const std::string& calendar_name, const nlohmann::json& contacts,
                             const std::string& site, Timestamp now) {
    std::string out;
    out += icalendar::line("BEGIN:VCALENDAR");
    out += icalendar::line("VERSION:2.0");
    out += icalendar::line("PRODID:-//Hearth//Contact//EN");
    out += icalendar::line("CALSCALE:GREGORIAN");
    out += icalendar::line("METHOD:PUBLISH");
    out += icalendar::line("X-WR-CALNAME:" + icalendar::text(calendar_name));
    const auto stamp = icalendar::moment(now);
    for (const auto& k : contacts) {
        const auto starts = parse_utc(k["starts_at"].get<std::string>());
        if (!starts) {
            continue;
        }
        const auto link = site + k["href"].get<std::string>();
        out += icalendar::line("BEGIN:VEVENT");
        out += icalendar::line(fmt::format("UID:contact-{}@hearth", k["id"].get<std::int64_t>()));
        out += icalendar::line("SEQUENCE:" + std::to_string(k["version"].get<int>()));
        out += icalendar::line("DTSTAMP:" + stamp);
        out += icalendar::line("DTSTART:" + icalendar::moment(*starts));
        out += icalendar::line("DTEND:" + icalendar::moment(*starts + event_length));
        out += icalendar::line("SUMMARY:" + icalendar::text(event_summary(k)));
        if (const auto place = k["place"].get<std::string>(); !place.empty()) {
            out += icalendar::line("LOCATION:" + icalendar::text(place));
        }
        out += icalendar::line("DESCRIPTION:" + icalendar::text("In Hearth: " + link));
        if (!site.empty()) {
            out += icalendar::line("URL:" + link);
        }
        out +=
            icalendar::line(k["cancelled"].get<bool>() ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        out += icalendar::line("END:VEVENT");
    }
    out += icalendar::line("END:VCALENDAR");
    return out;
}

}  // namespace hearth::contact
