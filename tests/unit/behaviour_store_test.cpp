// Incidents and their Reg 35 records in a real database, with the time set by the test: the three
// clocks start from the moment a measure was used and stop when its record is written, signed and
// the child spoken to; who may sign; the 24-hour Reg 40 clock; staff wellbeing and training clocks;
// amendments that keep everything; the figures read back what was written.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "behaviour/after_incident_store.hpp"
#include "behaviour/incident_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "demo_lookup.hpp"
#include "incident_fixture.hpp"
#include "intervention/figures_store.hpp"
#include "intervention/measure_store.hpp"
#include "intervention/staff_store.hpp"
#include "intervention/technique_store.hpp"
#include "notifications/serious_event_store.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace behaviour_store_test {

using namespace hearth;
using hearth::testing::count_rows;
using hearth::testing::InProcessApp;
using hearth::testing::test_now;

using namespace hearth::testing::willow_house;
using IncidentStore = IncidentStoreFixture;

TEST_F(IncidentStore, AHoldRunsTheThreeClocksFromTheMomentItWasUsed) {
    auto id = write([&](db::Connection& c) {
        return behaviour::record(c, {willow, 1}, a_hold_incident(used), chris, used);
    });
    ASSERT_TRUE(id.ok()) << id.error().message;
    const auto i = incident(id.value());
    ASSERT_EQ(i.children.size(), 1u);
    auto waiting = clocks("incident_child", i.children.front().link_id);
    const auto* record_clock = of_kind(waiting, behaviour::reg35_record_clock);
    ASSERT_NE(record_clock, nullptr);
    EXPECT_EQ(record_clock->state, deadlines::State::open);
    EXPECT_EQ(record_clock->due_at, used + std::chrono::hours{24});

    const Timestamp written = used + std::chrono::hours{2};
    auto m = write([&](db::Connection& c) {
        return intervention::record(c, {&i, kai, 1, "Seated hold"}, a_hold(used), chris, written);
    });
    ASSERT_TRUE(m.ok()) << m.error().message;
    waiting = clocks("incident_child", i.children.front().link_id);
    EXPECT_EQ(of_kind(waiting, behaviour::reg35_record_clock)->state, deadlines::State::met);
    EXPECT_EQ(*of_kind(waiting, behaviour::reg35_record_clock)->met_at, written);

    const auto reviews = clocks("measure", m.value());
    const auto* staff = of_kind(reviews, intervention::staff_review_clock);
    const auto* child = of_kind(reviews, intervention::child_review_clock);
    ASSERT_NE(staff, nullptr);
    ASSERT_NE(child, nullptr);
    const Timestamp hold = used + std::chrono::minutes{5};
    EXPECT_EQ(staff->due_at, hold + std::chrono::hours{48});
    EXPECT_EQ(child->due_at, hold + std::chrono::hours{120});
    EXPECT_EQ(staff->state, deadlines::State::open);

    EXPECT_EQ(count_rows(*app.db,
                         "SELECT COUNT(*) FROM chronology WHERE child_id = $1 AND kind IN "
                         "('incident', 'physical_intervention') AND source_id IN ($2, $3)",
                         {kai, id.value(), m.value()}),
              2);
    EXPECT_GE(count_rows(*app.db,
                         "SELECT COUNT(*) FROM audit_log WHERE record_type = 'measure' AND "
                         "record_id = $1 AND action = 'create'",
                         {std::to_string(m.value())}),
              1);
}

TEST_F(IncidentStore, ARecordWrittenLateMeetsItsClockLateAndSaysSo) {
    auto [incident_id, measure_id] =
        hold_at(used - std::chrono::hours{30}, std::chrono::minutes{29 * 60});
    const auto i = incident(incident_id);
    const auto waiting = clocks("incident_child", i.children.front().link_id);
    const auto* d = of_kind(waiting, behaviour::reg35_record_clock);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(deadlines::standing(*d, test_now()), deadlines::Standing::met_late);
    (void)measure_id;
}

TEST_F(IncidentStore, OnlyTheManagerOrAnAuthorisedPersonWhoDidNotHoldSignsIt) {
    auto [incident_id, measure_id] = hold_at(used, std::chrono::minutes{60});
    (void)incident_id;
    const intervention::ReviewInput staff_review{
        {5, 6}, local_date_of(test_now()), "Talked it through", "", 1};
    auto sign_as = [&](const Person& p, intervention::Stage stage,
                       const intervention::ReviewInput& r) {
        return write([&](db::Connection& c) -> Status {
            auto signer = TRY(intervention::signer_for(c, p, willow));
            return intervention::sign(c, measure_id, stage, r, signer,
                                      {p.id, "signer", "127.0.0.1", "test"}, test_now());
        });
    };
    // The deputy, once the manager has ended her authorisation.
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return intervention::end_authorisation(c, willow, 4, sam, test_now());
                }).ok());
    auto refused = sign_as(person(4, Role::deputy), intervention::Stage::staff, staff_review);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().fields.front().field, "signed");
    EXPECT_NE(refused.error().message.find("someone they have authorised"), std::string::npos)
        << refused.error().message;
    // Authorised, Chris held Kai: he may not sign his own hold.
    ASSERT_TRUE(
        write([&](db::Connection& c) {
            return intervention::authorise(c, willow, 5, {{5, "Chris Okafor"}}, sam, test_now());
        }).ok());
    auto own = sign_as(person(5, Role::support_worker), intervention::Stage::staff, staff_review);
    ASSERT_FALSE(own.ok());
    EXPECT_EQ(own.error().fields.front().field, "signed");
    EXPECT_NE(own.error().message.find("You used this measure"), std::string::npos);
    // The registered manager signs; a second signature is a conflict.
    ASSERT_TRUE(
        sign_as(person(3, Role::registered_manager), intervention::Stage::staff, staff_review)
            .ok());
    auto again =
        sign_as(person(3, Role::registered_manager), intervention::Stage::staff, staff_review);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
    EXPECT_NE(again.error().message.find("Sam Carter signed this on"), std::string::npos)
        << again.error().message;
    const auto reviews = clocks("measure", measure_id);
    EXPECT_EQ(of_kind(reviews, intervention::staff_review_clock)->state, deadlines::State::met);
    EXPECT_EQ(of_kind(reviews, intervention::child_review_clock)->state, deadlines::State::open);

    // An amendment after the signature: a child review naming the old version is refused.
    auto current =
        app.db->read([&](db::Connection& c) { return intervention::find(c, measure_id); });
    auto changed = current.value()->details;
    changed.effect = "Calmed within two minutes";
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return intervention::amend(c, measure_id, 1, changed, "Seated hold", 1,
                                               "The time it took was shorter", sam, test_now());
                }).ok());
    const intervention::ReviewInput child_review{
        {}, local_date_of(test_now()), "Talked about it", "I'm OK", 1};
    auto stale =
        sign_as(person(3, Role::registered_manager), intervention::Stage::child, child_review);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    EXPECT_NE(stale.error().message.find("Sam Carter amended this record (version 2) after you "
                                         "opened it (version 1)"),
              std::string::npos)
        << stale.error().message;
    auto fresh = child_review;
    fresh.version = 2;
    ASSERT_TRUE(
        sign_as(person(3, Role::registered_manager), intervention::Stage::child, fresh).ok());
    EXPECT_EQ(of_kind(clocks("measure", measure_id), intervention::child_review_clock)->state,
              deadlines::State::met);
    auto signed_record =
        app.db->read([&](db::Connection& c) { return intervention::find(c, measure_id); });
    EXPECT_EQ(signed_record.value()->staff_review->signed_version, 1);
    EXPECT_EQ(signed_record.value()->version, 2);
}

TEST_F(IncidentStore, AMeasurePlannedInTheEhcPlanRunsNoClocks) {
    auto id = write([&](db::Connection& c) {
        return behaviour::record(c, {willow, 1}, a_hold_incident(used), chris, used);
    });
    auto i = incident(id.value());
    auto exempt = a_hold(used);
    exempt.ehc_exempt = true;
    exempt.ehc_reference = "Section F";
    auto m = write([&](db::Connection& c) {
        return intervention::record(c, {&i, kai, 1, "Seated hold"}, exempt, chris, used);
    });
    ASSERT_TRUE(m.ok());
    EXPECT_TRUE(clocks("measure", m.value()).empty());
}

TEST_F(IncidentStore, AHoldTheIncidentDoesNotMentionIsRefused) {
    auto calm = a_hold_incident(used);
    calm.restrictive_measure = "none";
    auto id = write([&](db::Connection& c) {
        return behaviour::record(c, {willow, 1}, calm, chris, used);
    });
    ASSERT_TRUE(id.ok());
    auto i = incident(id.value());
    auto m = write([&](db::Connection& c) {
        return intervention::record(c, {&i, kai, 1, "Seated hold"}, a_hold(used), chris, used);
    });
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.error().fields.front().field, "kind");
    EXPECT_NE(m.error().message.find("amend the incident first"), std::string::npos)
        << m.error().message;
}

TEST_F(IncidentStore, AmendmentsKeepChildrenAndTheTruthOfWhatWasUsed) {
    auto [incident_id, measure_id] = hold_at(used, std::chrono::minutes{30});
    (void)measure_id;
    auto i = incident(incident_id);
    auto without_kai = i.details;
    without_kai.children = {lily};
    auto removed = write([&](db::Connection& c) {
        return behaviour::amend(c, {willow, 1}, incident_id, 1, without_kai, "Wrong child", sam,
                                test_now());
    });
    ASSERT_FALSE(removed.ok());
    EXPECT_EQ(removed.error().fields.front().field, "children");
    EXPECT_NE(removed.error().message.find("cannot be taken off this incident"), std::string::npos)
        << removed.error().message;

    auto nobody_held = i.details;
    nobody_held.restrictive_measure = "none";
    auto denied = write([&](db::Connection& c) {
        return behaviour::amend(c, {willow, 1}, incident_id, 1, nobody_held, "Nobody was held", sam,
                                test_now());
    });
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().fields.front().field, "restrictive_measure");
    EXPECT_NE(denied.error().message.find("cannot now say that nobody was held"), std::string::npos)
        << denied.error().message;

    auto with_lily = i.details;
    with_lily.children = {kai, lily};
    with_lily.afterwards = "Both calm after ten minutes";
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return behaviour::amend(c, {willow, 1}, incident_id, 1, with_lily,
                                            "Lily was part of it too", sam, test_now());
                }).ok());
    EXPECT_EQ(incident(incident_id).children.size(), 2u);
    EXPECT_EQ(count_rows(*app.db,
                         "SELECT COUNT(*) FROM chronology WHERE source_type = 'incident' AND "
                         "source_id = $1",
                         {incident_id}),
              2);
    // Lily's Reg 35 record is now owed too.
    const auto lily_link = incident(incident_id).children.back().link_id;
    EXPECT_NE(of_kind(clocks("incident_child", lily_link), behaviour::reg35_record_clock), nullptr);
    auto stale = write([&](db::Connection& c) {
        return behaviour::amend(c, {willow, 1}, incident_id, 1, with_lily, "Again", sam,
                                test_now());
    });
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    EXPECT_NE(stale.error().message.find("amended this incident (version 2) after you opened it "
                                         "(version 1)"),
              std::string::npos)
        << stale.error().message;
    EXPECT_EQ(count_rows(*app.db,
                         "SELECT COUNT(*) FROM record_versions WHERE record_type = 'incident' AND "
                         "record_id = $1",
                         {incident_id}),
              2);
}

TEST_F(IncidentStore, ASeriousEventRaisesOneRecordForEachChildMetWhenTheLastRequiredIsTold) {
    auto serious = a_hold_incident(used);
    serious.restrictive_measure = "none";
    serious.children = {kai, lily};
    serious.notifiable = {"police_serious_incident"};
    auto id = write([&](db::Connection& c) {
        return behaviour::record(c, {willow, 1}, serious, chris, used);
    });
    ASSERT_TRUE(id.ok());
    auto raised =
        app.db->read([&](db::Connection& c) { return notifications::for_incident(c, id.value()); });
    ASSERT_TRUE(raised.ok());
    ASSERT_EQ(raised.value().size(), 2u);
    std::map<std::int64_t, std::int64_t> event_of;
    for (const auto& e : raised.value()) {
        event_of[*e.child_id] = e.id;
        EXPECT_EQ(notifications::still_to_tell(e.recipients),
                  (std::vector<std::string>{"Ofsted (HMCI)", "The placing authority"}));
    }
    auto reg40 = [&](std::int64_t child) {
        return *of_kind(clocks("serious_event", event_of[child]), notifications::clock_kind);
    };
    EXPECT_EQ(reg40(kai).due_at, used + std::chrono::hours{24});
    auto tell = [&](std::int64_t child, const char* who, std::chrono::hours after) {
        return write([&](db::Connection& c) {
            return notifications::record_told(c, event_of[child],
                                              {who, "Duty desk", "phone", "", used + after, 3}, sam,
                                              test_now());
        });
    };
    ASSERT_TRUE(tell(kai, "ofsted", std::chrono::hours{1}).ok());
    ASSERT_TRUE(tell(kai, "placing_authority", std::chrono::hours{2}).ok());
    EXPECT_EQ(reg40(kai).state, deadlines::State::met);
    EXPECT_EQ(*reg40(kai).met_at, used + std::chrono::hours{2});
    EXPECT_EQ(reg40(lily).state, deadlines::State::open);
    // Told twice is refused; Lily's parent, told late, is not what the clock waits for.
    auto twice = tell(kai, "ofsted", std::chrono::hours{3});
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
    ASSERT_TRUE(tell(lily, "ofsted", std::chrono::hours{1}).ok());
    ASSERT_TRUE(tell(lily, "parent", std::chrono::hours{30}).ok());
    EXPECT_EQ(reg40(lily).state, deadlines::State::open);
    ASSERT_TRUE(tell(lily, "placing_authority", std::chrono::hours{3}).ok());
    EXPECT_EQ(reg40(lily).state, deadlines::State::met);
    EXPECT_EQ(*reg40(lily).met_at, used + std::chrono::hours{3});
    EXPECT_EQ(deadlines::standing(reg40(lily), test_now()), deadlines::Standing::met_on_time);
}

TEST_F(IncidentStore, StaffWhoAreStrugglingAreCheckedOnAndUntrainedHoldersAreNamed) {
    auto [incident_id, measure_id] = hold_at(used, std::chrono::minutes{30});
    (void)measure_id;
    auto i = incident(incident_id);
    behaviour::StaffDebriefDetails d;
    d.person_id = 6;
    d.held_at = used + std::chrono::hours{1};
    d.held_by = 3;
    d.wellbeing = "struggling";
    d.support = {"counselling"};
    auto debrief = write(
        [&](db::Connection& c) { return behaviour::add_staff_debrief(c, i, d, sam, test_now()); });
    ASSERT_TRUE(debrief.ok());
    const auto checks = clocks("staff_debrief", debrief.value());
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_EQ(checks.front().kind, behaviour::wellbeing_clock);
    EXPECT_EQ(checks.front().due_at, test_now() + std::chrono::hours{24});

    // Dana's certificate lapsed (the demo's): holding Kai named her to the registered manager.
    const auto dana = clocks("person", 6);
    const auto* training = of_kind(dana, intervention::training_clock);
    ASSERT_NE(training, nullptr);
    EXPECT_EQ(training->state, deadlines::State::open);
    EXPECT_EQ(of_kind(clocks("person", 5), intervention::training_clock), nullptr);
    ASSERT_TRUE(
        write([&](db::Connection& c) {
            return intervention::record_certificate(
                c, 1, willow,
                {6, "Accredited holds, level 2", local_date_of(test_now()),
                 Date{std::chrono::sys_days{local_date_of(test_now())} + std::chrono::days{365}}},
                sam, test_now());
        }).ok());
    EXPECT_EQ(of_kind(clocks("person", 6), intervention::training_clock)->state,
              deadlines::State::met);
}

TEST_F(IncidentStore, TheFiguresReadBackEveryRestraintOfTheHome) {
    // From just before the first hold this test writes: the demo's restraints are all earlier, so
    // every figure below is one of the holds written here.
    const Timestamp from = used - std::chrono::minutes{1};
    const Timestamp until = test_now() + std::chrono::hours{1};
    auto restraints = [&](std::int64_t home) {
        auto rows = app.db->read(
            [&](db::Connection& c) { return intervention::restraints_in(c, {home}, from, until); });
        EXPECT_TRUE(rows.ok());
        return rows.ok() ? rows.value() : std::vector<intervention::RestraintRow>{};
    };
    ASSERT_TRUE(restraints(willow).empty());

    // Kai held twice, an hour apart, and Lily once in between: each hold four minutes long.
    hold_at(used, std::chrono::minutes{30});
    hold_at(used + std::chrono::hours{1}, std::chrono::minutes{30});
    const Timestamp lily_at = used + std::chrono::minutes{30};
    auto lilys = a_hold_incident(lily_at);
    lilys.children = {lily};
    auto lily_incident = write([&](db::Connection& c) {
        return behaviour::record(c, {willow, 1}, lilys, chris, lily_at);
    });
    ASSERT_TRUE(lily_incident.ok());
    auto li = incident(lily_incident.value());
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return intervention::record(c, {&li, lily, 1, "Seated hold"}, a_hold(lily_at),
                                                chris, lily_at + std::chrono::minutes{20});
                }).ok());

    auto rows = restraints(willow);
    ASSERT_EQ(rows.size(), 3u);
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    const Timestamp started[] = {used + std::chrono::minutes{5}, lily_at + std::chrono::minutes{5},
                                 used + std::chrono::hours{1} + std::chrono::minutes{5}};
    const std::int64_t held[] = {kai, lily, kai};
    for (std::size_t n = 0; n < rows.size(); ++n) {
        EXPECT_EQ(rows[n].home_id, willow) << n;
        EXPECT_EQ(rows[n].child_id, held[n]) << n;
        EXPECT_EQ(rows[n].at, started[n]) << n;
        EXPECT_EQ(rows[n].minutes, 4) << n;
        EXPECT_EQ(rows[n].used_by, (std::vector<std::int64_t>{5, 6})) << n;
        EXPECT_FALSE(rows[n].injury) << n;
    }
    EXPECT_TRUE(restraints(hearth::testing::demo_home(*app.db, "Harbour View")).empty());

    const auto counts = intervention::ofsted_counts(rows, from, until);
    EXPECT_EQ(counts.restraints, 3);
    EXPECT_EQ(counts.children_restrained, 2);
    // Only Kai's second hold falls in its last hour.
    const auto last_hour = intervention::ofsted_counts(rows, used + std::chrono::hours{1}, until);
    EXPECT_EQ(last_hour.restraints, 1);
    EXPECT_EQ(last_hour.children_restrained, 1);
}

TEST_F(IncidentStore, TheOrganisationKeepsItsOwnTechniquesAndRetiresThoseItDoesNotTeach) {
    const auto now = test_now();
    const auto offered = [&] {
        auto t = app.db->read([](db::Connection& c) { return intervention::techniques_of(c, 1); });
        EXPECT_TRUE(t.ok());
        std::vector<std::string> keys;
        for (const auto& ch : t.value())
            keys.push_back(ch.key);
        return keys;
    };
    const auto has = [](const std::vector<std::string>& keys, const std::string& key) {
        return std::find(keys.begin(), keys.end(), key) != keys.end();
    };
    EXPECT_TRUE(has(offered(), "seated_hold"));

    ASSERT_TRUE(write([&](db::Connection& c) {
                    return intervention::add_technique(c, 1, "Figure of four (two adults)", sam,
                                                       now);
                }).ok());
    EXPECT_TRUE(has(offered(), "figure_of_four_two_adults"));
    auto again = write([&](db::Connection& c) {
        return intervention::add_technique(c, 1, "FIGURE of four, two adults", sam, now);
    });
    ASSERT_FALSE(again.ok());
    ASSERT_EQ(again.error().fields.size(), 1u);
    EXPECT_EQ(again.error().fields[0].field, "label");
    EXPECT_NE(again.error().message.find("is in the list already"), std::string::npos)
        << again.error().message;
    EXPECT_EQ(again.error().message.find("retired"), std::string::npos) << again.error().message;

    ASSERT_TRUE(write([&](db::Connection& c) {
                    return intervention::set_retired(c, 1, "seated_hold", true, sam, now);
                }).ok());
    EXPECT_FALSE(has(offered(), "seated_hold"));
    auto twice = write([&](db::Connection& c) {
        return intervention::set_retired(c, 1, "seated_hold", true, sam, now);
    });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
    EXPECT_EQ(twice.error().message, "That technique was retired already.");
    auto added_retired = write([&](db::Connection& c) {
        return intervention::add_technique(c, 1, "Seated hold (two adults)", sam, now);
    });
    ASSERT_FALSE(added_retired.ok());
    EXPECT_EQ(added_retired.error().fields.front().field, "label");
    EXPECT_NE(added_retired.error().message.find("retired: restore it"), std::string::npos);

    ASSERT_TRUE(write([&](db::Connection& c) {
                    return intervention::set_retired(c, 1, "seated_hold", false, sam, now);
                }).ok());
    EXPECT_TRUE(has(offered(), "seated_hold"));
    EXPECT_EQ(count_rows(*app.db, "SELECT COUNT(*) FROM intervention_techniques"), 2);
}

}  // namespace behaviour_store_test
