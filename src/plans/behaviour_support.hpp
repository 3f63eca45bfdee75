#pragma once
// What a child's individual behaviour plan says helps them, for the pages that record what
// happened when things were hard (the incident form shows it while it is filled in), and whether
// the plan has been looked at again since an incident (de-escalation guidance §13: learn from what
// came before).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::plans {

struct BehaviourSupport {
    std::int64_t child_id = 0;
    bool has_plan = false;
    std::string href;              // the plan, or where to start one
    std::string new_version_href;  // where to review it
    int version = 0;
    Timestamp written_at{};                   // when its current version was written
    std::vector<std::string> triggers;        // "What can upset me"
    std::vector<std::string> what_helps;      // "What helps me"
    std::vector<std::string> staff_response;  // "What staff should do"
};

Result<BehaviourSupport> behaviour_support(db::Connection& c, std::int64_t child_id);

// An incident at `incident_at` asks for the plan to be reviewed until a version is written after
// it; a child with no plan is asked to have one.
bool review_prompted(const BehaviourSupport& s, Timestamp incident_at);

}  // namespace hearth::plans
