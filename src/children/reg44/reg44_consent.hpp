#pragma once
// Reg 44 consent: the independent person may read a child's case record only when the child and
// the placing authority both consent (Reg 44(4)(b)). Each is recorded apart, with who gave it and
// when, and only by the home's registered manager (Action::record_reg44_consent); a withdrawal is
// recorded the same way and takes effect from the independent person's next request.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/choice.hpp"
#include "platform/db/database.hpp"

namespace hearth::children {

const std::vector<Choice>& reg44_parties();  // child, placing_authority

struct Reg44Consent {
    std::string party;  // a key of reg44_parties()
    bool consents = false;
    std::string given_by;
    Date given_on{};
    std::string recorded_by;
    Timestamp recorded_at;
};

// What stands now, for each party that has said anything, and every change before, newest first.
struct Reg44Consents {
    std::optional<Reg44Consent> child;
    std::optional<Reg44Consent> placing_authority;
    std::vector<Reg44Consent> history;
    bool both() const {
        return child && child->consents && placing_authority && placing_authority->consents;
    }
};

Result<Reg44Consents> reg44_consents_of(db::Connection& c, std::int64_t child_id);

// Records one party's consent or withdrawal and keeps children.reg44_consent true exactly while
// both stand. The form has checked the day (not before the child's birth, not after today); this
// checks the party and who gave it.
Status record_reg44_consent(db::Connection& c, std::int64_t child_id, const Reg44Consent& consent,
                            const audit::Actor& actor, Timestamp now);

}  // namespace hearth::children
