#pragma once
// A child's plans for the export of their whole record (a subject access request, or leaving):
// every plan with every version, oldest first, its sign-off and who it was shared with. Shaped for
// the case record's export registry, where it is one section:
//     {"plans", "Plans and risk assessments", plans::everything_about, {}}
#include <cstdint>
#include <nlohmann/json.hpp>

#include "platform/db/database.hpp"

namespace hearth::plans {

Result<nlohmann::json> everything_about(db::Connection& c, std::int64_t child_id);

}  // namespace hearth::plans
