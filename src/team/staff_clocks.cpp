#include "team/staff_clocks.hpp"

#include <fmt/format.h>

#include "deadlines/deadline_store.hpp"

namespace hearth::team {

Status start_staff_clock(db::Connection& c, std::int64_t home_id, std::int64_t person_id,
                         const StaffClock& clock, const audit::Actor& actor, Timestamp now) {
    deadlines::NewDeadline d;
    d.home_id = home_id;
    d.kind = clock.kind;
    d.title = clock.title;
    d.source_type = clock.source_type;
    d.source_id = clock.source_id;
    d.link = fmt::format("/homes/{}/team/{}", home_id, person_id);
    d.started_at = now;
    d.due_at = clock.due_at;
    TRY(deadlines::start(c, d, actor, now));
    return {};
}

Result<std::string> staff_name(db::Connection& c, std::int64_t person_id) {
    auto row = TRY(c.query_one("SELECT name FROM people WHERE id = $1", {person_id}));
    return row ? row->text(0) : std::string("A member of staff");
}

}  // namespace hearth::team
