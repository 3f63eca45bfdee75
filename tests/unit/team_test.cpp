// The team on a set clock: a staff record's details, a check and a supervised start are refused at
// the field (nobody under 18, a start before their birth, an end before their start, a day in the
// future, a DBS number that is not twelve digits, an employment history without its gaps, a
// supervised start longer than the setting); a role with children given to someone new is not in
// force until their last check is recorded, or a supervised start is, whose clock the last check
// then meets; a correction keeps the version before; a qualification's clock runs from the day
// they started and is met only by its achievement, once. Training: a completion in the future or
// an expiry before it is refused; each cell of the matrix (current, due soon, expired, missing, a
// new starter not yet due, not required) and the shares; the CSV and the spreadsheet; recording a
// course meets its clocks and starts the refresher's. On SQLite, and on PostgreSQL when
// HEARTH_TEST_PG_URL is set.
#include <gtest/gtest.h>

#include "case_record_fixture.hpp"
#include "deadlines/deadline_store.hpp"
#include "team/staff_record_store.hpp"
#include "team/staff_record_view.hpp"
#include "team/training_store.hpp"

namespace team_test {

using namespace hearth;
using namespace hearth::testing;

http::FormData form_of(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body;
    for (const auto& [k, v] : fields) {
        body += (body.empty() ? "" : "&") + k + "=" + http::url_encode(v);
    }
    return http::FormData::from_urlencoded(body).value();
}

const Date today{std::chrono::year{2026}, std::chrono::month{5}, std::chrono::day{12}};

std::vector<std::pair<std::string, std::string>> good_details() {
    return {{"sex", "female"},
            {"date_of_birth", "1994-03-02"},
            {"address", "12 Elm Road, Northbridge"},
            {"experience", "Two years in a special school"},
            {"works", "full_time"},
            {"paid", "yes"},
            {"lives_at_home", "no"},
            {"started_on", "2026-05-01"}};
}

std::vector<std::pair<std::string, std::string>> with(
    std::vector<std::pair<std::string, std::string>> fields, const std::string& name,
    const std::string& value) {
    for (auto& f : fields) {
        if (f.first == name) {
            f.second = value;
            return fields;
        }
    }
    fields.emplace_back(name, value);
    return fields;
}

std::string first_field(const Result<team::StaffDetails>& r) {
    return r.ok() || r.error().fields.empty() ? "" : r.error().fields.front().field;
}

TEST(StaffDetailsForm, ReadsScheduleFourAndNamesEachFieldItRefuses) {
    const auto form = form_of(good_details());
    http::FormReader reader(form);
    const auto d = team::read_staff_details(reader, today);
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_EQ(d.value().works, "full_time");
    EXPECT_FALSE(d.value().hours_per_week);

    for (const auto& field : {"sex", "date_of_birth", "address", "experience", "works", "paid",
                              "lives_at_home", "started_on"}) {
        auto fields = good_details();
        std::erase_if(fields, [&](const auto& f) { return f.first == field; });
        const auto f = form_of(fields);
        http::FormReader r(f);
        const auto read = team::read_staff_details(r, today);
        ASSERT_FALSE(read.ok()) << field;
        EXPECT_EQ(first_field(read), field);
    }
    const struct {
        std::vector<std::pair<std::string, std::string>> fields;
        const char* field;
    } refused[] = {
        {with(good_details(), "works", "part_time"), "hours_per_week"},
        {with(good_details(), "date_of_birth", "2010-01-01"), "date_of_birth"},
        {with(good_details(), "started_on", "2026-05-13"), "started_on"},
        {with(good_details(), "ended_on", "2026-04-30"), "ended_on"},
    };
    for (const auto& c : refused) {
        const auto f = form_of(c.fields);
        http::FormReader r(f);
        const auto read = team::read_staff_details(r, today);
        ASSERT_FALSE(read.ok()) << c.field;
        EXPECT_EQ(first_field(read), c.field);
    }
    const auto part =
        form_of(with(with(good_details(), "works", "part_time"), "hours_per_week", "24"));
    http::FormReader r(part);
    const auto read = team::read_staff_details(r, today);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read.value().hours_per_week, 24);
}

TEST(StaffCheckForm, RefusesAFutureDayAWrongDbsNumberAndAHistoryWithoutItsGaps) {
    auto read = [](std::vector<std::pair<std::string, std::string>> fields) {
        const auto f = form_of(fields);
        http::FormReader r(f);
        return team::read_check(r, today);
    };
    const auto dbs = read({{"kind", "dbs"}, {"what", "0012 3456 7890"}, {"dated", "2026-04-01"}});
    ASSERT_TRUE(dbs.ok()) << dbs.error().message;
    EXPECT_EQ(dbs.value().what, "001234567890") << "kept as its digits";
    const auto short_number = read({{"kind", "dbs"}, {"what", "12345"}, {"dated", "2026-04-01"}});
    ASSERT_FALSE(short_number.ok());
    EXPECT_EQ(short_number.error().fields.front().field, "what");
    const auto future = read({{"kind", "identity"}, {"what", "Passport"}, {"dated", "2026-05-13"}});
    ASSERT_FALSE(future.ok());
    EXPECT_EQ(future.error().fields.front().field, "dated");
    const auto history =
        read({{"kind", "employment_history"}, {"what", "2010 to now"}, {"dated", "2026-04-01"}});
    ASSERT_FALSE(history.ok());
    EXPECT_EQ(history.error().fields.front().field, "note");
    const auto unknown = read({{"kind", "horoscope"}, {"what", "x"}, {"dated", "2026-04-01"}});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().fields.front().field, "kind");
}

TEST(StaffChecks, TwoReferencesAndEveryOtherCheckBeforeWorkWithChildren) {
    using K = team::CheckKind;
    EXPECT_EQ(team::missing_checks({}).size(), 5u);
    const auto one_reference = team::missing_checks(
        {K::identity, K::dbs, K::reference, K::employment_history, K::right_to_work});
    EXPECT_EQ(one_reference, std::vector<std::string>{"A second reference"});
    EXPECT_TRUE(team::missing_checks({K::identity, K::dbs, K::reference, K::reference,
                                      K::employment_history, K::right_to_work})
                    .empty());
    EXPECT_EQ(team::missing_checks({K::dbs_update, K::reference, K::reference}).size(), 4u)
        << "an update service check is not the certificate";
}

TEST(SupervisedStartForm, NeedsItsReasonAndADayWithinTheSetting) {
    auto read = [](std::vector<std::pair<std::string, std::string>> fields) {
        const auto f = form_of(fields);
        http::FormReader r(f);
        return team::read_supervised_start(r, today, 42);
    };
    EXPECT_TRUE(
        read({{"why", "DBS back, one reference awaited"}, {"checks_by", "2026-06-23"}}).ok());
    const auto too_long = read({{"why", "Waiting"}, {"checks_by", "2026-06-24"}});
    ASSERT_FALSE(too_long.ok());
    EXPECT_EQ(too_long.error().fields.front().field, "checks_by");
    const auto past = read({{"why", "Waiting"}, {"checks_by", "2026-05-11"}});
    ASSERT_FALSE(past.ok());
    EXPECT_EQ(past.error().fields.front().field, "checks_by");
    const auto no_reason = read({{"checks_by", "2026-05-20"}});
    ASSERT_FALSE(no_reason.ok());
    EXPECT_EQ(no_reason.error().fields.front().field, "why");
}

TEST(Qualifications, TheRoleSaysWhichAndTheSettingHowLongFromStarting) {
    EXPECT_EQ(team::qualification_for(Role::registered_manager),
              team::Qualification::level5_leadership);
    EXPECT_EQ(team::qualification_for(Role::support_worker),
              team::Qualification::level3_residential);
    EXPECT_FALSE(team::qualification_for(Role::social_worker));
    EXPECT_EQ(team::achieve_by(*parse_date("2026-05-01"), 2), *parse_date("2028-05-01"));
    EXPECT_EQ(team::achieve_by(*parse_date("2024-02-29"), 2), *parse_date("2026-02-28"));
    team::QualificationRecord q;
    q.achieve_by = *parse_date("2026-07-01");
    EXPECT_EQ(team::qualification_standing(q, today), "due_soon");
    EXPECT_EQ(team::qualification_standing(q, *parse_date("2026-07-02")), "overdue");
    EXPECT_EQ(team::qualification_standing(q, *parse_date("2026-01-01")), "working_towards");
    q.achieved_on = *parse_date("2026-06-01");
    EXPECT_EQ(team::qualification_standing(q, *parse_date("2026-07-02")), "achieved");
}

TEST(TrainingForm, RefusesAFutureCompletionAndAnExpiryBeforeItAndFillsTheExpiry) {
    const auto courses = team::default_courses();
    auto read = [&](std::vector<std::pair<std::string, std::string>> fields) {
        const auto f = form_of(fields);
        http::FormReader r(f);
        return team::read_training(r, courses, 7, today);
    };
    const auto good = read({{"course", "safeguarding"},
                            {"completed_on", "2026-03-01"},
                            {"provider", "Hearth Learning"}});
    ASSERT_TRUE(good.ok()) << good.error().message;
    EXPECT_EQ(good.value().expires_on, parse_date("2027-03-01")) << "a year, as the programme says";
    const auto never = read({{"course", "language_that_cares"},
                             {"completed_on", "2026-03-01"},
                             {"provider", "In-house"}});
    ASSERT_TRUE(never.ok());
    EXPECT_FALSE(never.value().expires_on) << "a course that does not expire";
    const struct {
        std::vector<std::pair<std::string, std::string>> fields;
        const char* field;
    } refused[] = {
        {{{"course", "safeguarding"}, {"completed_on", "2026-05-13"}, {"provider", "X"}},
         "completed_on"},
        {{{"course", "safeguarding"},
          {"completed_on", "2026-03-01"},
          {"provider", "X"},
          {"expires_on", "2026-02-28"}},
         "expires_on"},
        {{{"course", "juggling"}, {"completed_on", "2026-03-01"}, {"provider", "X"}}, "course"},
        {{{"course", "safeguarding"}, {"completed_on", "2026-03-01"}}, "provider"},
    };
    for (const auto& c : refused) {
        const auto r = read(c.fields);
        ASSERT_FALSE(r.ok()) << c.field;
        EXPECT_EQ(r.error().fields.front().field, c.field);
    }
}

TEST(TrainingMatrix, EachCellAndTheSharesCountOnlyWhatIsDue) {
    const auto* course = team::find_course(team::default_courses(), "safeguarding");
    ASSERT_TRUE(course);
    team::MatrixPerson worker{
        1, "Chris Okafor", 1, "Willow House", {Role::support_worker}, parse_date("2025-01-01")};
    auto done = [](const char* completed, std::optional<const char*> expires) {
        return std::optional<team::Completion>{
            team::Completion{1, "safeguarding", *parse_date(completed),
                             expires ? parse_date(*expires) : std::optional<Date>{}}};
    };
    EXPECT_EQ(team::cell_for(worker, *course, done("2026-01-01", "2027-01-01"), today).cell,
              team::Cell::current);
    EXPECT_EQ(team::cell_for(worker, *course, done("2025-06-01", "2026-06-01"), today).cell,
              team::Cell::due_soon);
    EXPECT_EQ(team::cell_for(worker, *course, done("2025-05-01", "2026-05-11"), today).cell,
              team::Cell::expired);
    EXPECT_EQ(team::cell_for(worker, *course, std::nullopt, today).cell, team::Cell::missing);
    team::MatrixPerson starter = worker;
    starter.started_on = parse_date("2026-05-08");
    const auto due = team::cell_for(starter, *course, std::nullopt, today);
    EXPECT_EQ(due.cell, team::Cell::not_yet_due);
    EXPECT_EQ(due.due_by, parse_date("2026-05-15")) << "seven days from starting";
    const auto* seniors_only = team::find_course(team::default_courses(), "supervision_skills");
    EXPECT_EQ(team::cell_for(worker, *seniors_only, std::nullopt, today).cell,
              team::Cell::not_required);

    std::vector<team::Course> two{*course, *seniors_only};
    const auto m = team::build_matrix(
        {worker,
         {2, "Dana Lewis", 1, "Willow House", {Role::support_worker}, parse_date("2026-05-10")},
         {3, "Jamie Fox", 2, "Harbour View", {Role::deputy}, parse_date("2020-01-01")}},
        two,
        {{1, "safeguarding", *parse_date("2024-01-01"), parse_date("2025-01-01")},
         {1, "safeguarding", *parse_date("2026-01-01"), parse_date("2027-01-01")},
         {3, "supervision_skills", *parse_date("2026-02-01"), parse_date("2029-02-01")}},
        today);
    EXPECT_EQ(m.cells[0][0].cell, team::Cell::current) << "the latest completion counts";
    EXPECT_EQ(m.per_course[0].required, 2) << "Dana is within her seven days";
    EXPECT_EQ(m.per_course[0].compliant, 1);
    EXPECT_EQ(m.per_course[0].percent(), 50);
    EXPECT_EQ(m.per_course[1].required, 1);
    EXPECT_EQ(m.per_course[1].percent(), 100);
    EXPECT_EQ(m.per_home.at(1).percent(), 100);
    EXPECT_EQ(m.per_home.at(2).percent(), 50);
    EXPECT_EQ(m.overall.required, 3);

    const auto csv = team::matrix_csv(m);
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "Name,Home,Safeguarding children,Supervising staff");
    EXPECT_NE(csv.find("Jamie Fox,Harbour View,Missing,Current (expires 2029-02-01)"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find("Compliant,,50%,100%"), std::string::npos) << csv;
    const auto xlsx = team::matrix_xlsx(m, "Training matrix");
    ASSERT_TRUE(xlsx.ok()) << xlsx.error().message;
    EXPECT_EQ(xlsx.value().substr(0, 2), "PK") << "a zip, as every XLSX file is";
}

TEST(TrainingProgramme, AnOrganisationChangesACourseOrAddsItsOwn) {
    auto own = team::default_courses()[0];
    own.within_days = 3;
    const auto programme =
        team::programme_of({own, {"makaton", "Makaton", {Role::support_worker}, 60, std::nullopt}});
    ASSERT_EQ(programme.size(), team::default_courses().size() + 1);
    EXPECT_EQ(programme.front().within_days, 3);
    EXPECT_EQ(programme.back().key, "makaton");
    auto read = [&](std::vector<std::pair<std::string, std::string>> fields) {
        const auto f = form_of(fields);
        http::FormReader r(f);
        return team::read_course(r, programme);
    };
    const auto added = read({{"course", "new"},
                             {"name", "Autism awareness"},
                             {"roles", "support_worker"},
                             {"within_days", "90"}});
    ASSERT_TRUE(added.ok()) << added.error().message;
    EXPECT_EQ(added.value().course.key, "autism_awareness");
    EXPECT_FALSE(added.value().course.valid_months);
    const auto twice =
        read({{"course", "new"}, {"name", "Makaton"}, {"roles", "deputy"}, {"within_days", "9"}});
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().fields.front().field, "name");
    const auto nobody =
        read({{"course", "safeguarding"}, {"name", "Safeguarding"}, {"within_days", "7"}});
    ASSERT_FALSE(nobody.ok());
    EXPECT_EQ(nobody.error().fields.front().field, "roles");
}

class TeamStore : public CaseRecordTest {
  protected:
    std::int64_t new_starter() {
        auto id = db_->write([&](db::Connection& c) -> Result<std::int64_t> {
            accounts::NewPerson p{1, "Ash Newby", "ash@example.org", "Support worker", "", false};
            auto made = TRY(accounts::add_person(c, p, as(manager_), now_));
            TRY(accounts::give_role(c, made, home_, Role::support_worker, as(manager_), now_,
                                    true));
            return made;
        });
        EXPECT_TRUE(id.ok()) << id.error().message;
        return id.value();
    }

    bool works_with_children(std::int64_t person) {
        auto p = db_->read([&](db::Connection& c) { return accounts::load_person(c, person); });
        return p.ok() && p.value() && !p.value()->memberships.empty();
    }

    Status check(std::int64_t person, team::CheckKind kind) {
        return db_->write([&](db::Connection& c) -> Status {
            TRY(team::record_check(c, person, home_, {kind, "Seen", today_, "None"}, as(manager_),
                                   tick()));
            return {};
        });
    }

    team::StaffRecord record(std::int64_t person) {
        return db_
            ->write([&](db::Connection& c) {
                return team::read_staff_record(c, person, home_, as(manager_), now_);
            })
            .value();
    }

    team::StaffDetails details() {
        const auto f = form_of(good_details());
        http::FormReader r(f);
        auto d = team::read_staff_details(r, today_).value();
        d.started_on = Date{std::chrono::sys_days{today_} - std::chrono::days{10}};
        return d;
    }
};

TEST_F(TeamStore, ARoleWithChildrenWaitsForTheLastCheck) {
    const auto ash = new_starter();
    EXPECT_FALSE(works_with_children(ash));
    using K = team::CheckKind;
    for (auto k : {K::identity, K::dbs, K::reference, K::employment_history, K::right_to_work}) {
        ASSERT_TRUE(check(ash, k).ok());
        EXPECT_FALSE(works_with_children(ash)) << "still a reference short";
    }
    ASSERT_TRUE(check(ash, K::reference).ok());
    EXPECT_TRUE(works_with_children(ash));
    EXPECT_EQ(count_rows(*db_,
                         "SELECT COUNT(*) FROM audit_log WHERE action = 'take_up_role' AND "
                         "record_id = $1",
                         {std::to_string(ash)}),
              1);
    const auto again = db_->write([&](db::Connection& c) {
        return team::record_supervised_start(c, ash, home_, {"Why", today_}, as(manager_), now_);
    });
    ASSERT_FALSE(again.ok()) << "nothing left to start before";
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
}

TEST_F(TeamStore, ASupervisedStartTakesUpTheRoleAndTheLastCheckMeetsItsClock) {
    const auto ash = new_starter();
    const Date by{std::chrono::sys_days{today_} + std::chrono::days{14}};
    const auto start = db_->write([&](db::Connection& c) {
        return team::record_supervised_start(c, ash, home_, {"DBS back; references awaited", by},
                                             as(manager_), tick());
    });
    ASSERT_TRUE(start.ok()) << start.error().message;
    EXPECT_TRUE(works_with_children(ash));
    auto clocks = record(ash).clocks;
    ASSERT_EQ(clocks.size(), 1u);
    EXPECT_EQ(clocks.front().kind, "staff_checks");
    EXPECT_EQ(clocks.front().state, deadlines::State::open);
    EXPECT_EQ(clocks.front().due_at, deadlines::end_of_local_day(by));
    EXPECT_FALSE(deadlines::may_be_met_by_hand("staff_checks"));
    using K = team::CheckKind;
    for (auto k : {K::identity, K::dbs, K::reference, K::employment_history, K::right_to_work}) {
        ASSERT_TRUE(check(ash, k).ok());
    }
    EXPECT_EQ(record(ash).clocks.front().state, deadlines::State::open);
    ASSERT_TRUE(check(ash, K::reference).ok());
    clocks = record(ash).clocks;
    EXPECT_EQ(clocks.front().state, deadlines::State::met);
    EXPECT_EQ(clocks.front().met_at, now_) << "met at the moment the last check was recorded";
}

TEST_F(TeamStore, DetailsAreCorrectedWithAReasonAndTheVersionBeforeIsKept) {
    const auto ash = new_starter();
    auto d = details();
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::save_details(c, ash, home_, d, 0, "", as(manager_), tick());
                   })
                    .ok());
    d.address = "3 New Street, Northbridge";
    const auto no_reason = db_->write([&](db::Connection& c) {
        return team::save_details(c, ash, home_, d, 1, "", as(manager_), tick());
    });
    ASSERT_FALSE(no_reason.ok());
    EXPECT_EQ(no_reason.error().fields.front().field, "reason");
    const auto stale = db_->write([&](db::Connection& c) {
        return team::save_details(c, ash, home_, d, 0, "Moved", as(manager_), tick());
    });
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::save_details(c, ash, home_, d, 1, "Moved house", as(manager_),
                                                 tick());
                   })
                    .ok());
    const auto r = record(ash);
    EXPECT_EQ(r.version, 2);
    EXPECT_EQ(r.details->address, "3 New Street, Northbridge");
    ASSERT_EQ(r.versions.size(), 1u);
    EXPECT_EQ(r.versions.front().record["address"], "12 Elm Road, Northbridge");
    EXPECT_EQ(r.versions.front().reason, "Moved house");
    EXPECT_GE(count_rows(*db_,
                         "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = "
                         "'staff_record' AND record_id = $1",
                         {std::to_string(ash)}),
              1)
        << "every read of a staff record is audited";
}

TEST_F(TeamStore, AQualificationsClockRunsFromTheStartAndIsMetOnceByItsAchievement) {
    const auto ash = new_starter();
    const auto first = db_->write([&](db::Connection& c) {
        return team::record_qualification(
            c, ash, home_, {team::Qualification::level3_residential, today_}, as(manager_), tick());
    });
    ASSERT_FALSE(first.ok()) << "the clock runs from the day they started";
    const auto d = details();
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::save_details(c, ash, home_, d, 0, "", as(manager_), tick());
                   })
                    .ok());
    const auto id = db_->write([&](db::Connection& c) {
        return team::record_qualification(
            c, ash, home_, {team::Qualification::level3_residential, today_}, as(manager_), tick());
    });
    ASSERT_TRUE(id.ok()) << id.error().message;
    auto r = record(ash);
    ASSERT_EQ(r.qualifications.size(), 1u);
    EXPECT_EQ(r.qualifications.front().achieve_by, team::achieve_by(d.started_on, 2));
    ASSERT_EQ(r.clocks.size(), 1u);
    EXPECT_EQ(r.clocks.front().kind, "staff_qualification");
    EXPECT_EQ(r.clocks.front().due_at,
              deadlines::end_of_local_day(team::achieve_by(d.started_on, 2)));
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::record_achieved(c, ash, id.value(), today_, as(manager_),
                                                    tick());
                   })
                    .ok());
    const auto twice = db_->write([&](db::Connection& c) {
        return team::record_achieved(c, ash, id.value(), today_, as(manager_), tick());
    });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
    r = record(ash);
    EXPECT_EQ(r.clocks.front().state, deadlines::State::met);
    EXPECT_EQ(team::qualification_standing(r.qualifications.front(), today_), "achieved");
}

TEST_F(TeamStore, TrainingMeetsANewStartersClockAndStartsTheRefreshersToItsExpiry) {
    const auto ash = new_starter();
    auto d = details();
    d.started_on = today_;
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::save_details(c, ash, home_, d, 0, "", as(manager_), tick());
                   })
                    .ok());
    const auto source = std::string("training:safeguarding");
    auto clocks = [&] {
        return db_->read([&](db::Connection& c) { return deadlines::for_source(c, source, ash); })
            .value();
    };
    ASSERT_EQ(clocks().size(), 1u) << "a new starter's clock for each course their role needs";
    EXPECT_EQ(clocks().front().kind, "training_new_starter");
    EXPECT_EQ(
        clocks().front().due_at,
        deadlines::end_of_local_day(Date{std::chrono::sys_days{today_} + std::chrono::days{7}}));
    int hooked = 0;
    team::AfterTraining after;
    after.add({1,
               [&](db::Connection&, const team::TrainingInput& in, const audit::Actor&,
                   Timestamp) -> Status {
                   hooked += in.course_key == "safeguarding" ? 1 : 0;
                   return {};
               }});
    const Date expires{std::chrono::sys_days{today_} + std::chrono::days{365}};
    const auto id = db_->write([&](db::Connection& c) {
        return team::record_training(c, 1, home_,
                                     {ash, "safeguarding", today_, "Hearth Learning", "", expires},
                                     as(manager_), tick(), &after);
    });
    ASSERT_TRUE(id.ok()) << id.error().message;
    EXPECT_EQ(hooked, 1);
    const auto now = clocks();
    ASSERT_EQ(now.size(), 2u);
    for (const auto& k : now) {
        if (k.kind == "training_new_starter") {
            EXPECT_EQ(k.state, deadlines::State::met);
        } else {
            EXPECT_EQ(k.kind, "training_refresh");
            EXPECT_EQ(k.state, deadlines::State::open);
            EXPECT_EQ(k.due_at, deadlines::end_of_local_day(expires));
        }
    }
    EXPECT_FALSE(deadlines::may_be_met_by_hand("training_refresh") &&
                 deadlines::may_be_met_by_hand("training_new_starter"))
        << "met by the training itself";
    const auto m =
        db_->read([&](db::Connection& c) { return team::matrix_of(c, 1, home_, today_); }).value();
    ASSERT_FALSE(m.people.empty());
    const auto row = std::find_if(m.people.begin(), m.people.end(),
                                  [&](const auto& p) { return p.person_id == ash; });
    ASSERT_NE(row, m.people.end());
    const auto col = std::find_if(m.courses.begin(), m.courses.end(),
                                  [](const auto& c) { return c.key == "safeguarding"; });
    EXPECT_EQ(m.cells[static_cast<std::size_t>(row - m.people.begin())]
                     [static_cast<std::size_t>(col - m.courses.begin())]
                         .cell,
              team::Cell::current);
}

TEST_F(TeamStore, AskedForCorrectionsAreAcceptedAsAskedOrDeclinedWithWhyOnce) {
    const auto ash = new_starter();
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::save_details(c, ash, home_, details(), 0, "", as(manager_),
                                                 tick());
                   })
                    .ok());
    auto ask = [&](const char* field, const char* asked) {
        return db_->write([&](db::Connection& c) {
            return team::ask_correction(c, ash, home_, {field, asked, "It changed"}, as(ash),
                                        tick());
        });
    };
    auto answer = [&](std::int64_t id, bool accept, const char* note) {
        return db_->write([&](db::Connection& c) {
            return team::answer_correction(c, ash, home_, id, accept, note, as(manager_), tick());
        });
    };
    for (const auto& [field, asked] :
         {std::pair{"date_of_birth", "last Tuesday"}, std::pair{"hours_per_week", "30"}}) {
        const auto refused = ask(field, asked);
        ASSERT_FALSE(refused.ok()) << field << ": not a value the record can take";
        EXPECT_EQ(refused.error().fields.front().field, "asked");
    }
    const auto address = ask("address", "3 New Street").value();
    const auto birthday = ask("date_of_birth", "1994-03-05").value();
    const auto no_why = answer(birthday, false, "");
    ASSERT_FALSE(no_why.ok());
    EXPECT_EQ(no_why.error().fields.front().field, "declined_because");
    ASSERT_TRUE(answer(birthday, false, "Your passport says otherwise").ok());
    ASSERT_TRUE(answer(address, true, "").ok());
    const auto twice = answer(address, true, "");
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
    const auto r = record(ash);
    EXPECT_EQ(r.details->address, "3 New Street");
    ASSERT_EQ(r.versions.size(), 1u);
    EXPECT_EQ(r.versions.front().record["address"], "12 Elm Road, Northbridge");
    EXPECT_EQ(r.versions.front().reason, "Asked for by Ash Newby: It changed");
    ASSERT_EQ(r.requests.size(), 2u);
    EXPECT_EQ(r.requests.front().answer, "declined");
    EXPECT_EQ(r.requests.back().answer, "accepted");
    EXPECT_EQ(count_rows(*db_,
                         "SELECT COUNT(*) FROM deadlines WHERE kind = 'staff_correction_request' "
                         "AND state = 'met' AND $1 > 0",
                         {ash}),
              2)
        << "each clock met by its answer";
}

TEST(StaffRecordClocks, AreReadOnlyByThoseWhoMayReadTheHomesStaffRecords) {
    auto person_with = [](std::int64_t id, Role role) {
        Person p;
        p.id = id;
        p.organisation_id = 1;
        p.memberships.push_back(
            {role == Role::provider_administrator ? std::nullopt : std::optional<std::int64_t>(10),
             role});
        return p;
    };
    deadlines::Deadline checks;
    checks.home_id = 10;
    checks.kind = "staff_checks";
    deadlines::Deadline review = checks;
    review.kind = "plan_review";
    for (const auto& kind : {"staff_checks", "staff_qualification", "staff_correction_request",
                             "training_new_starter", "training_refresh"}) {
        EXPECT_TRUE(deadlines::is_staff_record_clock(kind)) << kind;
        EXPECT_FALSE(deadlines::may_be_met_by_hand(kind)) << kind;
    }
    EXPECT_FALSE(deadlines::is_staff_record_clock("staff_wellbeing"))
        << "a wellbeing check after an incident is the home's";
    EXPECT_TRUE(deadlines::may_read_clock(person_with(3, Role::registered_manager), checks));
    EXPECT_TRUE(deadlines::may_read_clock(person_with(1, Role::provider_administrator), checks));
    for (auto role : {Role::deputy, Role::support_worker, Role::responsible_individual}) {
        EXPECT_FALSE(deadlines::may_read_clock(person_with(5, role), checks)) << role_key(role);
        EXPECT_TRUE(deadlines::may_read_clock(person_with(5, role), review)) << role_key(role);
    }
}

TEST(StaffRecordPermissions, NobodyRecordsTheirOwnChecksOrMeetsTheirOwnClock) {
    Person manager;
    manager.id = 3;
    manager.organisation_id = 1;
    manager.memberships.push_back({10, Role::registered_manager});
    Scope theirs{1, 10, {}, false};
    theirs.staff_id = 7;
    Scope own = theirs;
    own.staff_id = 3;
    EXPECT_TRUE(can(manager, Action::manage_staff_record, theirs));
    EXPECT_FALSE(can(manager, Action::manage_staff_record, own));
    EXPECT_TRUE(can(manager, Action::view_staff_record, own));
    EXPECT_TRUE(can(manager, Action::request_staff_correction, own));
    EXPECT_FALSE(can(manager, Action::request_staff_correction, theirs));
}

}  // namespace team_test
