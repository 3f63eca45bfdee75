#pragma once
// How a staff record reads: one view, from which its page, its JSON and the API are rendered. Only
// the person it is about, their registered manager and the provider's administrator are ever given
// it (permissions.cpp, view_staff_record).
#include <nlohmann/json.hpp>

#include "team/staff_record_store.hpp"

namespace hearth::team {

nlohmann::json staff_record_view(const StaffRecord& r, std::int64_t home_id, Timestamp now);
// The home's team: where each person's checks and qualification stand.
nlohmann::json team_view(const std::vector<TeamMember>& team, std::int64_t home_id, Date today);

// Where a qualification stands on `today`: achieved, working towards it, due within 90 days, or
// past its day.
std::string qualification_standing(const QualificationRecord& q, Date today);

}  // namespace hearth::team
