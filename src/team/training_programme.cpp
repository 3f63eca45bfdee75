#include "team/training_programme.hpp"

#include <algorithm>
#include <cctype>

namespace hearth::team {

namespace {

constexpr int longest_window_days = 365;
constexpr int longest_validity_months = 120;

std::string key_from_name(const std::string& name) {
    std::string out;
    for (const char ch : name) {
        const auto u = static_cast<unsigned char>(ch);
        if (std::isalnum(u)) {
            out += static_cast<char>(std::tolower(u));
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') {
        out.pop_back();
    }
    return out.substr(0, 60);
}

}  // namespace

const std::vector<Role>& course_roles() {
    static const std::vector<Role> roles{Role::registered_manager, Role::deputy,
                                         Role::support_worker};
    return roles;
}

const std::vector<Course>& default_courses() {
    const std::vector<Role>& all = course_roles();
    const std::vector<Role> seniors{Role::registered_manager, Role::deputy};
    // Windows and validity as most providers set them; the law fixes none of them.
    static const std::vector<Course> courses{
        {"safeguarding", "Safeguarding children", all, 7, 12},
        {"positive_relationships", "The positive relationships policy", all, 7, 12},
        {"de_escalation", "De-escalation", all, 28, 12},
        {physical_intervention_course, "Accredited physical intervention", all, 28, 12},
        {"trauma_informed", "Trauma-informed care", all, 90, 36},
        {"pace", "PACE (playfulness, acceptance, curiosity, empathy)", all, 90, 36},
        {"restorative", "Restorative practice", all, 90, 36},
        {"language_that_cares", "Language that cares", all, 28, std::nullopt},
        {"first_aid", "First aid", all, 90, 36},
        {"fire_safety", "Fire safety", all, 7, 12},
        {"medication", "Administering medication", all, 28, 12},
        {"supervision_skills", "Supervising staff", seniors, 90, 36},
    };
    return courses;
}

std::vector<Course> programme_of(const std::vector<Course>& organisation_courses,
                                 bool with_retired) {
    std::vector<Course> out;
    for (const auto& d : default_courses()) {
        auto own = std::find_if(organisation_courses.begin(), organisation_courses.end(),
                                [&](const Course& c) { return c.key == d.key; });
        out.push_back(own == organisation_courses.end() ? d : *own);
    }
    for (const auto& c : organisation_courses) {
        if (!find_course(default_courses(), c.key)) {
            out.push_back(c);
        }
    }
    if (!with_retired) {
        std::erase_if(out, [](const Course& c) { return c.retired; });
    }
    return out;
}

const Course* find_course(const std::vector<Course>& programme, const std::string& key) {
    auto found = std::find_if(programme.begin(), programme.end(),
                              [&](const Course& c) { return c.key == key; });
    return found == programme.end() ? nullptr : &*found;
}

bool required_of(const Course& course, const std::vector<Role>& roles) {
    return !course.retired && std::any_of(roles.begin(), roles.end(), [&](Role r) {
        return std::find(course.required_for.begin(), course.required_for.end(), r) !=
               course.required_for.end();
    });
}

Result<CourseInput> read_course(http::FormReader& form, const std::vector<Course>& programme) {
    CourseInput in;
    std::vector<std::string> keys{"new"};
    for (const auto& c : programme) {
        keys.push_back(c.key);
    }
    const auto which = form.choice("course", "the course to change, or a new one", keys, true);
    in.course.name = form.text("name", "the course's name", {.required = true, .max = 120});
    std::vector<std::string> role_keys;
    for (auto r : course_roles()) {
        role_keys.emplace_back(role_key(r));
    }
    const auto roles = form.choices("roles", "the roles that must have it", role_keys);
    const auto within =
        form.integer("within_days", "how many days after starting they must have it", true, 0,
                     longest_window_days);
    const auto valid =
        form.integer("valid_months", "how many months it lasts", false, 1, longest_validity_months);
    in.course.retired = form.flag("retired", "whether it is retired");
    if (roles.empty() && !in.course.retired) {
        form.fail("roles", "Choose the roles that must have it");
    }
    TRY(form.finish());
    for (const auto& k : roles) {
        in.course.required_for.push_back(*role_from_key(k));
    }
    in.course.within_days = static_cast<int>(*within);
    if (valid) {
        in.course.valid_months = static_cast<int>(*valid);
    }
    if (which == "new") {
        in.course.key = key_from_name(in.course.name);
        if (in.course.key.empty()) {
            return Error::invalid("name", "Enter a name with letters or numbers in it");
        }
        if (find_course(programme, in.course.key)) {
            return Error::invalid("name", "The programme has a course of that name already");
        }
    } else {
        in.key = which;
        in.course.key = which;
    }
    return in;
}

}  // namespace hearth::team
