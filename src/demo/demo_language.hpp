#pragma once
#include "demo/demo_world.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::demo {

// Language that cares in the demo, after the daily record: the organisation's own changes to its
// list (a phrase retired, one added, one amended), a year of older daily notes written the way
// homes often wrote before they looked again at their words, and a check of every daily entry, so
// that the provider's figure shows a year. Fictional, like all demo data.
Status add_language(db::Connection& c, const DemoWorld& world, Timestamp now);

}  // namespace hearth::demo
