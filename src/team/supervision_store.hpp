#pragma once
// Supervision in the database: each person's arrangement (who supervises them and how often), the
// clock to their next supervision (kind "supervision_due", owned by their supervisor, met only when
// both have signed the one held), the supervisions themselves with the incidents Hearth listed for
// them, and each action agreed as a clock of its own (kind "supervision_action", owned by whoever
// does it). Every read and write is audited, as a staff record's is.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "deadlines/deadline.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"
#include "platform/in_order.hpp"
#include "team/supervision.hpp"

namespace hearth::team {

inline constexpr const char* supervision_due_clock = "supervision_due";
inline constexpr const char* supervision_action_clock = "supervision_action";
inline constexpr const char* supervision_type = "supervision";

// An incident a member of staff was part of, as another capability lists it for their supervision
// (behaviour: the incidents naming them among the staff involved, a hold or restriction first, with
// their debrief and wellbeing check).
struct Involvement {
    std::string source_type;
    std::int64_t source_id = 0;
    Timestamp occurred_at{};
    std::string summary;  // no child named: the page links to the record, which decides that
    bool restraint = false;
    std::string href;
};
struct InvolvementSource {
    int position = 100;
    // Those in (since, until]; either open.
    std::function<Result<std::vector<Involvement>>(
        db::Connection&, std::int64_t person_id, std::int64_t home_id,
        std::optional<Timestamp> since, std::optional<Timestamp> until)>
        list;
};
using StaffInvolvements = InOrder<InvolvementSource>;

struct Arrangement {
    std::optional<std::int64_t> supervisor_id;  // none: a registered manager with nobody named
    std::string supervisor_name;
    int every_days = 30;
    bool named = false;       // set for them, not the home's registered manager by default
    bool own_rhythm = false;  // their own, not their role's setting
};
Result<Arrangement> arrangement_of(db::Connection& c, std::int64_t person_id, std::int64_t home_id);
// Who may supervise them: the home's registered manager and deputies, and the responsible
// individual, but not themselves.
Result<std::vector<std::pair<std::int64_t, std::string>>> supervisor_choices(db::Connection& c,
                                                                             std::int64_t person_id,
                                                                             std::int64_t home_id);
// The clock to the next supervision moves to the new supervisor, its day from the new rhythm.
Status set_arrangement(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                       const ArrangementInput& in, const audit::Actor& actor, Timestamp now);
// The clock to their next supervision, while it runs.
Result<std::optional<deadlines::Deadline>> next_supervision_clock(db::Connection& c,
                                                                  std::int64_t person_id,
                                                                  std::int64_t home_id);
// The clock to their first supervision, from the day they started: unless one runs already or
// nobody supervises them yet.
Status start_first_supervision_clock(db::Connection& c, std::int64_t person_id,
                                     std::int64_t home_id, Date started_on,
                                     const audit::Actor& actor, Timestamp now);

struct SupervisionRecord {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    std::string person_name;
    std::int64_t home_id = 0;
    std::int64_t supervisor_id = 0;
    std::string supervisor_name;
    Date held_on{};
    std::map<std::string, std::string> discussed;
    std::vector<std::string> confidential;
    std::optional<Timestamp> supervisor_signed_at;
    std::optional<Timestamp> person_signed_at;
    std::vector<Involvement> incidents;
    struct Action {
        std::int64_t id = 0;
        std::string what;
        std::int64_t owner_id = 0;
        std::string owner_name;
        Date due_on{};
    };
    std::vector<Action> actions;
    Timestamp created_at{};
};

// What Hearth lists for their next supervision: every incident since their last one was written
// (or ever), to the end of the day `held_on` when it is known, a hold first.
Result<std::vector<Involvement>> since_last_supervision(db::Connection& c,
                                                        const StaffInvolvements& sources,
                                                        std::int64_t person_id,
                                                        std::int64_t home_id,
                                                        std::optional<Date> held_on);
Result<std::optional<Date>> last_held(db::Connection& c, std::int64_t person_id,
                                      std::int64_t home_id);

// Written by the supervisor who held it (the actor), with the incidents listed now; each action
// starts its clock.
Result<std::int64_t> record_supervision(db::Connection& c, std::int64_t person_id,
                                        std::int64_t home_id, const SupervisionInput& in,
                                        const std::vector<Involvement>& incidents,
                                        const audit::Actor& actor, Timestamp now);
// One side's signature. When both have signed, the clock to this supervision is met at this moment
// and the next one starts.
Status sign_supervision(db::Connection& c, std::int64_t supervision_id, std::int64_t person_id,
                        std::int64_t home_id, const audit::Actor& actor, Timestamp now);

// Newest first. Audited as a read of their supervisions.
Result<std::vector<SupervisionRecord>> supervisions_of(db::Connection& c, std::int64_t person_id,
                                                       std::int64_t home_id,
                                                       const audit::Actor& reader, Timestamp now);
// Not found unless it is about `person_id` at `home_id`. Audited.
Result<SupervisionRecord> read_supervision_record(db::Connection& c, std::int64_t supervision_id,
                                                  std::int64_t person_id, std::int64_t home_id,
                                                  const audit::Actor& reader, Timestamp now);

// For the router: who supervises the member of staff of the path (Scope::staff_supervisor_id).
Status resolve_supervisor(db::Connection& c, std::int64_t person_id, Scope& scope);
// For the router: who held the supervision of the path (Scope::supervision_held_by); not found
// unless it is about the member of staff of the path at the home of the path.
Status resolve_supervision(db::Connection& c, std::int64_t supervision_id, Scope& scope);

}  // namespace hearth::team
