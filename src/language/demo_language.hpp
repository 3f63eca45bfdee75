#pragma once
#include "platform/demo_world.hpp"

namespace hearth::demo {

// Language that cares in the demo: the organisation's own changes to its list (a phrase retired,
// one added, one amended). Fictional, like all demo data.
Status add_language(db::Connection& c, const DemoWorld& world, Timestamp now);

}  // namespace hearth::demo
