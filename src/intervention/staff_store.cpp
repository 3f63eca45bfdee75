#include "intervention/staff_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "deadlines/deadline_store.hpp"

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
            TRY(c.query_one("SELECT x.id, x.person_id, p.name, x.course, x.awarded_on, "
                            "x.expires_on, r.name FROM intervention_certificates x JOIN "
                            "people p ON p.id = x.person_id JOIN people r ON r.id = "
                            "x.recorded_by WHERE x.person_id = $1 ORDER BY x.expires_on "
                            "DESC LIMIT 1",
                            {id}));
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

Result<std::int64_t> record_certificate(db::Connection& c, std::int64_t organisation_id,
                                        std::int64_t home_id, const CertificateInput& input,
                                        const audit::Actor& actor, Timestamp now) {
    if (!actor.person_id) {
        return Error::internal("a certificate needs a signed-in author");
    }
    auto id =
        TRY(c.insert("INSERT INTO intervention_certificates (person_id, organisation_id, "
                     "course, awarded_on, expires_on, recorded_by, recorded_at) VALUES ($1, "
                     "$2, $3, $4, $5, $6, $7) RETURNING id",
                     {input.person_id, organisation_id, input.course, format_date(input.awarded_on),
                      format_date(input.expires_on), *actor.person_id, format_utc(now)}));
    TRY(audit::append(
        c, actor,
        {"create", "intervention_certificate", std::to_string(id), home_id, std::nullopt,
         fmt::format("person {}: {}, expires {}", input.person_id, input.course,
                     format_date(input.expires_on))},
        now));
    if (standing_on({input.expires_on}, local_date_of(now)) != Standing::expired) {
        TRY(deadlines::meet(c, "person", input.person_id, training_clock, actor, now,
                            "A current certificate was recorded"));
    }
    return id;
}

}  // namespace hearth::intervention
