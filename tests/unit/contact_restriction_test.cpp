// Contact restrictions on a set clock: each is refused without who, which forms, why, its basis,
// a review date or the child's view; one the home imposes in an emergency without the social
// worker's agreement owes the placing authority full details within 24 hours, met only by
// recording that notice at the moment it was given; a review meets its clock and either lifts the
// restriction or starts the next. On SQLite, and on PostgreSQL when HEARTH_TEST_PG_URL is set.
#include <gtest/gtest.h>

#include "case_record_fixture.hpp"
#include "contact/restriction_store.hpp"
#include "deadlines/deadline_store.hpp"

namespace contact_restriction_test {

using namespace hearth;
using namespace hearth::testing;

contact::RestrictionDetails emergency_details() {
    contact::RestrictionDetails d;
    d.person = "Jay Moss, a friend from school";
    d.forms = {"phone", "online"};
    d.reason = "safeguard";
    d.why = "Messages asking her to meet an older man";
    d.basis = "home";
    d.starts_on = test_today();
    d.review_on = date("2026-05-26");
    d.child_told = true;
    d.child_view = "I don't like it but I get why";
    return d;
}

TEST(ContactRestrictionRule, AnEmergencyIsTheHomesOwnDecisionWithoutPriorAgreement) {
    auto d = emergency_details();
    EXPECT_TRUE(contact::is_emergency(d));
    d.agreed_beforehand = true;
    EXPECT_FALSE(contact::is_emergency(d));
    d.agreed_beforehand = false;
    d.basis = "court_order";
    EXPECT_FALSE(contact::is_emergency(d)) << "a court's order is not the home's to notify";
}

TEST(ContactRestrictionRule, CoversItsFormsOnItsDaysOnly) {
    auto d = emergency_details();
    d.ends_on = date("2026-05-20");
    EXPECT_TRUE(contact::covers(d, test_today(), "phone"));
    EXPECT_FALSE(contact::covers(d, test_today(), "letter"));
    EXPECT_FALSE(contact::covers(d, date("2026-05-11"), "phone")) << "before it starts";
    EXPECT_FALSE(contact::covers(d, date("2026-05-21"), "phone")) << "after it ends";
}

struct Refusal {
    const char* name;
    std::vector<std::pair<std::string, std::string>> fields;
    const char* field;
};

class ContactRestrictionForm : public ::testing::TestWithParam<Refusal> {};

TEST_P(ContactRestrictionForm, IsRefusedAtItsField) {
    std::map<std::string, std::string> values{
        {"person", "Jay Moss"},      {"forms", "phone"},          {"reason", "safeguard"},
        {"why", "Messages"},         {"basis", "home"},           {"starts_on", "2026-05-12"},
        {"agreed_beforehand", "no"}, {"review_on", "2026-05-26"}, {"child_told", "yes"},
        {"child_view", "I get it"}};
    for (const auto& [k, v] : GetParam().fields) {
        values[k] = v;
    }
    std::string body;
    for (const auto& [k, v] : values) {
        body += (body.empty() ? "" : "&") + k + "=" + http::url_encode(v);
    }
    auto form = http::FormData::from_urlencoded(body).value();
    http::FormReader reader(form);
    auto read = contact::read_restriction(reader, {}, test_today());
    ASSERT_FALSE(read.ok());
    bool named = false;
    for (const auto& f : read.error().fields) {
        named = named || f.field == GetParam().field;
    }
    EXPECT_TRUE(named) << read.error().message;
}

const Refusal refusals[] = {
    {"NoOne", {{"person", ""}}, "family_member_id"},
    {"NoForm", {{"forms", ""}}, "forms"},
    {"NoReason", {{"reason", ""}}, "reason"},
    {"NoBasis", {{"basis", ""}}, "basis"},
    {"EndBeforeStart", {{"ends_on", "2026-05-11"}}, "ends_on"},
    {"AgreedWithoutWho",
     {{"agreed_beforehand", "yes"}, {"agreed_on", "2026-05-11"}},
     "agreed_with"},
    {"ReviewInThePast", {{"review_on", "2026-05-01"}}, "review_on"},
    {"ToldWithoutTheirView", {{"child_view", ""}}, "child_view"},
    {"NotToldWithoutWhy", {{"child_told", "no"}, {"child_view", ""}}, "not_told_why"},
};
INSTANTIATE_TEST_SUITE_P(Restrictions, ContactRestrictionForm, ::testing::ValuesIn(refusals),
                         [](const auto& p) { return std::string(p.param.name); });

class ContactRestrictionStore : public CaseRecordTest {
  protected:
    std::int64_t restrict(const contact::RestrictionDetails& d) {
        auto id = db_->write([&](db::Connection& c) {
            return contact::restrict_contact(c, child_, d, as(manager_), now_);
        });
        EXPECT_TRUE(id.ok()) << id.error().message;
        return id.value();
    }

    std::vector<deadlines::Deadline> clocks(std::int64_t id) {
        return db_
            ->read([&](db::Connection& c) {
                return deadlines::for_source(c, "contact_restriction", id);
            })
            .value();
    }

    std::optional<deadlines::Deadline> clock(std::int64_t id, const std::string& kind,
                                             deadlines::State state) {
        for (const auto& d : clocks(id)) {
            if (d.kind == kind && d.state == state) {
                return d;
            }
        }
        return std::nullopt;
    }
};

TEST_F(ContactRestrictionStore, AnEmergencyOwesThePlacingAuthorityNoticeWithin24Hours) {
    const auto id = restrict(emergency_details());
    const auto notice = clock(id, contact::emergency_notice_clock, deadlines::State::open);
    ASSERT_TRUE(notice);
    EXPECT_EQ(notice->started_at, now_) << "imposed today: from the moment it was recorded";
    EXPECT_EQ(notice->due_at, now_ + std::chrono::hours{24});
    const auto review = clock(id, contact::review_clock, deadlines::State::open);
    ASSERT_TRUE(review);
    EXPECT_EQ(review->due_at, utc("2026-05-26T23:00:00.000Z")) << "the end of the review day";

    const auto told_at = now_ + std::chrono::hours{3};
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return contact::record_notice(c, id,
                                                     {"Sam Keane, social worker", "phone", told_at},
                                                     as(manager_), told_at + std::chrono::hours{1});
                   })
                    .ok());
    const auto met = clock(id, contact::emergency_notice_clock, deadlines::State::met);
    ASSERT_TRUE(met);
    EXPECT_EQ(met->met_at, told_at);
    const auto twice = db_->write([&](db::Connection& c) {
        return contact::record_notice(c, id, {"Again", "email", told_at}, as(manager_), tick());
    });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
}

TEST_F(ContactRestrictionStore, OneAgreedBeforehandOwesNoNoticeAndNeverByHand) {
    auto d = emergency_details();
    d.agreed_beforehand = true;
    d.agreed_with = "Sam Keane, social worker";
    d.agreed_on = date("2026-05-11");
    const auto id = restrict(d);
    EXPECT_FALSE(clock(id, contact::emergency_notice_clock, deadlines::State::open));
    const auto review = clock(id, contact::review_clock, deadlines::State::open);
    ASSERT_TRUE(review);
    const auto by_hand = db_->write([&](db::Connection& c) {
        return deadlines::meet_by_hand(c, review->id, review->version, as(manager_), tick(),
                                       "Talked about it");
    });
    EXPECT_FALSE(by_hand.ok()) << "a review is met by recording it, with the child's view";
}

TEST_F(ContactRestrictionStore, AReviewMeetsItsClockAndContinuesOrLifts) {
    const auto id = restrict(emergency_details());
    contact::Review keep{false, "Still messaging", "Fine", date("2026-06-09")};
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return contact::record_review(c, id, keep, as(manager_), tick());
                   })
                    .ok());
    EXPECT_TRUE(clock(id, contact::review_clock, deadlines::State::met));
    const auto next = clock(id, contact::review_clock, deadlines::State::open);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->due_at, utc("2026-06-09T23:00:00.000Z"));

    contact::Review lift{true, "The police have spoken to him", "Good", std::nullopt};
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return contact::record_review(c, id, lift, as(manager_), tick());
                   })
                    .ok());
    EXPECT_FALSE(clock(id, contact::review_clock, deadlines::State::open));
    const auto found =
        db_->read([&](db::Connection& c) { return contact::find_restriction(c, id); }).value();
    ASSERT_TRUE(found && found->lifted_on);
    EXPECT_EQ(found->reviews.size(), 2u);
    const auto again = db_->write([&](db::Connection& c) {
        return contact::record_review(c, id, lift, as(manager_), tick());
    });
    EXPECT_FALSE(again.ok()) << "lifted once";
}

}  // namespace contact_restriction_test
