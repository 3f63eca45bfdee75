#pragma once
// The organisation's training programme (issue 15; seed 001 asks for a training programme for the
// policy): each course, which roles must have it, how soon after starting, and how long it lasts
// before it must be refreshed. Hearth's defaults are here; an organisation changes them, or adds
// its own, on the programme page (training_store.hpp). Plain data and rules.
#include <optional>
#include <string>
#include <vector>

#include "platform/auth/permissions.hpp"
#include "platform/clock.hpp"
#include "platform/http/form.hpp"

namespace hearth::team {

struct Course {
    std::string key;
    std::string name;
    std::vector<Role> required_for;   // the roles that must have it
    int within_days = 0;              // how soon after starting
    std::optional<int> valid_months;  // none: it does not expire
    bool retired = false;             // no longer in the programme; its records are kept
};

const std::vector<Course>& default_courses();
// The defaults, each replaced by the organisation's own version of it, then the organisation's
// own courses in the order given; retired ones left out unless `with_retired`.
std::vector<Course> programme_of(const std::vector<Course>& organisation_courses,
                                 bool with_retired = false);
const Course* find_course(const std::vector<Course>& programme, const std::string& key);
bool required_of(const Course& course, const std::vector<Role>& roles);

// The roles a course may be asked of: those that work with children.
const std::vector<Role>& course_roles();

// The physical intervention course: its certificate is the one the Reg 35 record and the
// intervention capability's rules read (no hold by someone untrained).
inline constexpr const char* physical_intervention_course = "physical_intervention";

// A course as the programme page changes or adds it: refused at the field (no name, no role, a
// window or a validity out of bounds). A new course's key is made from its name.
struct CourseInput {
    std::string key;  // empty for a new course
    Course course;
};
Result<CourseInput> read_course(http::FormReader& form, const std::vector<Course>& programme);

}  // namespace hearth::team
