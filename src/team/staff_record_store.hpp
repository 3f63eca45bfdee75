#pragma once
// Staff records in the database. A record's details are corrected, never overwritten: each earlier
// version is kept (record_versions). Checks are lines added, never changed. When the last check a
// person needs is recorded, or a registered manager records why they may start under supervision,
// their roles that waited for it come into force in the same transaction. Every read and write is
// in the audit trail.
#include <optional>
#include <string>
#include <vector>

#include "deadlines/deadline.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"
#include "team/staff_record.hpp"
#include "team/training_store.hpp"

namespace hearth::team {

inline constexpr const char* staff_record_type = "staff_record";
inline constexpr const char* checks_clock = "staff_checks";
inline constexpr const char* qualification_clock = "staff_qualification";
inline constexpr const char* correction_clock = "staff_correction_request";
// How long the registered manager has to answer a request for a correction.
inline constexpr std::chrono::days correction_answer_within{14};

struct Check : CheckInput {
    std::int64_t id = 0;
    std::string recorded_by;
    Timestamp recorded_at{};
};

struct SupervisedStartRecord : SupervisedStart {
    std::int64_t id = 0;
    std::string recorded_by;
    Timestamp recorded_at{};
};

struct QualificationRecord : QualificationInput {
    std::int64_t id = 0;
    Date achieve_by{};
    std::optional<Date> achieved_on;
    std::string recorded_by;
};

struct CorrectionRequestRecord : CorrectionRequest {
    std::int64_t id = 0;
    Timestamp asked_at{};
    std::string answer;  // "", "accepted", "declined"
    std::string answer_note;
    std::string answered_by;
    std::optional<Timestamp> answered_at;
};

struct RoleHeld {
    std::int64_t home_id = 0;
    std::string home_name;
    Role role{};
    bool awaiting_checks = false;
};

struct StaffRecord {
    std::int64_t person_id = 0;
    std::string name;
    std::string email;
    std::string job_title;
    std::vector<RoleHeld> roles;  // in force or waiting, in every home
    std::optional<StaffDetails> details;
    int version = 0;  // 0: no details recorded yet
    std::string updated_by;
    std::optional<Timestamp> updated_at;
    std::vector<Check> checks;  // newest first
    std::vector<SupervisedStartRecord> supervised_starts;
    std::vector<QualificationRecord> qualifications;
    std::vector<amendments::Version> versions;
    // The clocks its supervised starts and qualifications run.
    std::vector<deadlines::Deadline> clocks;
    std::vector<Course> programme;                  // the organisation's, for the training form
    std::vector<TrainingLine> training;             // newest first
    std::vector<CorrectionRequestRecord> requests;  // newest first
};

// What still stands between the person and work with children.
std::vector<std::string> missing_checks_of(const StaffRecord& r);

// Their whole record, its reading audited (as a child's is).
Result<StaffRecord> read_staff_record(db::Connection& c, std::int64_t person_id,
                                      std::int64_t home_id, const audit::Actor& actor,
                                      Timestamp now);

// The first details, or a correction of them: `read_version` is the version the form was read
// from (0 for the first), a conflict when someone saved since; a correction needs its reason. The
// first starts a new starter's clock for each course their roles require.
Status save_details(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                    const StaffDetails& d, int read_version, const std::string& reason,
                    const audit::Actor& actor, Timestamp now);

// Their own request, refused at "asked" when it is not a value the detail can take; the registered
// manager's clock to answer it starts.
Result<std::int64_t> ask_correction(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                                    const CorrectionRequest& r, const audit::Actor& actor,
                                    Timestamp now);
// Once. Accepting applies what was asked (a correction whose reason is the request, every earlier
// version kept), refused at "answer" when it is not a value the detail can take; "something else"
// the manager corrects by hand first. Declining needs its reason (declined_because).
Status answer_correction(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                         std::int64_t request_id, bool accept, const std::string& note,
                         const audit::Actor& actor, Timestamp now);

Result<std::int64_t> record_check(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                                  const CheckInput& in, const audit::Actor& actor, Timestamp now);

// Refused when every check is recorded already: there is nothing to start before.
Result<std::int64_t> record_supervised_start(db::Connection& c, std::int64_t person_id,
                                             std::int64_t home_id, const SupervisedStart& s,
                                             const audit::Actor& actor, Timestamp now);

// Needs the day they started (their details): the clock runs from it, as long as the setting.
Result<std::int64_t> record_qualification(db::Connection& c, std::int64_t person_id,
                                          std::int64_t home_id, const QualificationInput& in,
                                          const audit::Actor& actor, Timestamp now);
// Once: a conflict when it was recorded already.
Status record_achieved(db::Connection& c, std::int64_t person_id, std::int64_t qualification_id,
                       Date achieved_on, const audit::Actor& actor, Timestamp now);
Result<std::optional<QualificationRecord>> find_qualification(db::Connection& c,
                                                              std::int64_t person_id,
                                                              std::int64_t qualification_id);

// A home's team for its registered manager: everyone with a role there now, in force or waiting.
struct TeamMember {
    std::int64_t person_id = 0;
    std::string name;
    std::string job_title;
    std::vector<Role> roles;
    bool awaiting_checks = false;
    bool has_details = false;
    std::optional<Date> started_on;
    std::vector<std::string> missing;
    std::optional<Date> checks_by;  // a supervised start's day, while checks are missing
    std::vector<QualificationRecord> qualifications;
};
Result<std::vector<TeamMember>> team_of_home(db::Connection& c, std::int64_t home_id);

// The router's resolver: a person who works or worked in the home, of the reader's organisation.
Status resolve_staff_scope(db::Connection& c, std::int64_t person_id, Scope& scope);

}  // namespace hearth::team
