#include "team/staff_record_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "deadlines/deadline_store.hpp"
#include "organisation/settings.hpp"
#include "platform/auth/accounts.hpp"
#include "team/staff_clocks.hpp"
#include "team/supervision_store.hpp"

namespace hearth::team {

namespace {

Date date_or_epoch(const std::string& text) {
    return parse_date(text).value_or(Date{});
}

Result<std::optional<StaffDetails>> details_of(db::Connection& c, std::int64_t person_id,
                                               StaffRecord* into) {
    auto row = TRY(c.query_one(
        "SELECT s.sex, s.date_of_birth, s.address, s.experience, s.works, s.paid, "
        "s.hours_per_week, s.lives_at_home, s.started_on, s.ended_on, s.version, p.name, "
        "s.updated_at FROM staff_records s JOIN people p ON p.id = s.updated_by "
        "WHERE s.person_id = $1",
        {person_id}));
    if (!row) {
        return std::optional<StaffDetails>{};
    }
    StaffDetails d;
    d.sex = row->text(0);
    d.date_of_birth = date_or_epoch(row->text(1));
    d.address = row->text(2);
    d.experience = row->text(3);
    d.works = row->text(4);
    d.paid = row->integer(5) != 0;
    if (!row->is_null(6)) {
        d.hours_per_week = static_cast<int>(row->integer(6));
    }
    d.lives_at_home = row->integer(7) != 0;
    d.started_on = date_or_epoch(row->text(8));
    if (!row->is_null(9)) {
        d.ended_on = parse_date(row->text(9));
    }
    if (into) {
        into->version = static_cast<int>(row->integer(10));
        into->updated_by = row->text(11);
        into->updated_at = parse_utc(row->text(12));
    }
    return std::optional<StaffDetails>{d};
}

Result<std::vector<CheckKind>> kinds_recorded(db::Connection& c, std::int64_t person_id) {
    std::vector<CheckKind> out;
    for (const auto& r :
         TRY(c.query("SELECT kind FROM staff_checks WHERE person_id = $1", {person_id}))) {
        if (auto k = check_kind_from(r.text(0))) {
            out.push_back(*k);
        }
    }
    return out;
}

Result<std::vector<QualificationRecord>> qualifications_of(db::Connection& c,
                                                           std::int64_t person_id) {
    std::vector<QualificationRecord> out;
    for (const auto& r : TRY(c.query(
             "SELECT q.id, q.qualification, q.registered_on, q.achieve_by, q.achieved_on, p.name "
             "FROM staff_qualifications q JOIN people p ON p.id = q.recorded_by "
             "WHERE q.person_id = $1 ORDER BY q.registered_on DESC, q.id DESC",
             {person_id}))) {
        QualificationRecord q;
        q.id = r.integer(0);
        q.qualification = qualification_from(r.text(1)).value_or(Qualification::level3_residential);
        q.registered_on = date_or_epoch(r.text(2));
        q.achieve_by = date_or_epoch(r.text(3));
        if (!r.is_null(4)) {
            q.achieved_on = parse_date(r.text(4));
        }
        q.recorded_by = r.text(5);
        out.push_back(std::move(q));
    }
    return out;
}

// Every check is recorded: the clocks of their supervised starts are met, and their roles that
// waited come into force.
Status when_checks_complete(db::Connection& c, std::int64_t person_id, const audit::Actor& actor,
                            Timestamp now) {
    if (!missing_checks(TRY(kinds_recorded(c, person_id))).empty()) {
        return {};
    }
    for (const auto& r :
         TRY(c.query("SELECT id FROM staff_supervised_starts WHERE person_id = $1", {person_id}))) {
        TRY(deadlines::meet(c, "staff_supervised_start", r.integer(0), checks_clock, actor, now,
                            "Every check recorded"));
    }
    TRY(accounts::take_up_roles(c, person_id, actor, now));
    return {};
}

}  // namespace

std::vector<std::string> missing_checks_of(const StaffRecord& r) {
    std::vector<CheckKind> kinds;
    for (const auto& ch : r.checks) {
        kinds.push_back(ch.kind);
    }
    return missing_checks(kinds);
}

Result<StaffRecord> read_staff_record(db::Connection& c, std::int64_t person_id,
                                      std::int64_t home_id, const audit::Actor& actor,
                                      Timestamp now) {
    auto person =
        TRY(c.query_one("SELECT id, name, email, COALESCE(job_title, ''), organisation_id FROM "
                        "people WHERE id = $1",
                        {person_id}));
    if (!person) {
        return Error::not_found("There is no such person");
    }
    StaffRecord r;
    r.person_id = person->integer(0);
    r.name = person->text(1);
    r.email = person->text(2);
    r.job_title = person->text(3);
    for (const auto& row : TRY(c.query(
             "SELECT r.home_id, h.name, r.role, r.awaiting_checks_since FROM roles r "
             "JOIN homes h ON h.id = r.home_id WHERE r.person_id = $1 AND r.ended_at IS NULL "
             "ORDER BY h.name, r.id",
             {person_id}))) {
        if (auto role = role_from_key(row.text(2))) {
            r.roles.push_back({row.integer(0), row.text(1), *role, !row.is_null(3)});
        }
    }
    r.details = TRY(details_of(c, person_id, &r));
    for (const auto& row :
         TRY(c.query("SELECT ch.id, ch.kind, ch.what, ch.dated, ch.note, p.name, ch.recorded_at "
                     "FROM staff_checks ch JOIN people p ON p.id = ch.recorded_by "
                     "WHERE ch.person_id = $1 ORDER BY ch.dated DESC, ch.id DESC",
                     {person_id}))) {
        Check ch;
        ch.id = row.integer(0);
        ch.kind = check_kind_from(row.text(1)).value_or(CheckKind::identity);
        ch.what = row.text(2);
        ch.dated = date_or_epoch(row.text(3));
        ch.note = row.text(4);
        ch.recorded_by = row.text(5);
        ch.recorded_at = parse_utc(row.text(6)).value_or(Timestamp{});
        r.checks.push_back(std::move(ch));
    }
    for (const auto& row :
         TRY(c.query("SELECT s.id, s.reason, s.checks_by, p.name, s.recorded_at "
                     "FROM staff_supervised_starts s JOIN people p ON p.id = s.recorded_by "
                     "WHERE s.person_id = $1 ORDER BY s.id DESC",
                     {person_id}))) {
        SupervisedStartRecord s;
        s.id = row.integer(0);
        s.reason = row.text(1);
        s.checks_by = date_or_epoch(row.text(2));
        s.recorded_by = row.text(3);
        s.recorded_at = parse_utc(row.text(4)).value_or(Timestamp{});
        r.supervised_starts.push_back(std::move(s));
    }
    r.qualifications = TRY(qualifications_of(c, person_id));
    r.programme = TRY(programme(c, person->integer(4)));
    const auto every_course = TRY(programme(c, person->integer(4), true));
    r.training = TRY(training_of(c, person_id, every_course));
    r.versions = TRY(amendments::versions_of(c, staff_record_type, person_id));
    for (const auto& row :
         TRY(c.query("SELECT q.id, q.field, q.asked, q.why, q.asked_at, COALESCE(q.answer, ''), "
                     "COALESCE(q.answer_note, ''), COALESCE(p.name, ''), q.answered_at "
                     "FROM staff_record_requests q LEFT JOIN people p ON p.id = q.answered_by "
                     "WHERE q.person_id = $1 ORDER BY q.id DESC",
                     {person_id}))) {
        CorrectionRequestRecord q;
        q.id = row.integer(0);
        q.field = row.text(1);
        q.asked = row.text(2);
        q.why = row.text(3);
        q.asked_at = parse_utc(row.text(4)).value_or(Timestamp{});
        q.answer = row.text(5);
        q.answer_note = row.text(6);
        q.answered_by = row.text(7);
        if (!row.is_null(8)) {
            q.answered_at = parse_utc(row.text(8));
        }
        r.requests.push_back(std::move(q));
    }
    for (const auto& s : r.supervised_starts) {
        for (auto& d : TRY(deadlines::for_source(c, "staff_supervised_start", s.id))) {
            r.clocks.push_back(std::move(d));
        }
    }
    for (const auto& q : r.qualifications) {
        for (auto& d : TRY(deadlines::for_source(c, "staff_qualification", q.id))) {
            r.clocks.push_back(std::move(d));
        }
    }
    TRY(audit::append(
        c, actor, {"read", staff_record_type, std::to_string(person_id), home_id, std::nullopt, ""},
        now));
    return r;
}

Status save_details(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                    const StaffDetails& d, int read_version, const std::string& reason,
                    const audit::Actor& actor, Timestamp now) {
    StaffRecord was;
    const auto before = TRY(details_of(c, person_id, &was));
    if (was.version != read_version) {
        return Error::conflict(
            "Someone saved this record since you opened it. Look at what it says now, then "
            "correct it again.");
    }
    const std::vector<db::Value> values{
        d.sex,
        format_date(d.date_of_birth),
        d.address,
        d.experience,
        d.works,
        std::int64_t{d.paid ? 1 : 0},
        d.hours_per_week ? db::Value(std::int64_t{*d.hours_per_week}) : db::Value(),
        std::int64_t{d.lives_at_home ? 1 : 0},
        format_date(d.started_on),
        d.ended_on ? db::Value(format_date(*d.ended_on)) : db::Value(),
        *actor.person_id,
        format_utc(now),
        person_id};
    if (!before) {
        TRY(
            c.run("INSERT INTO staff_records (sex, date_of_birth, address, experience, works, "
                  "paid, hours_per_week, lives_at_home, started_on, ended_on, updated_by, "
                  "updated_at, person_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                  "$12, $13)",
                  values));
        TRY(start_new_starter_clocks(c, person_id, home_id, d.started_on, actor, now));
        TRY(start_first_supervision_clock(c, person_id, home_id, d.started_on, actor, now));
        return audit::append(
            c, actor,
            {"create", staff_record_type, std::to_string(person_id), home_id, std::nullopt, ""},
            now);
    }
    if (reason.empty()) {
        return Error::invalid("reason", "Enter why the record is corrected");
    }
    if (details_record(*before) == details_record(d)) {
        return Error::invalid("reason", "Nothing was changed: correct a field, or cancel");
    }
    TRY(amendments::keep_version(c, staff_record_type, person_id, was.version,
                                 details_record(*before), reason, *actor.person_id, now));
    TRY(
        c.run("UPDATE staff_records SET sex = $1, date_of_birth = $2, address = $3, "
              "experience = $4, works = $5, paid = $6, hours_per_week = $7, lives_at_home = $8, "
              "started_on = $9, ended_on = $10, updated_by = $11, updated_at = $12, "
              "version = version + 1 WHERE person_id = $13",
              values));
    return audit::append(
        c, actor,
        {"amend", staff_record_type, std::to_string(person_id), home_id, std::nullopt, reason},
        now);
}

Result<std::int64_t> ask_correction(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                                    const CorrectionRequest& r, const audit::Actor& actor,
                                    Timestamp now) {
    // What cannot be put in the record is said to the person asking, at the field.
    if (r.field != "other") {
        if (const auto details = TRY(details_of(c, person_id, nullptr))) {
            TRY(with_request(*details, r, local_date_of(now)));
        }
    }
    const auto id = TRY(c.insert(
        "INSERT INTO staff_record_requests (person_id, home_id, field, asked, why, asked_at) "
        "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        {person_id, home_id, r.field, r.asked, r.why, format_utc(now)}));
    TRY(start_staff_clock(c, home_id, person_id,
                          {correction_clock,
                           fmt::format("Answer {}'s request to correct their staff record",
                                       TRY(staff_name(c, person_id))),
                           "staff_record_request", id, now + correction_answer_within},
                          actor, now));
    TRY(audit::append(c, actor,
                      {"create", "staff_record_request", std::to_string(id), home_id, std::nullopt,
                       label_in(requestable_details(), r.field)},
                      now));
    return id;
}

Status answer_correction(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                         std::int64_t request_id, bool accept, const std::string& note,
                         const audit::Actor& actor, Timestamp now) {
    auto row = TRY(c.query_one(
        "SELECT q.field, q.asked, q.why, q.answer, p.name FROM staff_record_requests q JOIN "
        "people p ON p.id = q.person_id WHERE q.id = $1 AND q.person_id = $2",
        {request_id, person_id}));
    if (!row) {
        return Error::not_found("We could not find that request.");
    }
    if (!row->is_null(3)) {
        return Error::conflict("That request was answered already.");
    }
    if (!accept && note.empty()) {
        return Error::invalid("declined_because", "Enter why the request is declined");
    }
    const CorrectionRequest asked{row->text(0), row->text(1), row->text(2)};
    if (accept && asked.field != "other") {
        StaffRecord was;
        const auto before = TRY(details_of(c, person_id, &was));
        if (!before) {
            return Error::conflict("Their details are not recorded yet: record them first.");
        }
        auto applied = with_request(*before, asked, local_date_of(now));
        if (!applied.ok()) {
            // Said at the field of the answer: what was asked cannot be put in the record.
            return Error::invalid("answer", "It cannot be accepted as asked: " +
                                                applied.error().fields.front().message);
        }
        const auto corrected = std::move(applied).release_value();
        if (details_record(corrected) != details_record(*before)) {
            TRY(save_details(c, person_id, home_id, corrected, was.version,
                             fmt::format("Asked for by {}: {}", row->text(4), asked.why), actor,
                             now));
        }
    }
    const auto n = TRY(c.execute(
        "UPDATE staff_record_requests SET answer = $1, answer_note = $2, answered_by = $3, "
        "answered_at = $4 WHERE id = $5 AND answer IS NULL",
        {std::string(accept ? "accepted" : "declined"), note, *actor.person_id, format_utc(now),
         request_id}));
    if (n == 0) {
        return Error::conflict("That request was answered already.");
    }
    // The clock says only that it was answered: why is the record's, for its readers.
    TRY(deadlines::meet(c, "staff_record_request", request_id, correction_clock, actor, now,
                        accept ? "Accepted" : "Declined"));
    return audit::append(c, actor,
                         {"amend", "staff_record_request", std::to_string(request_id), home_id,
                          std::nullopt, accept ? "accepted" : "declined"},
                         now);
}

Result<std::int64_t> record_check(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                                  const CheckInput& in, const audit::Actor& actor, Timestamp now) {
    const auto id = TRY(c.insert(
        "INSERT INTO staff_checks (person_id, kind, what, dated, note, recorded_by, recorded_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        {person_id, check_key(in.kind), in.what, format_date(in.dated), in.note, *actor.person_id,
         format_utc(now)}));
    TRY(audit::append(
        c, actor,
        {"create", "staff_check", std::to_string(id), home_id, std::nullopt, check_key(in.kind)},
        now));
    TRY(when_checks_complete(c, person_id, actor, now));
    return id;
}

Result<std::int64_t> record_supervised_start(db::Connection& c, std::int64_t person_id,
                                             std::int64_t home_id, const SupervisedStart& s,
                                             const audit::Actor& actor, Timestamp now) {
    if (missing_checks(TRY(kinds_recorded(c, person_id))).empty()) {
        return Error::conflict(
            "Every check is recorded already: they work with children without a supervised "
            "start.");
    }
    const auto id = TRY(c.insert(
        "INSERT INTO staff_supervised_starts (person_id, home_id, reason, checks_by, recorded_by, "
        "recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        {person_id, home_id, s.reason, format_date(s.checks_by), *actor.person_id,
         format_utc(now)}));
    TRY(start_staff_clock(
        c, home_id, person_id,
        {checks_clock,
         fmt::format("Record the rest of {}'s checks: they started under supervision",
                     TRY(staff_name(c, person_id))),
         "staff_supervised_start", id, deadlines::end_of_local_day(s.checks_by)},
        actor, now));
    TRY(audit::append(
        c, actor,
        {"create", "staff_supervised_start", std::to_string(id), home_id, std::nullopt, s.reason},
        now));
    TRY(accounts::take_up_roles(c, person_id, actor, now));
    return id;
}

Result<std::int64_t> record_qualification(db::Connection& c, std::int64_t person_id,
                                          std::int64_t home_id, const QualificationInput& in,
                                          const audit::Actor& actor, Timestamp now) {
    const auto details = TRY(details_of(c, person_id, nullptr));
    if (!details) {
        return Error::invalid("qualification",
                              "Record the day they started first: the clock runs from it");
    }
    for (const auto& q : TRY(qualifications_of(c, person_id))) {
        if (q.qualification == in.qualification && !q.achieved_on) {
            return Error::invalid("qualification",
                                  "They are registered on this qualification already");
        }
    }
    const int years = TRY(organisation::setting_of_home(
        c, home_id,
        in.qualification == Qualification::level5_leadership ? organisation::level5_within_years
                                                             : organisation::level3_within_years));
    const Date by = achieve_by(details->started_on, years);
    const auto id = TRY(c.insert(
        "INSERT INTO staff_qualifications (person_id, home_id, qualification, registered_on, "
        "achieve_by, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        {person_id, home_id, qualification_key(in.qualification), format_date(in.registered_on),
         format_date(by), *actor.person_id, format_utc(now)}));
    TRY(start_staff_clock(c, home_id, person_id,
                          {qualification_clock,
                           fmt::format("{} to achieve the {}", TRY(staff_name(c, person_id)),
                                       in.qualification == Qualification::level5_leadership
                                           ? "Level 5 Diploma (Reg 28)"
                                           : "Level 3 Diploma (Reg 32)"),
                           "staff_qualification", id, deadlines::end_of_local_day(by)},
                          actor, now));
    TRY(audit::append(c, actor,
                      {"create", "staff_qualification", std::to_string(id), home_id, std::nullopt,
                       qualification_key(in.qualification)},
                      now));
    return id;
}

Result<std::optional<QualificationRecord>> find_qualification(db::Connection& c,
                                                              std::int64_t person_id,
                                                              std::int64_t qualification_id) {
    for (auto& q : TRY(qualifications_of(c, person_id))) {
        if (q.id == qualification_id) {
            return std::optional<QualificationRecord>{std::move(q)};
        }
    }
    return std::optional<QualificationRecord>{};
}

Status record_achieved(db::Connection& c, std::int64_t person_id, std::int64_t qualification_id,
                       Date achieved_on, const audit::Actor& actor, Timestamp now) {
    const auto n = TRY(c.execute(
        "UPDATE staff_qualifications SET achieved_on = $1, achieved_recorded_by = $2, "
        "achieved_recorded_at = $3 WHERE id = $4 AND person_id = $5 AND achieved_on IS NULL",
        {format_date(achieved_on), *actor.person_id, format_utc(now), qualification_id,
         person_id}));
    if (n == 0) {
        return Error::conflict("That qualification's achievement is recorded already.");
    }
    TRY(deadlines::meet(c, "staff_qualification", qualification_id, qualification_clock, actor, now,
                        "Achieved on " + format_local_date(achieved_on)));
    return audit::append(c, actor,
                         {"amend", "staff_qualification", std::to_string(qualification_id),
                          std::nullopt, std::nullopt, "achieved " + format_date(achieved_on)},
                         now);
}

Result<std::vector<TeamMember>> team_of_home(db::Connection& c, std::int64_t home_id) {
    std::vector<TeamMember> out;
    for (const auto& r : TRY(c.query(
             "SELECT p.id, p.name, COALESCE(p.job_title, ''), r.role, r.awaiting_checks_since, "
             "s.started_on FROM roles r JOIN people p ON p.id = r.person_id "
             "LEFT JOIN staff_records s ON s.person_id = p.id "
             "WHERE r.home_id = $1 AND r.ended_at IS NULL AND p.disabled_at IS NULL "
             "AND r.role IN ('registered_manager', 'deputy', 'support_worker') "
             "ORDER BY p.name, p.id, r.id",
             {home_id}))) {
        if (out.empty() || out.back().person_id != r.integer(0)) {
            TeamMember m;
            m.person_id = r.integer(0);
            m.name = r.text(1);
            m.job_title = r.text(2);
            m.has_details = !r.is_null(5);
            if (m.has_details) {
                m.started_on = parse_date(r.text(5));
            }
            out.push_back(std::move(m));
        }
        if (auto role = role_from_key(r.text(3))) {
            out.back().roles.push_back(*role);
        }
        out.back().awaiting_checks = out.back().awaiting_checks || !r.is_null(4);
    }
    for (auto& m : out) {
        m.missing = missing_checks(TRY(kinds_recorded(c, m.person_id)));
        if (!m.missing.empty()) {
            auto by = TRY(c.query_one(
                "SELECT MAX(checks_by) FROM staff_supervised_starts WHERE person_id = $1",
                {m.person_id}));
            if (by && !by->is_null(0)) {
                m.checks_by = parse_date(by->text(0));
            }
        }
        m.qualifications = TRY(qualifications_of(c, m.person_id));
    }
    return out;
}

Status resolve_staff_scope(db::Connection& c, std::int64_t person_id, Scope& scope) {
    auto row = TRY(c.query_one(
        "SELECT p.organisation_id FROM people p WHERE p.id = $1 AND EXISTS (SELECT 1 FROM roles r "
        "WHERE r.person_id = p.id AND r.home_id = $2 AND r.role IN ('registered_manager', "
        "'deputy', 'support_worker'))",
        {person_id, scope.home_id.value_or(0)}));
    if (!row || (scope.organisation_id && *scope.organisation_id != row->integer(0))) {
        return Error::not_found("There is no such member of staff here");
    }
    scope.staff_id = person_id;
    return {};
}

}  // namespace hearth::team
