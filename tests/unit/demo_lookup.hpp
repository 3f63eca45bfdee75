#pragma once
// The demo's records found by the names src/demo/demo_data.cpp gives them, so that a test does
// not depend on the order the demo happens to create them in (and so on their numeric ids).
#include <cstdint>
#include <stdexcept>
#include <string>

#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::testing {

// The id of the one row `sql` finds for `name`; throws (a test failure) if there is not exactly
// one.
inline std::int64_t demo_id(db::Database& db, const std::string& sql, const std::string& name) {
    auto rows = db.read([&](db::Connection& c) { return c.query(sql, {name}); });
    if (!rows.ok())
        throw std::runtime_error("demo lookup failed: " + rows.error().detail);
    if (rows->size() != 1) {
        throw std::runtime_error("the demo has " + std::to_string(rows->size()) +
                                 " records named " + name);
    }
    return rows->front().integer(0);
}

// A person by their full name, as "Chris Okafor".
inline std::int64_t demo_person(db::Database& db, const std::string& name) {
    return demo_id(db, "SELECT id FROM people WHERE name = $1", name);
}

// A child by their first name, as "Aisha": the demo gives each child a different one.
inline std::int64_t demo_child(db::Database& db, const std::string& first_name) {
    return demo_id(db, "SELECT id FROM children WHERE first_name = $1", first_name);
}

// A home by its name, as "Willow House".
inline std::int64_t demo_home(db::Database& db, const std::string& name) {
    return demo_id(db, "SELECT id FROM homes WHERE name = $1", name);
}

// A demo person acting, as the pages would record them.
inline audit::Actor demo_actor(db::Database& db, const std::string& name) {
    return {demo_person(db, name), name, "127.0.0.1", "test"};
}

}  // namespace hearth::testing
