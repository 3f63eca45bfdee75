#pragma once
// How chronology entries read on a page: shared by the child's timeline, the child's overview,
// the handover and search.
#include <nlohmann/json.hpp>

#include "chronology/chronology.hpp"
#include "chronology/kinds.hpp"
#include "platform/db/database.hpp"

namespace hearth::chronology {

nlohmann::json entry_view(const Entry& e, const Kinds& kinds);

// The latest entries about a child, for their overview page.
Result<nlohmann::json> recent_view(db::Connection& c, const Kinds& kinds, std::int64_t child_id,
                                   int count);

}  // namespace hearth::chronology
