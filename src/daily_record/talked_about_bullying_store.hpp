#pragma once
// For each child living in a home, the last key-work session and the last children's meeting they
// came to that were marked as talking about bullying.
#include <vector>

#include "daily_record/talked_about_bullying.hpp"
#include "platform/db/database.hpp"

namespace hearth::daily_record {

Result<std::vector<ChildTalked>> talked_about_bullying(db::Connection& c, std::int64_t home_id);

}  // namespace hearth::daily_record
