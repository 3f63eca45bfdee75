#pragma once
// How a deadline reads on a page: shared by the deadline pages, the handover and dashboards.
#include <nlohmann/json.hpp>

#include "deadlines/deadline.hpp"

namespace hearth::deadlines {

nlohmann::json deadline_view(const Deadline& d, Timestamp now);

}  // namespace hearth::deadlines
