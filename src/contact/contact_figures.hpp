#pragma once
// Contact by month, for a child or a home: how much happened, how much was cancelled and by whom,
// and how much was planned and is still to come or still to be recorded. An inspector's first
// question about contact is whether it happens as planned, and who cancels it when it does not.
// Plain counting; the store reads the facts and the view draws the chart (contact_figures_view).
#include <array>
#include <string>
#include <vector>

#include "platform/clock.hpp"

namespace hearth::contact {

// What is counted of one contact.
struct ContactFact {
    Timestamp starts_at{};
    std::string state;         // planned, happened, cancelled
    std::string cancelled_by;  // a cancelled_by_whom() key
};

struct ContactMonth {
    std::string month;  // "2026-05"
    int happened = 0;
    int planned = 0;  // still planned: to come, or its time passed without an outcome
    // Cancelled, by each of cancelled_by_whom() in its order.
    std::array<int, 5> cancelled_by{};
    int cancelled() const;
};

// One row for each of `months` ("2026-05", oldest first); facts outside them are not counted.
std::vector<ContactMonth> count_by_month(const std::vector<ContactFact>& facts,
                                         const std::vector<std::string>& months);

}  // namespace hearth::contact
