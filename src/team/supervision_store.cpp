#include "team/supervision_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "deadlines/deadline_store.hpp"
#include "organisation/settings.hpp"
#include "team/staff_clocks.hpp"

namespace hearth::team {

namespace {

// The clock to a person's next supervision is started by them: its source is their person row.
constexpr const char* schedule_source = "staff_supervision";

std::string supervision_path(std::int64_t home_id, std::int64_t person_id) {
    return fmt::format("/homes/{}/team/{}/supervision", home_id, person_id);
}

Result<std::optional<Role>> care_role_of(db::Connection& c, std::int64_t person_id,
                                         std::int64_t home_id) {
    std::optional<Role> found;
    for (const auto& r : TRY(c.query("SELECT role FROM roles WHERE person_id = $1 AND home_id = $2 "
                                     "AND ended_at IS NULL",
                                     {person_id, home_id}))) {
        const auto role = role_from_key(r.text(0));
        // A registered manager who is also on the rota is supervised as the manager.
        if (role == Role::registered_manager ||
            (role == Role::deputy && found != Role::registered_manager) ||
            (role == Role::support_worker && !found)) {
            found = role;
        }
    }
    return found;
}

Status start_schedule_clock(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                            const Arrangement& a, Timestamp due_at, const audit::Actor& actor,
                            Timestamp now) {
    if (!a.supervisor_id) {
        return {};
    }
    deadlines::NewDeadline d;
    d.home_id = home_id;
    d.kind = supervision_due_clock;
    d.title = fmt::format("Supervision of {}", TRY(staff_name(c, person_id)));
    d.source_type = schedule_source;
    d.source_id = person_id;
    d.link = supervision_path(home_id, person_id);
    d.owner_id = a.supervisor_id;
    d.started_at = now;
    d.due_at = due_at;
    TRY(deadlines::start(c, d, actor, now));
    return {};
}

// Someone who started long before their record was written here is due a rhythm from now.
Date due_from(Date started_on, Date today, int every_days) {
    return started_on < today
               ? std::max(started_on,
                          Date{std::chrono::sys_days{today} - std::chrono::days{every_days}})
               : started_on;
}

std::optional<Timestamp> optional_time(const db::Row& r, int column) {
    return r.is_null(column) ? std::nullopt : parse_utc(r.text(column));
}

constexpr const char* record_columns =
    "s.id, s.person_id, p.name, s.home_id, s.supervisor_id, v.name, s.held_on, s.children, "
    "s.incidents, s.practice, s.wellbeing, s.training, s.policy, s.reflection, s.confidential, "
    "s.supervisor_signed_at, s.person_signed_at, s.created_at FROM supervisions s "
    "JOIN people p ON p.id = s.person_id JOIN people v ON v.id = s.supervisor_id ";

SupervisionRecord record_from(const db::Row& r) {
    SupervisionRecord s;
    s.id = r.integer(0);
    s.person_id = r.integer(1);
    s.person_name = r.text(2);
    s.home_id = r.integer(3);
    s.supervisor_id = r.integer(4);
    s.supervisor_name = r.text(5);
    s.held_on = parse_date(r.text(6)).value_or(Date{});
    int column = 7;
    for (const auto& h : supervision_headings()) {
        if (auto text = r.text(column++); !text.empty()) {
            s.discussed[h.key] = std::move(text);
        }
    }
    s.confidential =
        nlohmann::json::parse(r.text(14), nullptr, false).get<std::vector<std::string>>();
    s.supervisor_signed_at = optional_time(r, 15);
    s.person_signed_at = optional_time(r, 16);
    s.created_at = parse_utc(r.text(17)).value_or(Timestamp{});
    return s;
}

}  // namespace

Result<Arrangement> arrangement_of(db::Connection& c, std::int64_t person_id,
                                   std::int64_t home_id) {
    Arrangement a;
    const auto role = TRY(care_role_of(c, person_id, home_id));
    const auto setting = role ? supervision_setting_for(*role) : std::nullopt;
    if (setting) {
        a.every_days = TRY(organisation::setting_of_home(c, home_id, *setting));
    }
    auto row = TRY(c.query_one(
        "SELECT a.supervisor_id, p.name, a.every_days FROM supervision_arrangements a "
        "JOIN people p ON p.id = a.supervisor_id WHERE a.person_id = $1 AND a.home_id = $2",
        {person_id, home_id}));
    const auto eligible = TRY(supervisor_choices(c, person_id, home_id));
    if (row && std::any_of(eligible.begin(), eligible.end(),
                           [&](const auto& e) { return e.first == row->integer(0); })) {
        a.supervisor_id = row->integer(0);
        a.supervisor_name = row->text(1);
        a.named = true;
        if (!row->is_null(2)) {
            a.every_days = static_cast<int>(row->integer(2));
            a.own_rhythm = true;
        }
        return a;
    }
    // Nobody named, or the one named no longer supervises here: the registered manager.
    auto manager = TRY(c.query_one(
        "SELECT r.person_id, p.name FROM roles r JOIN people p ON p.id = r.person_id "
        "WHERE r.home_id = $1 AND r.role = 'registered_manager' AND r.ended_at IS NULL AND "
        "r.awaiting_checks_since IS NULL AND p.disabled_at IS NULL AND r.person_id <> $2 "
        "ORDER BY r.id LIMIT 1",
        {home_id, person_id}));
    if (manager) {
        a.supervisor_id = manager->integer(0);
        a.supervisor_name = manager->text(1);
    }
    return a;
}

Result<std::optional<deadlines::Deadline>> next_supervision_clock(db::Connection& c,
                                                                  std::int64_t person_id,
                                                                  std::int64_t home_id) {
    for (auto& d : TRY(deadlines::for_source(c, schedule_source, person_id))) {
        if (d.kind == supervision_due_clock && d.state == deadlines::State::open &&
            d.home_id == home_id) {
            return std::optional<deadlines::Deadline>{std::move(d)};
        }
    }
    return std::optional<deadlines::Deadline>{};
}

Result<std::vector<std::pair<std::int64_t, std::string>>> supervisor_choices(db::Connection& c,
                                                                             std::int64_t person_id,
                                                                             std::int64_t home_id) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& r : TRY(c.query(
             "SELECT DISTINCT p.id, p.name FROM roles r JOIN people p ON p.id = r.person_id "
             "JOIN homes h ON h.id = $1 WHERE r.ended_at IS NULL AND p.disabled_at IS NULL AND "
             "r.awaiting_checks_since IS NULL AND p.id <> $2 AND ((r.home_id = h.id AND r.role "
             "IN ('registered_manager', 'deputy')) OR (r.role = 'responsible_individual' AND "
             "p.organisation_id = h.organisation_id)) ORDER BY p.name, p.id",
             {home_id, person_id}))) {
        out.emplace_back(r.integer(0), r.text(1));
    }
    return out;
}

Result<std::optional<Date>> last_held(db::Connection& c, std::int64_t person_id,
                                      std::int64_t home_id) {
    auto row = TRY(
        c.query_one("SELECT MAX(held_on) FROM supervisions WHERE person_id = $1 AND home_id = $2",
                    {person_id, home_id}));
    if (!row || row->is_null(0)) {
        return std::optional<Date>{};
    }
    return parse_date(row->text(0));
}

namespace {

Result<Timestamp> first_due(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                            const Arrangement& a, Timestamp now) {
    if (const auto last = TRY(last_held(c, person_id, home_id))) {
        return deadlines::end_of_local_day(next_supervision_due(*last, a.every_days));
    }
    const auto today = local_date_of(now);
    auto started =
        TRY(c.query_one("SELECT started_on FROM staff_records WHERE person_id = $1", {person_id}));
    const Date from = started ? parse_date(started->text(0)).value_or(today) : today;
    return deadlines::end_of_local_day(
        next_supervision_due(due_from(from, today, a.every_days), a.every_days));
}

}  // namespace

Status set_arrangement(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                       const ArrangementInput& in, const audit::Actor& actor, Timestamp now) {
    const auto was = TRY(arrangement_of(c, person_id, home_id));
    if (was.named && was.supervisor_id == in.supervisor_id &&
        (was.own_rhythm ? std::optional<int>{was.every_days} : std::nullopt) == in.every_days) {
        return Error::invalid("supervisor_id",
                              "Nothing was changed: choose another supervisor "
                              "or rhythm, or cancel");
    }
    const auto every = in.every_days ? db::Value(std::int64_t{*in.every_days}) : db::Value();
    const auto changed = TRY(c.execute(
        "UPDATE supervision_arrangements SET supervisor_id = $1, every_days = $2, "
        "set_by = $3, set_at = $4 WHERE person_id = $5 AND home_id = $6",
        {in.supervisor_id, every, *actor.person_id, format_utc(now), person_id, home_id}));
    if (changed == 0) {
        TRY(c.run(
            "INSERT INTO supervision_arrangements (person_id, home_id, supervisor_id, "
            "every_days, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6)",
            {person_id, home_id, in.supervisor_id, every, *actor.person_id, format_utc(now)}));
    }
    const auto now_arranged = TRY(arrangement_of(c, person_id, home_id));
    TRY(audit::append(c, actor,
                      {changed == 0 ? "create" : "amend", "supervision_arrangement",
                       std::to_string(person_id), home_id, std::nullopt,
                       fmt::format("Supervised by {} every {} days", now_arranged.supervisor_name,
                                   now_arranged.every_days)},
                      now));
    // The clock follows: the new supervisor owns it, due the new rhythm after the last one held,
    // or after the day they started here when none has been.
    if (const auto open = TRY(next_supervision_clock(c, person_id, home_id))) {
        TRY(deadlines::close_clock(
            c, open->id, "Their supervisor or how often they are supervised changed", actor, now));
    }
    return start_schedule_clock(c, person_id, home_id, now_arranged,
                                TRY(first_due(c, person_id, home_id, now_arranged, now)), actor,
                                now);
}

Status start_first_supervision_clock(db::Connection& c, std::int64_t person_id,
                                     std::int64_t home_id, Date started_on,
                                     const audit::Actor& actor, Timestamp now) {
    if (TRY(next_supervision_clock(c, person_id, home_id))) {
        return {};
    }
    const auto a = TRY(arrangement_of(c, person_id, home_id));
    return start_schedule_clock(
        c, person_id, home_id, a,
        deadlines::end_of_local_day(next_supervision_due(
            due_from(started_on, local_date_of(now), a.every_days), a.every_days)),
        actor, now);
}

Result<std::vector<Involvement>> since_last_supervision(db::Connection& c,
                                                        const StaffInvolvements& sources,
                                                        std::int64_t person_id,
                                                        std::int64_t home_id,
                                                        std::optional<Date> held_on) {
    // What the last supervision listed was listed when it was written; this one lists what came
    // after, up to the end of the day it is held.
    std::optional<Timestamp> since;
    if (auto last = TRY(c.query_one("SELECT MAX(created_at) FROM supervisions WHERE person_id = "
                                    "$1 AND home_id = $2",
                                    {person_id, home_id}));
        last && !last->is_null(0)) {
        since = parse_utc(last->text(0));
    }
    const auto until =
        held_on ? std::optional<Timestamp>{deadlines::end_of_local_day(*held_on)} : std::nullopt;
    std::vector<Involvement> out;
    for (const auto& source : sources.all()) {
        for (auto& i : TRY(source.list(c, person_id, home_id, since, until))) {
            out.push_back(std::move(i));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Involvement& a, const Involvement& b) {
        return a.restraint != b.restraint ? a.restraint : a.occurred_at < b.occurred_at;
    });
    return out;
}

Result<std::int64_t> record_supervision(db::Connection& c, std::int64_t person_id,
                                        std::int64_t home_id, const SupervisionInput& in,
                                        const std::vector<Involvement>& incidents,
                                        const audit::Actor& actor, Timestamp now) {
    if (auto last = TRY(last_held(c, person_id, home_id)); last && in.held_on < *last) {
        return Error::invalid("held_on", fmt::format("Enter a day on or after their last "
                                                     "supervision, {}",
                                                     format_local_date(*last)));
    }
    db::Params values{person_id, home_id, *actor.person_id, format_date(in.held_on)};
    for (const auto& h : supervision_headings()) {
        auto found = in.discussed.find(h.key);
        values.emplace_back(found == in.discussed.end() ? std::string() : found->second);
    }
    values.emplace_back(nlohmann::json(in.confidential).dump());
    values.emplace_back(*actor.person_id);
    values.emplace_back(format_utc(now));
    const auto id = TRY(
        c.insert("INSERT INTO supervisions (person_id, home_id, supervisor_id, held_on, children, "
                 "incidents, practice, wellbeing, training, policy, reflection, confidential, "
                 "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                 "$12, $13, $14) RETURNING id",
                 values));
    for (const auto& i : incidents) {
        TRY(
            c.run("INSERT INTO supervision_incidents (supervision_id, source_type, source_id, "
                  "occurred_at, summary, restraint, href) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                  {id, i.source_type, i.source_id, format_utc(i.occurred_at), i.summary,
                   std::int64_t{i.restraint ? 1 : 0}, i.href}));
    }
    const auto name = TRY(staff_name(c, person_id));
    for (const auto& a : in.actions) {
        const auto action_id =
            TRY(c.insert("INSERT INTO supervision_actions (supervision_id, what, owner_id, due_on) "
                         "VALUES ($1, $2, $3, $4) RETURNING id",
                         {id, a.what, a.owner_id, format_date(a.due_on)}));
        deadlines::NewDeadline d;
        d.home_id = home_id;
        d.kind = supervision_action_clock;
        d.title = fmt::format("{} (from {}'s supervision)", a.what, name);
        d.source_type = "supervision_action";
        d.source_id = action_id;
        d.link = fmt::format("{}/{}", supervision_path(home_id, person_id), id);
        d.owner_id = a.owner_id;
        d.started_at = now;
        d.due_at = deadlines::end_of_local_day(a.due_on);
        TRY(deadlines::start(c, d, actor, now));
    }
    TRY(audit::append(c, actor,
                      {"create", supervision_type, std::to_string(id), home_id, std::nullopt,
                       fmt::format("Supervision of {} held {}", name, format_date(in.held_on))},
                      now));
    return id;
}

Status sign_supervision(db::Connection& c, std::int64_t supervision_id, std::int64_t person_id,
                        std::int64_t home_id, const audit::Actor& actor, Timestamp now) {
    auto row = TRY(c.query_one(std::string("SELECT ") + record_columns +
                                   "WHERE s.id = $1 AND s.person_id = $2 AND s.home_id = $3",
                               {supervision_id, person_id, home_id}));
    if (!row) {
        return Error::not_found("There is no such supervision");
    }
    const auto s = record_from(*row);
    const auto side =
        TRY(side_of(actor.person_id.value_or(0), s.person_id, s.supervisor_id,
                    s.supervisor_signed_at.has_value(), s.person_signed_at.has_value()));
    const std::string column =
        side == Side::supervisor ? "supervisor_signed_at" : "person_signed_at";
    // The update is the claim, and says what the record now holds: of two signing at once, each
    // sees the other's signature or its absence as the database has it.
    const auto after = TRY(c.query(
        fmt::format("UPDATE supervisions SET {0} = $1 WHERE id = $2 AND home_id = $3 AND {0} IS "
                    "NULL RETURNING supervisor_signed_at, person_signed_at",
                    column),
        {format_utc(now), supervision_id, s.home_id}));
    if (after.empty()) {
        return Error::invalid("signature", "You have signed this supervision already");
    }
    TRY(audit::append(
        c, actor,
        {"sign", supervision_type, std::to_string(supervision_id), s.home_id, std::nullopt,
         side == Side::supervisor ? "Signed as the supervisor"
                                  : "Signed as the member of staff supervised"},
        now));
    if (after.front().is_null(0) || after.front().is_null(1)) {
        return {};
    }
    // Whole now. The clock to the next supervision waited for the latest one held: a supervision
    // signed late, after a later one, meets nothing.
    auto latest =
        TRY(c.query_one("SELECT id FROM supervisions WHERE person_id = $1 AND home_id = "
                        "$2 ORDER BY held_on DESC, id DESC LIMIT 1",
                        {s.person_id, s.home_id}));
    if (!latest || latest->integer(0) != supervision_id) {
        return {};
    }
    if (const auto open = TRY(next_supervision_clock(c, s.person_id, s.home_id))) {
        TRY(deadlines::meet_clock(
            c, open->id, actor, now,
            fmt::format("Supervision held {} and signed by both", format_local_date(s.held_on))));
    }
    const auto a = TRY(arrangement_of(c, s.person_id, s.home_id));
    return start_schedule_clock(
        c, s.person_id, s.home_id, a,
        deadlines::end_of_local_day(next_supervision_due(s.held_on, a.every_days)), actor, now);
}

Result<std::vector<SupervisionRecord>> supervisions_of(db::Connection& c, std::int64_t person_id,
                                                       std::int64_t home_id,
                                                       const audit::Actor& reader, Timestamp now) {
    std::vector<SupervisionRecord> out;
    for (const auto& r : TRY(c.query(std::string("SELECT ") + record_columns +
                                         "WHERE s.person_id = $1 AND s.home_id = $2 "
                                         "ORDER BY s.held_on DESC, s.id DESC",
                                     {person_id, home_id}))) {
        out.push_back(record_from(r));
    }
    TRY(audit::append(c, reader,
                      {"read", "supervisions", std::to_string(person_id), home_id, std::nullopt,
                       fmt::format("{} supervisions", out.size())},
                      now));
    return out;
}

Result<SupervisionRecord> read_supervision_record(db::Connection& c, std::int64_t supervision_id,
                                                  std::int64_t person_id, std::int64_t home_id,
                                                  const audit::Actor& reader, Timestamp now) {
    auto row = TRY(c.query_one(std::string("SELECT ") + record_columns +
                                   "WHERE s.id = $1 AND s.person_id = $2 AND s.home_id = $3",
                               {supervision_id, person_id, home_id}));
    if (!row) {
        return Error::not_found("There is no such supervision");
    }
    auto s = record_from(*row);
    for (const auto& r :
         TRY(c.query("SELECT source_type, source_id, occurred_at, summary, "
                     "restraint, href FROM supervision_incidents WHERE supervision_id = "
                     "$1 ORDER BY id",
                     {supervision_id}))) {
        s.incidents.push_back({r.text(0), r.integer(1), parse_utc(r.text(2)).value_or(Timestamp{}),
                               r.text(3), r.integer(4) != 0, r.text(5)});
    }
    for (const auto& r : TRY(c.query("SELECT a.id, a.what, a.owner_id, p.name, a.due_on FROM "
                                     "supervision_actions a JOIN people p ON p.id = a.owner_id "
                                     "WHERE a.supervision_id = $1 ORDER BY a.id",
                                     {supervision_id}))) {
        s.actions.push_back({r.integer(0), r.text(1), r.integer(2), r.text(3),
                             parse_date(r.text(4)).value_or(Date{})});
    }
    TRY(audit::append(
        c, reader,
        {"read", supervision_type, std::to_string(supervision_id), home_id, std::nullopt, ""},
        now));
    return s;
}

Status resolve_supervision(db::Connection& c, std::int64_t supervision_id, Scope& scope) {
    auto row = TRY(c.query_one(
        "SELECT supervisor_id FROM supervisions WHERE id = $1 AND person_id = $2 AND home_id = $3",
        {supervision_id, scope.staff_id.value_or(0), scope.home_id.value_or(0)}));
    if (!row) {
        return Error::not_found("There is no such supervision");
    }
    scope.supervision_held_by = row->integer(0);
    return {};
}

Status resolve_supervisor(db::Connection& c, std::int64_t person_id, Scope& scope) {
    if (!scope.home_id) {
        return {};
    }
    scope.staff_supervisor_id = TRY(arrangement_of(c, person_id, *scope.home_id)).supervisor_id;
    return {};
}

}  // namespace hearth::team
