#include "intervention/figures_store.hpp"

#include <nlohmann/json.hpp>

#include "intervention/measure_lists.hpp"

namespace hearth::intervention {

namespace {
template <typename T>
std::vector<T> list_of(const std::string& json) {
    std::vector<T> out;
    auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_array()) {
        return out;
    }
    for (const auto& v : j) {
        if constexpr (std::is_same_v<T, std::string>) {
            if (v.is_string()) {
                out.push_back(v.get<std::string>());
            }
        } else if (v.is_number_integer()) {
            out.push_back(v.get<T>());
        }
    }
    return out;
}
}  // namespace

Result<std::vector<RestraintRow>> restraints_in(db::Connection& c,
                                                const std::vector<std::int64_t>& home_ids,
                                                Timestamp from, Timestamp until) {
    std::vector<RestraintRow> out;
    for (auto home : home_ids) {
        for (const auto& kind : measure_kinds()) {
            if (!is_restraint(kind.key)) {
                continue;
            }
            auto rows =
                TRY(c.query("SELECT m.home_id, m.child_id, m.started_at, "
                            "m.duration_minutes, m.used_by, m.injury FROM measures m WHERE "
                            "m.home_id = $1 AND m.kind = $2 AND m.started_at >= $3 AND "
                            "m.started_at < $4",
                            {home, kind.key, format_utc(from), format_utc(until)}));
            for (const auto& r : rows) {
                out.push_back({r.integer(0), r.integer(1),
                               parse_utc(r.text(2)).value_or(Timestamp{}),
                               static_cast<int>(r.integer(3)), list_of<std::int64_t>(r.text(4)),
                               r.boolean(5)});
            }
        }
        // Holds an incident records whose Reg 35 record nobody has written yet.
        auto owed = TRY(c.query(
            "SELECT i.home_id, l.child_id, COALESCE(i.measure_began_at, i.occurred_at) FROM "
            "incidents i JOIN incident_children l ON l.incident_id = i.id WHERE i.home_id = $1 AND "
            "i.restrictive_measure IN ('physical_intervention', 'restriction_of_liberty') AND "
            "COALESCE(i.measure_began_at, i.occurred_at) >= $2 AND "
            "COALESCE(i.measure_began_at, i.occurred_at) < $3 AND NOT EXISTS (SELECT 1 FROM "
            "measures m WHERE m.incident_id = i.id AND m.child_id = l.child_id AND m.kind IN "
            "('physical_intervention', 'restriction_of_liberty'))",
            {home, format_utc(from), format_utc(until)}));
        for (const auto& r : owed) {
            RestraintRow row{r.integer(0), r.integer(1),
                             parse_utc(r.text(2)).value_or(Timestamp{})};
            row.record_owed = true;
            out.push_back(std::move(row));
        }
    }
    return out;
}

Result<std::vector<IncidentRow>> incidents_in(db::Connection& c,
                                              const std::vector<std::int64_t>& home_ids,
                                              Timestamp from, Timestamp until) {
    std::vector<IncidentRow> out;
    for (auto home : home_ids) {
        auto rows =
            TRY(c.query("SELECT i.home_id, i.occurred_at, i.triggers FROM incidents i "
                        "WHERE i.home_id = $1 AND i.occurred_at >= $2 AND i.occurred_at < "
                        "$3",
                        {home, format_utc(from), format_utc(until)}));
        for (const auto& r : rows) {
            out.push_back({r.integer(0), parse_utc(r.text(1)).value_or(Timestamp{}),
                           list_of<std::string>(r.text(2))});
        }
    }
    return out;
}

}  // namespace hearth::intervention
