#pragma once
// How the rota reads: one view of a shift, a week of the home's rota with its shortfalls, and who
// is on shift now, from which the pages, their JSON and the API are rendered.
#include <nlohmann/json.hpp>

#include "team/rota_store.hpp"

namespace hearth::team {

// `with_checks`: what an agency confirmed of its worker's checks, for those who keep the rota and
// those who read staff records; for everyone else, null.
nlohmann::json shift_view(const Shift& s, std::int64_t home_id, Timestamp now, bool with_checks);
// Days down, kinds of shift across; `from` is the first day shown.
nlohmann::json week_view(const std::vector<Shift>& shifts, const StaffingLevels& levels,
                         std::int64_t home_id, Date from, Timestamp now, bool with_checks);
nlohmann::json on_shift_view(const std::vector<Shift>& shifts);

}  // namespace hearth::team
