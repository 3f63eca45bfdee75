#pragma once
// The demo's team (all fictional): each member of staff's Schedule 4 record and every check that
// shows they are fit to work with children, with a DBS update service check this year; the Level 5
// Diploma achieved by one registered manager and under way for the other, the Level 3 achieved by
// most of the care team and under way for the newest. One support worker at Willow House started
// under supervision while her second reference comes back.
#include "platform/demo_world.hpp"
#include "team/supervision_store.hpp"

namespace hearth::demo {

Status add_team(db::Connection& c, const DemoWorld& world, Timestamp now);
// A year of monthly supervision for each of the team but the newest (whose first is due), each
// signed by both but Chris Okafor's latest, which awaits his signature; the registered managers
// supervised by the responsible individual. After the incidents, so that each lists those since
// the one before.
Status add_supervision(db::Connection& c, const DemoWorld& world, Timestamp now,
                       const team::StaffInvolvements& involvements);

}  // namespace hearth::demo
