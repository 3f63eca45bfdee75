// The rota on a set clock: a shift ending before it starts, longer than a day, given to someone
// whose checks are not recorded (without a supervised start), or to an agency worker without their
// agency or what it confirmed of their checks, is refused at the field; what happened is recorded
// once the shift has begun, once, and sickness with who covered; a day with fewer on the rota than
// the statement of purpose promises is flagged, the sick not counted; who is on shift now; a
// person's shifts as an iCalendar feed. On SQLite, and on PostgreSQL when HEARTH_TEST_PG_URL is
// set.
#include <gtest/gtest.h>

#include "case_record_fixture.hpp"
#include "team/rota_store.hpp"
#include "team/staff_record_store.hpp"

namespace rota_test {

using namespace hearth;
using namespace hearth::testing;

using Fields = std::vector<std::pair<std::string, std::string>>;

http::FormData form_of(const Fields& fields) {
    std::string body;
    for (const auto& [k, v] : fields) {
        body += (body.empty() ? "" : "&") + k + "=" + http::url_encode(v);
    }
    return http::FormData::from_urlencoded(body).value();
}

const std::vector<team::RotaPerson> people{
    {7, "Chris Okafor", true, std::nullopt},
    {8, "Dana Lewis", false,
     Date{std::chrono::year{2026}, std::chrono::month{5}, std::chrono::day{20}}},
    {9, "Quinn Marsh", false, std::nullopt}};

Fields early() {
    return {{"person_id", "7"},   {"kind", "early"},   {"role", "shift_lead"},
            {"on", "2026-05-14"}, {"starts", "07:00"}, {"ends", "15:00"}};
}

Fields with(Fields fields, const std::string& name, const std::string& value) {
    for (auto& f : fields) {
        if (f.first == name) {
            f.second = value;
            return fields;
        }
    }
    fields.emplace_back(name, value);
    return fields;
}

Result<team::ShiftInput> read(const Fields& fields) {
    const auto f = form_of(fields);
    http::FormReader r(f);
    return team::read_shift(r, people);
}

std::string first_field(const Status& s) {
    return s.ok() || s.error().fields.empty() ? "" : s.error().fields.front().field;
}

template <typename T>
std::string first_field(const Result<T>& r) {
    return r.ok() || r.error().fields.empty() ? "" : r.error().fields.front().field;
}

TEST(RotaShiftForm, ReadsAShiftAndOneThatRunsPastMidnight) {
    set_display_zone("Europe/London");
    const auto s = read(early());
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s.value().ends_at - s.value().starts_at, std::chrono::hours{8});
    const auto night =
        read(with(with(with(early(), "kind", "waking_night"), "starts", "22:00"), "ends", "07:30"));
    ASSERT_TRUE(night.ok()) << night.error().message;
    EXPECT_EQ(night.value().ends_at - night.value().starts_at,
              std::chrono::hours{9} + std::chrono::minutes{30})
        << "a waking night ends the next morning";
    EXPECT_TRUE(read(with(early(), "person_id", "8")).ok()) << "a supervised start";
}

TEST(RotaShiftForm, NamesEachFieldItRefuses) {
    set_display_zone("Europe/London");
    const struct {
        Fields fields;
        const char* field;
    } refused[] = {
        {with(early(), "ends", "06:00"), "ends"},
        {with(early(), "ends_on", "2026-05-16"), "ends"},
        {with(early(), "person_id", "9"), "person_id"},
        {with(early(), "person_id", "99"), "person_id"},
        {with(early(), "person_id", ""), "person_id"},
        {with(early(), "agency_worker", "Lee Parry"), "agency_worker"},
        {with(with(early(), "person_id", ""), "agency_worker", "Lee Parry"), "agency"},
        {with(with(with(early(), "person_id", ""), "agency_worker", "Lee Parry"), "agency",
              "Brightside"),
         "agency_checks"},
        {with(early(), "kind", "siesta"), "kind"},
        {with(early(), "starts", "25:00"), "starts"},
    };
    for (const auto& c : refused) {
        const auto s = read(c.fields);
        ASSERT_FALSE(s.ok()) << c.field;
        EXPECT_EQ(first_field(s), c.field);
    }
    const auto quinn = read(with(early(), "person_id", "9"));
    EXPECT_NE(quinn.error().fields.front().message.find("Quinn Marsh cannot be on the rota"),
              std::string::npos);
    const auto after = read(with(with(early(), "person_id", "8"), "on", "2026-05-21"));
    ASSERT_FALSE(after.ok()) << "a supervised start covers the days to its end, no later";
    EXPECT_EQ(first_field(after), "person_id");
}

TEST(RotaOutcomeForm, OnceBegunSicknessWithItsCoverAndTimesOnlyWhenWorked) {
    set_display_zone("Europe/London");
    const auto starts =
        from_local(Date{std::chrono::year{2026}, std::chrono::month{5}, std::chrono::day{14}}, 7, 0)
            .value();
    const auto ends = starts + std::chrono::hours{8};
    auto read_outcome = [&](const Fields& fields, Timestamp now) {
        const auto f = form_of(fields);
        http::FormReader r(f);
        return team::read_outcome(r, starts, ends, now);
    };
    const auto later = ends + std::chrono::hours{2};
    EXPECT_EQ(first_field(read_outcome({{"outcome", "worked"}}, starts - std::chrono::hours{1})),
              "outcome");
    EXPECT_EQ(first_field(read_outcome({{"outcome", "sick"}}, later)), "note");
    EXPECT_EQ(first_field(read_outcome(
                  {{"outcome", "sick"}, {"note", "x"}, {"worked_starts", "08:00"}}, later)),
              "worked_starts");
    EXPECT_EQ(
        first_field(read_outcome(
            {{"outcome", "worked"}, {"worked_starts", "09:00"}, {"worked_ends", "08:00"}}, later)),
        "worked_ends");
    const auto late = read_outcome({{"outcome", "worked"}, {"worked_ends", "16:30"}}, later);
    ASSERT_TRUE(late.ok()) << late.error().message;
    EXPECT_EQ(*late.value().worked_ends_at - ends, std::chrono::minutes{90});
    EXPECT_EQ(first_field(read_outcome({{"outcome", "worked"}, {"worked_ends", "16:30"}},
                                       ends + std::chrono::minutes{10})),
              "worked_ends")
        << "not finished yet";
    // A waking night from 22:00 to 07:30, begun at a quarter past midnight: the next day.
    const auto night = starts + std::chrono::hours{15};
    const auto night_ends = night + std::chrono::minutes{9 * 60 + 30};
    const auto f = form_of({{"outcome", "worked"}, {"worked_starts", "00:15"}});
    http::FormReader r(f);
    const auto began_late =
        team::read_outcome(r, night, night_ends, night_ends + std::chrono::hours{1});
    ASSERT_TRUE(began_late.ok()) << began_late.error().message;
    EXPECT_EQ(*began_late.value().worked_starts_at - night, std::chrono::minutes{135});
}

team::Shift shift_of(std::int64_t id, const std::string& kind, Timestamp starts,
                     std::optional<std::string> outcome = std::nullopt) {
    team::Shift s;
    s.id = id;
    s.person_id = id;
    s.name = "Person " + std::to_string(id);
    s.kind = kind;
    s.role = "on_shift";
    s.starts_at = starts;
    s.ends_at = starts + std::chrono::hours{8};
    s.outcome = std::move(outcome);
    return s;
}

TEST(RotaStaffing, ADayShortOfThePromiseIsFlaggedAndTheSickAreNotCounted) {
    set_display_zone("Europe/London");
    const Date monday{std::chrono::year{2026}, std::chrono::month{5}, std::chrono::day{11}};
    const auto at7 = [&](int d) {
        return from_local(Date{std::chrono::sys_days{monday} + std::chrono::days{d}}, 7, 0).value();
    };
    const std::vector<team::Shift> shifts{
        shift_of(1, "early", at7(0)), shift_of(2, "early", at7(0)),
        shift_of(3, "early", at7(1)), shift_of(4, "early", at7(1), "sick"),
        shift_of(5, "early", at7(2)), shift_of(6, "late", at7(0))};
    const auto short_of = team::shortfalls(shifts, {{"early", 2}, {"late", 0}}, monday, 3);
    ASSERT_EQ(short_of.size(), 2u);
    EXPECT_EQ(short_of[0].day, Date{std::chrono::sys_days{monday} + std::chrono::days{1}});
    EXPECT_EQ(short_of[0].rota, 1) << "the sick are not counted";
    EXPECT_EQ(short_of[1].rota, 1);
    EXPECT_TRUE(team::on_shift_at(shifts[0], at7(0) + std::chrono::hours{1}));
    EXPECT_FALSE(team::on_shift_at(shifts[0], at7(0) + std::chrono::hours{8}));
    EXPECT_FALSE(team::on_shift_at(shifts[3], at7(1) + std::chrono::hours{1}));
}

TEST(RotaCalendar, EachShiftAnEventTheSickCancelled) {
    set_display_zone("Europe/London");
    const auto starts =
        from_local(Date{std::chrono::year{2026}, std::chrono::month{5}, std::chrono::day{14}}, 7, 0)
            .value();
    const auto cal = team::shifts_calendar(
        {{shift_of(11, "early", starts), "Willow House, Northbridge"},
         {shift_of(12, "late", starts + std::chrono::hours{24}, "sick"), "Willow House"}},
        starts);
    EXPECT_EQ(cal.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
    EXPECT_NE(cal.find("UID:shift-11@hearth"), std::string::npos);
    EXPECT_NE(cal.find("DTSTART:20260514T060000Z"), std::string::npos)
        << "07:00 in British Summer Time";
    EXPECT_NE(cal.find("SUMMARY:Early at Willow House\\, Northbridge"), std::string::npos);
    EXPECT_NE(cal.find("UID:shift-12@hearth\r\nDTSTAMP"), std::string::npos);
    EXPECT_NE(cal.find("STATUS:CANCELLED"), std::string::npos);
    EXPECT_NE(cal.find("END:VCALENDAR\r\n"), std::string::npos);
}

class RotaStore : public CaseRecordTest {
  protected:
    team::ShiftInput on(std::int64_t who, Timestamp starts) {
        team::ShiftInput in;
        in.person_id = who;
        in.kind = "early";
        in.role = "on_shift";
        in.starts_at = starts;
        in.ends_at = starts + std::chrono::hours{8};
        return in;
    }
};

TEST_F(RotaStore, ThePlanTheChangesWhatHappenedOnceAndWhoIsOnShiftNow) {
    const auto tomorrow = now_ + std::chrono::hours{24};
    const auto planned = db_->write([&](db::Connection& c) {
        return team::add_shift(c, home_, on(chris_, tomorrow), as(manager_), tick());
    });
    const auto started = now_ - std::chrono::hours{1};
    const auto change = db_->write([&](db::Connection& c) {
        return team::add_shift(c, home_, on(dana_, started), as(manager_), tick());
    });
    ASSERT_TRUE(planned.ok() && change.ok());
    const auto read = [&](std::int64_t id) {
        return db_->read([&](db::Connection& c) { return team::find_shift(c, home_, id); })
            .value()
            .value();
    };
    EXPECT_TRUE(read(planned.value()).planned);
    EXPECT_FALSE(read(change.value()).planned) << "put on once begun: a change to the plan";

    const auto here =
        db_->read([&](db::Connection& c) { return team::on_shift_now(c, home_, now_); });
    ASSERT_TRUE(here.ok());
    ASSERT_EQ(here.value().size(), 1u);
    EXPECT_EQ(here.value()[0].name, "Dana Lewis");

    const team::OutcomeInput sick{"sick", {}, {}, "Covered by Chris"};
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::record_outcome(c, home_, change.value(), sick, as(manager_),
                                                   tick());
                   })
                    .ok());
    const auto again = db_->write([&](db::Connection& c) {
        return team::record_outcome(c, home_, change.value(), sick, as(manager_), tick());
    });
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::conflict) << "recorded once";
    const auto elsewhere = db_->write([&](db::Connection& c) {
        return team::record_outcome(c, home_ + 1, planned.value(), sick, as(manager_), tick());
    });
    EXPECT_EQ(elsewhere.error().kind, ErrorKind::not_found) << "not that home's shift";
    EXPECT_TRUE(db_->read([&](db::Connection& c) { return team::on_shift_now(c, home_, now_); })
                    .value()
                    .empty())
        << "off sick is not on shift";
}

TEST_F(RotaStore, TheStaffingAndWhoMayBeOnTheRota) {
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return team::set_staffing(c, home_, {{"early", 2}, {"late", 2}},
                                                 as(manager_), tick());
                   })
                    .ok());
    const auto same = db_->write([&](db::Connection& c) {
        return team::set_staffing(c, home_, {{"early", 2}, {"late", 2}}, as(manager_), tick());
    });
    EXPECT_EQ(first_field(same), "early") << "nothing changed";
    const auto levels =
        db_->read([&](db::Connection& c) { return team::staffing_of(c, home_); }).value();
    EXPECT_EQ(levels.at("late"), 2);
    const auto rota =
        db_->read([&](db::Connection& c) { return team::rota_people(c, home_); }).value();
    ASSERT_FALSE(rota.empty());
    for (const auto& p : rota) {
        EXPECT_FALSE(p.checks_complete) << p.name << ": no checks recorded in this store";
        EXPECT_FALSE(p.supervised_until) << p.name;
    }
}

}  // namespace rota_test
