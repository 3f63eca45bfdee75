#pragma once
#include "platform/http/router.hpp"
#include "relationships/child_risk_assessments.hpp"

namespace hearth::relationships {

// A child's friendships: recording one from their Relationships tab, its page with each look at
// it, and looking at it again; and the same through the API.
void add_friendship_routes(http::Router& router, const ChildRiskAssessments& risks);

}  // namespace hearth::relationships
