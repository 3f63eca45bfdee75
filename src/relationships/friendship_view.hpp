#pragma once
// One view of a friendship, decided here from its reader: its page, its JSON, the child's
// Relationships tab, the API and the child's export are rendered from it. A friend who lives in
// the home is named only to a reader who may read about them; to anyone else, and in the child's
// own record (their export), they are "another young person". A friend outside the home is part
// of the child's own record.
#include <nlohmann/json.hpp>

#include "children/export/export_sections.hpp"
#include "relationships/child_risk_assessments.hpp"
#include "relationships/friendship_store.hpp"

namespace hearth::relationships {

// `reader` null: the child's own record.
nlohmann::json friendship_view(const Friendship& f, const Reader* reader,
                               const std::vector<RiskAssessmentSeen>& risks);

// The limits on friendships that the child's harmful sexual behaviour risk assessment sets, or
// null when they have none.
nlohmann::json friendship_limits(const std::vector<RiskAssessmentSeen>& risks);

children::ExportSection friendships_export_section(const ChildRiskAssessments& risks);

}  // namespace hearth::relationships
