#pragma once
// What the plan pages and the /api/v1 answers show: view models built from the store's data.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "plans/plan_store.hpp"
#include "plans/word_changes.hpp"

namespace hearth::plans {

std::string plan_href(std::int64_t child_id, std::int64_t plan_id);

// The API's shapes.
nlohmann::json version_json(const Version& v);
nlohmann::json plan_json(const Plan& p, Timestamp now);
nlohmann::json kinds_json(int longest_review_months);

// One piece of a word-level change, as the templates draw it: kept, removed (<del>), added (<ins>)
// or a line break.
nlohmann::json pieces_json(const std::vector<WordChange>& changes);

// What changed from one version to the next: each section whose words changed, and the level and
// dates where they changed. `before` is nullopt for a first version.
nlohmann::json changes_json(const std::optional<Version>& before, const Version& after);

// A version for the page: its sections as paragraphs, its dates, sign-off, views and sharing.
nlohmann::json version_view(const Version& v, Timestamp now);

// The list of a child's plans for the Plans tab: plans and risk assessments apart.
nlohmann::json list_view(const std::vector<Plan>& plans, std::int64_t child_id, Timestamp now);

}  // namespace hearth::plans
