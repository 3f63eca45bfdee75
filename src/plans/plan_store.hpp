#pragma once
// Plans in the database. Nothing here overwrites: a change is a new version beside the old, and
// the one later write to a version is its sign-off, made once. Every write is audited in its own
// transaction, with its chronology entry and its review clock.
#include <optional>
#include <string>
#include <vector>

#include "plans/plan.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::plans {

// The child a plan is about, as the router resolved them.
struct Subject {
    std::int64_t child_id = 0;
    std::int64_t home_id = 0;
    std::string child_name;
};

struct Sharing {
    std::string with;   // a key of recipients(), or "other" for someone named
    std::string named;  // who, for "other"
    Date shared_on{};
    std::string recorded_by;
};

struct Version {
    std::int64_t id = 0;
    int number = 0;
    std::vector<SectionText> sections;
    std::string risk_level;
    Date effective_on{};
    Date review_by{};
    std::string reason;
    std::string child_views;
    std::string views_not_asked;
    std::int64_t author_id = 0;
    std::string author_name;
    Timestamp written_at{};
    std::optional<Timestamp> signed_at;
    std::string signed_by_name;
    std::vector<Sharing> sharing;  // filled only where a page shows it
};

struct Plan {
    std::int64_t id = 0;
    std::int64_t child_id = 0;
    std::int64_t home_id = 0;
    std::string kind;
    std::string area_name;
    Timestamp created_at{};
    Version current;                 // the latest version: what staff follow now
    std::optional<int> last_signed;  // the latest signed version, when there is one
};

// A child's plans with their current versions, in the order of plan_kinds(). One plan of each
// kind per child (areas of "another area" apart), so the list is as short as the kinds.
Result<std::vector<Plan>> for_child(db::Connection& c, std::int64_t child_id);
Result<std::optional<Plan>> find(db::Connection& c, std::int64_t plan_id);
// Versions newest first, from `from` (the newest when not given) down, at most `limit`.
Result<std::vector<Version>> versions(db::Connection& c, std::int64_t plan_id,
                                      std::optional<int> from, int limit);
Result<std::optional<Version>> version(db::Connection& c, std::int64_t plan_id, int number);
// Who each version was shared with, oldest first.
Status load_sharing(db::Connection& c, std::vector<Version>& versions);

// Starts a plan with its first version. Refused with a conflict when the child already has a plan
// of that kind (and area).
Result<std::int64_t> start(db::Connection& c, const Subject& child, const PlanKind& kind,
                           const std::string& area_name, const VersionInput& v,
                           const audit::Actor& actor, Timestamp now);
// A new version, from the version the writer read; refused with a conflict when it is no longer
// the current one. Meets the open review clock and starts the next.
Result<int> add_version(db::Connection& c, const Subject& child, std::int64_t plan_id,
                        int read_version, const VersionInput& v, const audit::Actor& actor,
                        Timestamp now);
// The registered manager's sign-off of the current version, named by its number. Refused with a
// conflict when it is signed already or is no longer current.
Status sign_off(db::Connection& c, const Subject& child, std::int64_t plan_id, int version,
                const audit::Actor& actor, Timestamp now);
Status record_sharing(db::Connection& c, std::int64_t plan_id, const SharingInput& s,
                      const audit::Actor& actor, Timestamp now);

// Reading a child's plans is reading their record: recorded like one. `what` is "plans" for the
// list, or the plan's id.
Status record_read(db::Connection& c, const Subject& child, const std::string& record_type,
                   const std::string& record_id, const audit::Actor& actor, Timestamp now);

// For the router: a plan is found only under its own child (the {child} of the same path).
Status resolve_scope(db::Connection& c, std::int64_t plan_id, Scope& scope);

// A child who has left has their plans reviewed where they live now: their review clocks close
// (a step of children::WhenLeaving).
Status end_reviews_on_leaving(db::Connection& c, std::int64_t child_id, const audit::Actor& actor,
                              Timestamp now);

}  // namespace hearth::plans
