#pragma once
// A deterministic fictional data set at provider scale: `hearth demo --homes N --years Y --seed S`.
// The same options give the same data, apart from the
// password salts. Rates are documented in
// docs/demo-data.md and in scaled_demo.cpp beside the numbers.
#include <cstdint>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::demo {

struct Scale {
    int homes = 2;
    int years = 1;
    std::uint64_t seed = 1;
};

struct ScaleSummary {
    std::int64_t homes = 0;
    std::int64_t people = 0;
    std::int64_t children = 0;
    std::int64_t daily_entries = 0;
    std::int64_t contacts = 0;
    std::int64_t bullying_concerns = 0;
    std::int64_t friendships = 0;
    std::int64_t training_records = 0;
    std::int64_t supervisions = 0;
    std::int64_t audit_entries = 0;
};

Result<ScaleSummary> create_scaled_demo(db::Database& db, const Scale& scale, Timestamp now);

}  // namespace hearth::demo
