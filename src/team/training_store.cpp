#include "team/training_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "deadlines/deadline_store.hpp"
#include "team/staff_clocks.hpp"

namespace hearth::team {

namespace {

std::string course_source(const std::string& key) {
    return "training:" + key;
}

std::string roles_json(const std::vector<Role>& roles) {
    nlohmann::json out = nlohmann::json::array();
    for (auto r : roles) {
        out.push_back(role_key(r));
    }
    return out.dump();
}

std::vector<Role> roles_from_json(const std::string& text) {
    std::vector<Role> out;
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_array()) {
        for (const auto& k : parsed) {
            if (auto r = k.is_string() ? role_from_key(k.get<std::string>()) : std::nullopt) {
                out.push_back(*r);
            }
        }
    }
    return out;
}

}  // namespace

Result<std::vector<Course>> programme(db::Connection& c, std::int64_t organisation_id,
                                      bool with_retired) {
    std::vector<Course> own;
    for (const auto& r :
         TRY(c.query("SELECT course_key, name, roles, within_days, valid_months, retired FROM "
                     "training_courses WHERE organisation_id = $1 ORDER BY id",
                     {organisation_id}))) {
        Course course;
        course.key = r.text(0);
        course.name = r.text(1);
        course.required_for = roles_from_json(r.text(2));
        course.within_days = static_cast<int>(r.integer(3));
        if (!r.is_null(4)) {
            course.valid_months = static_cast<int>(r.integer(4));
        }
        course.retired = r.integer(5) != 0;
        own.push_back(std::move(course));
    }
    return programme_of(own, with_retired);
}

Status save_course(db::Connection& c, std::int64_t organisation_id, const CourseInput& in,
                   const audit::Actor& actor, Timestamp now) {
    const auto all = TRY(programme(c, organisation_id, true));
    if (const Course* was = find_course(all, in.course.key); was && !in.key.empty()) {
        if (was->name == in.course.name && was->required_for == in.course.required_for &&
            was->within_days == in.course.within_days &&
            was->valid_months == in.course.valid_months && was->retired == in.course.retired) {
            return Error::invalid("name", "Nothing was changed: change a field, or cancel");
        }
    }
    const auto& k = in.course;
    const std::vector<db::Value> values{
        organisation_id,
        k.key,
        k.name,
        roles_json(k.required_for),
        std::int64_t{k.within_days},
        k.valid_months ? db::Value(std::int64_t{*k.valid_months}) : db::Value(),
        std::int64_t{k.retired ? 1 : 0},
        *actor.person_id,
        format_utc(now)};
    const auto n = TRY(c.execute(
        "UPDATE training_courses SET name = $3, roles = $4, within_days = $5, valid_months = $6, "
        "retired = $7, changed_by = $8, changed_at = $9 WHERE organisation_id = $1 AND "
        "course_key = $2",
        values));
    if (n == 0) {
        TRY(
            c.run("INSERT INTO training_courses (organisation_id, course_key, name, roles, "
                  "within_days, valid_months, retired, changed_by, changed_at) VALUES ($1, $2, "
                  "$3, $4, $5, $6, $7, $8, $9)",
                  values));
    }
    return audit::append(
        c, actor,
        {in.key.empty() ? "create" : "amend", "training_course", k.key, std::nullopt, std::nullopt,
         fmt::format("{}: within {} days of starting, {}{}", k.name, k.within_days,
                     k.valid_months ? fmt::format("lasts {} months", *k.valid_months)
                                    : std::string("does not expire"),
                     k.retired ? ", retired" : "")},
        now);
}

Result<std::int64_t> record_training(db::Connection& c, std::int64_t organisation_id,
                                     std::int64_t home_id, const TrainingInput& in,
                                     const audit::Actor& actor, Timestamp now,
                                     const AfterTraining* after) {
    const auto all = TRY(programme(c, organisation_id, true));
    const Course* course = find_course(all, in.course_key);
    if (!course) {
        return Error::invalid("course", "Choose a course of the programme");
    }
    const auto id = TRY(c.insert(
        "INSERT INTO training_records (person_id, organisation_id, course_key, completed_on, "
        "provider, certificate, expires_on, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, "
        "$6, $7, $8, $9) RETURNING id",
        {in.person_id, organisation_id, in.course_key, format_date(in.completed_on), in.provider,
         in.certificate, in.expires_on ? db::Value(format_date(*in.expires_on)) : db::Value(),
         *actor.person_id, format_utc(now)}));
    TRY(audit::append(c, actor,
                      {"create", "training_record", std::to_string(id), home_id, std::nullopt,
                       fmt::format("person {}: {}, completed {}", in.person_id, in.course_key,
                                   format_date(in.completed_on))},
                      now));
    const Date today = local_date_of(now);
    const bool current = !in.expires_on || *in.expires_on >= today;
    const auto source = course_source(in.course_key);
    if (current) {
        TRY(deadlines::meet(
            c, source, in.person_id, new_starter_training_clock, actor, now,
            fmt::format("{} completed {}", course->name, format_local_date(in.completed_on))));
    }
    // The refresher's clock runs to the expiry that is latest: an older line entered late leaves
    // it.
    auto latest = TRY(c.query_one(
        "SELECT MAX(expires_on) FROM training_records WHERE person_id = $1 AND course_key = $2 "
        "AND id <> $3",
        {in.person_id, in.course_key, id}));
    const bool governs = in.expires_on && (!latest || latest->is_null(0) ||
                                           format_date(*in.expires_on) >= latest->text(0));
    if (current && governs) {
        TRY(deadlines::meet(
            c, source, in.person_id, refresher_training_clock, actor, now,
            fmt::format("{} completed {}", course->name, format_local_date(in.completed_on))));
        TRY(start_staff_clock(c, home_id, in.person_id,
                              {refresher_training_clock,
                               fmt::format("{}'s {} runs out: book the refresher",
                                           TRY(staff_name(c, in.person_id)), course->name),
                               source, in.person_id, deadlines::end_of_local_day(*in.expires_on)},
                              actor, now));
    }
    if (after) {
        for (const auto& part : after->all()) {
            TRY(part.then(c, in, actor, now));
        }
    }
    return id;
}

Result<std::vector<TrainingLine>> training_of(db::Connection& c, std::int64_t person_id,
                                              const std::vector<Course>& programme) {
    std::vector<TrainingLine> out;
    for (const auto& r : TRY(c.query(
             "SELECT t.id, t.course_key, t.completed_on, t.provider, t.certificate, t.expires_on, "
             "p.name FROM training_records t JOIN people p ON p.id = t.recorded_by "
             "WHERE t.person_id = $1 ORDER BY t.completed_on DESC, t.id DESC",
             {person_id}))) {
        TrainingLine line;
        line.id = r.integer(0);
        line.person_id = person_id;
        line.course_key = r.text(1);
        const Course* course = find_course(programme, line.course_key);
        line.course_name = course ? course->name : line.course_key;
        line.completed_on = parse_date(r.text(2)).value_or(Date{});
        line.provider = r.text(3);
        line.certificate = r.text(4);
        if (!r.is_null(5)) {
            line.expires_on = parse_date(r.text(5));
        }
        line.recorded_by = r.text(6);
        out.push_back(std::move(line));
    }
    return out;
}

Status start_new_starter_clocks(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                                Date started_on, const audit::Actor& actor, Timestamp now) {
    auto org = TRY(c.query_one("SELECT organisation_id FROM homes WHERE id = $1", {home_id}));
    if (!org) {
        return Error::not_found("There is no such home");
    }
    std::vector<Role> roles;
    for (const auto& r : TRY(c.query("SELECT role FROM roles WHERE person_id = $1 AND home_id = $2 "
                                     "AND ended_at IS NULL",
                                     {person_id, home_id}))) {
        if (auto role = role_from_key(r.text(0))) {
            roles.push_back(*role);
        }
    }
    const auto courses = TRY(programme(c, org->integer(0)));
    const auto name = TRY(staff_name(c, person_id));
    for (const auto& course : courses) {
        if (!required_of(course, roles)) {
            continue;
        }
        auto done = TRY(c.query_one(
            "SELECT 1 FROM training_records WHERE person_id = $1 AND course_key = $2 AND "
            "(expires_on IS NULL OR expires_on >= $3)",
            {person_id, course.key, format_date(local_date_of(now))}));
        if (done) {
            continue;
        }
        TRY(start_staff_clock(
            c, home_id, person_id,
            {new_starter_training_clock,
             fmt::format("{} to complete {}: new starter", name, course.name),
             course_source(course.key), person_id,
             deadlines::end_of_local_day(
                 Date{std::chrono::sys_days{started_on} + std::chrono::days{course.within_days}})},
            actor, now));
    }
    return {};
}

Result<Matrix> matrix_of(db::Connection& c, std::int64_t organisation_id,
                         std::optional<std::int64_t> home_id, Date today) {
    std::vector<MatrixPerson> people;
    // One home, or all of the organisation's: the home's condition only when there is one.
    const std::string sql = fmt::format(
        "SELECT r.person_id, p.name, r.home_id, h.name, r.role, s.started_on FROM roles r "
        "JOIN people p ON p.id = r.person_id JOIN homes h ON h.id = r.home_id "
        "LEFT JOIN staff_records s ON s.person_id = r.person_id "
        "WHERE h.organisation_id = $1 {} AND r.ended_at IS NULL AND p.disabled_at IS NULL "
        "AND r.role IN ('registered_manager', 'deputy', 'support_worker') "
        "ORDER BY h.name, h.id, p.name, p.id, r.id",
        home_id ? "AND r.home_id = $2" : "");
    db::Params params{organisation_id};
    if (home_id) {
        params.emplace_back(*home_id);
    }
    for (const auto& r : TRY(c.query(sql, params))) {
        const auto role = role_from_key(r.text(4));
        if (!people.empty() && people.back().person_id == r.integer(0) &&
            people.back().home_id == r.integer(2)) {
            if (role) {
                people.back().roles.push_back(*role);
            }
            continue;
        }
        MatrixPerson p;
        p.person_id = r.integer(0);
        p.name = r.text(1);
        p.home_id = r.integer(2);
        p.home_name = r.text(3);
        if (role) {
            p.roles.push_back(*role);
        }
        if (!r.is_null(5)) {
            p.started_on = parse_date(r.text(5));
        }
        people.push_back(std::move(p));
    }
    std::vector<Completion> completions;
    for (const auto& r :
         TRY(c.query("SELECT person_id, course_key, completed_on, expires_on FROM training_records "
                     "WHERE organisation_id = $1",
                     {organisation_id}))) {
        Completion done;
        done.person_id = r.integer(0);
        done.course_key = r.text(1);
        done.completed_on = parse_date(r.text(2)).value_or(Date{});
        if (!r.is_null(3)) {
            done.expires_on = parse_date(r.text(3));
        }
        completions.push_back(std::move(done));
    }
    return build_matrix(std::move(people), TRY(programme(c, organisation_id)), completions, today);
}

}  // namespace hearth::team
