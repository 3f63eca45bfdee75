#pragma once
// How the rota reads: one view of a shift, a week of the home's rota with its shortfalls, and who
// is on shift now, from which the pages, their JSON and the API are rendered.
#include <nlohmann/json.hpp>

#include "team/rota_store.hpp"

namespace hearth::team {

nlohmann::json shift_view(const Shift& s, std::int64_t home_id, Timestamp now);
// Days down, kinds of shift across; `from` is the first day shown.
nlohmann::json week_view(const std::vector<Shift>& shifts, const StaffingLevels& levels,
                         std::int64_t home_id, Date from, Timestamp now);
nlohmann::json on_shift_view(const std::vector<Shift>& shifts);

}  // namespace hearth::team
