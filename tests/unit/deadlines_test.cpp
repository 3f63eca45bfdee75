// Deadlines: where a clock stands at a set time, what meets it, and escalation to the registered
// manager once and only once. Clock tests set the time; nothing sleeps.
#include <gtest/gtest.h>

#include "deadlines/deadline.hpp"
#include "deadlines/deadline_store.hpp"
#include "demo_lookup.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace deadlines_test {

using namespace hearth;
using namespace hearth::deadlines;
using hearth::testing::count_rows;
using hearth::testing::InProcessApp;
using hearth::testing::test_now;
using hearth::testing::utc;

namespace {
Deadline due_at(const char* text) {
    Deadline d;
    d.due_at = utc(text);
    return d;
}
}  // namespace

TEST(DeadlineStanding, OpenClocksByHowCloseTheyAre) {
    const auto now = utc("2026-05-12T12:00:00Z");
    EXPECT_EQ(standing(due_at("2026-05-20T12:00:00Z"), now), Standing::upcoming);
    EXPECT_EQ(standing(due_at("2026-05-13T11:59:00Z"), now), Standing::due_soon);
    EXPECT_EQ(standing(due_at("2026-05-13T12:00:00Z"), now), Standing::due_soon);
    EXPECT_EQ(standing(due_at("2026-05-12T12:00:00Z"), now), Standing::overdue);
    EXPECT_EQ(standing(due_at("2026-05-01T12:00:00Z"), now), Standing::overdue);
}

TEST(DeadlineStanding, MetOnTimeOrLateAndClosed) {
    auto d = due_at("2026-05-12T12:00:00Z");
    d.state = State::met;
    d.met_at = utc("2026-05-12T11:00:00Z");
    EXPECT_EQ(standing(d, utc("2026-06-01T00:00:00Z")), Standing::met_on_time);
    d.met_at = utc("2026-05-12T13:00:00Z");
    EXPECT_EQ(standing(d, utc("2026-06-01T00:00:00Z")), Standing::met_late);
    d.state = State::closed;
    EXPECT_EQ(standing(d, utc("2026-06-01T00:00:00Z")), Standing::closed);
}

TEST(DeadlineStanding, DistanceInWords) {
    const auto now = utc("2026-05-12T12:00:00Z");
    EXPECT_EQ(distance_in_words(utc("2026-05-12T12:30:00Z"), now), "due in 30 minutes");
    EXPECT_EQ(distance_in_words(utc("2026-05-12T12:00:30Z"), now), "due in 1 minute");
    EXPECT_EQ(distance_in_words(utc("2026-05-13T11:00:00Z"), now), "due in 23 hours");
    EXPECT_EQ(distance_in_words(utc("2026-05-15T12:00:00Z"), now), "due in 3 days");
    EXPECT_EQ(distance_in_words(utc("2026-05-12T10:00:00Z"), now), "2 hours overdue");
    EXPECT_EQ(distance_in_words(utc("2026-05-02T12:00:00Z"), now), "10 days overdue");
}

TEST(DeadlineStanding, ADateClockRunsToTheEndOfThatDayInTheHomesZone) {
    set_display_zone("Europe/London");
    EXPECT_EQ(format_utc(end_of_local_day(*parse_date("2026-05-12"))), "2026-05-12T23:00:00.000Z");
    EXPECT_EQ(format_utc(end_of_local_day(*parse_date("2026-12-12"))), "2026-12-13T00:00:00.000Z");
    // The day the clocks go back is 25 hours long.
    EXPECT_EQ(format_utc(end_of_local_day(*parse_date("2026-10-25"))), "2026-10-26T00:00:00.000Z");
}

class DeadlineStore : public ::testing::Test {
  protected:
    // The demo's own clocks (its plans' reviews, one of them overdue) are cleared, so that each
    // test sees only the clocks it starts, with source ids that no demo record uses.
    DeadlineStore() {
        Status cleared =
            app.db->write([](db::Connection& c) { return c.run("DELETE FROM deadlines"); });
        EXPECT_TRUE(cleared.ok());
    }

    InProcessApp app;
    const audit::Actor manager = hearth::testing::demo_actor(*app.db, "Sam Carter");

    std::int64_t start_clock(std::int64_t source, Timestamp due,
                             const std::string& kind = "plan_review") {
        auto id = app.db->write([&](db::Connection& c) {
            return start(c,
                         {1, 1, kind, "Review the safety plan", "plan", source, "/plans/1",
                          "registered_manager", std::nullopt, test_now(), due},
                         manager, test_now());
        });
        EXPECT_TRUE(id.ok()) << id.error().detail;
        return id.ok() ? id.value() : 0;
    }
    Deadline get(std::int64_t id) {
        auto d = app.db->read([&](db::Connection& c) { return find(c, id); });
        EXPECT_TRUE(d.ok() && d.value());
        return **d;
    }
};

TEST_F(DeadlineStore, TheRecordItWaitsForMeetsItWithWhoAndWhen) {
    const auto meetings = [&] {
        return count_rows(
            *app.db,
            "SELECT COUNT(*) FROM audit_log WHERE record_type = 'deadline' AND action "
            "= 'meet'");
    };
    const auto met_before = meetings();  // the demo's own plans met some clocks
    const auto id = start_clock(7, test_now() + std::chrono::hours{48});
    const auto other_kind = start_clock(7, test_now() + std::chrono::hours{48}, "sign_off");
    auto met = app.db->write([&](db::Connection& c) {
        return meet(c, "plan", 7, "plan_review", manager, test_now() + std::chrono::hours{1},
                    "Version 2 written with Aisha");
    });
    ASSERT_TRUE(met.ok());
    EXPECT_EQ(met.value(), 1);
    const auto d = get(id);
    EXPECT_EQ(d.state, State::met);
    EXPECT_EQ(d.met_by_name, "Sam Carter");
    EXPECT_EQ(*d.met_at, test_now() + std::chrono::hours{1});
    EXPECT_EQ(standing(d, test_now()), Standing::met_on_time);
    EXPECT_EQ(get(other_kind).state, State::open) << "a clock of another kind is not met";
    EXPECT_EQ(meetings(), met_before + 1);
}

TEST_F(DeadlineStore, MetByHandNeedsTheEvidenceAndTheVersionRead) {
    const auto id = start_clock(8, test_now() + std::chrono::hours{48});
    Status no_note = app.db->write(
        [&](db::Connection& c) { return meet_by_hand(c, id, 1, manager, test_now(), ""); });
    ASSERT_FALSE(no_note.ok());
    EXPECT_EQ(no_note.error().fields.at(0).field, "note");
    EXPECT_NE(no_note.error().message.find("Enter how this was met"), std::string::npos);
    Status done = app.db->write([&](db::Connection& c) {
        return meet_by_hand(c, id, 1, manager, test_now(), "Reviewed at the LAC review");
    });
    ASSERT_TRUE(done.ok());
    Status twice = app.db->write(
        [&](db::Connection& c) { return meet_by_hand(c, id, 1, manager, test_now(), "Again"); });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
    EXPECT_EQ(twice.error().message, "Sam Carter already recorded this as met.");
}

TEST_F(DeadlineStore, AClosedClockIsNeitherOpenNorMet) {
    const auto id = start_clock(9, test_now() + std::chrono::hours{48});
    auto closed = app.db->write([&](db::Connection& c) {
        return close(c, "plan", 9, "plan_review", "The plan was replaced", manager, test_now());
    });
    ASSERT_EQ(closed.value(), 1);
    EXPECT_EQ(get(id).state, State::closed);
    EXPECT_EQ(get(id).closed_reason, "The plan was replaced");
}

TEST_F(DeadlineStore, OverdueClocksAreEscalatedOnceAndAudited) {
    const auto late = start_clock(10, test_now() + std::chrono::hours{1});
    const auto later = start_clock(11, test_now() + std::chrono::hours{30});
    auto escalate = [&](Timestamp when) {
        auto n = app.db->write([&](db::Connection& c) { return escalate_overdue(c, when); });
        EXPECT_TRUE(n.ok());
        return n.ok() ? n.value() : -1;
    };
    EXPECT_EQ(escalate(test_now()), 0) << "nothing is overdue yet";
    EXPECT_EQ(escalate(test_now() + std::chrono::hours{2}), 1);
    EXPECT_EQ(escalate(test_now() + std::chrono::hours{3}), 0) << "escalated once only";
    EXPECT_TRUE(get(late).escalated_at.has_value());
    EXPECT_FALSE(get(later).escalated_at.has_value());
    EXPECT_EQ(escalate(test_now() + std::chrono::hours{31}), 1);
    EXPECT_EQ(count_rows(*app.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'escalate'"), 2);
    // A clock met in time is never escalated.
    const auto kept = start_clock(12, test_now() + std::chrono::hours{40});
    ASSERT_TRUE(app.db
                    ->write([&](db::Connection& c) {
                        return meet(c, "plan", 12, "plan_review", manager, test_now(),
                                    "Done early");
                    })
                    .ok());
    EXPECT_EQ(escalate(test_now() + std::chrono::hours{50}), 0);
    EXPECT_FALSE(get(kept).escalated_at.has_value());
}

TEST_F(DeadlineStore, OpenClocksComeSoonestFirst) {
    start_clock(20, test_now() + std::chrono::hours{72});
    start_clock(21, test_now() + std::chrono::hours{2});
    start_clock(22, test_now() + std::chrono::hours{30});
    auto open = app.db->read([&](db::Connection& c) { return open_in_homes(c, {1}, 10); });
    ASSERT_TRUE(open.ok());
    ASSERT_EQ(open->size(), 3u);
    EXPECT_EQ((*open)[0].source_id, 21);
    EXPECT_EQ((*open)[1].source_id, 22);
    EXPECT_EQ((*open)[2].source_id, 20);
    EXPECT_EQ((*open)[0].child_name, "Aisha Bennett");
    EXPECT_EQ((*open)[0].home_name, "Willow House");
    auto elsewhere = app.db->read([&](db::Connection& c) { return open_in_homes(c, {2}, 10); });
    EXPECT_TRUE(elsewhere->empty());
}

}  // namespace deadlines_test
