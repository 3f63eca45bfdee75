#pragma once
// The warmth picture on a page: a chart of praise beside incidents and consequences over the last
// twelve months, the table of the same numbers, and the period in a sentence. For a child's
// Behaviour tab and a home's figures.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::behaviour {

inline constexpr int warmth_months = 12;

// { chart (SVG, escaped), rows [...], summary, api {months [...]} } for the _warmth partial.
Result<nlohmann::json> child_warmth_view(db::Connection& c, std::int64_t child_id,
                                         const std::string& first_name, Timestamp now);
Result<nlohmann::json> home_warmth_view(db::Connection& c, std::int64_t home_id,
                                        const std::string& home_name, Timestamp now);

}  // namespace hearth::behaviour
