#pragma once
// The pieces of an iCalendar feed (RFC 5545) every feed Hearth serves is written with: the contact
// planned at a home (contact/contact_calendar) and a person's own shifts (team/rota).
#include <string>

#include "platform/clock.hpp"

namespace hearth::icalendar {

// A moment in UTC as a DATE-TIME: 20261207T143000Z.
std::string moment(Timestamp t);

// A line of text as a property value: backslashes, semicolons, commas and line breaks escaped.
std::string text(const std::string& value);

// A content line folded at 75 octets, without splitting a UTF-8 character, ending in CRLF.
std::string line(const std::string& content);

}  // namespace hearth::icalendar
