#include "language/figures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace hearth::language {

namespace {
constexpr std::array<const char*, 12> month_names{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

std::optional<std::pair<int, unsigned>> parse_month(const std::string& month) {
    if (month.size() != 7 || month[4] != '-')
        return std::nullopt;
    auto d = parse_date(month + "-01");
    if (!d)
        return std::nullopt;
    return std::pair{static_cast<int>(d->year()), static_cast<unsigned>(d->month())};
}
}  // namespace

std::optional<double> MonthTotal::per_100() const {
    if (entries <= 0)
        return std::nullopt;
    return 100.0 * static_cast<double>(flagged) / static_cast<double>(entries);
}

MonthTotal& MonthTotal::operator+=(const MonthTotal& o) {
    entries += o.entries;
    entries_flagged += o.entries_flagged;
    flagged += o.flagged;
    return *this;
}

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
    if (!m)
        return month;
    return fmt::format("{} {}", month_names[m->second - 1], m->first);
}

std::string short_month_label(const std::string& month) {
    auto m = parse_month(month);
    if (!m)
        return month;
    return fmt::format("{} {:02}", std::string(month_names[m->second - 1]).substr(0, 3),
                       m->first % 100);
}

Figure build_figure(const std::vector<std::string>& months, const std::vector<HomeMonth>& rows,
                    const std::vector<std::int64_t>& home_ids) {
    Figure f;
    f.months = months;
    f.organisation.assign(months.size(), {});
    for (auto id : home_ids) {
        f.homes[id].assign(months.size(), {});
        f.home_period[id] = {};
    }
    for (const auto& r : rows) {
        auto at = std::find(months.begin(), months.end(), r.month);
        if (at == months.end())
            continue;
        const auto k = static_cast<std::size_t>(at - months.begin());
        auto& home = f.homes[r.home_id];
        if (home.empty())
            home.assign(months.size(), {});
        home[k] += r.total;
        f.home_period[r.home_id] += r.total;
        f.organisation[k] += r.total;
        f.whole_period += r.total;
    }
    return f;
}

}  // namespace hearth::language
