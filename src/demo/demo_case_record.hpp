#pragma once
// Demo records of the complete case record (all fictional): one child's Schedule 3 details, family
// list, money and valuables and a key-worker change with her view; and a child who left last year.
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::demo {

// Runs inside create_demo's transaction, after its children are admitted.
Status create_case_record_demo(db::Connection& c, Timestamp now);

}  // namespace hearth::demo
