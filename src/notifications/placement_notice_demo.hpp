#pragma once
// Demo notices (all fictional): the children placed from outside Northshire were notified to
// Northshire when they came, and Mia when she came and when she left.
#include "platform/demo_world.hpp"

namespace hearth::demo {

// After the case record (Mia's admission and leaving owe theirs through the children's steps).
Status add_placement_notices(db::Connection& c, const DemoWorld& world, Timestamp now);

}  // namespace hearth::demo
