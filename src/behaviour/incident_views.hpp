#pragma once
// How an incident reads: the API's shape, and the page's view of it, both rendered from what one
// reader sees of it (incident_seen.hpp). Internal to the behaviour capability.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "behaviour/incident_seen.hpp"

namespace hearth::behaviour {

nlohmann::json incident_json(const SeenIncident& seen);
nlohmann::json after_json(const AfterIncident& a);

// The page's view of the incident itself.
nlohmann::json incident_view(const SeenIncident& seen);

// How a stored field of an incident reads in its history.
std::string shown_value(const SeenIncident& seen, const std::string& field,
                        const std::string& value);

std::string incident_href(std::int64_t child_id, std::int64_t incident_id);

}  // namespace hearth::behaviour
