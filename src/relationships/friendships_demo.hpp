#pragma once
#include "platform/demo_world.hpp"
#include "relationships/child_risk_assessments.hpp"

namespace hearth::relationships {

// The demo's friendships: good ones inside and outside the home, one looked at again, and, for
// each child whose exploitation risk assessment says so, older people outside the home who
// exploit them, limited, resting on that assessment. After the plans' demo part, which writes the
// risk assessments.
Status add_friendships_demo(db::Connection& c, const demo::DemoWorld& world,
                            const ChildRiskAssessments& risks, Timestamp now);

}  // namespace hearth::relationships
