#pragma once
// Each person's training and where it stands (issue 15): a completed course with its day, provider,
// certificate and expiry; and the training matrix, people down and courses across, each cell
// current, due soon, expired, missing or not yet due for a new starter, with the share compliant
// per course and per home. Plain data and rules: the matrix is built from rows the store reads.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.hpp"
#include "platform/http/form.hpp"
#include "team/training_programme.hpp"

namespace hearth::team {

struct TrainingInput {
    std::int64_t person_id = 0;
    std::string course_key;
    Date completed_on{};
    std::string provider;
    std::string certificate;
    std::optional<Date> expires_on;  // the course's validity from completion when not given
};
// Refused at the field: a course not in the programme, a completion in the future or before they
// were born to the job (more than 60 years ago), an expiry before completion.
Result<TrainingInput> read_training(http::FormReader& form, const std::vector<Course>& programme,
                                    std::int64_t person_id, Date today);
// When a course done on `completed` runs out: its validity in months, to the same day.
std::optional<Date> expiry_of(const Course& course, Date completed);

// Training that runs out within this is "due soon".
inline constexpr std::chrono::days training_due_within{30};

enum class Cell { current, due_soon, expired, missing, not_yet_due, not_required };
std::string cell_key(Cell c);    // "current"
std::string cell_label(Cell c);  // "Due soon"

// One person's latest completion of one course.
struct Completion {
    std::int64_t person_id = 0;
    std::string course_key;
    Date completed_on{};
    std::optional<Date> expires_on;
};

struct MatrixPerson {
    std::int64_t person_id = 0;
    std::string name;
    std::int64_t home_id = 0;
    std::string home_name;
    std::vector<Role> roles;
    std::optional<Date> started_on;
};

struct MatrixCell {
    Cell cell = Cell::not_required;
    std::optional<Date> completed_on;
    std::optional<Date> expires_on;
    std::optional<Date> due_by;  // a new starter's day
};

struct Share {
    int compliant = 0;
    int required = 0;  // cells that count: required and past a new starter's window
    int percent() const { return required == 0 ? 100 : compliant * 100 / required; }
};

struct Matrix {
    std::vector<Course> courses;
    std::vector<MatrixPerson> people;
    std::vector<std::vector<MatrixCell>> cells;  // [person][course]
    std::vector<Share> per_course;
    std::map<std::int64_t, Share> per_home;
    Share overall;
};

// Where one person stands with one course on `today`.
MatrixCell cell_for(const MatrixPerson& person, const Course& course,
                    const std::optional<Completion>& latest, Date today);
// `completions`: any order; the latest per person and course counts.
Matrix build_matrix(std::vector<MatrixPerson> people, std::vector<Course> courses,
                    const std::vector<Completion>& completions, Date today);

// The matrix as CSV (RFC 4180) and as an XLSX workbook: one row a person, one column a course,
// then the share compliant per course.
std::string matrix_csv(const Matrix& m);
Result<std::string> matrix_xlsx(const Matrix& m, const std::string& title);

}  // namespace hearth::team
