#pragma once
// Demo contact restrictions (all fictional): Lily's contact with her dad, restricted by a court
// order to letters through her social worker; and Kai's with an older online contact, restricted
// by the home in an emergency ten days ago, the placing authority told that evening.
#include "platform/demo_world.hpp"

namespace hearth::demo {

// After the case record (Lily's family list).
Status add_contact_restrictions(db::Connection& c, const DemoWorld& world, Timestamp now);
// A year of contact for each child, after their restrictions (contact_demo.cpp says what).
Status add_contact_log(db::Connection& c, const DemoWorld& world, Timestamp now);

}  // namespace hearth::demo
