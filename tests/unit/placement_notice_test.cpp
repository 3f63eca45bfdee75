// Reg 41 notices on a set clock: an admission or a leaving owes the local authority where the home
// is a written notice, unless it placed the child; the notice says what Reg 41(3) asks; its clock
// runs from the day and is met only by recording it sent, at the moment it was sent; an amended
// case record moves, withdraws or owes it again. On SQLite, and on PostgreSQL when
// HEARTH_TEST_PG_URL is set.
#include <gtest/gtest.h>

#include <algorithm>

#include "case_record_fixture.hpp"
#include "children/leaving/leaving_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "notifications/placement_notice_store.hpp"

namespace placement_notice_test {

using namespace hearth;
using namespace hearth::testing;
using notifications::notice_owed;

TEST(PlacementNoticeRule, OwedUnlessTheHomesOwnAuthorityPlacedTheChild) {
    EXPECT_FALSE(notice_owed("Northshire County Council", " northshire  county council"));
    EXPECT_TRUE(notice_owed("Northshire County Council", "Westmere City Council"));
    EXPECT_TRUE(notice_owed("", "Westmere City Council"))
        << "not knowing where the home's authority is owes the notice";
}

TEST(PlacementNoticeRule, TheLegalPositionIsReadFromTheLegalBasis) {
    const auto s20 = notifications::legal_position("s20");
    ASSERT_TRUE(s20);
    EXPECT_EQ(s20->accommodated, "Yes: accommodated under section 20");
    EXPECT_EQ(s20->order, "No");
    const auto remand = notifications::legal_position("remand");
    ASSERT_TRUE(remand);
    EXPECT_NE(remand->accommodated.find("section 21"), std::string::npos);
    const auto s31 = notifications::legal_position("s31");
    ASSERT_TRUE(s31);
    EXPECT_EQ(s31->accommodated, "No");
    EXPECT_EQ(s31->order, "Yes: a care order under section 31");
    const auto interim = notifications::legal_position("s38");
    ASSERT_TRUE(interim);
    EXPECT_NE(interim->order.find("an interim care order under section 38"), std::string::npos)
        << interim->order;
    EXPECT_FALSE(notifications::legal_position("other")) << "the form asks";
}

class PlacementNoticeStore : public CaseRecordTest {
  protected:
    void SetUp() override {
        CaseRecordTest::SetUp();
        ASSERT_TRUE(db_->write([&](db::Connection& c) {
                           return c.run(
                               "UPDATE homes SET local_authority = "
                               "'Northshire County Council' WHERE id = $1",
                               {home_});
                       })
                        .ok());
        when_admitted_.add(notifications::owe_on_admission);
        when_amended_.add(notifications::follow_case_record);
        when_leaving_.add(notifications::owe_on_leaving);
    }

    // Kai, placed by Westmere, came two days before the set clock.
    std::int64_t admit_kai(const std::string& placing_authority = "Westmere City Council") {
        auto d = aisha_details();
        d.first_name = "Kai";
        d.legal_basis = "s20";
        d.placing_authority = placing_authority;
        d.placing_authority_contact = "Placements team, 01632 960300";
        d.admission_date = date("2026-05-10");
        auto id = db_->write([&](db::Connection& c) {
            return children::admit(c, home_, d, when_admitted_, as(manager_), now_);
        });
        EXPECT_TRUE(id.ok()) << id.error().message;
        return id.value();
    }

    std::vector<notifications::PlacementNotice> notices(std::int64_t child) {
        return db_
            ->read([&](db::Connection& c) { return notifications::notices_of_child(c, child); })
            .value();
    }

    deadlines::Deadline clock_of(std::int64_t notice_id) {
        auto all = db_->read([&](db::Connection& c) {
                          return deadlines::for_source(c, "placement_notice", notice_id);
                      })
                       .value();
        EXPECT_EQ(all.size(), 1u);
        return all.empty() ? deadlines::Deadline{} : all.back();
    }

    Status amend_placing(std::int64_t child, const std::string& authority, Date admitted) {
        return db_->write([&](db::Connection& c) -> Status {
            auto found = TRY(children::find(c, child));
            auto d = found->details;
            d.placing_authority = authority;
            d.admission_date = admitted;
            return children::amend(c, child, found->version, d, "Corrected", when_amended_,
                                   as(manager_), tick());
        });
    }

    notifications::Sending sending(Timestamp at) const {
        notifications::Sending s;
        s.sent_to = "Children's services front door";
        s.method = "secure_email";
        s.sent_at = at;
        s.sent_by = manager_;
        s.placing_authority = "Westmere City Council, Placements team, 01632 960300";
        s.iro = "Not yet appointed";
        s.ehc = "neither";
        return s;
    }

    children::WhenAdmitted when_admitted_;
    children::WhenAmended when_amended_;
    children::WhenLeaving when_leaving_;
};

TEST_F(PlacementNoticeStore, AnAdmissionOwesANoticeWithAClockFromThatDay) {
    const auto kai = admit_kai();
    const auto owed = notices(kai);
    ASSERT_EQ(owed.size(), 1u);
    EXPECT_EQ(owed[0].occasion, "admission");
    EXPECT_EQ(owed[0].local_authority, "Northshire County Council");
    const auto clock = clock_of(owed[0].id);
    EXPECT_EQ(clock.kind, "reg41_notice");
    EXPECT_EQ(clock.started_at, utc("2026-05-09T23:00:00.000Z")) << "midnight in London";
    EXPECT_EQ(clock.due_at, utc("2026-05-10T23:00:00.000Z")) << "the 24-hour practice target";
    EXPECT_EQ(clock.state, deadlines::State::open);

    const auto draft =
        db_->read([&](db::Connection& c) { return notifications::contents_of(c, owed[0]); })
            .value();
    EXPECT_EQ(draft.child_name, "Kai Bennett");
    EXPECT_EQ(draft.accommodated, "Yes: accommodated under section 20");
    EXPECT_EQ(draft.placing_authority, "Westmere City Council, Placements team, 01632 960300");
    ASSERT_EQ(draft.gaps.size(), 1u) << "no IRO in the case record";

    EXPECT_TRUE(notices(child_).empty()) << "Aisha was placed by the home's own authority";
}

TEST_F(PlacementNoticeStore, SendingMeetsTheClockWhenItWasSentAndKeepsWhatItSaid) {
    const auto kai = admit_kai();
    const auto id = notices(kai)[0].id;
    const auto sent_at = utc("2026-05-10T21:00:00.000Z");
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return notifications::record_sent(c, id, sending(sent_at), as(manager_),
                                                         tick());
                   })
                    .ok());
    const auto clock = clock_of(id);
    EXPECT_EQ(clock.state, deadlines::State::met);
    EXPECT_EQ(clock.met_at, sent_at) << "met at the sending, not when it was written down";

    ASSERT_TRUE(amend_placing(kai, "Eastbrook Borough Council", date("2026-05-10")).ok());
    const auto kept = notices(kai)[0];
    ASSERT_TRUE(kept.sent);
    EXPECT_EQ(kept.sent->placing_authority, "Westmere City Council, Placements team, 01632 960300");
    EXPECT_EQ(kept.sent->ehc, "neither");

    const auto twice = db_->write([&](db::Connection& c) {
        return notifications::record_sent(c, id, sending(sent_at), as(manager_), tick());
    });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
}

TEST_F(PlacementNoticeStore, NotMetByHandOnTheDeadlinesPage) {
    const auto kai = admit_kai();
    const auto clock = clock_of(notices(kai)[0].id);
    const auto by_hand = db_->write([&](db::Connection& c) {
        return deadlines::meet_by_hand(c, clock.id, clock.version, as(manager_), tick(),
                                       "Emailed them");
    });
    ASSERT_FALSE(by_hand.ok());
    EXPECT_EQ(clock_of(notices(kai)[0].id).state, deadlines::State::open);
}

TEST_F(PlacementNoticeStore, AnAmendedRecordMovesWithdrawsAndOwesAgain) {
    const auto kai = admit_kai();
    const auto id = notices(kai)[0].id;

    ASSERT_TRUE(amend_placing(kai, "Westmere City Council", date("2026-05-11")).ok());
    auto clock = clock_of(id);
    EXPECT_EQ(clock.started_at, utc("2026-05-10T23:00:00.000Z")) << "moved to the day given now";
    EXPECT_EQ(clock.state, deadlines::State::open);

    ASSERT_TRUE(amend_placing(kai, "northshire county council", date("2026-05-11")).ok());
    clock = clock_of(id);
    EXPECT_EQ(clock.state, deadlines::State::closed);
    EXPECT_NE(clock.closed_reason.find("Reg 41(2)"), std::string::npos) << clock.closed_reason;
    EXPECT_FALSE(notices(kai)[0].withdrawn_reason.empty());

    ASSERT_TRUE(amend_placing(kai, "Westmere City Council", date("2026-05-11")).ok());
    EXPECT_TRUE(notices(kai)[0].withdrawn_reason.empty());
    const auto all = db_->read([&](db::Connection& c) {
                            return deadlines::for_source(c, "placement_notice", id);
                        })
                         .value();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(std::count_if(all.begin(), all.end(),
                            [](const auto& d) { return d.state == deadlines::State::open; }),
              1);
}

TEST_F(PlacementNoticeStore, APlacingAuthorityCorrectedAwayFromTheHomesOwnOwesTheNotice) {
    const auto kai = admit_kai("Northshire County Council");
    EXPECT_TRUE(notices(kai).empty());
    ASSERT_TRUE(amend_placing(kai, "Westmere City Council", date("2026-05-10")).ok());
    ASSERT_EQ(notices(kai).size(), 1u);
    EXPECT_EQ(notices(kai)[0].occasion, "admission");
}

TEST_F(PlacementNoticeStore, LeavingOwesANoticeOfItsOwn) {
    const auto kai = admit_kai();
    children::Leaving l;
    l.left_on = date("2026-05-12");
    l.destination = "Foster care";
    l.reason = "A planned move";
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return children::record_leaving(c, kai, l, when_leaving_, as(manager_),
                                                       tick());
                   })
                    .ok());
    const auto all = notices(kai);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].occasion, "leaving");
    EXPECT_EQ(clock_of(all[0].id).started_at, now_) << "recorded on the day: from that moment";
}

}  // namespace placement_notice_test
