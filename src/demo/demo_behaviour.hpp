#pragma once
// Fictional incidents for the demo: last night's physical intervention with Aisha, its Reg 35
// record waiting for the manager's sign-off, her account and debriefs; a consequence and a
// restorative meeting for Ben; a notifiable incident at Harbour View with Ofsted told and the
// placing authority not yet; a year of calmer evenings and more praise; training certificates,
// one lapsed; and a deputy authorised to sign Reg 35 records.
#include "demo/demo_world.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::demo {

// Called by create_demo, in its transaction, once the children and their daily record exist.
Status add_behaviour(db::Connection& c, const DemoWorld& world, Timestamp now);

}  // namespace hearth::demo
