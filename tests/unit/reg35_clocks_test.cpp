// Every Reg 35 clock exactly right (issue 12), on a real store with the time set by the test: an
// exemption closes every clock of its hold; the record's clock runs from when the measure began;
// only the sign-offs meet the sign-off clocks, made by nobody who used the measure; each person
// who held is spoken to; amendments move or close the clocks and the trail says so; Ofsted's
// counts include holds whose record is still owed.
#include <gtest/gtest.h>

#include "behaviour/incident_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "incident_fixture.hpp"
#include "intervention/figures.hpp"
#include "intervention/figures_store.hpp"
#include "intervention/measure_store.hpp"
#include "intervention/staff_store.hpp"
#include "notifications/serious_event_store.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace reg35_clocks_test {

using namespace hearth;
using namespace std::chrono_literals;
using hearth::testing::count_rows;
using hearth::testing::test_now;
using namespace hearth::testing::willow_house;

class Reg35ClocksStore : public IncidentStoreFixture {
  protected:
    // Kai's incident with a hold, the hold beginning `began_after` the incident did.
    behaviour::Incident incident_with_hold(Timestamp at, std::chrono::minutes began_after) {
        auto d = a_hold_incident(at);
        d.measure_began_at = at + began_after;
        auto id = write([&](db::Connection& c) {
            return behaviour::record(c, {willow, 1}, d, chris, at + 10min);
        });
        EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
        return incident(id.value());
    }

    const deadlines::Deadline* record_clock(const behaviour::Incident& i,
                                            std::vector<deadlines::Deadline>& held) {
        held = clocks("incident_child", i.children.front().link_id);
        return of_kind(held, behaviour::reg35_record_clock);
    }

    Result<std::int64_t> write_record(const behaviour::Incident& i,
                                      const intervention::MeasureDetails& m, Timestamp at) {
        return write([&](db::Connection& c) {
            return intervention::record(c, {&i, kai, 1, "Seated hold"}, m, chris, at);
        });
    }

    Status sign_as(const Person& p, std::int64_t measure, intervention::Stage stage,
                   const intervention::ReviewInput& r, Timestamp at) {
        return write([&](db::Connection& c) -> Status {
            auto signer = TRY(intervention::signer_for(c, p, willow));
            return intervention::sign(c, measure, stage, r, signer,
                                      {p.id, "signer", "127.0.0.1", "test"}, at);
        });
    }

    intervention::Measure measure(std::int64_t id) {
        auto found = app.db->read([&](db::Connection& c) { return intervention::find(c, id); });
        EXPECT_TRUE(found.ok() && found.value());
        return **found;
    }

    const Timestamp began = test_now() - 30h;
};

TEST_F(Reg35ClocksStore, AHoldPlannedInTheEhcPlanClosesTheIncidentsRecordClockSayingWhy) {
    const auto i = incident_with_hold(began, 5min);
    std::vector<deadlines::Deadline> held;
    ASSERT_NE(record_clock(i, held), nullptr);
    EXPECT_EQ(record_clock(i, held)->state, deadlines::State::open);

    auto exempt = a_hold(began);
    exempt.ehc_exempt = true;
    exempt.ehc_reference = "EHC plan section F, 2026";
    auto m = write_record(i, exempt, began + 1h);
    ASSERT_TRUE(m.ok()) << m.error().message;
    const auto* closed = record_clock(i, held);
    ASSERT_NE(closed, nullptr);
    EXPECT_EQ(closed->state, deadlines::State::closed);
    EXPECT_NE(closed->closed_reason.find("Reg 35(4)"), std::string::npos) << closed->closed_reason;
    EXPECT_NE(closed->closed_reason.find("EHC plan section F, 2026"), std::string::npos);
    EXPECT_TRUE(clocks("measure", m.value()).empty());

    // Nothing of this hold is escalated, a day and more later.
    ASSERT_TRUE(
        write([&](db::Connection& c) { return deadlines::escalate_overdue(c, began + 72h); }).ok());
    EXPECT_FALSE(record_clock(i, held)->escalated_at.has_value());
}

TEST_F(Reg35ClocksStore, TheRecordClockRunsFromWhenTheMeasureBeganNotTheIncident) {
    // The incident began at 10:00; the hold at 13:00 (three hours in).
    const auto i = incident_with_hold(began, 180min);
    std::vector<deadlines::Deadline> held;
    const auto* waiting = record_clock(i, held);
    ASSERT_NE(waiting, nullptr);
    EXPECT_EQ(waiting->started_at, began + 3h);
    EXPECT_EQ(waiting->due_at, began + 27h);

    // Not overdue at 26 hours after the incident began.
    ASSERT_TRUE(
        write([&](db::Connection& c) { return deadlines::escalate_overdue(c, began + 26h); }).ok());
    EXPECT_FALSE(record_clock(i, held)->escalated_at.has_value());

    // The record says the hold began at 13:20: written 24h10m after the incident's own time, it
    // is in time, and the clock says it ran from 13:20.
    auto m = a_hold(began);
    m.started_at = began + 200min;
    m.ended_at = m.started_at + 4min;
    ASSERT_TRUE(write_record(i, m, began + 27h + 10min).ok());
    const auto* met = record_clock(i, held);
    ASSERT_NE(met, nullptr);
    EXPECT_EQ(met->due_at, began + 200min + 24h);
    EXPECT_EQ(deadlines::standing(*met, test_now()), deadlines::Standing::met_on_time);
    EXPECT_GE(count_rows(*app.db,
                         "SELECT COUNT(*) FROM audit_log WHERE record_type = 'deadline' AND "
                         "record_id = $1 AND action = 'move'",
                         {std::to_string(met->id)}),
              1);
}

TEST_F(Reg35ClocksStore, TheSignOffClocksAreMetOnlyByTheirSignOffs) {
    const auto i = incident_with_hold(began, 5min);
    auto m = write_record(i, a_hold(began), began + 1h);
    ASSERT_TRUE(m.ok());
    for (const char* kind : {intervention::staff_review_clock, intervention::child_review_clock}) {
        const auto all = clocks("measure", m.value());
        const auto* clock = of_kind(all, kind);
        ASSERT_NE(clock, nullptr) << kind;
        auto by_hand = write([&](db::Connection& c) {
            return deadlines::meet_by_hand(c, clock->id, clock->version, sam, test_now(),
                                           "Spoke to everyone");
        });
        ASSERT_FALSE(by_hand.ok()) << kind;
        EXPECT_NE(by_hand.error().message.find("met only by the act the law names"),
                  std::string::npos)
            << by_hand.error().message;
        EXPECT_EQ(of_kind(clocks("measure", m.value()), kind)->state, deadlines::State::open);
    }
    std::vector<deadlines::Deadline> held;
    EXPECT_FALSE(deadlines::may_be_met_by_hand(record_clock(i, held)->kind));
    EXPECT_TRUE(deadlines::may_be_met_by_hand("plan_review"));
}

TEST_F(Reg35ClocksStore, NobodyWhoUsedTheMeasureConfirmsTheConversationWithTheChild) {
    const auto i = incident_with_hold(began, 5min);
    auto m = write_record(i, a_hold(began), began + 1h);
    ASSERT_TRUE(m.ok());
    ASSERT_TRUE(
        write([&](db::Connection& c) {
            return intervention::authorise(c, willow, 5, {{5, "Chris Okafor"}}, sam, test_now());
        }).ok());
    const intervention::ReviewInput child{
        {}, local_date_of(test_now()), "Talked about it", "It hurt my arm", 1};
    auto own = sign_as(person(5, Role::support_worker), m.value(), intervention::Stage::child,
                       child, test_now());
    ASSERT_FALSE(own.ok());
    EXPECT_EQ(own.error().fields.front().field, "signed");
    EXPECT_NE(own.error().message.find("Reg 35(3)(c)"), std::string::npos) << own.error().message;
    EXPECT_EQ(of_kind(clocks("measure", m.value()), intervention::child_review_clock)->state,
              deadlines::State::open);
    ASSERT_TRUE(sign_as(person(3, Role::registered_manager), m.value(), intervention::Stage::child,
                        child, test_now())
                    .ok());
    EXPECT_EQ(of_kind(clocks("measure", m.value()), intervention::child_review_clock)->state,
              deadlines::State::met);
}

TEST_F(Reg35ClocksStore, EachPersonWhoHeldIsSpokenToAndTheRecordShowsWhoIsNot) {
    const auto i = incident_with_hold(began, 5min);
    auto m = write_record(i, a_hold(began), began + 1h);
    ASSERT_TRUE(m.ok());
    const auto manager = person(3, Role::registered_manager);
    // Someone who did not hold is not someone to have spoken to about it.
    auto stranger = sign_as(manager, m.value(), intervention::Stage::staff,
                            {{5, 4}, local_date_of(test_now()), "Talked", "", 1}, test_now());
    ASSERT_FALSE(stranger.ok());
    EXPECT_EQ(stranger.error().fields.front().field, "spoke_to");

    ASSERT_TRUE(sign_as(manager, m.value(), intervention::Stage::staff,
                        {{5}, local_date_of(test_now()), "Talked it through with Chris", "", 1},
                        test_now())
                    .ok());
    EXPECT_EQ(of_kind(clocks("measure", m.value()), intervention::staff_review_clock)->state,
              deadlines::State::met);
    EXPECT_EQ(intervention::not_yet_spoken_to(measure(m.value())), (std::vector<std::int64_t>{6}));

    auto talk = [&](std::int64_t who) {
        return write([&](db::Connection& c) -> Status {
            auto signer = TRY(intervention::signer_for(c, manager, willow));
            return intervention::record_conversation(
                c, m.value(), {who, local_date_of(test_now()), "Talked it through"}, signer, sam,
                test_now());
        });
    };
    auto twice = talk(5);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().fields.front().field, "spoke_to");
    ASSERT_TRUE(talk(6).ok());
    const auto spoken = measure(m.value());
    EXPECT_TRUE(intervention::not_yet_spoken_to(spoken).empty());
    ASSERT_EQ(spoken.staff_spoken_to.size(), 2u);
    EXPECT_TRUE(spoken.staff_spoken_to[0].at_sign_off);
    EXPECT_FALSE(spoken.staff_spoken_to[1].at_sign_off);
    EXPECT_EQ(spoken.staff_spoken_to[1].name, "Dana Lewis");
}

TEST_F(Reg35ClocksStore, AmendingWhenItBeganOrItsExemptionMovesClosesOrStartsItsClocks) {
    const auto i = incident_with_hold(began, 5min);
    auto written = write_record(i, a_hold(began), began + 1h);
    ASSERT_TRUE(written.ok());
    const auto id = written.value();
    auto amend = [&](const intervention::MeasureDetails& d, int version, const char* why) {
        return write([&](db::Connection& c) {
            return intervention::amend(c, id, version, d, "Seated hold", 1, why, sam, test_now());
        });
    };

    // It began an hour later than first written: both sign-off clocks run from then.
    auto later = measure(id).details;
    later.started_at += 1h;
    later.ended_at = *later.ended_at + 1h;
    ASSERT_TRUE(amend(later, 1, "The time was wrong").ok());
    auto all = clocks("measure", id);
    EXPECT_EQ(of_kind(all, intervention::staff_review_clock)->due_at, later.started_at + 48h);
    EXPECT_EQ(of_kind(all, intervention::child_review_clock)->due_at, later.started_at + 120h);
    EXPECT_EQ(count_rows(*app.db,
                         "SELECT COUNT(*) FROM audit_log WHERE record_type = 'deadline' AND "
                         "action = 'move' AND detail LIKE '%amended: the measure began%' AND "
                         "record_id IN ($1, $2)",
                         {std::to_string(of_kind(all, intervention::staff_review_clock)->id),
                          std::to_string(of_kind(all, intervention::child_review_clock)->id)}),
              2);

    // It is planned in the EHC plan after all: every clock of it closes, saying why.
    auto exempt = later;
    exempt.ehc_exempt = true;
    exempt.ehc_reference = "EHC plan section F";
    ASSERT_TRUE(amend(exempt, 2, "It is in Kai's EHC plan").ok());
    for (const auto& d : clocks("measure", id)) {
        if (d.kind == intervention::staff_review_clock ||
            d.kind == intervention::child_review_clock) {
            EXPECT_EQ(d.state, deadlines::State::closed) << d.kind;
            EXPECT_NE(d.closed_reason.find("Reg 35(4)"), std::string::npos) << d.closed_reason;
        }
    }

    // And not, once more: the sign-off clocks run again from when it began.
    ASSERT_TRUE(amend(later, 3, "The plan did not cover this hold").ok());
    int open = 0;
    for (const auto& d : clocks("measure", id)) {
        if (d.state == deadlines::State::open) {
            ++open;
            EXPECT_EQ(d.started_at, later.started_at) << d.kind;
        }
    }
    EXPECT_EQ(open, 2);
}

TEST_F(Reg35ClocksStore, OfstedsCountsIncludeAHoldWhoseRecordIsStillOwed) {
    const Timestamp from = began - 1min;
    const Timestamp until = test_now() + 1h;
    auto counted = [&] {
        auto rows = app.db->read([&](db::Connection& c) {
            return intervention::restraints_in(c, {willow}, from, until);
        });
        EXPECT_TRUE(rows.ok());
        return intervention::ofsted_counts(rows.value(), from, until);
    };
    // The demo's own restraints of these hours are all written up.
    const auto before = counted();
    EXPECT_EQ(before.records_owed, 0);

    const auto i = incident_with_hold(began, 5min);
    auto counts = counted();
    EXPECT_EQ(counts.restraints, before.restraints + 1);
    EXPECT_EQ(counts.records_owed, 1);

    ASSERT_TRUE(write_record(i, a_hold(began), began + 1h).ok());
    counts = counted();
    EXPECT_EQ(counts.restraints, before.restraints + 1);
    EXPECT_EQ(counts.records_owed, 0);
}

TEST_F(Reg35ClocksStore, TakingTheSeriousEventOffAnIncidentClosesItsClockSayingWhy) {
    auto serious = a_hold_incident(began);
    serious.restrictive_measure = "none";
    serious.notifiable = {"police_serious_incident"};
    auto id = write([&](db::Connection& c) {
        return behaviour::record(c, {willow, 1}, serious, chris, began);
    });
    ASSERT_TRUE(id.ok());
    auto raised =
        app.db->read([&](db::Connection& c) { return notifications::for_incident(c, id.value()); });
    ASSERT_EQ(raised.value().size(), 1u);
    const auto event = raised.value().front().id;
    ASSERT_EQ(of_kind(clocks("serious_event", event), notifications::clock_kind)->state,
              deadlines::State::open);
    auto not_serious = incident(id.value()).details;
    not_serious.notifiable = {};
    ASSERT_TRUE(write([&](db::Connection& c) {
                    return behaviour::amend(c, {willow, 1}, id.value(), 1, not_serious,
                                            "The police were not called after all", sam,
                                            test_now());
                }).ok());
    const auto all = clocks("serious_event", event);
    const auto* reg40 = of_kind(all, notifications::clock_kind);
    EXPECT_EQ(reg40->state, deadlines::State::closed);
    EXPECT_NE(reg40->closed_reason.find("A serious incident needing the police"), std::string::npos)
        << reg40->closed_reason;
    EXPECT_NE(reg40->closed_reason.find("The police were not called after all"), std::string::npos);
    auto found = app.db->read([&](db::Connection& c) { return notifications::find(c, event); });
    EXPECT_FALSE(found.value()->withdrawn_reason.empty());
    // Nothing more can be recorded as told on it.
    auto told = write([&](db::Connection& c) {
        return notifications::record_told(
            c, event, {"ofsted", "Duty desk", "phone", "", test_now(), 3}, sam, test_now());
    });
    ASSERT_FALSE(told.ok());
    EXPECT_EQ(told.error().kind, ErrorKind::conflict);
}

}  // namespace reg35_clocks_test
