#pragma once
// The child's page "at a glance", for staff on shift: key workers, the current plans with the
// strategies that help this child, and the current risks with their levels and review dates (who
// must not be near whom is the relationships capability's panel below it). The children capability
// calls this from the child's profile page, inside the transaction that records the read, and
// renders it with the _child_glance template.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::plans {

// `key_workers`: their names, from the child's record the page already holds.
Result<nlohmann::json> glance(db::Connection& c, std::int64_t child_id,
                              const std::vector<std::string>& key_workers, Timestamp now);

}  // namespace hearth::plans
