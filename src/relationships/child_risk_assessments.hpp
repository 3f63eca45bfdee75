#pragma once
// The child's risk assessments as the relationships capability needs them: to choose the one a
// worrying friendship rests on, and to show the limits on friendships that a harmful sexual
// behaviour risk assessment sets. The plans capability fills it in (it owns them); relationships
// knows nothing of how plans are kept.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace hearth::relationships {

struct RiskAssessmentSeen {
    std::int64_t id = 0;
    std::string kind;   // its plan kind: risk_exploitation, risk_harmful_sexual_behaviour, ...
    std::string title;  // "Exploitation risk assessment"
    std::string href;
    std::string what_reduces;  // what staff and the child do to keep the risk down
};

struct ChildRiskAssessments {
    std::function<Result<std::vector<RiskAssessmentSeen>>(db::Connection&, std::int64_t child_id)>
        of_child;

    // None when no capability provides them.
    Result<std::vector<RiskAssessmentSeen>> of(db::Connection& c, std::int64_t child_id) const {
        if (!of_child) {
            return std::vector<RiskAssessmentSeen>{};
        }
        return of_child(c, child_id);
    }
};

// The kind whose "what reduces the risk" limits a child's friendships.
inline constexpr const char* harmful_sexual_behaviour_kind = "risk_harmful_sexual_behaviour";

}  // namespace hearth::relationships
