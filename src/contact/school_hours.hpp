#pragma once
// When a child is at school, Monday to Friday: the home's default, or the child's own (a child
// not in school has none). A visit to the child at the home is planned outside them, or says why
// (docs/practice-guidance.md, contact: school comes first). Plain data and rules; the store is
// school_hours_store.hpp.
#include <string>

#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::contact {

struct SchoolHours {
    bool in_school = true;
    int starts = (8 * 60) + 30;  // minutes after local midnight
    int ends = (15 * 60) + 30;
};

// Whether `at` falls in them: a weekday, from their start up to their end, in the home's zone.
bool in_school_hours(const SchoolHours& hours, Timestamp at);

// "08:30 to 15:30, Monday to Friday", or "Not in school".
std::string describe(const SchoolHours& hours);

Result<SchoolHours> read_school_hours(http::FormReader& form);

}  // namespace hearth::contact
