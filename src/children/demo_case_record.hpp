#pragma once
// Demo records of the complete case record (all fictional): one child's Schedule 3 details, family
// list, money and valuables and a key-worker change with her view; and a child who left last year.
#include "children/leaving/when_leaving.hpp"
#include "platform/demo_world.hpp"

namespace hearth::demo {

// After the daily record. Mia's leaving ends what the capabilities added to `when_leaving` end.
Status create_case_record_demo(db::Connection& c, const children::WhenLeaving& when_leaving,
                               Timestamp now);

}  // namespace hearth::demo
