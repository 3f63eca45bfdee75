#pragma once
// Handover between shifts: what happened since the last handover, the actions still open, the
// deadlines coming due and what staff marked for the next shift. Plain rules of the home's day.
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.hpp"

namespace hearth::daily_record {

struct Shift {
    std::string key;    // "early"
    std::string label;  // "Early shift (from 07:00)"
    int starts = 0;     // minutes after local midnight
};
// A home's day: early, late and waking night, in its own zone.
const std::vector<Shift>& shifts();
const Shift& shift_at(Timestamp t);
bool is_shift(const std::string& key);
std::string shift_label(const std::string& key);

// Where a handover starts: the last one given, or a day ago when there was none. However long
// ago the last one was, a handover never reaches back more than three days: beyond that the
// chronology is the place to read.
Timestamp covers_from(std::optional<Timestamp> last_given, Timestamp now);

}  // namespace hearth::daily_record
