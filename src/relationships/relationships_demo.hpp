#pragma once
#include "platform/demo_world.hpp"

namespace hearth::relationships {

// The demo's year of bullying concerns (one open, its response under way and a stage owing the
// child being told; others closed), and its managed interactions, in both homes.
Status add_relationships_demo(db::Connection& c, const demo::DemoWorld& world, Timestamp now);

}  // namespace hearth::relationships
