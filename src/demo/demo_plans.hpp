#pragma once
// Fictional plans for the demo children: each has a placement plan and an individual behaviour
// plan, some have risk assessments; one plan has two versions and one review is overdue.
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::demo {

// Called by create_demo, in its transaction, once the children are admitted.
Status create_demo_plans(db::Connection& c, Timestamp now);

}  // namespace hearth::demo
