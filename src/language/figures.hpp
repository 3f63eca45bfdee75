#pragma once
// The provider's figure: flagged phrases per 100 entries, per month and per home, beside the
// organisation's own line. Pure: the month totals come from the store.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/months.hpp"

namespace hearth::language {

struct MonthTotal {
    std::int64_t entries = 0;          // records checked
    std::int64_t entries_flagged = 0;  // records with at least one phrase flagged
    std::int64_t flagged = 0;          // phrases flagged
    // Flagged phrases per 100 entries; none for a month with no entries.
    std::optional<double> per_100() const;
    MonthTotal& operator+=(const MonthTotal& o);
};

struct HomeMonth {
    std::int64_t home_id = 0;
    std::string month;  // YYYY-MM
    MonthTotal total;
};

struct Figure {
    std::vector<std::string> months;
    std::map<std::int64_t, std::vector<MonthTotal>> homes;  // one total a month, in months' order
    std::vector<MonthTotal> organisation;                   // every home added up
    MonthTotal whole_period;                                // the organisation over all months
    std::map<std::int64_t, MonthTotal> home_period;         // each home over all months
};

// Rows for months outside `months` are left out; homes with no rows have none in `homes` unless
// listed in `home_ids`, which are always present (with empty months).
Figure build_figure(const std::vector<std::string>& months, const std::vector<HomeMonth>& rows,
                    const std::vector<std::int64_t>& home_ids);

}  // namespace hearth::language
