// The values the law leaves to the home (issue 12), on a real store with the time set: each has its
// default until the organisation changes it; a value out of bounds is refused at its field; every
// change is audited with the value before; the clocks started afterwards use the new value.
#include "organisation/settings.hpp"

#include <gtest/gtest.h>

#include "behaviour/after_incident_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "incident_fixture.hpp"
#include "intervention/certificate.hpp"
#include "notifications/serious_event_store.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace settings_test {

using namespace hearth;
using namespace std::chrono_literals;
using hearth::testing::count_rows;
using hearth::testing::test_now;
using namespace hearth::testing::willow_house;

class SettingsStore : public IncidentStoreFixture {
  protected:
    int value_of(const std::string& key) {
        auto v = app.db->read([&](db::Connection& c) { return organisation::setting(c, 1, key); });
        EXPECT_TRUE(v.ok());
        return v.ok() ? v.value() : -1;
    }
    Status change(const std::vector<std::pair<std::string, int>>& values) {
        const audit::Actor admin{1, "Alex Morgan", "127.0.0.1", "test"};
        return write([&](db::Connection& c) {
            return organisation::change_settings(c, 1, values, admin, test_now());
        });
    }
};

TEST_F(SettingsStore, EachValueIsItsDefaultUntilChangedAndEveryChangeIsAudited) {
    EXPECT_EQ(value_of(organisation::reg40_target_hours), 24);
    EXPECT_EQ(value_of(organisation::reg41_target_hours), 24);
    EXPECT_EQ(value_of(organisation::plan_review_longest_months), 6);
    EXPECT_EQ(value_of(organisation::untrained_hold_training_days), 14);
    EXPECT_EQ(value_of(organisation::staff_wellbeing_check_hours), 24);
    for (const auto& s : organisation::settings()) {
        EXPECT_FALSE(s.source.empty()) << s.key << " says where its default comes from";
    }

    auto refused = change(
        {{organisation::reg40_target_hours, 12}, {organisation::plan_review_longest_months, 24}});
    ASSERT_FALSE(refused.ok());
    ASSERT_EQ(refused.error().fields.size(), 1u);
    EXPECT_EQ(refused.error().fields[0].field, organisation::plan_review_longest_months);
    EXPECT_NE(refused.error().message.find("from 1 to 12 months"), std::string::npos)
        << refused.error().message;
    EXPECT_EQ(value_of(organisation::reg40_target_hours), 24) << "nothing half-saved";

    ASSERT_TRUE(change({{organisation::reg40_target_hours, 12},
                        {organisation::staff_wellbeing_check_hours, 24}})
                    .ok());
    EXPECT_EQ(value_of(organisation::reg40_target_hours), 12);
    EXPECT_EQ(count_rows(*app.db,
                         "SELECT COUNT(*) FROM audit_log WHERE record_type = 'setting' AND "
                         "action = 'change'"),
              1)
        << "only the value that changed is written";
    EXPECT_EQ(count_rows(*app.db,
                         "SELECT COUNT(*) FROM audit_log WHERE record_type = 'setting' AND "
                         "record_id = 'reg40_target_hours' AND detail LIKE '%12 hours, was 24%'"),
              1);
}

TEST_F(SettingsStore, ClocksStartedAfterAChangeRunForTheNewValue) {
    ASSERT_TRUE(change({{organisation::reg40_target_hours, 6},
                        {organisation::staff_wellbeing_check_hours, 48},
                        {organisation::untrained_hold_training_days, 7}})
                    .ok());
    const Timestamp known = test_now() - 1h;
    auto event = write([&](db::Connection& c) {
        return notifications::raise(
            c, {willow, {kai, "police_serious_incident", "Police called to the home", known}}, sam,
            test_now());
    });
    ASSERT_TRUE(event.ok()) << event.error().message;
    EXPECT_EQ(of_kind(clocks("serious_event", event.value()), notifications::clock_kind)->due_at,
              known + 6h);

    // Dana held Kai without current training (the demo's), and struggled afterwards. The demo's
    // own clock for her training is closed first, so that holding starts a new one.
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return deadlines::close(c, "person", 6, intervention::training_clock,
                                            "Arranged", sam, test_now());
                }).ok());
    auto [incident_id, measure_id] = hold_at(test_now() - 2h, std::chrono::minutes{30});
    (void)measure_id;
    const auto danas = clocks("person", 6);
    const auto* training = of_kind(danas, intervention::training_clock);
    ASSERT_NE(training, nullptr);
    EXPECT_EQ(training->due_at - training->started_at, std::chrono::days{7});
    behaviour::StaffDebriefDetails d;
    d.person_id = 6;
    d.held_at = test_now() - 1h;
    d.held_by = 3;
    d.wellbeing = "struggling";
    d.support = {"counselling"};
    auto i = incident(incident_id);
    auto debrief = write(
        [&](db::Connection& c) { return behaviour::add_staff_debrief(c, i, d, sam, test_now()); });
    ASSERT_TRUE(debrief.ok());
    EXPECT_EQ(clocks("staff_debrief", debrief.value()).front().due_at, test_now() + 48h);
}

}  // namespace settings_test
