#pragma once
// The ledger of a child's money and valuables in the database. Entries are only ever added, each
// with its chronology entry and audit entry in the same transaction.
#include <vector>

#include "children/valuables/valuables.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::children {

// Oldest first, as a ledger reads.
Result<std::vector<LedgerEntry>> ledger_of(db::Connection& c, std::int64_t child_id);

Result<std::int64_t> record_deposit(db::Connection& c, std::int64_t child_id, const Deposit& d,
                                    const audit::Actor& actor, Timestamp now);
// Refused, naming the field, when the home does not hold what it would give back.
Result<std::int64_t> record_return(db::Connection& c, std::int64_t child_id, const Return& r,
                                   const audit::Actor& actor, Timestamp now);

}  // namespace hearth::children
