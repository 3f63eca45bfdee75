#pragma once
// Fictional plans for the demo children: each has a placement plan and an individual behaviour
// plan, some have risk assessments; one plan has two versions and one review is overdue.
#include "platform/demo_world.hpp"

namespace hearth::demo {

// After the case record.
Status create_demo_plans(db::Connection& c, Timestamp now);

}  // namespace hearth::demo
