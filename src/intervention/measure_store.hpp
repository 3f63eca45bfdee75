#pragma once
// Reg 35 records in the database. A record is written with its first version, its chronology
// line, its clocks and its audit entry in one transaction. The two sign-offs are made once each
// and name the version they signed; a later correction is an amendment, which keeps every version
// and shows that it came after a signature.
#include <optional>
#include <string>
#include <vector>

#include "behaviour/incident_store.hpp"
#include "intervention/measure.hpp"
#include "intervention/reg35.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"

namespace hearth::intervention {

struct Review {
    Stage stage = Stage::staff;
    Date spoke_on{};
    std::string note;
    std::string child_said;
    int signed_version = 0;
    std::string signed_by_name;
    Timestamp signed_at{};
};

// A conversation with someone who used the measure (Reg 35(3)(b)): at the staff sign-off, or after
// it with someone it did not name.
struct StaffConversation {
    std::int64_t person_id = 0;
    std::string name;
    Date spoke_on{};
    std::string note;
    std::string recorded_by_name;
    Timestamp recorded_at{};
    bool at_sign_off = false;
};

struct Measure {
    std::int64_t id = 0;
    std::int64_t incident_id = 0;
    std::int64_t child_id = 0;
    std::int64_t home_id = 0;
    std::string child_name;
    MeasureDetails details;
    std::int64_t author_id = 0;
    std::string author_name;
    Timestamp created_at{};
    Timestamp updated_at{};
    std::string updated_by_name;
    int version = 1;
    std::optional<Review> staff_review;
    std::optional<Review> child_review;
    std::vector<StaffConversation> staff_spoken_to;
};

// Who used the measure and has not yet been spoken to.
std::vector<std::int64_t> not_yet_spoken_to(const Measure& m);

// What a measure needs from its incident and child when it is written.
struct Writing {
    const behaviour::Incident* incident = nullptr;
    std::int64_t child_id = 0;
    std::int64_t organisation_id = 0;
    std::string technique_label;
};

// Refused when the child is not one the incident is about.
Result<std::int64_t> record(db::Connection& c, const Writing& w, const MeasureDetails& d,
                            const audit::Actor& actor, Timestamp now);
// Refused with a conflict when the record is no longer at `read_version`.
Status amend(db::Connection& c, std::int64_t measure_id, int read_version, const MeasureDetails& d,
             const std::string& technique_label, std::int64_t organisation_id,
             const std::string& reason, const audit::Actor& actor, Timestamp now);
Result<std::optional<Measure>> find(db::Connection& c, std::int64_t measure_id);
Result<std::vector<Measure>> for_incident(db::Connection& c, std::int64_t incident_id);
// The consequences given to a child that began at or after `since`, oldest first.
Result<std::vector<Measure>> consequences_since(db::Connection& c, std::int64_t child_id,
                                                Timestamp since);
Status record_read(db::Connection& c, const Measure& m, const audit::Actor& actor, Timestamp now);

// Whether a person may sign a home's Reg 35 records, as the database knows them.
Result<Signer> signer_for(db::Connection& c, const Person& person, std::int64_t home_id);
// Refused with a conflict when that stage is signed already or the record changed since it was
// read; with the reason at its field when the signer may not sign it.
Status sign(db::Connection& c, std::int64_t measure_id, Stage stage, const ReviewInput& r,
            const Signer& signer, const audit::Actor& actor, Timestamp now);

// After the staff sign-off: a conversation with someone who used the measure whom it did not name.
// The signer rules are the sign-off's.
Status record_conversation(db::Connection& c, std::int64_t measure_id, const ConversationInput& r,
                           const Signer& signer, const audit::Actor& actor, Timestamp now);

// The staff among `people` whose accredited training was not current on `day`, with a clock
// started for the registered manager for each (once: an open clock is not started again).
Result<std::vector<behaviour::Person>> check_training(db::Connection& c, std::int64_t home_id,
                                                      const std::vector<std::int64_t>& people,
                                                      Date day, const audit::Actor& actor,
                                                      Timestamp now);

// For the router: the child a record is about.
Status resolve_scope(db::Connection& c, std::int64_t measure_id, Scope& scope);

}  // namespace hearth::intervention
