#pragma once
// Small pieces the pages about a child's record share.
#include <nlohmann/json.hpp>
#include <string>

namespace hearth::children {

// A stored UTC time shown in the home's zone: "22 Nov 2026, 22:17".
std::string shown_time(const std::string& utc);

// A row of a GOV.UK summary list; an empty value reads "Not recorded". `multiline` keeps the line
// breaks of an address or of what a child said.
nlohmann::json summary_row(const std::string& key, const std::string& value,
                           bool multiline = false);

}  // namespace hearth::children
