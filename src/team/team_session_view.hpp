#pragma once
// How a session reads: one view, from which its page, the list, their JSON and the API are
// rendered. A child a session was about is named only to a reader who may read that child.
#include <nlohmann/json.hpp>

#include "platform/auth/permissions.hpp"
#include "team/team_session_store.hpp"

namespace hearth::team {

nlohmann::json session_view(const TeamSession& s, const Reader& reader);
nlohmann::json figures_view(const TeamFigures& f);
// Sessions held each month, as a bar chart with its table beside it on the page.
std::string sessions_chart(const TeamFigures& f);

}  // namespace hearth::team
