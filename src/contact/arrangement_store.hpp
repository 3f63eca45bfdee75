#pragma once
// Contact arrangements and digital contact agreements in the database. Making or ending an
// arrangement writes it, its chronology line and, when the child has a placement plan, a new
// version of that plan whose contact section lists the arrangements then in force, with the
// child's view — unsigned, for the registered manager's usual sign-off, with the plan's review
// clock — all in one transaction. A new digital agreement replaces the last, meeting its review
// clock and starting its own.
#include <optional>
#include <string>
#include <vector>

#include "contact/arrangement.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::contact {

struct Arrangement {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    std::int64_t child_id = 0;
    ArrangementDetails details;
    std::optional<Date> ended_on;
    std::string end_reason;
    std::optional<Timestamp> social_worker_confirmed_at;
    std::string social_worker_confirmed_by;
    Timestamp created_at{};
    std::string created_by;
    int version = 1;
};

// What the arrangement changed in the placement plan: the version written, if the child has one.
struct PlanFollowed {
    std::int64_t arrangement_id = 0;
    std::optional<int> plan_version;
};

Result<PlanFollowed> make_arrangement(db::Connection& c, std::int64_t child_id,
                                      const ArrangementDetails& d, const audit::Actor& actor,
                                      Timestamp now);
// Refused once it has ended.
Result<PlanFollowed> end_arrangement(db::Connection& c, std::int64_t arrangement_id,
                                     const ArrangementEnding& e, const audit::Actor& actor,
                                     Timestamp now);
// The child's own social worker records in Hearth that they agree it; once.
Status confirm_arrangement(db::Connection& c, std::int64_t arrangement_id,
                           const audit::Actor& social_worker, Timestamp now);
Status confirm_restriction(db::Connection& c, std::int64_t restriction_id,
                           const audit::Actor& social_worker, Timestamp now);

Result<std::optional<Arrangement>> find_arrangement(db::Connection& c, std::int64_t id);
// Those in force first, then the ended, newest first.
Result<std::vector<Arrangement>> arrangements_of(db::Connection& c, std::int64_t child_id);

struct DigitalRecord {
    std::int64_t id = 0;
    std::int64_t child_id = 0;
    DigitalAgreement agreement;
    std::optional<Timestamp> replaced_at;
    Timestamp created_at{};
    std::string created_by;
};
Result<std::int64_t> agree_digital_contact(db::Connection& c, std::int64_t child_id,
                                           const DigitalAgreement& a, const audit::Actor& actor,
                                           Timestamp now);
// Newest first: the first is in force.
Result<std::vector<DigitalRecord>> digital_agreements_of(db::Connection& c, std::int64_t child_id);

// For the router: an arrangement is reached under its child. (Its path parameter is named
// {contact_arrangement}: the router resolves parameters in name order, after {child}.)
Status resolve_arrangement_scope(db::Connection& c, std::int64_t id, Scope& scope);

}  // namespace hearth::contact
