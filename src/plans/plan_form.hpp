#pragma once
// The fields of the plan forms (a new plan, a new version, who it was shared with), drawn by the
// shared _field template, with values from the record, what was typed, or a kept draft.
#include <nlohmann/json.hpp>
#include <string>

#include "plans/plan_store.hpp"

namespace hearth::plans {

// A new version starts from the current one: its sections and level. Its dates, reason and the
// child's views are the writer's to give afresh, since a new version is a review.
nlohmann::json values_from(const Version& current, Date today);
// A first version: today as its effective date.
nlohmann::json first_values(Date today);

// `child_name`: the name the questions about their views use.
nlohmann::json version_fields(const PlanKind& kind, const nlohmann::json& values,
                              const nlohmann::json& errors, const std::string& child_name,
                              bool naming_area, int longest_review_months);
nlohmann::json sharing_fields(const nlohmann::json& values, const nlohmann::json& errors);

}  // namespace hearth::plans
