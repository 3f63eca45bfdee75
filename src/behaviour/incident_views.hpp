#pragma once
// How an incident reads: the API's shape, and the page's view of it for one reader. A reader sees
// the names only of the children whose records they may read: to a social worker the other
// children in an incident are "another young person". Internal to the behaviour capability.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "behaviour/after_incident_store.hpp"
#include "behaviour/incident_store.hpp"
#include "platform/http/router.hpp"

namespace hearth::behaviour {

// Which of the incident's children the reader may read about.
std::vector<std::int64_t> readable_children(const http::Context& ctx, const Incident& incident);

nlohmann::json incident_json(const Incident& i, const std::vector<Person>& staff);
nlohmann::json after_json(const AfterIncident& a);

// The page's view of the incident itself; `staff`: names of the people it names.
nlohmann::json incident_view(const http::Context& ctx, const Incident& i,
                             const std::vector<Person>& staff,
                             const std::vector<std::int64_t>& readable);

// How a stored field of an incident reads in its history.
std::string shown_value(const std::vector<Person>& people, const std::string& field,
                        const std::string& value);

std::string incident_href(std::int64_t child_id, std::int64_t incident_id);

}  // namespace hearth::behaviour
