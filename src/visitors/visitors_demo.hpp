#pragma once
// The demo's visitors' books (all fictional): a month of visitors at each home — social workers,
// a parent, an independent reviewing officer, the Reg 44 visitor, a contractor and an external
// supervisor of a child's contact — with the identification seen and one item held until its
// owner left; and, now, a visitor in each building, one of them still signed in since yesterday.
#include "platform/demo_world.hpp"

namespace hearth::demo {

Status add_visitors(db::Connection& c, const DemoWorld& world, Timestamp now);

}  // namespace hearth::demo
