#include "children/retention.hpp"

namespace hearth::children {

namespace {
Date in_year(Date day, int years) {
    return Date{day.year() + std::chrono::years{years}, day.month(), day.day()};
}
}  // namespace

Date anniversary_after(Date day, int years) {
    const Date same = in_year(day, years);
    if (same.ok()) {
        return same;
    }
    // Only 29 February has no anniversary in some years.
    return Date{same.year(), std::chrono::March, std::chrono::day{1}};
}

bool died_before_eighteen(Date born, Date died) {
    Date eighteenth = in_year(born, 18);
    if (!eighteenth.ok()) {
        eighteenth = Date{eighteenth.year(), std::chrono::February, std::chrono::day{28}};
    }
    return died < eighteenth;
}

Date retention_date(Date date_of_birth, std::optional<Date> date_of_death) {
    if (date_of_death && died_before_eighteen(date_of_birth, *date_of_death)) {
        return anniversary_after(*date_of_death, retention_years_from_death);
    }
    return anniversary_after(date_of_birth, retention_years_from_birth);
}

}  // namespace hearth::children
