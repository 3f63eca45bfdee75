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
// Each home's rota two weeks back and two ahead, with the staffing its statement of purpose
// promises: what was worked recorded, a late lost to sickness and covered by an agency worker, and
// an early three days ahead not yet filled.
Status add_rota(db::Connection& c, const DemoWorld& world, Timestamp now);
// A year of monthly team meetings and reflective practice sessions at each home, about the policy,
// a theme, a child and learning shared from an incident; one support worker has missed the last
// four months'.
Status add_team_sessions(db::Connection& c, const DemoWorld& world, Timestamp now);
// A year of monthly supervision for each of the team but the newest (whose first is due), each
// signed by both but Chris Okafor's latest, which awaits his signature; the registered managers
// supervised by the responsible individual. After the incidents, so that each lists those since
// the one before.
Status add_supervision(db::Connection& c, const DemoWorld& world, Timestamp now,
                       const team::StaffInvolvements& involvements);

}  // namespace hearth::demo
