#include "platform/months.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace hearth {

Date add_months(Date day, int months) {
    const Date moved = day + std::chrono::months{months};
    return moved.ok() ? moved : Date{moved.year() / moved.month() / std::chrono::last};
}

namespace {
constexpr std::array<const char*, 12> month_names{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

std::optional<std::pair<int, unsigned>> parse_month(const std::string& month) {
    if (month.size() != 7 || month[4] != '-') {
        return std::nullopt;
    }
    auto d = parse_date(month + "-01");
    if (!d) {
        return std::nullopt;
    }
    return std::pair{static_cast<int>(d->year()), static_cast<unsigned>(d->month())};
}
}  // namespace

std::vector<std::string> months_ending(Date today, int count) {
    std::vector<std::string> out;
    std::chrono::year_month ym{today.year(), today.month()};
    for (int i = 0; i < count; ++i) {
        out.push_back(fmt::format("{:04}-{:02}", static_cast<int>(ym.year()),
                                  static_cast<unsigned>(ym.month())));
        ym -= std::chrono::months{1};
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::string month_label(const std::string& month) {
    auto m = parse_month(month);
    if (!m) {
        return month;
    }
    return fmt::format("{} {}", month_names[m->second - 1], m->first);
}

std::string short_month_label(const std::string& month) {
    auto m = parse_month(month);
    if (!m) {
        return month;
    }
    return fmt::format("{} {:02}", std::string(month_names[m->second - 1]).substr(0, 3),
                       m->first % 100);
}

std::string month_of(Timestamp at) {
    const Date day = local_date_of(at);
    return fmt::format("{:04}-{:02}", static_cast<int>(day.year()),
                       static_cast<unsigned>(day.month()));
}

}  // namespace hearth
