#pragma once
// Demo records of the complete case record (all fictional): one child's Schedule 3 details, family
// list, money and valuables and a key-worker change with her view; and a child who left last year.
#include "children/child_steps.hpp"
#include "platform/demo_world.hpp"

namespace hearth::demo {

// After the daily record. Mia's admission and leaving, and Lily's amended record, run what the
// capabilities added to `steps`.
Status create_case_record_demo(db::Connection& c, const children::PlacementSteps& steps,
                               Timestamp now);

}  // namespace hearth::demo
