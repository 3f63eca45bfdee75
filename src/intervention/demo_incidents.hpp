#pragma once
// Fictional incidents for the demo: last night's physical intervention with Aisha, its Reg 35
// record waiting for the manager's sign-off, her account and debriefs; a consequence and a
// restorative meeting for Ben; a notifiable incident at Harbour View with Ofsted told and the
// placing authority not yet; a year of calmer evenings; training certificates, one lapsed; and a
// deputy authorised to sign Reg 35 records. The incidents and their Reg 35 records are one story,
// so they join with intervention, the capability that builds on behaviour.
#include "platform/demo_world.hpp"

namespace hearth::demo {

// After the daily record: the incidents refer to the evenings it tells.
Status add_incidents(db::Connection& c, const DemoWorld& world, Timestamp now);

}  // namespace hearth::demo
