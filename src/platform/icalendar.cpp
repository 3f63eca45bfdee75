#include "platform/icalendar.hpp"

namespace hearth::icalendar {

std::string moment(Timestamp t) {
    const auto iso = format_utc(t);  // 2026-12-07T14:30:00.000Z
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "T" + iso.substr(11, 2) +
           iso.substr(14, 2) + iso.substr(17, 2) + "Z";
}

std::string text(const std::string& value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char ch = value[i];
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
                if (i + 1 < value.size() && value[i + 1] == '\n') {
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

std::string line(const std::string& content) {
    constexpr std::size_t longest = 75;
    std::string out;
    std::size_t start = 0;
    std::size_t room = longest;
    while (content.size() - start > room) {
        std::size_t cut = start + room;
        // Never inside a UTF-8 character: back up to the byte that starts one.
        while (cut > start && (static_cast<unsigned char>(content[cut]) & 0xC0U) == 0x80U) {
            --cut;
        }
        out += content.substr(start, cut - start);
        out += "\r\n ";
        start = cut;
        room = longest - 1;  // the space that continues a line counts
    }
    out += content.substr(start);
    out += "\r\n";
    return out;
}

}  // namespace hearth::icalendar
