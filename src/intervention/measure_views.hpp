#pragma once
// How a Reg 35 record reads: the API's shape, and the page's view, with its three clocks and two
// sign-offs. Internal to the intervention capability.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "deadlines/deadline.hpp"
#include "intervention/measure_store.hpp"

namespace hearth::intervention {

std::string measure_href(std::int64_t id);

nlohmann::json measure_json(const Measure& m, const std::vector<behaviour::Person>& people);

// `techniques`: the organisation's, to name the one used.
nlohmann::json measure_view(const Measure& m, const std::vector<behaviour::Person>& people,
                            const std::vector<Choice>& techniques);

// The record's clocks, in the order the law sets them: the record, the staff, the child.
nlohmann::json clocks_view(const std::vector<deadlines::Deadline>& clocks, Timestamp now);

// How a stored field reads in the record's history.
std::string shown_value(const std::vector<behaviour::Person>& people,
                        const std::vector<Choice>& techniques, const std::string& field,
                        const std::string& value);

}  // namespace hearth::intervention
