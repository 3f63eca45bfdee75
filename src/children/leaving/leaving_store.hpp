#pragma once
// A child leaving, and the home's register of children (Schedule 4), in the database.
#include <optional>
#include <vector>

#include "children/leaving/leaving.hpp"
#include "children/child_steps.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::children {

struct LeavingRecord {
    Leaving leaving;
    std::string recorded_at;
    std::string recorded_by;
};

Result<std::optional<LeavingRecord>> leaving_of(db::Connection& c, std::int64_t child_id);

// Records that the child left: the leaving, a new version of their record with the address on
// leaving, the end of their key workers' spells, the chronology and the audit trail, in one
// transaction, with what other capabilities end when a child leaves. A child who has already left
// is a conflict.
Result<std::int64_t> record_leaving(db::Connection& c, std::int64_t child_id, const Leaving& l,
                                    const WhenLeaving& when_leaving, const audit::Actor& actor,
                                    Timestamp now);

struct RegisterPage {
    std::vector<RegisterEntry> entries;
    std::optional<RegisterCursor> next;  // set when there are older admissions
};
// Every child the home admitted, leavers included, newest admission first.
Result<RegisterPage> register_of(db::Connection& c, std::int64_t home_id,
                                 const std::optional<RegisterCursor>& after, int limit);

}  // namespace hearth::children
