// What is agreed about a child's contact, on a set clock: an arrangement is refused without who,
// which forms, how often, who supervises it, the social worker who agreed it, or the child's view;
// making or stopping one writes a new version of the child's placement plan whose contact section
// lists the arrangements in force, unsigned, for the registered manager's usual sign-off; the
// social worker's own agreement is recorded once; a digital contact agreement names all three who
// agreed it and its review, and the next one meets that review's clock. On SQLite, and on
// PostgreSQL when HEARTH_TEST_PG_URL is set.
#include <gtest/gtest.h>

#include "contact/arrangement_store.hpp"
#include "deadlines/deadline_store.hpp"
#include "plan_fixture.hpp"

namespace contact_arrangement_test {

using namespace hearth;
using namespace hearth::testing;

std::map<std::string, std::string> weekly_call() {
    return {{"family_member_id", "3"},        {"forms", "phone"},
            {"how_often", "Sunday evenings"}, {"supervision", "none"},
            {"agreed_with", "Sam Keane"},     {"agreed_on", "2026-05-11"},
            {"child_view", "Good"},           {"starts_on", "2026-05-12"}};
}

struct Refusal {
    const char* name;
    std::vector<std::pair<std::string, std::string>> fields;
    const char* field;
};

class ContactArrangementForm : public ::testing::TestWithParam<Refusal> {};

TEST_P(ContactArrangementForm, IsRefusedAtItsField) {
    auto values = weekly_call();
    for (const auto& [k, v] : GetParam().fields) {
        values[k] = v;
    }
    auto form = form_of(values);
    http::FormReader reader(form);
    auto read = contact::read_arrangement(reader, {3}, test_today());
    ASSERT_FALSE(read.ok());
    bool named = false;
    for (const auto& f : read.error().fields) {
        named = named || f.field == GetParam().field;
    }
    EXPECT_TRUE(named) << read.error().message;
}

const Refusal arrangement_refusals[] = {
    {"NoOne", {{"family_member_id", ""}}, "family_member_id"},
    {"NoForm", {{"forms", ""}}, "forms"},
    {"NotHowOften", {{"how_often", ""}}, "how_often"},
    {"SupervisedByNoOne", {{"supervision", "staff"}}, "supervised_by"},
    {"LetterboxWithoutLetters", {{"letterbox", "on"}}, "letterbox"},
    {"AgreedWithNoOne", {{"agreed_with", ""}}, "agreed_with"},
    {"AgreedTomorrow", {{"agreed_on", "2026-05-13"}}, "agreed_on"},
    {"WithoutTheChildsView", {{"child_view", ""}}, "child_view"},
};
INSTANTIATE_TEST_SUITE_P(Arrangements, ContactArrangementForm,
                         ::testing::ValuesIn(arrangement_refusals),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(ContactArrangementRule, ADigitalAgreementNamesAllThreeAndItsReview) {
    for (const char* missing : {"child_agreed_on", "social_worker_agreed_on", "manager_agreed_on",
                                "review_on", "platforms"}) {
        std::map<std::string, std::string> values{
            {"devices", "Phone"},           {"platforms", "Messages"},
            {"times", "Until 21:00"},       {"child_agreed_on", "2026-05-12"},
            {"social_worker", "Sam Keane"}, {"social_worker_agreed_on", "2026-05-11"},
            {"manager", "Sam Carter"},      {"manager_agreed_on", "2026-05-12"},
            {"review_on", "2026-08-12"}};
        values.erase(missing);
        auto form = form_of(values);
        http::FormReader reader(form);
        auto read = contact::read_digital_agreement(reader, test_today());
        ASSERT_FALSE(read.ok()) << missing;
        EXPECT_EQ(read.error().fields.front().field, missing);
    }
}

class ContactArrangementStore : public PlanStore {
  protected:
    contact::ArrangementDetails call_with(const char* person) {
        contact::ArrangementDetails d;
        d.person = person;
        d.forms = {"phone"};
        d.how_often = "Sunday evenings";
        d.supervision = "none";
        d.agreed_with = "Sam Keane";
        d.agreed_on = test_today();
        d.child_view = "I look forward to it";
        d.starts_on = test_today();
        return d;
    }

    contact::PlanFollowed make(const contact::ArrangementDetails& d) {
        auto done = db_->write([&](db::Connection& c) {
            return contact::make_arrangement(c, child_, d, as(manager_), tick());
        });
        EXPECT_TRUE(done.ok()) << done.error().message;
        return done.value();
    }

    std::string family_time(int version) {
        const auto plan =
            db_->read([&](db::Connection& c) { return plans::for_child(c, child_); }).value();
        for (const auto& p : plan) {
            if (p.kind != "placement_plan") {
                continue;
            }
            const auto v =
                db_->read([&](db::Connection& c) { return plans::version(c, p.id, version); })
                    .value();
            for (const auto& s : v->sections) {
                if (s.key == "family_time") {
                    return s.text;
                }
            }
        }
        return "";
    }
};

TEST_F(ContactArrangementStore, ThePlacementPlanFollowsTheArrangementsInForce) {
    EXPECT_FALSE(make(call_with("Grace Bennett")).plan_version)
        << "no placement plan yet: the arrangement stands on its own";

    plans::VersionInput first;
    for (const auto& s : plans::find_kind("placement_plan")->sections) {
        first.sections.push_back({s.key, s.label, s.required ? "Written" : ""});
    }
    first.effective_on = test_today();
    first.review_by = date("2026-08-12");
    first.reason = "Placement planning meeting";
    first.child_views = "OK";
    ASSERT_TRUE(start_plan("placement_plan", first).ok());

    const auto done = make(call_with("Michelle Bennett"));
    ASSERT_EQ(done.plan_version, 2);
    const auto text = family_time(2);
    EXPECT_NE(text.find("Grace Bennett: Telephone, Sunday evenings"), std::string::npos) << text;
    EXPECT_NE(text.find("Michelle Bennett: Telephone"), std::string::npos) << text;
    EXPECT_EQ(family_time(1), "Written") << "the version before is kept as it was";

    const auto ended = db_->write([&](db::Connection& c) {
        return contact::end_arrangement(c, done.arrangement_id,
                                        {test_today(), "Mum asked to pause calls", "Sad"},
                                        as(manager_), tick());
    });
    ASSERT_TRUE(ended.ok()) << ended.error().message;
    EXPECT_EQ(ended->plan_version, 3);
    EXPECT_EQ(family_time(3).find("Michelle"), std::string::npos) << "stopped: no longer listed";
    const auto twice = db_->write([&](db::Connection& c) {
        return contact::end_arrangement(c, done.arrangement_id, {test_today(), "Again", "Again"},
                                        as(manager_), tick());
    });
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
}

TEST_F(ContactArrangementStore, TheSocialWorkersAgreementIsRecordedOnce) {
    const auto done = make(call_with("Grace Bennett"));
    ASSERT_TRUE(db_->write([&](db::Connection& c) {
                       return contact::confirm_arrangement(c, done.arrangement_id, as(chris_),
                                                           tick());
                   })
                    .ok());
    const auto again = db_->write([&](db::Connection& c) {
        return contact::confirm_arrangement(c, done.arrangement_id, as(chris_), tick());
    });
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
}

TEST_F(ContactArrangementStore, TheNextDigitalAgreementMeetsTheLastOnesReview) {
    contact::DigitalAgreement a{"Phone",      "Messages",        "Until 21:00", "",
                                test_today(), "Sam Keane",       test_today(),  "Sam Carter",
                                test_today(), date("2026-06-12")};
    auto agree = [&] {
        return db_->write([&](db::Connection& c) {
            return contact::agree_digital_contact(c, child_, a, as(manager_), tick());
        });
    };
    const auto first = agree();
    ASSERT_TRUE(first.ok()) << first.error().message;
    const auto clocks = [&](std::int64_t id) {
        return db_
            ->read([&](db::Connection& c) {
                return deadlines::for_source(c, "digital_contact_agreement", id);
            })
            .value();
    };
    const auto open = clocks(first.value());
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].state, deadlines::State::open);
    EXPECT_EQ(open[0].due_at, utc("2026-06-12T23:00:00.000Z")) << "by the end of its review day";
    const auto by_hand = db_->write([&](db::Connection& c) {
        return deadlines::meet_by_hand(c, open[0].id, open[0].version, as(manager_), tick(),
                                       "Talked");
    });
    EXPECT_FALSE(by_hand.ok()) << "reviewed only by the agreement that replaces it";
    ASSERT_TRUE(agree().ok());
    EXPECT_EQ(clocks(first.value())[0].state, deadlines::State::met);
    const auto all =
        db_->read([&](db::Connection& c) { return contact::digital_agreements_of(c, child_); })
            .value();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_FALSE(all[0].replaced_at);
    EXPECT_TRUE(all[1].replaced_at);
}

}  // namespace contact_arrangement_test
