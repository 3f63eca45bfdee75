#pragma once
// Deadlines in the database: the one service every capability uses to start a clock and to say
// what met it. Every start, meeting, closing and escalation is in the audit trail.
#include <optional>
#include <string>
#include <vector>

#include "deadlines/deadline.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::deadlines {

Result<std::int64_t> start(db::Connection& c, const NewDeadline& d, const audit::Actor& actor,
                           Timestamp now);

// The record that a clock waits for was made: meets every open clock of `kind` started by the
// source record. Returns how many were met.
Result<int> meet(db::Connection& c, const std::string& source_type, std::int64_t source_id,
                 const std::string& kind, const audit::Actor& actor, Timestamp at,
                 const std::string& note);

// A person says a clock was met (a review held away from Hearth), naming the version they read.
Status meet_by_hand(db::Connection& c, std::int64_t deadline_id, int read_version,
                    const audit::Actor& actor, Timestamp at, const std::string& note);

// The event a clock runs from was corrected (the measure began at another time): its open and met
// clocks of `kind` started by the source record run from `started_at` to `due_at`, and the trail
// says from when to when and why. A met clock keeps when it was met, so whether it was met in time
// is read against the corrected time. Returns how many moved.
Result<int> move(db::Connection& c, const std::string& source_type, std::int64_t source_id,
                 const std::string& kind, Timestamp started_at, Timestamp due_at,
                 const std::string& reason, const audit::Actor& actor, Timestamp at);

// Clocks that no longer apply (the plan they were about was replaced) stop without being met.
Result<int> close(db::Connection& c, const std::string& source_type, std::int64_t source_id,
                  const std::string& kind, const std::string& reason, const audit::Actor& actor,
                  Timestamp at);

// One clock, when a source's clocks of a kind are not one (a person's next supervision at each of
// their homes): met by the act it waited for, or stopped without being met. Nothing when it is not
// open.
Status meet_clock(db::Connection& c, std::int64_t deadline_id, const audit::Actor& actor,
                  Timestamp at, const std::string& note);
Status close_clock(db::Connection& c, std::int64_t deadline_id, const std::string& reason,
                   const audit::Actor& actor, Timestamp at);

// Every open clock of `kind` about a child stops: when they leave, their plans' reviews no longer
// fall to this home. Clocks the law keeps running after a child leaves are never closed this way.
Result<int> close_for_child(db::Connection& c, std::int64_t child_id, const std::string& kind,
                            const std::string& reason, const audit::Actor& actor, Timestamp at);

Result<std::optional<Deadline>> find(db::Connection& c, std::int64_t deadline_id);
// Open clocks of the homes, soonest first.
Result<std::vector<Deadline>> open_in_homes(db::Connection& c,
                                            const std::vector<std::int64_t>& home_ids, int limit);
// Clocks of the homes met or closed at or after `since`, newest first: the evidence.
Result<std::vector<Deadline>> settled_in_homes(db::Connection& c,
                                               const std::vector<std::int64_t>& home_ids,
                                               Timestamp since, int limit);
// Every clock about one child, open first, then the latest settled.
Result<std::vector<Deadline>> for_child(db::Connection& c, std::int64_t child_id, int limit);
// The clocks a record started: what a page about that record shows beside it.
Result<std::vector<Deadline>> for_source(db::Connection& c, const std::string& source_type,
                                         std::int64_t source_id);

// Marks every open clock past its time as escalated to the home's registered manager, once, and
// records each escalation in the audit trail. Any instance may run it: the update is the claim.
Result<int> escalate_overdue(db::Connection& c, Timestamp now);

Status resolve_scope(db::Connection& c, std::int64_t deadline_id, Scope& scope);

}  // namespace hearth::deadlines
