#pragma once
// Fictional demo data: an organisation with two homes, four children in each, and staff in every
// role. Every name, place and authority here is invented.
#include <string>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/demo_world.hpp"

namespace hearth::demo {

inline constexpr const char* demo_password = "warm-kettle-blue-door";
// The second factor of the demo's organisation-wide accounts, which must have one: these 20 bytes,
// which an authenticator app is given as the key below (`oathtool --totp -b KEY` prints the code).
inline constexpr const char* demo_second_factor_secret = "hearth-demo-key-2026";
inline constexpr const char* demo_second_factor_key = "NBSWC4TUNAWWIZLNN4WWWZLZFUZDAMRW";

struct DemoSummary {
    std::string organisation;
    std::vector<std::pair<std::string, std::string>> accounts;  // email, role
};

// The demo's key as the second factor of each of its people who must have one (second_factor.hpp),
// once their roles and allocations are in.
Status give_demo_second_factors(db::Connection& c, Timestamp now);

// The organisation, its homes, people and children, then each capability's part, in one
// transaction. Refuses a database that already holds an organisation.
Result<DemoSummary> create_demo(db::Database& db, const DemoParts& parts, Timestamp now);

}  // namespace hearth::demo
