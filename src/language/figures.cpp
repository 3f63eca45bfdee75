#include "language/figures.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hearth::language {

std::optional<double> MonthTotal::per_100() const {
    if (entries <= 0) {
        return std::nullopt;
    }
    return 100.0 * static_cast<double>(flagged) / static_cast<double>(entries);
}

MonthTotal& MonthTotal::operator+=(const MonthTotal& o) {
    entries += o.entries;
    entries_flagged += o.entries_flagged;
    flagged += o.flagged;
    return *this;
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
        if (at == months.end()) {
            continue;
        }
        const auto k = static_cast<std::size_t>(at - months.begin());
        auto& home = f.homes[r.home_id];
        if (home.empty()) {
            home.assign(months.size(), {});
        }
        home[k] += r.total;
        f.home_period[r.home_id] += r.total;
        f.organisation[k] += r.total;
        f.whole_period += r.total;
    }
    return f;
}

}  // namespace hearth::language
