#pragma once
// Managed interactions in the database. Agreeing one writes it, a line in each child's chronology
// (neither naming the other: each child's record is about them) and its review clock, in one
// transaction; recording the review meets that clock, and either ends it or starts the next.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"
#include "relationships/managed_interaction.hpp"

namespace hearth::relationships {

struct InteractionReviewRecord {
    InteractionReview review;
    Timestamp reviewed_at{};
    std::string reviewed_by;
};

struct ManagedInteraction {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    std::int64_t child_id = 0;
    std::string child_name;
    std::string other_child_name;
    InteractionDetails details;
    std::optional<Date> ended_on;
    Timestamp created_at{};
    std::string created_by;
    std::vector<InteractionReviewRecord> reviews;  // oldest first
};

Result<std::int64_t> agree_interaction(db::Connection& c, std::int64_t child_id,
                                       const InteractionDetails& d, const audit::Actor& actor,
                                       Timestamp now);
// Refused once it has ended.
Status review_interaction(db::Connection& c, std::int64_t id, const InteractionReview& r,
                          const audit::Actor& actor, Timestamp now);

Result<std::optional<ManagedInteraction>> find_interaction(db::Connection& c, std::int64_t id);
// Every managed interaction the child is part of (on either side), those in force first.
Result<std::vector<ManagedInteraction>> interactions_of(db::Connection& c, std::int64_t child_id);
// Those in force on `day` for the children living in the home now, the soonest review first: what
// staff on shift must know (the handover).
Result<std::vector<ManagedInteraction>> interactions_in_force_at_home(db::Connection& c,
                                                                      std::int64_t home_id,
                                                                      Date day);

// Reading one is reading each child's record it names that the reader may read.
Status record_interaction_read(db::Connection& c, const ManagedInteraction& m, const Reader& reader,
                               const audit::Actor& actor, Timestamp now);
// For the router: reached under either of its children.
Status resolve_interaction_scope(db::Connection& c, std::int64_t id, Scope& scope);

}  // namespace hearth::relationships
