#pragma once
// Contact restrictions in the database. Making one writes it, its chronology line, its review
// clock and, when the home imposed it in an emergency, the 24-hour clock to give the placing
// authority full details, in one transaction. Recording that notice meets that clock at the moment
// it was given; recording a review meets the review clock, and either lifts the restriction or
// starts the next review's clock.
#include <optional>
#include <string>
#include <vector>

#include "contact/restriction.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::contact {

struct ReviewRecord {
    Review review;
    Timestamp reviewed_at{};
    std::string reviewed_by;
};

struct Restriction {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    std::int64_t child_id = 0;
    std::string child_name;
    RestrictionDetails details;
    std::string notice_told;
    std::string notice_method;
    std::optional<Timestamp> notice_at;
    std::string notice_by;
    std::optional<Date> lifted_on;
    std::optional<Timestamp> social_worker_confirmed_at;  // their own agreement, in Hearth
    std::string social_worker_confirmed_by;
    Timestamp created_at{};
    std::string created_by;
    std::vector<ReviewRecord> reviews;  // oldest first
};

Result<std::int64_t> restrict_contact(db::Connection& c, std::int64_t child_id,
                                      const RestrictionDetails& d, const audit::Actor& actor,
                                      Timestamp now);
// Refused when no notice is owed, or it was recorded already.
Status record_notice(db::Connection& c, std::int64_t restriction_id, const Notice& n,
                     const audit::Actor& actor, Timestamp now);
// Refused once it was lifted.
Status record_review(db::Connection& c, std::int64_t restriction_id, const Review& r,
                     const audit::Actor& actor, Timestamp now);

Result<std::optional<Restriction>> find_restriction(db::Connection& c, std::int64_t id);
// Every restriction of the child, those in force first, then the newest.
Result<std::vector<Restriction>> restrictions_of(db::Connection& c, std::int64_t child_id);
// The restrictions in force on `day` in any of the homes, the soonest review first: what the
// responsible individual oversees across the provider.
Result<std::vector<Restriction>> restrictions_in_force_in_homes(
    db::Connection& c, const std::vector<std::int64_t>& home_ids, Date day);

Status record_restriction_read(db::Connection& c, const Restriction& r, const audit::Actor& actor,
                               Timestamp now);
// The restrictions in force on `day` for the children living in the home now, the soonest review
// first: what staff on shift must know before a call or a visit (the handover).
Result<std::vector<Restriction>> restrictions_in_force_at_home(db::Connection& c,
                                                               std::int64_t home_id, Date day);
// For the router: a restriction is reached under its child.
Status resolve_restriction_scope(db::Connection& c, std::int64_t id, Scope& scope);

}  // namespace hearth::contact
