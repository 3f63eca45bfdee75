#pragma once
// A child's family list in the database: added, amended with every version kept, ended. Each
// change is in the audit trail and the child's chronology, in the same transaction.
#include <optional>
#include <vector>

#include "children/family/family_member.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"

namespace hearth::children {

// Every version of an entry, the first included, is kept under this record type by
// amendments::keep_version; amendments::versions_of reads them back.
inline constexpr const char* family_member_record_type = "family_member";

// Everyone on the list, those who still apply first, then in the order they were added.
Result<std::vector<FamilyMember>> family_of(db::Connection& c, std::int64_t child_id);
// One entry of this child's list; nullopt when there is none (or it is another child's).
Result<std::optional<FamilyMember>> find_family_member(db::Connection& c, std::int64_t child_id,
                                                       std::int64_t member_id);
Result<std::int64_t> add_family_member(db::Connection& c, std::int64_t child_id,
                                       const FamilyMemberDetails& d, const audit::Actor& actor,
                                       Timestamp now);
// Refused as a conflict when the entry is no longer at `read_version`.
Status amend_family_member(db::Connection& c, std::int64_t child_id, std::int64_t member_id,
                           int read_version, const FamilyMemberDetails& d,
                           const std::string& reason, const audit::Actor& actor, Timestamp now);
Status end_family_member(db::Connection& c, std::int64_t child_id, std::int64_t member_id,
                         int read_version, const FamilyMemberEnding& ending,
                         const audit::Actor& actor, Timestamp now);

}  // namespace hearth::children
