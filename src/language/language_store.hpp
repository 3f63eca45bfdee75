#pragma once
// An organisation's changes to its list in the database. Nothing is updated or deleted: each
// change is a new row with who, when and why, in the same transaction as its audit entry.
#include <cstdint>
#include <string>
#include <vector>

#include "language/organisation_list.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::language {

Result<std::vector<Change>> changes_of(db::Connection& c, std::int64_t organisation_id);

// The defaults with the organisation's changes: what its pages show and its checks use.
Result<std::vector<OrganisationPhrase>> organisation_list(db::Connection& c,
                                                          std::int64_t organisation_id);

// Each refuses a change to a phrase that is no longer at `read_version` (someone else changed it
// first) with a conflict, and a change that changes nothing as invalid input.
Result<std::int64_t> add_phrase(db::Connection& c, std::int64_t organisation_id, const Phrase& p,
                                const std::string& reason, const audit::Actor& actor,
                                Timestamp now);
Status amend_phrase(db::Connection& c, std::int64_t organisation_id, std::int64_t phrase_id,
                    int read_version, const Phrase& p, const std::string& reason,
                    const audit::Actor& actor, Timestamp now);
// Retire (or restore) a phrase for the organisation: it is no longer (or again) flagged.
Status set_retired(db::Connection& c, std::int64_t organisation_id, std::int64_t phrase_id,
                   int read_version, bool retired, const std::string& reason,
                   const audit::Actor& actor, Timestamp now);

}  // namespace hearth::language
