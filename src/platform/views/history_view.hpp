#pragma once
// The history of a record that is amended, never overwritten: every version, who made it, when and
// why, and what changed from the version before. Rendered by web/templates/_history.mustache.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "platform/amendments.hpp"

namespace hearth::views {

// How a stored value reads on the page (a UTC time in the home's zone, a key as its label).
using ShowValue = std::function<std::string(const std::string& field, const std::string& value)>;

// `versions` newest first, as amendments::versions_of returns them.
nlohmann::json history_view(const std::vector<amendments::Version>& versions,
                            const amendments::FieldLabels& labels, const ShowValue& show);

}  // namespace hearth::views
