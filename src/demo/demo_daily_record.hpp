#pragma once
#include "demo/demo_world.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::demo {

// A fortnight of daily notes, praise, key-work sessions with their actions, a children's meeting
// and a handover for each home: fictional, written the way the home would write them.
Status add_daily_record(db::Connection& c, const DemoWorld& world, Timestamp now);

}  // namespace hearth::demo
