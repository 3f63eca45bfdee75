#pragma once
// The training programme and each person's training in the database. A completed course is one
// line, never changed. Recording it meets the clocks that waited for it (a new starter's, a
// refresher's) and, when it expires, starts the next: the registered manager's clock to the day it
// runs out. Every change is audited.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/db/database.hpp"
#include "platform/in_order.hpp"
#include "team/training.hpp"

namespace hearth::team {

inline constexpr const char* new_starter_training_clock = "training_new_starter";
inline constexpr const char* refresher_training_clock = "training_refresh";

Result<std::vector<Course>> programme(db::Connection& c, std::int64_t organisation_id,
                                      bool with_retired = false);
// Refused at the field when nothing would change.
Status save_course(db::Connection& c, std::int64_t organisation_id, const CourseInput& in,
                   const audit::Actor& actor, Timestamp now);

struct TrainingLine : TrainingInput {
    std::int64_t id = 0;
    std::string course_name;
    std::string recorded_by;
};

// What another capability does when a course is recorded (the intervention capability: a current
// physical intervention certificate meets the clock an untrained hold started). In the same
// transaction.
struct TrainingRecorded {
    int position = 100;
    std::function<Status(db::Connection&, const TrainingInput&, const audit::Actor&, Timestamp)>
        then;
};
using AfterTraining = InOrder<TrainingRecorded>;

Result<std::int64_t> record_training(db::Connection& c, std::int64_t organisation_id,
                                     std::int64_t home_id, const TrainingInput& in,
                                     const audit::Actor& actor, Timestamp now,
                                     const AfterTraining* after = nullptr);

// Newest first.
Result<std::vector<TrainingLine>> training_of(db::Connection& c, std::int64_t person_id,
                                              const std::vector<Course>& programme);

// A new starter's clock for each course their roles require, to the day it is due, unless they
// have it already.
Status start_new_starter_clocks(db::Connection& c, std::int64_t person_id, std::int64_t home_id,
                                Date started_on, const audit::Actor& actor, Timestamp now);

// The matrix of one home, or of every home of the organisation: everyone with a role with children
// there now, by home and name.
Result<Matrix> matrix_of(db::Connection& c, std::int64_t organisation_id,
                         std::optional<std::int64_t> home_id, Date today);

}  // namespace hearth::team
