// A child's plans in the store: versions never overwritten, a stale write refused, one plan of
// each kind, sign-off that locks a version, a risk rising to high, sharing recorded beside the
// version it was of, and the chronology and audit trail told of each.
#include <gtest/gtest.h>

#include "plan_fixture.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace plan_store_test {

using namespace hearth;
using namespace hearth::plans;
using namespace std::chrono_literals;
using hearth::testing::count_rows;
using hearth::testing::date;
using hearth::testing::fields_of;
using hearth::testing::message_at;
using hearth::testing::PlanStore;
using hearth::testing::says;

namespace {

const Date today = hearth::testing::test_today();

TEST_F(PlanStore, StartingAPlanWritesVersionOneItsClockItsChronologyAndItsAudit) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok()) << id.error().message;
    Plan p = plan(id.value());
    EXPECT_EQ(p.kind, "behaviour_plan");
    EXPECT_EQ(p.current.number, 1);
    EXPECT_EQ(p.current.author_name, "Chris Okafor");
    EXPECT_EQ(section_text(p.current.sections, "what_helps"), "Time");
    EXPECT_FALSE(p.current.signed_at.has_value());
    EXPECT_FALSE(p.last_signed.has_value());

    auto c = clocks(id.value());
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].kind, "plan_review");
    EXPECT_EQ(c[0].state, deadlines::State::open);
    EXPECT_EQ(c[0].owner_role, "registered_manager");
    EXPECT_EQ(c[0].child_id, child_);
    EXPECT_EQ(c[0].title, "Review Aisha Bennett's individual behaviour plan");
    EXPECT_EQ(c[0].link,
              "/children/" + std::to_string(child_) + "/plans/" + std::to_string(id.value()));
    // The end of 12 August in London (BST) is 23:00 UTC.
    EXPECT_EQ(format_utc(c[0].due_at), "2026-08-12T23:00:00.000Z");

    auto t = timeline();
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(t[0].kind, "plan");
    EXPECT_EQ(t[0].title, "Individual behaviour plan, version 1");
    EXPECT_EQ(t[0].summary, "First plan after admission");
    EXPECT_EQ(t[0].source_type, "plan_version");
    EXPECT_FALSE(t[0].significant);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'plan_version' AND "
                    "action = 'create' AND child_id = $1"),
              1);
}

TEST_F(PlanStore, OnePlanOfEachKindAndAnotherAreaByItsName) {
    ASSERT_TRUE(start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12"))).ok());
    auto twice = start_plan("behaviour_plan", behaviour("Other", today, date("2026-08-12")));
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
    EXPECT_EQ(twice.error().message,
              "Aisha Bennett already has an individual behaviour plan. Open it and write a new "
              "version with your changes.");
    // Nothing of the refused plan was written.
    EXPECT_EQ(count("SELECT COUNT(*) FROM plans WHERE child_id = $1"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM deadlines WHERE child_id = $1"), 1);

    ASSERT_TRUE(
        start_plan("risk_other", risk("low", today, date("2026-06-12")), "Fire setting").ok());
    ASSERT_TRUE(
        start_plan("risk_other", risk("low", today, date("2026-06-12")), "Road safety").ok());
    auto same_area =
        start_plan("risk_other", risk("low", today, date("2026-06-12")), "Fire setting");
    ASSERT_FALSE(same_area.ok());
    EXPECT_EQ(same_area.error().kind, ErrorKind::conflict);
    EXPECT_NE(same_area.error().message.find("Aisha Bennett already has a"), std::string::npos)
        << same_area.error().message;
    EXPECT_NE(same_area.error().message.find("Fire setting"), std::string::npos)
        << same_area.error().message;

    auto list = db_->read([&](db::Connection& c) { return for_child(c, child_); });
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 3u);
    // In the order of the kinds, then by area.
    EXPECT_EQ((*list)[0].kind, "behaviour_plan");
    EXPECT_EQ((*list)[1].area_name, "Fire setting");
    EXPECT_EQ((*list)[2].area_name, "Road safety");
}

TEST_F(PlanStore, ANewVersionKeepsTheOldOneMeetsItsClockAndStartsTheNext) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    now_ += 48h;
    auto v2 = new_version(id.value(), 1,
                          behaviour("Time and music", date("2026-05-14"), date("2026-07-14")));
    ASSERT_TRUE(v2.ok()) << v2.error().message;
    EXPECT_EQ(v2.value(), 2);

    auto list = all_versions(id.value());
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].number, 2);
    EXPECT_EQ(section_text(list[0].sections, "what_helps"), "Time and music");
    EXPECT_EQ(list[1].number, 1);
    EXPECT_EQ(section_text(list[1].sections, "what_helps"), "Time");
    EXPECT_EQ(list[1].review_by, date("2026-08-12"));

    auto c = clocks(id.value());
    ASSERT_EQ(c.size(), 2u);
    // Soonest first: the new clock (14 July) comes before the met one (12 August).
    EXPECT_EQ(c[0].state, deadlines::State::open);
    EXPECT_EQ(format_utc(c[0].due_at), "2026-07-14T23:00:00.000Z");
    EXPECT_EQ(c[1].state, deadlines::State::met);
    EXPECT_EQ(c[1].met_at, now_);
    EXPECT_EQ(c[1].met_by_name, "Chris Okafor");
    EXPECT_EQ(c[1].met_note, "Version 2 written: First plan after admission");

    auto t = timeline();
    ASSERT_GE(t.size(), 2u);
    EXPECT_EQ(t[0].title, "Individual behaviour plan, version 2");
}

TEST_F(PlanStore, AStaleWriteIsRefusedAndChangesNothing) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(
        new_version(id.value(), 1, behaviour("First change", today, date("2026-08-12"))).ok());
    const auto clocks_before = clocks(id.value()).size();
    const auto entries_before = timeline().size();
    auto stale = new_version(id.value(), 1, behaviour("Second change", today, date("2026-08-12")));
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
    EXPECT_EQ(stale.error().message,
              "Chris Okafor wrote version 2 of this plan after you opened version 1.");
    auto ahead = new_version(id.value(), 7, behaviour("Ahead", today, date("2026-08-12")));
    ASSERT_FALSE(ahead.ok());
    EXPECT_EQ(ahead.error().kind, ErrorKind::conflict);
    EXPECT_EQ(ahead.error().message,
              "Chris Okafor wrote version 2 of this plan after you opened version 7.");
    EXPECT_EQ(all_versions(id.value()).size(), 2u);
    EXPECT_EQ(plan(id.value()).current.number, 2);
    EXPECT_EQ(section_text(plan(id.value()).current.sections, "what_helps"), "First change");
    EXPECT_EQ(clocks(id.value()).size(), clocks_before);
    EXPECT_EQ(timeline().size(), entries_before);
}

TEST_F(PlanStore, DatesAreCheckedAgainstTheVersionReplacedBeforeAnythingIsWritten) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    auto early = new_version(id.value(), 1, behaviour("x", date("2026-05-11"), date("2026-06-01")));
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(fields_of(early.error()), std::vector<std::string>{"effective_on"});
    EXPECT_TRUE(
        says(message_at(early, "effective_on"), "when the version it replaces took effect"));
    EXPECT_EQ(plan(id.value()).current.number, 1);
    auto c = clocks(id.value());
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].state, deadlines::State::open);  // not met by the refused version
}

TEST_F(PlanStore, SignOffRecordsWhoAndWhenAndLocksTheVersion) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    now_ += 3h;
    Status signed_ok = sign(id.value(), 1);
    ASSERT_TRUE(signed_ok.ok()) << signed_ok.error().message;
    Plan p = plan(id.value());
    ASSERT_TRUE(p.current.signed_at.has_value());
    EXPECT_EQ(*p.current.signed_at, now_);
    EXPECT_EQ(p.current.signed_by_name, "Sam Carter");
    EXPECT_EQ(p.last_signed, 1);

    // Signed once only.
    Status again = sign(id.value(), 1);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
    EXPECT_EQ(again.error().message,
              "Version 1 was already signed off by Sam Carter on 12 May 2026, 18:30.");

    auto t = timeline();
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(t[0].title, "Individual behaviour plan, version 1 signed off");
    EXPECT_EQ(t[0].source_type, "plan_sign_off");
    EXPECT_EQ(t[0].summary, "Signed off by Sam Carter, registered manager.");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'sign_off' AND child_id = $1"),
              1);

    // A change to a signed version is a new version; the signed one stays as it was.
    const Version signed_version = p.current;
    now_ += 1h;
    ASSERT_TRUE(new_version(id.value(), 1, behaviour("Changed", today, date("2026-08-12"))).ok());
    auto list = all_versions(id.value());
    ASSERT_EQ(list.size(), 2u);
    EXPECT_FALSE(list[0].signed_at.has_value());
    EXPECT_EQ(list[1].signed_at, signed_version.signed_at);
    EXPECT_EQ(list[1].signed_by_name, "Sam Carter");
    EXPECT_EQ(sections_json(list[1].sections), sections_json(signed_version.sections));
    EXPECT_EQ(list[1].reason, signed_version.reason);
    EXPECT_EQ(list[1].review_by, signed_version.review_by);
    p = plan(id.value());
    EXPECT_EQ(p.current.number, 2);
    EXPECT_EQ(p.last_signed, 1);
}

TEST_F(PlanStore, OnlyTheCurrentVersionIsSigned) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(new_version(id.value(), 1, behaviour("Changed", today, date("2026-08-12"))).ok());
    Status old = sign(id.value(), 1);
    ASSERT_FALSE(old.ok());
    EXPECT_EQ(old.error().kind, ErrorKind::conflict);
    EXPECT_EQ(old.error().message,
              "Version 1 is no longer the current version: Chris Okafor wrote version 2 since. "
              "Read it before you sign it off.");
    EXPECT_FALSE(all_versions(id.value())[1].signed_at.has_value());
    Status missing = sign(id.value(), 9);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::conflict);
    EXPECT_EQ(missing.error().message,
              "Version 9 is no longer the current version: Chris Okafor wrote version 2 since. "
              "Read it before you sign it off.");
    EXPECT_TRUE(sign(id.value(), 2).ok());
}

TEST_F(PlanStore, ARiskRisingToHighIsASignificantEvent) {
    auto id = start_plan("risk_going_missing", risk("medium", today, date("2026-06-12")));
    ASSERT_TRUE(id.ok());
    EXPECT_FALSE(timeline()[0].significant);
    EXPECT_EQ(timeline()[0].kind, "risk_assessment");
    EXPECT_EQ(timeline()[0].title, "Risk assessment: going missing, version 1");
    ASSERT_TRUE(new_version(id.value(), 1, risk("high", today, date("2026-06-12"))).ok());
    EXPECT_TRUE(timeline()[0].significant);
    ASSERT_TRUE(new_version(id.value(), 2, risk("high", today, date("2026-06-12"))).ok());
    EXPECT_FALSE(timeline()[0].significant);
    ASSERT_TRUE(new_version(id.value(), 3, risk("low", today, date("2026-06-12"))).ok());
    EXPECT_FALSE(timeline()[0].significant);
    // A first assessment at high is a rise from nothing.
    auto high = start_plan("risk_self_harm", risk("high", today, date("2026-06-12")));
    ASSERT_TRUE(high.ok());
    EXPECT_TRUE(timeline()[0].significant);
}

TEST_F(PlanStore, SharingIsRecordedAfterTheVersionWithoutChangingIt) {
    auto id = start_plan("behaviour_plan", behaviour("Time", today, date("2026-08-12")));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(sign(id.value(), 1).ok());
    Status shared = db_->write([&](db::Connection& c) {
        return record_sharing(c, id.value(), {1, {"child", "iro"}, "Aunt Jo", today}, writer(),
                              now_);
    });
    ASSERT_TRUE(shared.ok()) << shared.error().message;
    auto list = all_versions(id.value());
    auto loaded = db_->read([&](db::Connection& c) -> Result<std::vector<Version>> {
        TRY(load_sharing(c, list));
        return list;
    });
    ASSERT_TRUE(loaded.ok());
    const auto& sharing = loaded->front().sharing;
    ASSERT_EQ(sharing.size(), 3u);
    EXPECT_EQ(sharing[0].with, "child");
    EXPECT_EQ(sharing[1].with, "iro");
    EXPECT_EQ(sharing[2].with, "other");
    EXPECT_EQ(sharing[2].named, "Aunt Jo");
    EXPECT_EQ(sharing[0].recorded_by, "Chris Okafor");
    EXPECT_TRUE(loaded->front().signed_at.has_value());

    Status early = db_->write([&](db::Connection& c) {
        return record_sharing(c, id.value(), {1, {"child"}, "", date("2026-05-11")}, writer(),
                              now_);
    });
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(fields_of(early.error()), std::vector<std::string>{"shared_on"});
    EXPECT_TRUE(says(message_at(early, "shared_on"), "when this version was written"));
    Status no_version = db_->write([&](db::Connection& c) {
        return record_sharing(c, id.value(), {4, {"child"}, "", today}, writer(), now_);
    });
    ASSERT_FALSE(no_version.ok());
    EXPECT_EQ(fields_of(no_version.error()), std::vector<std::string>{"version"});
    EXPECT_TRUE(says(message_at(no_version, "version"), "This plan has no version 4"));
    EXPECT_EQ(count_rows(*db_, "SELECT COUNT(*) FROM plan_sharing"), 3);
}

}  // namespace

}  // namespace plan_store_test
