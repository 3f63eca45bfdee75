#pragma once
// What other capabilities do when a child's placement changes, in the transaction that records
// the change: a child admitted, their case record amended, their leaving. The children capability
// runs the steps and knows nothing of who added them: the plans capability closes the review
// clocks of a leaver's plans; the notifications capability owes the home's local authority a
// notice of each admission and leaving (Reg 41), and follows an amended record. Legal clocks
// already running (a Reg 35 record, a Reg 40 notification) run on after a child leaves.
#include <cstdint>
#include <functional>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::children {

using ChildStep = std::function<Status(db::Connection&, std::int64_t child_id,
                                       const audit::Actor& actor, Timestamp now)>;

// One list of steps per occasion; `Occasion` only makes each its own extension point.
template <typename Occasion>
class ChildSteps {
  public:
    void add(ChildStep step) { steps_.push_back(std::move(step)); }

    Status run(db::Connection& c, std::int64_t child_id, const audit::Actor& actor,
               Timestamp now) const {
        for (const auto& step : steps_) {
            TRY(step(c, child_id, actor, now));
        }
        return {};
    }

  private:
    std::vector<ChildStep> steps_;
};

using WhenAdmitted = ChildSteps<struct AdmittedOccasion>;
using WhenAmended = ChildSteps<struct AmendedOccasion>;
using WhenLeaving = ChildSteps<struct LeavingOccasion>;

// The three together, for the routes and the demo that record each occasion; the registry's points
// they refer to outlive both.
struct PlacementSteps {
    const WhenAdmitted& admitted;
    const WhenAmended& amended;
    const WhenLeaving& leaving;
};

}  // namespace hearth::children
