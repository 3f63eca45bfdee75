#include "behaviour/staff_involvement.hpp"

#include <fmt/format.h>

#include "behaviour/after_incident.hpp"

namespace hearth::behaviour {

Result<std::vector<team::Involvement>> incidents_involving(db::Connection& c,
                                                           std::int64_t person_id,
                                                           std::int64_t home_id,
                                                           std::optional<Timestamp> since,
                                                           std::optional<Timestamp> until) {
    // staff_involved is a JSON list of ids ("[3,5]"): wrapped in commas, one id matches exactly.
    auto rows = TRY(c.query(
        "SELECT i.id, i.occurred_at, i.location, i.restrictive_measure, "
        "(SELECT MIN(ic.child_id) FROM incident_children ic WHERE ic.incident_id = i.id), "
        "(SELECT d.held_at FROM staff_debriefs d WHERE d.incident_id = i.id AND d.person_id = $1 "
        "ORDER BY d.id DESC LIMIT 1), "
        "(SELECT d.wellbeing FROM staff_debriefs d WHERE d.incident_id = i.id AND d.person_id = $1 "
        "ORDER BY d.id DESC LIMIT 1) "
        "FROM incidents i WHERE i.home_id = $2 AND i.occurred_at > $3 AND i.occurred_at <= $5 AND "
        "(',' || substr(i.staff_involved, 2, length(i.staff_involved) - 2) || ',') LIKE $4 "
        "ORDER BY i.occurred_at, i.id",
        {person_id, home_id, since ? format_utc(*since) : std::string(),
         fmt::format("%,{},%", person_id), until ? format_utc(*until) : std::string("9999")}));
    std::vector<team::Involvement> out;
    for (const auto& r : rows) {
        team::Involvement i;
        i.source_type = "incident";
        i.source_id = r.integer(0);
        i.occurred_at = parse_utc(r.text(1)).value_or(Timestamp{});
        i.restraint = r.text(3) != "none";
        const auto debrief =
            r.is_null(5) ? std::string("no debrief or wellbeing check with them is recorded yet")
                         : fmt::format("their debrief and wellbeing check held {}: {}",
                                       format_local(parse_utc(r.text(5)).value_or(Timestamp{})),
                                       label_in(wellbeing_levels(), r.text(6)));
        i.summary = fmt::format("{}, {}. {}; {}.", format_local(i.occurred_at), r.text(2),
                                r.text(3) == "physical_intervention" ? "Someone was held"
                                : i.restraint ? "Someone was kept from going somewhere"
                                              : "Nobody was held or kept",
                                debrief);
        if (!r.is_null(4)) {
            i.href = fmt::format("/children/{}/incidents/{}", r.integer(4), i.source_id);
        }
        out.push_back(std::move(i));
    }
    return out;
}

}  // namespace hearth::behaviour
