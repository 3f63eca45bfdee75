#include "team/team_demo.hpp"

#include <fmt/format.h>

#include "deadlines/deadline_store.hpp"
#include "team/rota_store.hpp"
#include "team/staff_record_store.hpp"
#include "team/supervision_store.hpp"
#include "team/team_session_store.hpp"
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

namespace {

struct Supervised {
    int index;  // into demo_data.cpp's people
    const char* name;
    int supervisor;  // the same
    const char* supervisor_name;
};

constexpr Supervised supervised[] = {
    {2, "Sam Carter", 1, "Priya Shah"},     {3, "Jo Whitfield", 2, "Sam Carter"},
    {4, "Chris Okafor", 2, "Sam Carter"},   {6, "Morgan Reid", 1, "Priya Shah"},
    {7, "Taylor Brooks", 6, "Morgan Reid"}, {8, "Jamie Fox", 6, "Morgan Reid"},
    {9, "Robin Hale", 6, "Morgan Reid"},
};

constexpr const char* practice_notes[] = {
    "Talked through the evenings: tea together has helped the house settle, and the bedtime "
    "routine works best when the same adult stays through it.",
    "Their recording is warm and plain. We looked at writing what a child said in their own words "
    "rather than summing it up.",
    "Key-work sessions are happening weekly; the young person chose the activity each time.",
};
constexpr const char* reflection_notes[] = {
    "Found the shouting on Tuesday hard to stay calm through; noticed they took it personally "
    "and talked about what the young person might have been telling us.",
    "Feeling more confident with de-escalation; a long shift after a difficult night left them "
    "tired, and they asked for a quieter rota next week.",
    "Reflected on feeling rejected when a young person would not talk to them, and how that is "
    "about trust built over time rather than about them.",
};

}  // namespace

Status add_supervision(db::Connection& c, const DemoWorld& world, Timestamp now,
                       const team::StaffInvolvements& involvements) {
    const auto admin = person(world, 0, "Alex Morgan");
    int n = 0;
    for (const auto& s : supervised) {
        const auto staff_id = world.people[static_cast<std::size_t>(s.index)];
        const auto home = world.homes[s.index < 6 ? 0 : 1];
        const auto supervisor = person(world, s.supervisor, s.supervisor_name);
        const auto self = person(world, s.index, s.name);
        if (s.supervisor == 1) {
            // The registered managers are supervised by the responsible individual.
            TRY(team::set_arrangement(c, staff_id, home, {*supervisor.person_id, std::nullopt},
                                      admin, at(now, 370, 9, 0)));
        }
        // A year of monthly supervisions, the latest this week or last.
        for (int month = 11; month >= 0; --month) {
            const int days_ago = month * 30 + 3 + (n * 2) % 9;
            team::SupervisionInput in;
            in.held_on = local_date_of(at(now, days_ago, 15, 0));
            in.discussed["practice"] = practice_notes[(n + month) % 3];
            in.discussed["training"] = month % 4 == 0
                                           ? "Their de-escalation refresher is booked; the PACE "
                                             "course next quarter."
                                           : "Up to date with the programme.";
            in.discussed["wellbeing"] =
                "Sleeping better since the rota changed; no worries to raise.";
            in.discussed[team::reflection_heading] = reflection_notes[(n + month) % 3];
            if (month % 3 == 1) {
                in.confidential.push_back("wellbeing");
            }
            if (month <= 1) {
                in.actions.push_back(
                    {"Read the updated positive relationships policy with the team", staff_id,
                     Date{std::chrono::sys_days{in.held_on} +
                          std::chrono::days{month == 0 ? 21 : 14}}});
            }
            const auto listed =
                TRY(team::since_last_supervision(c, involvements, staff_id, home, in.held_on));
            const auto id = TRY(team::record_supervision(c, staff_id, home, in, listed, supervisor,
                                                         at(now, days_ago, 16, 0)));
            TRY(team::sign_supervision(c, id, staff_id, home, supervisor,
                                       at(now, days_ago, 16, 5)));
            if (month == 1) {
                // Last month's action is done; this month's is open.
                for (const auto& r : TRY(c.query(
                         "SELECT id FROM supervision_actions WHERE supervision_id = $1", {id}))) {
                    TRY(deadlines::meet(c, "supervision_action", r.integer(0),
                                        team::supervision_action_clock, self,
                                        at(now, days_ago - 10, 14, 0),
                                        "Read it with the team at the team meeting"));
                }
            }
            // Chris Okafor has not yet read and signed his latest.
            if (!(month == 0 && s.index == 4)) {
                TRY(team::sign_supervision(c, id, staff_id, home, self,
                                           at(now, days_ago - 1, 9, 30)));
            }
        }
        ++n;
    }
    return {};
}

Status add_rota(db::Connection& c, const DemoWorld& world, Timestamp now) {
    struct HomeRota {
        int home;
        int manager;
        const char* manager_name;
        int staff[4];
        const char* night;  // the kind of the night shift
    };
    // In this order, Dana Lewis (5), under supervision while her last reference comes back,
    // always works beside Sam Carter or Jo Whitfield, and never leads the shift.
    constexpr HomeRota rotas[] = {{0, 2, "Sam Carter", {2, 4, 3, 5}, "waking_night"},
                                  {1, 6, "Morgan Reid", {6, 7, 8, 9}, "sleep_in"}};
    constexpr const char* night_workers[] = {"Lee Parry", "Ash Kemble"};
    constexpr const char* agency = "Brightside Staffing (fictional)";
    constexpr const char* agency_checks =
        "Enhanced DBS on the update service, checked this month; two references; safeguarding, "
        "first aid and accredited physical intervention training current, as the agency's "
        "profile says";
    const Date today = local_date_of(now);
    for (const auto& r : rotas) {
        const auto home = world.homes[static_cast<std::size_t>(r.home)];
        const auto manager = person(world, r.manager, r.manager_name);
        TRY(team::set_staffing(c, home, {{"early", 2}, {"late", 2}, {r.night, 1}}, manager,
                               at(now, 28, 9, 0)));
        const auto shift = [&](Date day, std::optional<std::int64_t> who, const char* worker,
                               const char* kind, const char* role, int from, int to,
                               Timestamp written) -> Result<std::int64_t> {
            team::ShiftInput in;
            in.person_id = who;
            if (!who) {
                in.agency_worker = worker;
                in.agency = agency;
                in.agency_checks = agency_checks;
            }
            in.kind = kind;
            in.role = role;
            in.starts_at = from_local(day, from / 60, from % 60).value_or(now);
            const Date end_day =
                to < from ? Date{std::chrono::sys_days{day} + std::chrono::days{1}} : day;
            in.ends_at = from_local(end_day, to / 60, to % 60).value_or(now);
            return team::add_shift(c, home, in, manager, written);
        };
        // Two weeks gone and two ahead, planned three weeks before the first.
        const Timestamp planned_at = at(now, 21, 9, 0);
        for (int d = -14; d < 14; ++d) {
            const Date day{std::chrono::sys_days{today} + std::chrono::days{d}};
            const auto staff = [&](int k) {
                return world.people[static_cast<std::size_t>(r.staff[(d + 14 + k) % 4])];
            };
            // The one under supervision never leads the shift.
            const auto leads = [&](int k) {
                return staff(k) == world.people[5] ? staff(k + 1) : staff(k);
            };
            const auto follows = [&](int k) {
                return staff(k) == world.people[5] ? staff(k) : staff(k + 1);
            };
            std::vector<std::pair<std::int64_t, bool>> made;  // id, whether it was a late
            made.emplace_back(
                TRY(shift(day, leads(0), "", "early", "shift_lead", 7 * 60, 15 * 60, planned_at)),
                false);
            // Three days ahead, the second early is not filled yet: the rota falls short.
            if (d != 3) {
                made.emplace_back(TRY(shift(day, follows(0), "", "early", "on_shift", 7 * 60,
                                            15 * 60, planned_at)),
                                  false);
            }
            made.emplace_back(TRY(shift(day, leads(2), "", "late", "shift_lead", 14 * 60 + 30,
                                        22 * 60 + 30, planned_at)),
                              true);
            made.emplace_back(TRY(shift(day, follows(2), "", "late", "on_shift", 14 * 60 + 30,
                                        22 * 60 + 30, planned_at)),
                              true);
            made.emplace_back(TRY(shift(day, std::nullopt, night_workers[(d + 14) % 2], r.night,
                                        "on_shift", 22 * 60, 7 * 60 + 30, planned_at)),
                              false);
            if (d >= 0) {
                continue;
            }
            // What happened, recorded the morning after; six days ago a late was lost to
            // sickness and covered by the agency.
            for (const auto& [id, late] : made) {
                const bool sick = d == -6 && late && id == made[3].first;
                team::OutcomeInput o;
                o.outcome = sick ? "sick" : "worked";
                o.note = sick ? "Rang in sick at noon; covered by Lee Parry from the agency" : "";
                TRY(team::record_outcome(c, home, id, o, manager,
                                         std::min(at(now, -d - 1, 9, 15), now)));
                if (sick) {
                    const auto cover = TRY(shift(day, std::nullopt, "Lee Parry", "late", "on_shift",
                                                 15 * 60, 22 * 60 + 30, at(now, -d, 14, 45)));
                    TRY(team::record_outcome(c, home, cover, {"worked", {}, {}, ""}, manager,
                                             std::min(at(now, -d - 1, 9, 20), now)));
                }
            }
        }
    }
    return {};
}

Status add_team_sessions(db::Connection& c, const DemoWorld& world, Timestamp now) {
    struct HomeTeam {
        int home;
        int manager;
        const char* manager_name;
        int staff[4];
        int child;  // a child of the home, whose needs one session was about
    };
    // Robin Hale (9) has missed the last four months' sessions.
    constexpr HomeTeam teams[] = {{0, 2, "Sam Carter", {2, 3, 4, 5}, 0},
                                  {1, 6, "Morgan Reid", {6, 7, 8, 9}, 4}};
    auto learning = TRY(c.query_one(
        "SELECT MIN(id) FROM staff_debriefs WHERE share_learning = 1 AND learning <> ''"));
    const Date today = local_date_of(now);
    for (const auto& t : teams) {
        const auto home = world.homes[static_cast<std::size_t>(t.home)];
        const auto by = person(world, t.manager, t.manager_name);
        for (int month = 11; month >= 0; --month) {
            const int days_ago = month * 30 + 6;
            team::SessionInput in;
            in.held_on = Date{std::chrono::sys_days{today} - std::chrono::days{days_ago}};
            in.kind = month % 2 == 0 ? "reflective_practice" : "team_meeting";
            for (int k : t.staff) {
                const bool new_starter = k == 5 && month > 0;
                const bool missing = k == 9 && month < 4;
                if (!new_starter && !missing) {
                    in.attendees.push_back(world.people[static_cast<std::size_t>(k)]);
                }
            }
            if (in.kind == "team_meeting") {
                in.about = month % 4 == 1 ? "policy" : "theme";
                in.topic = in.about == "theme" ? "Bedtimes and the quiet hour" : "";
                in.learned = in.about == "policy"
                                 ? "Went through the positive relationships policy's section on "
                                   "repair after a consequence; agreed to offer repair the same "
                                   "evening."
                                 : "The quiet hour works when an adult stays in the lounge with "
                                   "the young people rather than checking rooms.";
            } else if (month % 4 == 0 && learning && !learning->is_null(0)) {
                in.about = "shared_learning";
                in.shared_learning_id = learning->integer(0);
                in.learned =
                    "Talked through how the hold came about and what we would try "
                    "earlier: naming the feeling, offering the garden.";
            } else {
                in.about = "child";
                in.child_id = world.children[static_cast<std::size_t>(t.child)];
                in.learned =
                    "Shared what helps at school drop-off and agreed to keep the same "
                    "adult on the school run this term.";
            }
            in.actions = "Bring it back to next month's meeting";
            TRY(team::record_session(c, home, in, by, at(now, days_ago, 19, 0)));
        }
    }
    return {};
}

}  // namespace hearth::demo
