#include "team/team_session_store.hpp"

#include <fmt/format.h>

#include <map>

#include "team/staff_record_store.hpp"
#include "team/supervision_store.hpp"

namespace hearth::team {

namespace {

constexpr const char* session_columns =
    "s.id, s.home_id, s.kind, s.held_on, s.about, s.child_id, "
    "COALESCE(CASE WHEN ch.preferred_name <> '' THEN ch.preferred_name ELSE ch.first_name END "
    "|| ' ' || ch.last_name, ''), s.shared_learning_id, "
    "COALESCE(d.learning, ''), s.topic, s.learned, s.actions, w.name FROM team_sessions s "
    "LEFT JOIN children ch ON ch.id = s.child_id "
    "LEFT JOIN staff_debriefs d ON d.id = s.shared_learning_id "
    "JOIN people w ON w.id = s.created_by ";

Result<TeamSession> session_from(db::Connection& c, const db::Row& r) {
    TeamSession s;
    s.id = r.integer(0);
    s.home_id = r.integer(1);
    s.kind = r.text(2);
    s.held_on = parse_date(r.text(3)).value_or(Date{});
    s.about = r.text(4);
    s.child_id = r.optional_integer(5);
    s.child_name = r.text(6);
    s.shared_learning_id = r.optional_integer(7);
    s.shared_learning = r.text(8);
    s.topic = r.text(9);
    s.learned = r.text(10);
    s.actions = r.text(11);
    s.written_by = r.text(12);
    for (const auto& a : TRY(c.query("SELECT p.id, p.name FROM team_session_attendees a JOIN "
                                     "people p ON p.id = a.person_id WHERE a.session_id = $1 "
                                     "ORDER BY p.name, p.id",
                                     {s.id}))) {
        s.attendees.emplace_back(a.integer(0), a.text(1));
    }
    return s;
}

}  // namespace

Result<std::int64_t> record_session(db::Connection& c, std::int64_t home_id, const SessionInput& in,
                                    const audit::Actor& actor, Timestamp now) {
    const auto id = TRY(c.insert(
        "INSERT INTO team_sessions (home_id, kind, held_on, about, child_id, shared_learning_id, "
        "topic, learned, actions, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "$9, $10, $11) RETURNING id",
        {home_id, in.kind, format_date(in.held_on), in.about, db::nullable(in.child_id),
         db::nullable(in.shared_learning_id), in.topic, in.learned, in.actions, *actor.person_id,
         format_utc(now)}));
    for (auto person : in.attendees) {
        TRY(c.run("INSERT INTO team_session_attendees (session_id, person_id) VALUES ($1, $2)",
                  {id, person}));
    }
    TRY(audit::append(
        c, actor,
        {"create", "team_session", std::to_string(id), home_id, in.child_id,
         fmt::format("{} held {}, {} came", in.kind, format_date(in.held_on), in.attendees.size())},
        now));
    return id;
}

Result<std::vector<TeamSession>> sessions_of_home(db::Connection& c, std::int64_t home_id,
                                                  int limit) {
    std::vector<TeamSession> out;
    for (const auto& r : TRY(c.query(std::string("SELECT ") + session_columns +
                                         "WHERE s.home_id = $1 ORDER BY s.held_on DESC, s.id DESC "
                                         "LIMIT $2",
                                     {home_id, std::int64_t{limit}}))) {
        out.push_back(TRY(session_from(c, r)));
    }
    return out;
}

Result<std::optional<TeamSession>> find_session(db::Connection& c, std::int64_t home_id,
                                                std::int64_t session_id) {
    auto row = TRY(
        c.query_one(std::string("SELECT ") + session_columns + "WHERE s.id = $1 AND s.home_id = $2",
                    {session_id, home_id}));
    if (!row) {
        return std::optional<TeamSession>{};
    }
    return std::optional<TeamSession>{TRY(session_from(c, *row))};
}

Result<TeamFigures> team_figures(db::Connection& c, std::int64_t home_id, Timestamp now) {
    TeamFigures f;
    const auto today = local_date_of(now);
    const auto year_ago = format_utc(now - std::chrono::days{365});
    for (const auto& m : TRY(team_of_home(c, home_id))) {
        if (m.awaiting_checks) {
            continue;
        }
        TeamFigures::Supervised s{m.person_id, m.name, 0, 0};
        for (const auto& r : TRY(c.query(
                 "SELECT state, met_at, due_at FROM deadlines WHERE kind = $1 AND source_type = "
                 "'staff_supervision' AND source_id = $2 AND home_id = $3 AND due_at >= $4",
                 {std::string(supervision_due_clock), m.person_id, home_id, year_ago}))) {
            const auto state = r.text(0);
            if (state == "met") {
                (r.text(1) <= r.text(2) ? s.on_time : s.late) += 1;
            } else if (state == "open" && r.text(2) < format_utc(now)) {
                s.late += 1;
            }
        }
        f.supervision.push_back(std::move(s));
    }
    std::map<std::string, int> months;
    for (int back = 11; back >= 0; --back) {
        const auto first =
            std::chrono::year_month{today.year(), today.month()} - std::chrono::months{back};
        months[fmt::format("{:04d}-{:02d}", static_cast<int>(first.year()),
                           static_cast<unsigned>(first.month()))] = 0;
    }
    for (const auto& r : TRY(c.query("SELECT substr(held_on, 1, 7), COUNT(*) FROM team_sessions "
                                     "WHERE home_id = $1 AND held_on >= $2 GROUP BY 1",
                                     {home_id, months.begin()->first + "-01"}))) {
        if (auto m = months.find(r.text(0)); m != months.end()) {
            m->second = static_cast<int>(r.integer(1));
        }
    }
    f.sessions_by_month.assign(months.begin(), months.end());
    const Date since{std::chrono::sys_days{today} - std::chrono::days{91}};
    for (const auto& r : TRY(c.query(
             "SELECT DISTINCT p.id, p.name FROM roles r JOIN people p ON p.id = r.person_id "
             "WHERE r.home_id = $1 AND r.ended_at IS NULL AND r.awaiting_checks_since IS NULL AND "
             "p.disabled_at IS NULL AND r.role IN ('registered_manager', 'deputy', "
             "'support_worker') AND NOT EXISTS (SELECT 1 FROM team_session_attendees a JOIN "
             "team_sessions s ON s.id = a.session_id WHERE a.person_id = p.id AND s.home_id = $1 "
             "AND s.held_on >= $2) ORDER BY p.name, p.id",
             {home_id, format_date(since)}))) {
        f.not_attended.emplace_back(r.integer(0), r.text(1));
    }
    return f;
}

}  // namespace hearth::team
