#include "intervention/staff_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "deadlines/deadline_store.hpp"
#include "team/training_store.hpp"

namespace hearth::intervention {

Result<std::vector<Authorisation>> authorised_in(db::Connection& c, std::int64_t home_id) {
    auto rows =
        TRY(c.query("SELECT a.person_id, p.name, b.name, a.authorised_at FROM "
                    "reg35_authorisations a JOIN people p ON p.id = a.person_id JOIN "
                    "people b ON b.id = a.authorised_by WHERE a.home_id = $1 AND "
                    "a.ended_at IS NULL ORDER BY p.name",
                    {home_id}));
    std::vector<Authorisation> out;
    for (const auto& r : rows) {
        out.push_back(
            {r.integer(0), r.text(1), r.text(2), parse_utc(r.text(3)).value_or(Timestamp{})});
    }
    return out;
}

Status authorise(db::Connection& c, std::int64_t home_id, std::int64_t person_id,
                 const std::vector<behaviour::Person>& staff, const audit::Actor& actor,
                 Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("an authorisation needs a signed-in manager");
    }
    if (std::none_of(staff.begin(), staff.end(),
                     [&](const behaviour::Person& p) { return p.id == person_id; })) {
        return Error::invalid("person_id", "Choose someone who works in this home");
    }
    auto now_authorised = TRY(authorised_in(c, home_id));
    if (std::any_of(now_authorised.begin(), now_authorised.end(),
                    [&](const Authorisation& a) { return a.person_id == person_id; })) {
        return Error::invalid("person_id", "They are authorised already");
    }
    TRY(
        c.run("INSERT INTO reg35_authorisations (home_id, person_id, authorised_by, "
              "authorised_at) VALUES ($1, $2, $3, $4)",
              {home_id, person_id, *actor.person_id, format_utc(now)}));
    return audit::append(c, actor,
                         {"authorise", "reg35_signer", std::to_string(person_id), home_id,
                          std::nullopt, "may sign Reg 35 records"},
                         now);
}

Status end_authorisation(db::Connection& c, std::int64_t home_id, std::int64_t person_id,
                         const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("ending an authorisation needs a signed-in manager");
    }
    auto n =
        TRY(c.execute("UPDATE reg35_authorisations SET ended_at = $1, ended_by = $2 WHERE "
                      "home_id = $3 AND person_id = $4 AND ended_at IS NULL",
                      {format_utc(now), *actor.person_id, home_id, person_id}));
    if (n == 0) {
        return Error::conflict("They were not authorised, or someone ended it first.");
    }
    return audit::append(c, actor,
                         {"end_authorisation", "reg35_signer", std::to_string(person_id), home_id,
                          std::nullopt, "no longer signs Reg 35 records"},
                         now);
}

Result<std::vector<Certificate>> latest_certificates(db::Connection& c,
                                                     const std::vector<std::int64_t>& people) {
    std::vector<Certificate> out;
    for (auto id : people) {
        auto row =
            TRY(c.query_one("SELECT x.id, x.person_id, p.name, x.provider, x.completed_on, "
                            "x.expires_on, r.name FROM training_records x JOIN "
                            "people p ON p.id = x.person_id JOIN people r ON r.id = "
                            "x.recorded_by WHERE x.person_id = $1 AND x.course_key = $2 AND "
                            "x.expires_on IS NOT NULL ORDER BY x.expires_on DESC LIMIT 1",
                            {id, std::string(team::physical_intervention_course)}));
        if (!row) {
            continue;
        }
        Certificate cert;
        cert.id = row->integer(0);
        cert.person_id = row->integer(1);
        cert.person_name = row->text(2);
        cert.course = row->text(3);
        cert.awarded_on = parse_date(row->text(4)).value_or(Date{});
        cert.expires_on = parse_date(row->text(5)).value_or(Date{});
        cert.recorded_by = row->text(6);
        out.push_back(std::move(cert));
    }
    return out;
}

Status meet_untrained_hold_clock(db::Connection& c, const team::TrainingInput& done,
                                 const audit::Actor& actor, Timestamp now) {
    if (done.course_key != team::physical_intervention_course || !done.expires_on ||
        standing_on({*done.expires_on}, local_date_of(now)) == Standing::expired) {
        return {};
    }
    TRY(deadlines::meet(c, "person", done.person_id, training_clock, actor, now,
                        "A current certificate was recorded"));
    return {};
}

Result<std::int64_t> record_certificate(db::Connection& c, std::int64_t organisation_id,
                                        std::int64_t home_id, const CertificateInput& input,
                                        const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a certificate needs a signed-in author");
    }
    const team::TrainingInput done{
        input.person_id, team::physical_intervention_course, input.awarded_on, input.course, "",
        input.expires_on};
    const auto id = TRY(team::record_training(c, organisation_id, home_id, done, actor, now));
    TRY(meet_untrained_hold_clock(c, done, actor, now));
    return id;
}

}  // namespace hearth::intervention
