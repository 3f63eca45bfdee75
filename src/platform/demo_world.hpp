#pragma once
// The fictional demo (`hearth demo`, and the store every test starts from). src/demo makes the
// organisation, its homes, people and children; each capability then adds its own fictional
// records through DemoParts when it joins (docs/architecture.md), so the demo grows with the
// capabilities without one file that knows them all.
#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/in_order.hpp"

namespace hearth::demo {

struct DemoWorld {
    std::int64_t organisation = 0;
    std::vector<std::int64_t> homes;     // Willow House, Harbour View
    std::vector<std::int64_t> people;    // in the order of demo_data.cpp's people
    std::vector<std::int64_t> children;  // in the order of demo_data.cpp's kids
    std::vector<int> child_home;         // index into homes, per child
};

// An instant `days` before `now` at a local time of day in the home's zone.
inline Timestamp at(Timestamp now, int days, int hour, int minute) {
    const Date day{std::chrono::sys_days{local_date_of(now)} - std::chrono::days{days}};
    return from_local(day, hour, minute).value_or(now);
}

// The demo's person at `index` (in demo_data.cpp's order), as the author of what they write.
inline audit::Actor person(const DemoWorld& w, int index, const char* name) {
    return {w.people[static_cast<std::size_t>(index)], name, "127.0.0.1", "demo"};
}

// What one capability adds to the demo, in the demo's one transaction, in order of position:
// a part may build on what the parts before it wrote (the Reg 35 records on the incidents).
struct DemoPart {
    int position = 100;
    std::function<Status(db::Connection&, const DemoWorld&, Timestamp now)> add;
};

using DemoParts = InOrder<DemoPart>;

}  // namespace hearth::demo
