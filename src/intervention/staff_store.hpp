#pragma once
// A home's staff as Reg 35 needs them: who the registered manager has authorised to sign its
// records, and each person's accredited physical intervention certificate. Every change is audited.
#include <optional>
#include <string>
#include <vector>

#include "intervention/certificate.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"
#include "team/training.hpp"

namespace hearth::intervention {

struct Authorisation {
    std::int64_t person_id = 0;
    std::string name;
    std::string authorised_by;
    Timestamp authorised_at{};
};
// The people authorised now, by name.
Result<std::vector<Authorisation>> authorised_in(db::Connection& c, std::int64_t home_id);
// `staff`: who works in the home, whom alone a manager may authorise. Refused when they already
// are.
Status authorise(db::Connection& c, std::int64_t home_id, std::int64_t person_id,
                 const std::vector<behaviour::Person>& staff, const audit::Actor& actor,
                 Timestamp now);
Status end_authorisation(db::Connection& c, std::int64_t home_id, std::int64_t person_id,
                         const audit::Actor& actor, Timestamp now);

struct Certificate : CertificateInput {
    std::int64_t id = 0;
    std::string person_name;
    std::string recorded_by;
};
// Each person's latest certificate, for `people`.
Result<std::vector<Certificate>> latest_certificates(db::Connection& c,
                                                     const std::vector<std::int64_t>& people);
// A line of the physical intervention course in the training programme (team/training_store.hpp);
// meets the clock of each home where the person held a child without current training, when the
// new certificate is current.
Result<std::int64_t> record_certificate(db::Connection& c, std::int64_t organisation_id,
                                        std::int64_t home_id, const CertificateInput& input,
                                        const audit::Actor& actor, Timestamp now);

// After any physical intervention course is recorded, however it was (the team's training form
// too): a current certificate meets the clock an untrained hold started.
Status meet_untrained_hold_clock(db::Connection& c, const team::TrainingInput& done,
                                 const audit::Actor& actor, Timestamp now);

}  // namespace hearth::intervention
