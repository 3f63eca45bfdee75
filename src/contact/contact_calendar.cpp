#include "contact/contact_calendar.hpp"

#include <fmt/format.h>

namespace hearth::contact {

namespace {

// An event lasts an hour unless Hearth is told otherwise: long enough to keep a member of staff
// free for a visit or a call.
constexpr auto event_length = std::chrono::hours{1};

// 20261207T143000Z
std::string calendar_moment(Timestamp t) {
    const auto iso = format_utc(t);  // 2026-12-07T14:30:00.000Z
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "T" + iso.substr(11, 2) +
           iso.substr(14, 2) + iso.substr(17, 2) + "Z";
}

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

std::string calendar_text(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        switch (ch) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') {
                    ++i;
                }
                out += "\\n";
                break;
            case '\n':
                out += "\\n";
                break;
            default:
                out += ch;
        }
    }
    return out;
}

std::string calendar_line(const std::string& line) {
    constexpr std::size_t longest = 75;
    std::string out;
    std::size_t start = 0;
    std::size_t room = longest;
    while (line.size() - start > room) {
        std::size_t cut = start + room;
        // Never inside a UTF-8 character: back up to the byte that starts one.
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0U) == 0x80U) {
            --cut;
        }
        out += line.substr(start, cut - start);
        out += "\r\n ";
        start = cut;
        room = longest - 1;  // the space that continues a line counts
    }
    out += line.substr(start);
    out += "\r\n";
    return out;
}

std::string contact_calendar(const std::string& calendar_name, const nlohmann::json& contacts,
                             const std::string& site, Timestamp now) {
    std::string out;
    out += calendar_line("BEGIN:VCALENDAR");
    out += calendar_line("VERSION:2.0");
    out += calendar_line("PRODID:-//Hearth//Contact//EN");
    out += calendar_line("CALSCALE:GREGORIAN");
    out += calendar_line("METHOD:PUBLISH");
    out += calendar_line("X-WR-CALNAME:" + calendar_text(calendar_name));
    const auto stamp = calendar_moment(now);
    for (const auto& k : contacts) {
        const auto starts = parse_utc(k["starts_at"].get<std::string>());
        if (!starts) {
            continue;
        }
        const auto link = site + k["href"].get<std::string>();
        out += calendar_line("BEGIN:VEVENT");
        out += calendar_line(fmt::format("UID:contact-{}@hearth", k["id"].get<std::int64_t>()));
        out += calendar_line("SEQUENCE:" + std::to_string(k["version"].get<int>()));
        out += calendar_line("DTSTAMP:" + stamp);
        out += calendar_line("DTSTART:" + calendar_moment(*starts));
        out += calendar_line("DTEND:" + calendar_moment(*starts + event_length));
        out += calendar_line("SUMMARY:" + calendar_text(event_summary(k)));
        if (const auto place = k["place"].get<std::string>(); !place.empty()) {
            out += calendar_line("LOCATION:" + calendar_text(place));
        }
        out += calendar_line("DESCRIPTION:" + calendar_text("In Hearth: " + link));
        if (!site.empty()) {
            out += calendar_line("URL:" + link);
        }
        out += calendar_line(k["cancelled"].get<bool>() ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        out += calendar_line("END:VEVENT");
    }
    out += calendar_line("END:VCALENDAR");
    return out;
}

}  // namespace hearth::contact
