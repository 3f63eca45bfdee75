#pragma once
// How long a child's case record is kept (Reg 36(2)): 75 years from the date of birth, or, if the
// child died before they were 18, 15 years from the death. Hearth never deletes a record before
// this date. Where the calendar leaves a doubt (a 29 February birthday in a year without one), the
// reading that keeps the record longer is taken.
#include <optional>

#include "platform/clock.hpp"

namespace hearth::children {

inline constexpr int retention_years_from_birth = 75;
inline constexpr int retention_years_from_death = 15;

// The anniversary of `day` `years` later. 29 February becomes 1 March in a year without it: the
// later day, so a retention period is never cut short.
Date anniversary_after(Date day, int years);

// Whether someone born on `born` had not yet turned 18 on `died`. Someone born on 29 February
// turns 18 on 28 February in a year without it: the earlier day, so a death on that day falls
// under the longer, 75-year rule.
bool died_before_eighteen(Date born, Date died);

// The first day on which the record may be destroyed; it is kept until then.
Date retention_date(Date date_of_birth, std::optional<Date> date_of_death);

}  // namespace hearth::children
