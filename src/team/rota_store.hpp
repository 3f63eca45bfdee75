#pragma once
// The rota in the database: shifts put on it (planned before they start, a change once they have
// begun), what happened on each (recorded once), the staffing the statement of purpose promises,
// and who is on shift now. Every write is audited.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"
#include "team/rota.hpp"

namespace hearth::team {

// Everyone with a role with children at the home now, and whether their checks allow them on it.
Result<std::vector<RotaPerson>> rota_people(db::Connection& c, std::int64_t home_id);

Result<std::int64_t> add_shift(db::Connection& c, std::int64_t home_id, const ShiftInput& in,
                               const audit::Actor& actor, Timestamp now);
// Once: a second answer is a conflict. Not found unless the shift is the home's.
Status record_outcome(db::Connection& c, std::int64_t home_id, std::int64_t shift_id,
                      const OutcomeInput& in, const audit::Actor& actor, Timestamp now);
Result<std::optional<Shift>> find_shift(db::Connection& c, std::int64_t home_id,
                                        std::int64_t shift_id);

// Shifts beginning in [from, to), by start.
Result<std::vector<Shift>> shifts_between(db::Connection& c, std::int64_t home_id, Timestamp from,
                                          Timestamp to);
// Who is there at `at`: the shifts under way, by start.
Result<std::vector<Shift>> on_shift_now(db::Connection& c, std::int64_t home_id, Timestamp at);

Result<StaffingLevels> staffing_of(db::Connection& c, std::int64_t home_id);
Status set_staffing(db::Connection& c, std::int64_t home_id, const StaffingLevels& levels,
                    const audit::Actor& actor, Timestamp now);

// A person's own shifts at every home, from `from`, with each home's name.
struct OwnShift {
    Shift shift;
    std::int64_t home_id = 0;
    std::string home_name;
};
Result<std::vector<OwnShift>> own_shifts(db::Connection& c, std::int64_t person_id, Timestamp from);
}  // namespace hearth::team
