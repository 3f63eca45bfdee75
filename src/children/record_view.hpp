#pragma once
// Small pieces the pages about a child's record share.
#include <nlohmann/json.hpp>
#include <string>

#include "children/child_store.hpp"

namespace hearth::children {

// A stored UTC time shown in the home's zone: "22 Nov 2026, 22:17".
std::string shown_time(const std::string& utc);

// A row of a GOV.UK summary list; an empty value reads "Not recorded". `multiline` keeps the line
// breaks of an address or of what a child said.
nlohmann::json summary_row(const std::string& key, const std::string& value,
                           bool multiline = false);

// A name with its phone or email on the next line, either of which may be missing.
std::string with_contact(const std::string& name, const std::string& contact);

// "Chris Okafor, Dana Lewis": the key workers now.
std::string key_worker_names(const Child& child);

}  // namespace hearth::children
