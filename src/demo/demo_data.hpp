#pragma once
// Fictional demo data: an organisation with two homes, four children in each, and staff in every
// role. Every name, place and authority here is invented.
#include <string>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/demo_world.hpp"

namespace hearth::demo {

inline constexpr const char* demo_password = "warm-kettle-blue-door";

struct DemoSummary {
    std::string organisation;
    std::vector<std::pair<std::string, std::string>> accounts;  // email, role
};

// The organisation, its homes, people and children, then each capability's part, in one
// transaction. Refuses a database that already holds an organisation.
Result<DemoSummary> create_demo(db::Database& db, const DemoParts& parts, Timestamp now);

}  // namespace hearth::demo
