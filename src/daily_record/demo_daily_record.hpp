#pragma once
#include "platform/demo_world.hpp"

namespace hearth::demo {

// A fortnight of daily notes, praise, key-work sessions with their actions, a children's meeting
// and a handover for each home: fictional, written the way the home would write them.
// A year of praise, more of it as relationships grow, for the warmth picture.
Status add_daily_record(db::Connection& c, const DemoWorld& world, Timestamp now);

// A note every five days for each child over the past year, the older the more often written the
// way homes wrote before they looked again at their words: the Language that cares figure falls
// month by month. After the organisation's changes to its list, which each note is checked against.
Status add_older_notes(db::Connection& c, const DemoWorld& world, Timestamp now);

}  // namespace hearth::demo
