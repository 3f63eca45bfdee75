#include "team/rota_store.hpp"

#include <fmt/format.h>

#include "team/staff_record_store.hpp"

namespace hearth::team {

namespace {

// The columns shift_from reads, first, and the tables they come from.
constexpr const char* shift_columns =
    "s.id, s.person_id, COALESCE(p.name, s.agency_worker), s.agency, s.agency_checks, s.kind, "
    "s.role, s.starts_at, s.ends_at, s.planned, s.outcome, s.worked_starts_at, s.worked_ends_at, "
    "s.outcome_note ";
constexpr const char* shift_tables = "FROM shifts s LEFT JOIN people p ON p.id = s.person_id ";

std::optional<Timestamp> optional_time(const db::Row& r, int column) {
    return r.is_null(column) ? std::nullopt : parse_utc(r.text(column));
}

Shift shift_from(const db::Row& r) {
    Shift s;
    s.id = r.integer(0);
    s.person_id = r.optional_integer(1);
    s.name = r.text(2);
    s.agency = r.text(3);
    s.agency_checks = r.text(4);
    s.kind = r.text(5);
    s.role = r.text(6);
    s.starts_at = parse_utc(r.text(7)).value_or(Timestamp{});
    s.ends_at = parse_utc(r.text(8)).value_or(Timestamp{});
    s.planned = r.integer(9) != 0;
    if (!r.is_null(10)) {
        s.outcome = r.text(10);
    }
    s.worked_starts_at = optional_time(r, 11);
    s.worked_ends_at = optional_time(r, 12);
    s.outcome_note = r.text(13);
    return s;
}

}  // namespace

Result<std::vector<RotaPerson>> rota_people(db::Connection& c, std::int64_t home_id) {
    std::vector<RotaPerson> out;
    for (const auto& m : TRY(team_of_home(c, home_id))) {
        const bool complete = m.missing.empty();
        out.push_back({m.person_id, m.name, complete,
                       !complete && !m.awaiting_checks ? m.checks_by : std::nullopt});
    }
    return out;
}

Result<std::int64_t> add_shift(db::Connection& c, std::int64_t home_id, const ShiftInput& in,
                               const audit::Actor& actor, Timestamp now) {
    // Put on before the day it starts, it is the plan; on the day, a change to it.
    const bool planned = now < from_local(local_date_of(in.starts_at), 0, 0).value_or(in.starts_at);
    const auto id = TRY(c.insert(
        "INSERT INTO shifts (home_id, person_id, agency_worker, agency, agency_checks, kind, role, "
        "starts_at, ends_at, planned, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
        "$8, $9, $10, $11, $12) RETURNING id",
        {home_id, db::nullable(in.person_id), in.agency_worker, in.agency, in.agency_checks,
         in.kind, in.role, format_utc(in.starts_at), format_utc(in.ends_at),
         std::int64_t{planned ? 1 : 0}, *actor.person_id, format_utc(now)}));
    TRY(audit::append(c, actor,
                      {"create", "shift", std::to_string(id), home_id, std::nullopt,
                       fmt::format("{} {} from {}{}", in.kind, in.role, format_utc(in.starts_at),
                                   in.person_id ? "" : ", agency: " + in.agency)},
                      now));
    return id;
}

Result<std::optional<Shift>> find_shift(db::Connection& c, std::int64_t home_id,
                                        std::int64_t shift_id) {
    auto row = TRY(c.query_one(std::string("SELECT ") + shift_columns + shift_tables +
                                   "WHERE s.id = $1 AND s.home_id = $2",
                               {shift_id, home_id}));
    if (!row) {
        return std::optional<Shift>{};
    }
    return std::optional<Shift>{shift_from(*row)};
}

Status record_outcome(db::Connection& c, std::int64_t home_id, std::int64_t shift_id,
                      const OutcomeInput& in, const audit::Actor& actor, Timestamp now) {
    // The update is the claim: of two answers at once, one is recorded.
    const auto changed = TRY(c.execute(
        "UPDATE shifts SET outcome = $1, worked_starts_at = $2, worked_ends_at = $3, "
        "outcome_note = $4, outcome_by = $5, outcome_at = $6 WHERE id = $7 AND home_id = $8 AND "
        "outcome IS NULL",
        {in.outcome,
         in.worked_starts_at ? db::Value(format_utc(*in.worked_starts_at)) : db::Value(),
         in.worked_ends_at ? db::Value(format_utc(*in.worked_ends_at)) : db::Value(), in.note,
         *actor.person_id, format_utc(now), shift_id, home_id}));
    if (changed == 0) {
        if (!TRY(find_shift(c, home_id, shift_id))) {
            return Error::not_found("There is no such shift on this home's rota");
        }
        return Error::conflict("What happened on this shift is recorded already");
    }
    return audit::append(c, actor,
                         {"amend", "shift", std::to_string(shift_id), home_id, std::nullopt,
                          "outcome: " + in.outcome},
                         now);
}

Result<std::vector<Shift>> shifts_between(db::Connection& c, std::int64_t home_id, Timestamp from,
                                          Timestamp to) {
    std::vector<Shift> out;
    for (const auto& r : TRY(c.query(std::string("SELECT ") + shift_columns + shift_tables +
                                         "WHERE s.home_id = $1 AND s.starts_at >= $2 AND "
                                         "s.starts_at < $3 ORDER BY s.starts_at, s.id",
                                     {home_id, format_utc(from), format_utc(to)}))) {
        out.push_back(shift_from(r));
    }
    return out;
}

Result<std::vector<Shift>> on_shift_now(db::Connection& c, std::int64_t home_id, Timestamp at) {
    // No shift is longer than a day: those that can be under way began within the last one.
    std::vector<Shift> out;
    for (auto& s :
         TRY(shifts_between(c, home_id, at - std::chrono::hours{26}, at + std::chrono::hours{2}))) {
        if (on_shift_at(s, at)) {
            out.push_back(std::move(s));
        }
    }
    return out;
}

Result<StaffingLevels> staffing_of(db::Connection& c, std::int64_t home_id) {
    StaffingLevels out;
    for (const auto& r :
         TRY(c.query("SELECT kind, staff FROM staffing_levels WHERE home_id = $1", {home_id}))) {
        out[r.text(0)] = static_cast<int>(r.integer(1));
    }
    return out;
}

Status set_staffing(db::Connection& c, std::int64_t home_id, const StaffingLevels& levels,
                    const audit::Actor& actor, Timestamp now) {
    const auto was = TRY(staffing_of(c, home_id));
    std::string detail;
    for (const auto& [kind, staff] : levels) {
        auto before = was.find(kind);
        if (before != was.end() && before->second == staff) {
            continue;
        }
        if (before == was.end() && staff == 0) {
            continue;
        }
        if (TRY(c.execute(
                "UPDATE staffing_levels SET staff = $1, set_by = $2, set_at = $3 WHERE "
                "home_id = $4 AND kind = $5",
                {std::int64_t{staff}, *actor.person_id, format_utc(now), home_id, kind})) == 0) {
            TRY(
                c.run("INSERT INTO staffing_levels (home_id, kind, staff, set_by, set_at) VALUES "
                      "($1, $2, $3, $4, $5)",
                      {home_id, kind, std::int64_t{staff}, *actor.person_id, format_utc(now)}));
        }
        detail += fmt::format("{}{}: {}", detail.empty() ? "" : ", ", kind, staff);
    }
    if (detail.empty()) {
        return Error::invalid(shift_kinds().front().key,
                              "Nothing was changed: give a kind of shift another number");
    }
    return audit::append(
        c, actor,
        {"amend", "staffing_levels", std::to_string(home_id), home_id, std::nullopt, detail}, now);
}

Result<std::vector<OwnShift>> own_shifts(db::Connection& c, std::int64_t person_id,
                                         Timestamp from) {
    std::vector<OwnShift> out;
    for (const auto& r : TRY(c.query(std::string("SELECT ") + shift_columns +
                                         ", s.home_id, h.name " + shift_tables +
                                         "JOIN homes h ON h.id = s.home_id WHERE s.person_id = $1 "
                                         "AND s.ends_at >= $2 ORDER BY s.starts_at, s.id",
                                     {person_id, format_utc(from)}))) {
        out.push_back({shift_from(r), r.integer(14), r.text(15)});
    }
    return out;
}

}  // namespace hearth::team
