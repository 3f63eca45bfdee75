#pragma once
// What other capabilities end when a child leaves the home, in the transaction that records the
// leaving: the plans capability closes the review clocks of their plans, which are reviewed where
// the child lives now. Legal clocks (a Reg 35 record, a Reg 40 notification) run on.
#include <cstdint>
#include <functional>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::children {

using LeavingStep = std::function<Status(db::Connection&, std::int64_t child_id,
                                         const audit::Actor& actor, Timestamp now)>;

class WhenLeaving {
  public:
    void add(LeavingStep step) { steps_.push_back(std::move(step)); }
    const std::vector<LeavingStep>& all() const { return steps_; }

  private:
    std::vector<LeavingStep> steps_;
};

}  // namespace hearth::children
