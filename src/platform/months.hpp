#pragma once
// Calendar months in the home's zone, for every figure that counts by month: "2026-05" keys, and
// how they read.
#include <string>
#include <vector>

#include "platform/clock.hpp"

namespace hearth {

// The same day `months` later (earlier, when negative), or the month's last day when it has none:
// 31 August and six months is 28 February.
Date add_months(Date day, int months);

// The `count` months ending with the one `today` is in, oldest first: "2025-06" ... "2026-05".
std::vector<std::string> months_ending(Date today, int count);
std::string month_label(const std::string& month);        // "May 2026"
std::string short_month_label(const std::string& month);  // "May 26"
// The month an instant falls in, in the home's zone: "2026-05".
std::string month_of(Timestamp at);

}  // namespace hearth
