#include "team/team_demo.hpp"

#include <fmt/format.h>

#include "team/staff_record_store.hpp"
#include "team/training_store.hpp"

namespace hearth::demo {

namespace {

struct DemoStaff {
    int index;  // into demo_data.cpp's people
    const char* name;
    int manager;  // who records it: their home's registered manager, or the administrator
    const char* sex;
    const char* born;
    const char* address;
    int years_in_post;
    bool part_time;
    team::Qualification qualification;
    bool achieved;
};

constexpr DemoStaff demo_staff[] = {
    {2, "Sam Carter", 0, "male", "1981-03-14", "4 Orchard Row, Northbridge, NB1 4QT", 6, false,
     team::Qualification::level5_leadership, true},
    {3, "Jo Whitfield", 2, "female", "1987-09-02", "17 Mill Lane, Northbridge, NB3 7LP", 4, false,
     team::Qualification::level3_residential, true},
    {4, "Chris Okafor", 2, "male", "1992-01-23", "Flat 2, 9 Canal Street, Northbridge, NB2 5HD", 3,
     false, team::Qualification::level3_residential, true},
    {5, "Dana Lewis", 2, "female", "1998-06-30", "31 Beech Close, Westerby, WB4 2AA", 0, true,
     team::Qualification::level3_residential, false},
    {6, "Morgan Reid", 0, "female", "1979-11-08", "2 Quayside Terrace, Seaholm, SH1 3PE", 1, false,
     team::Qualification::level5_leadership, false},
    {7, "Taylor Brooks", 6, "other", "1990-04-19", "56 Harbour Road, Seaholm, SH2 8JN", 5, false,
     team::Qualification::level3_residential, true},
    {8, "Jamie Fox", 6, "male", "1995-12-01", "8 Lighthouse Way, Seaholm, SH1 6RB", 2, true,
     team::Qualification::level3_residential, true},
    {9, "Robin Hale", 6, "female", "1993-07-27", "23 Dune View, Seaholm, SH3 1LT", 1, false,
     team::Qualification::level3_residential, false},
};

Date team_days_before(Date day, int days) {
    return Date{std::chrono::sys_days{day} - std::chrono::days{days}};
}

}  // namespace

Status add_team(db::Connection& c, const DemoWorld& world, Timestamp now) {
    const Date today = local_date_of(now);
    int n = 0;
    for (const auto& s : demo_staff) {
        const auto staff_id = world.people[static_cast<std::size_t>(s.index)];
        const int home_index = s.index < 6 ? 0 : 1;
        const auto home = world.homes[static_cast<std::size_t>(home_index)];
        const auto by = person(world, s.manager,
                               s.manager == 0   ? "Alex Morgan"
                               : s.manager == 2 ? "Sam Carter"
                                                : "Morgan Reid");
        // A newcomer this autumn; the others started years ago, a few weeks apart.
        const Date started = s.years_in_post == 0
                                 ? team_days_before(today, 20)
                                 : team_days_before(today, 365 * s.years_in_post + 40 * n);
        // A year of training before their record is written, so that only what is missing starts
        // a new starter's clock: most of the programme, a course or two missing or running out.
        const auto role_of = [&](int index) {
            return index == 2 || index == 6   ? Role::registered_manager
                   : index == 3 || index == 7 ? Role::deputy
                                              : Role::support_worker;
        };
        int i = 0;
        for (const auto& course : team::default_courses()) {
            ++i;
            const bool newcomer_has = course.within_days <= 7;
            if (course.key == team::physical_intervention_course ||
                !team::required_of(course, {role_of(s.index)}) ||
                (s.years_in_post == 0 && !newcomer_has) || (n + i) % 9 == 0) {
                continue;
            }
            const Date completed = s.years_in_post == 0
                                       ? team_days_before(today, 18)
                                       : team_days_before(today, 20 + (n * 37 + i * 23) % 340);
            const Timestamp when =
                at(now,
                   static_cast<int>(
                       (std::chrono::sys_days{today} - std::chrono::sys_days{completed}).count()),
                   17, 0);
            TRY(team::record_training(
                c, world.organisation, home,
                {staff_id, course.key, completed,
                 course.key == "first_aid" ? "Coastline First Aid Training" : "Hearth Learning",
                 course.key == "first_aid" ? fmt::format("FA-{:05d}", 1200 + n * 7 + i) : "",
                 team::expiry_of(course, completed)},
                by, when));
        }
        team::StaffDetails d;
        d.sex = s.sex;
        d.date_of_birth = *parse_date(s.born);
        d.address = s.address;
        d.experience = s.qualification == team::Qualification::level5_leadership
                           ? "Level 3 Diploma for Residential Childcare; eight years in children's "
                             "homes, three as a deputy manager"
                           : "Worked in a youth club and a special school before joining";
        d.works = s.part_time ? "part_time" : "full_time";
        d.hours_per_week = s.part_time ? std::optional<int>{24} : std::nullopt;
        d.started_on = started;
        // Recorded a week before they started.
        const auto days_ago = static_cast<int>(
            (std::chrono::sys_days{today} - std::chrono::sys_days{started}).count());
        const Timestamp recorded = at(now, days_ago + 7, 10, 0);
        TRY(team::save_details(c, staff_id, home, d, 0, "", by, recorded));
        const Date before_start = team_days_before(started, 14);
        const auto check = [&](team::CheckKind kind, std::string what, Date dated,
                               std::string note) -> Status {
            TRY(team::record_check(c, staff_id, home,
                                   {kind, std::move(what), dated, std::move(note)}, by, recorded));
            return {};
        };
        TRY(check(team::CheckKind::identity, "Passport", before_start, ""));
        TRY(check(team::CheckKind::dbs, fmt::format("0012{:08d}", 4711 + n * 37), before_start,
                  "Subscribed to the update service. Nothing disclosed."));
        TRY(check(team::CheckKind::employment_history, "From leaving school to now", before_start,
                  "A gap of five months travelling, explained at interview"));
        TRY(check(team::CheckKind::right_to_work, "Passport", before_start, ""));
        TRY(check(team::CheckKind::reference, "Their last employer's manager", before_start,
                  "Good with young people; reliable"));
        if (s.years_in_post == 0) {
            // The second reference is awaited: a supervised start, its clock two weeks ahead.
            TRY(team::record_supervised_start(
                c, staff_id, home,
                {"Identity, DBS, history and right to work are back, with one reference. Always on "
                 "shift with the deputy or the registered manager until the second comes back.",
                 Date{std::chrono::sys_days{today} + std::chrono::days{14}}},
                by, recorded));
        } else {
            TRY(check(team::CheckKind::reference, "A college tutor", before_start,
                      "Knew them three years"));
            TRY(check(team::CheckKind::dbs_update, fmt::format("0012{:08d}", 4711 + n * 37),
                      team_days_before(today, 30 + n * 11), "No change since the certificate"));
        }
        const Date registered = s.years_in_post == 0 ? team_days_before(today, 10) : started;
        const auto id = TRY(team::record_qualification(
            c, staff_id, home, {s.qualification, registered}, by, recorded));
        if (s.achieved) {
            // Within the years the regulations give: a year or so after starting.
            const Date achieved{std::chrono::sys_days{started} + std::chrono::days{300 + n * 20}};
            const int achieved_days_ago = static_cast<int>(
                (std::chrono::sys_days{today} - std::chrono::sys_days{achieved}).count());
            TRY(team::record_achieved(c, staff_id, id, achieved, by,
                                      at(now, achieved_days_ago, 12, 0)));
        }
        ++n;
    }
    // Chris Okafor moved house last month and asked for his record to say so: awaiting an answer.
    const auto chris = world.people[4];
    TRY(team::ask_correction(
        c, chris, world.homes[0],
        {"address", "Flat 5, 12 Wharf Road, Northbridge, NB2 6JT", "I moved house in October"},
        person(world, 4, "Chris Okafor"), at(now, 3, 21, 15)));
    return {};
}

}  // namespace hearth::demo
